/*
 * Tilfriskning's search worker: Material's own (lunr), with three changes.
 *
 * 1. The index is loaded when the search box first gets focus, not with every page.
 *    Material's page script sends its setup message at once, with the stub
 *    search/search_index.json (configuration only). This worker keeps it until
 *    search_focus.js says the box has had focus (BroadcastChannel "tilfriskning-search"),
 *    then fetches the documents (search/search_index_nb.json) and Material's worker and
 *    hands that the whole setup. Until it answers, Material shows "Starter søk".
 * 2. The reader's words are stemmed on the query side (lunr's Norwegian Snowball
 *    stemmer): "motivasjonen" becomes the prefix "motivasjon*" and, boosted, the whole
 *    words motivasjon, motivasjonen, motivasjoner ..., so that a page with the word itself
 *    outranks one with a longer word that merely starts with the stem; a number likewise
 *    searches itself, boosted, before longer numbers that begin with it ("14" before "145"),
 *    and those only in the text: a year in a title ("Nymoen (2020)", boosted as titles are)
 *    outranked the pages where "20" stands, while a number being typed ("202") still finds
 *    the pages with 2020 in their text.
 *    Identifiers joined
 *    by hyphens ("§ 2-5", "IS-1948") become "2_5", "is_1948", as the index has them
 *    (hooks/tilfriskning/search_nb.py); lunr's query parser would split them at "-". So do
 *    spans with an en dash ("2016–2017") and law sections with a letter ("§ 10 a": "10a").
 * 3. Material lists a query term a result lacks under "Mangler"; the terms are now the
 *    worker's, so each result's terms are mapped back to the words the reader typed.
 * 4. Results are slimmed before they cross to the page, whose main thread must copy them:
 *    Material shows a result's text as a teaser of a few lines, but sends (and the page
 *    renders) two whole paragraphs of every match, and the whole text of an entry that
 *    matched only in its title or tags. Each entry now gets one line of plain text around
 *    its first match, a page brings at most its SECTIONS best sections, and beyond the
 *    first FULL_GROUPS pages (shown only when the reader scrolls that far) a result is its
 *    page's title. The count of results (pages) is unchanged.
 *    On a 1000-page site a one-letter query matches every page.
 *    A query the reader has typed on from before it was searched is not searched.
 *
 * Material's worker file name comes as ?engine=... (hooks/search_nb.py writes it).
 */
"use strict"

const SETUP = 0
const QUERY = 2
const RESULT = 3
const ENGINE = new URL(location.href).searchParams.get("engine")?.match(/^search\.[0-9a-f]+\.min\.js$/)?.[0]
const DOCUMENTS = new URL("../../../search/search_index_nb.json", location.href)
const CHANNEL = "tilfriskning-search"
const ENDINGS = ["", "e", "en", "er", "et", "ene", "a"]
const FORM_BOOST = 10
const FULL_GROUPS = 20
const SECTIONS = 5      // sections per page, besides the page itself

let setup = null        // Material's setup message (the stub), kept until the index is wanted
let wanted = false      // the search box has had focus
let loading = null
let typed = []          // the last query: [{ word, terms }], the lunr terms each typed word became
const ours = new WeakSet()

/* Hand a message to Material's worker, whose listener comes after ours. */
function deliver(data) {
  const event = new MessageEvent("message", { data })
  ours.add(event)
  dispatchEvent(event)
}

function load() {
  if (loading || !setup || !ENGINE)
    return
  loading = fetch(DOCUMENTS)
    .then(response => response.json())
    .then(index => {
      importScripts(ENGINE)
      // Material counts a query term a result lacks (it ranks results with every word
      // higher) if lunr's stop-word filter keeps it: only each typed word's first term, not its forms
      lunr.stopWordFilter = token => typed.some(({ terms }) => terms[0] === String(token)) ? token : undefined
      // registered under lunr's own label, as lunr registers the filter it replaces: an unregistered
      // function in a pipeline makes lunr warn in the console on every search
      lunr.stopWordFilter.label = "stopWordFilter"
      lunr.Pipeline.registeredFunctions.stopWordFilter = lunr.stopWordFilter
      deliver({ type: SETUP, data: { ...setup.data, docs: index.docs } })
    })
    .catch(() => { loading = null })    // offline, say: the next focus tries again
}

/* What one typed word becomes: for each of its parts (split where Material's separator
   splits, "ROP-retningslinjen" in two), the lunr terms and the text Material gets. */
function rewriteWord(part) {
  const word = part.toLowerCase()
  if (/^[0-9a-zæøå§.]+(?:[-–][0-9a-zæøå.]+)+$/.test(word) && /\d/.test(word)) {
    const joined = word.replace(/[-–]/g, "_")
    return [{ word: part, terms: [joined], text: joined }]
  }
  return word.split(new RegExp(setup.data.config.separator)).filter(Boolean).map(piece => {
    if (/^\d[\d.]*$/.test(piece))       // a number: the number itself first, then longer ones in the text that begin with it
      return { word: piece, terms: [piece], text: `text:${piece} ${piece}^${FORM_BOOST}` }
    if (!/^[a-zæøåäöüé]{4,}$/.test(piece))
      return { word: piece, terms: [piece], text: piece }
    const base = lunr.no.stemmer(new lunr.Token(piece)).toString()
    const prefix = base.replace(/([bdfgklmnprstv])\1$/, "$1")  // skamm- -> skam-: "skam" is a page's word too
    const forms = [...new Set([...ENDINGS.map(ending => base + ending), prefix, piece])]
    return { word: piece, terms: [prefix, ...forms], text: [prefix, ...forms.map(form => `${form}^${FORM_BOOST}`)].join(" ") }
  })
}

/* "§ 10 a" as the index holds it (hooks/tilfriskning/search_nb.py, LAW_LETTER_RE): "§ 10a". */
const LAW_LETTER = /(§§?\s*\d+(?:-\d+)?)\s([a-h])(?=\s|$)/gi

function rewrite(query) {
  typed = []
  return query.replace(LAW_LETTER, "$1$2").split(/(\s+)/).map(part => {
    if (!part.trim() || /^[+\-"*]|[~^:*"]/.test(part))
      return part                       // lunr syntax and spaces as typed
    const pieces = rewriteWord(part)
    typed.push(...pieces)
    return pieces.map(piece => piece.text).join(" ")
  }).join("")
}

/* A result's terms in the reader's words: the matched lunr terms (they highlight the
   page via ?h=), and each typed word none of whose terms matched, as missing. */
function readersTerms(matched) {
  if (!Object.keys(matched).length)
    return matched                      // the page of a matching section: Material lists nothing
  const terms = {}
  for (const { word, terms: own } of typed) {
    const found = own.filter(term => matched[term])
    if (found.length)
      found.forEach(term => terms[term] = true)
    else
      terms[word] = false
  }
  return terms
}

/* A line of plain text around the first match: Material shows a teaser of two or three
   lines, but renders all of the text it gets (two whole paragraphs or lists), and renders
   the sections it folds under "N flere på denne siden" too. */
function line(text) {
  const plain = (text || "").replace(/<(?!\/?mark>)[^>]+>/g, " ").replace(/\s+/g, " ").trim()
  if (!plain)
    return ""
  const at = Math.max(0, plain.indexOf("<mark>"))
  const start = at > 60 ? plain.lastIndexOf(" ", at - 60) + 1 : 0
  let cut = plain.slice(start, start + 200)
  if (start + 200 < plain.length)
    cut = cut.slice(0, Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("</mark>") + 7)) + " …"
  if ((cut.match(/<mark>/g) || []).length > (cut.match(/<\/mark>/g) || []).length)
    cut += "</mark>"
  return `<p>${start > 0 ? "… " : ""}${cut}</p>`
}

/* Each page with its best SECTIONS sections, each with a line of text; beyond the first
   FULL_GROUPS pages a result is its page's title alone (Material renders each result
   around its page), so that the count stays right and the copy stays small. */
function slim(items) {
  return items.map((group, index) => {
    if (index >= FULL_GROUPS) {
      const page = group.find(item => !item.location.includes("#")) || group[0]
      return [{ location: page.location.split("#")[0], title: page.title, text: "", score: group[0].score, terms: {} }]
    }
    const page = group.find(item => !item.location.includes("#"))
    const sections = group.filter(item => item !== page).slice(0, SECTIONS)
    return group.filter(item => item === page || sections.includes(item)).map(item => ({
      location: item.location,
      title: item.title,
      text: line(item.text),
      ...item.tags && { tags: item.tags },
      score: item.score,
      terms: typed.length ? readersTerms(item.terms) : item.terms
    }))      // not `parent`: the whole page again, for every section, and the page never reads it
  })
}

const send = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === RESULT)
    message = { ...message, data: { ...message.data, items: slim(message.data.items) } }
  send(message)
}

/* Only the newest query is searched: while a search runs, the reader may type on, and
   an answer to a query already replaced would cost the page a rendering for nothing. */
let asked = null
function ask(query) {
  if (asked === null)
    setTimeout(() => {
      const query = asked
      asked = null
      deliver({ type: QUERY, data: rewrite(query) })
    }, 0)
  asked = query
}

addEventListener("message", event => {
  if (ours.has(event))
    return
  event.stopImmediatePropagation()
  const message = event.data
  if (message.type === SETUP) {
    setup = message
    if (wanted)
      load()
  } else if (message.type === QUERY) {
    ask(message.data)
  } else {
    deliver(message)
  }
})

if (typeof BroadcastChannel === "function") {
  const channel = new BroadcastChannel(CHANNEL)
  channel.addEventListener("message", event => {
    if (event.data !== "load")
      return
    wanted = true
    load()
  })
  channel.postMessage("started")      // a focus that came before this worker listened is told again
} else {
  wanted = true                         // no way to hear of the focus: load with the page, as before
}
