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
 *    outranks one with a longer word that merely starts with the stem. Identifiers joined
 *    by hyphens ("§ 2-5", "IS-1948") become "2_5", "is_1948", as the index has them
 *    (hooks/tilfriskning/search_nb.py); lunr's query parser would split them at "-".
 * 3. Material lists a query term a result lacks under "Mangler"; the terms are now the
 *    worker's, so each result's terms are mapped back to the words the reader typed.
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
      deliver({ type: SETUP, data: { ...setup.data, docs: index.docs } })
    })
}

/* The lunr terms one typed word becomes, and the text Material gets for it. */
function rewriteWord(part) {
  const word = part.toLowerCase()
  if (/^[0-9a-zæøå§.]+(?:-[0-9a-zæøå.]+)+$/.test(word) && /\d/.test(word)) {
    const joined = word.replace(/-/g, "_")
    return { terms: [joined], text: joined }
  }
  if (!/^[a-zæøåäöüé]{4,}$/.test(word)) {
    const separator = new RegExp(setup.data.config.separator)
    return { terms: word.split(separator).filter(Boolean), text: part }
  }
  const base = lunr.no.stemmer(new lunr.Token(word)).toString()
  const prefix = base.replace(/([bdfgklmnprstv])\1$/, "$1")  // skamm- -> skam-: "skam" is a page's word too
  const forms = [...new Set([...ENDINGS.map(ending => base + ending), prefix, word])]
  return { terms: [prefix, ...forms], text: [prefix, ...forms.map(form => `${form}^${FORM_BOOST}`)].join(" ") }
}

function rewrite(query) {
  typed = []
  return query.split(/(\s+)/).map(part => {
    if (!part.trim() || /^[+\-"*]|[~^:*"]/.test(part))
      return part                       // lunr syntax and spaces as typed
    const { terms, text } = rewriteWord(part)
    typed.push({ word: part.toLowerCase(), terms })
    return text
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

const send = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === RESULT && typed.length)
    for (const group of message.data.items)
      for (const item of group)
        item.terms = readersTerms(item.terms)
  send(message)
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
    deliver({ type: QUERY, data: rewrite(message.data) })
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
