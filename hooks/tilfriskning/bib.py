"""Check bibliography.bib before anything else reads it.

pybtex (the parser mkdocs-bibtex uses) does the parsing; this module turns its
tracebacks into one Norwegian line with the file line, and adds the project's rules:
ASCII keys, known entry types, `metadata_status` and `source_checked` on every entry
(with `source_note`, what was read and where, whenever a work is `partly` or `yes`
checked), and the fields each type requires. Missing fields on an entry that is not `verified`
are not errors but work for editors (`scripts/kildestatus`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, BibliographyDataError, Person
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from .kinds import ascii_letters
from .languages import for_pandoc, language_of
from .problems import Problem
from .source import line_at

KEY_RE = re.compile(r"^[a-z0-9]+$")
ENTRY_HEADER_RE = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s})]*)", re.MULTILINE)
NON_ENTRY_TYPES = {"comment", "preamble", "string"}
METADATA_STATUSES = ("verified", "partial", "unverified")
SOURCE_CHECKED = ("yes", "partly", "no")

# Fields each entry type needs before it can be called complete. A tuple means
# "one of these". Kept small and close to what Norsk APA 7 prints.
REQUIRED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journaltitle", "journal"), ("year", "date")),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year", "date")),
    "incollection": (("author",), ("title",), ("booktitle",), ("editor",), ("publisher",), ("year", "date")),
    "report": (("author", "institution"), ("title",), ("year", "date")),  # an organisation as author is its own publisher (APA)
    "thesis": (("author",), ("title",), ("type",), ("institution", "school"), ("year", "date")),
    "online": (("author", "organization"), ("title",), ("url",), ("year", "date")),
    "inreference": (("author", "editor"), ("title",), ("booktitle",), ("year", "date"), ("url",)),
    "misc": (("author",), ("title",), ("year", "date")),
}
# Plain-BibTeX type names (as Zotero's Better BibTeX writes them) and what they count as.
TYPE_ALIASES = {
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "inbook": "incollection",
    "webpage": "online",
    "electronic": "online",
    "www": "online",
}
FIELD_NAMES_NB = {
    "author": "forfatter (author)",
    "editor": "redaktør (editor)",
    "title": "tittel (title)",
    "journaltitle": "tidsskrift (journaltitle)",
    "journal": "tidsskrift (journal)",
    "year": "år (year)",
    "date": "dato (date)",
    "publisher": "forlag (publisher)",
    "booktitle": "boktittel (booktitle)",
    "institution": "institusjon (institution)",
    "school": "lærested (school)",
    "type": "type oppgave (type)",
    "url": "nettadresse (url)",
    "organization": "organisasjon (organization)",
}


@dataclass(frozen=True)
class Entry:
    key: str
    type: str
    line: int
    fields: dict[str, str]
    persons: dict[str, int]  # role -> number of names
    source: str = ""  # the entry's own text in the .bib, as written

    @property
    def verified(self) -> bool:
        return self.metadata_status == "verified"

    @property
    def note(self) -> str:
        """What was read of the original, and where (source_note), on one line."""
        return " ".join(self.fields.get("source_note", "").split())

    @property
    def metadata_status(self) -> str:
        return self.fields.get("metadata_status", "")

    @property
    def checked(self) -> str:
        """How much of the original someone has read: "yes", "partly" or "no"."""
        return self.fields.get("source_checked", "")

    @property
    def source_checked(self) -> bool:
        """True only when the cited pages were read in the original."""
        return self.checked == "yes"

    def has(self, name: str) -> bool:
        return bool(self.persons.get(name)) or bool(self.fields.get(name, "").strip())

    def missing_fields(self) -> list[tuple[str, ...]]:
        return [alts for alts in REQUIRED_FIELDS.get(self.type, ()) if not any(self.has(a) for a in alts)]


@dataclass(frozen=True)
class Bibliography:
    entries: dict[str, Entry]
    data: BibliographyData | None
    text: str = ""  # the .bib as checked

    def for_pandoc(self) -> str:
        """The .bib text pandoc reads: titles in another language marked (tilfriskning.languages)."""
        langids = {key: (e.source, e.fields["langid"]) for key, e in self.entries.items() if "langid" in e.fields}
        return for_pandoc(self.text, langids)

    def work_items(self) -> list[tuple[Entry, list[tuple[str, ...]]]]:
        """Entries that are not verified, with the fields they still lack."""
        return [(e, e.missing_fields()) for e in self.entries.values() if e.metadata_status != "verified"]


def describe_fields(alternatives: list[tuple[str, ...]]) -> str:
    return ", ".join(" eller ".join(FIELD_NAMES_NB.get(f, f) for f in alts) for alts in alternatives)


def _headers(text: str) -> list[tuple[str, str, int]]:
    return [
        (m.group(1).lower(), m.group(2), line_at(text, m.start()))
        for m in ENTRY_HEADER_RE.finditer(text)
        if m.group(1).lower() not in NON_ENTRY_TYPES
    ]


def _unbalanced_entry(text: str) -> int | None:
    """File line of the first entry whose braces don't balance before the next entry."""
    starts = [m.start() for m in ENTRY_HEADER_RE.finditer(text)] + [len(text)]
    for begin, end in zip(starts, starts[1:]):
        chunk = re.sub(r"\\[{}]", "", text[begin:end])
        if chunk.count("{") != chunk.count("}"):
            return line_at(text, begin)
    return None


def _syntax_problem(filename: str, text: str, error: PybtexSyntaxError) -> Problem:
    line = getattr(error, "lineno", None) or 1
    if getattr(error, "error_type", "") == "undefined string":
        word = str(error).rsplit(": ", 1)[-1].strip()
        return Problem(
            filename,
            line,
            f"«{word}» står uten klammer, og BibTeX leser det som navnet på en forkortelse som ikke finnes; "
            f"sett verdien i klammer: {{{word}}}",
            "bib-syntaks",
        )
    entry_line = _unbalanced_entry(text)
    if entry_line is None:
        starts = [h_line for _, _, h_line in _headers(text) if h_line <= line]
        entry_line = starts[-1] if starts else None
    else:
        line = entry_line
    start = f" i oppføringen som starter på linje {entry_line}" if entry_line else ""
    detail = str(error).split(": ", 1)[-1]
    expected = re.search(r"'(.)' expected", detail)
    what = f"forventet «{expected.group(1)}»" if expected else detail
    return Problem(
        filename,
        line,
        f"BibTeX-syntaksfeil ({what}){start}; sjekk at hver {{ har sin }}, "
        "at feltene skilles med komma, og at oppføringen slutter med }",
        "bib-syntaks",
    )


def _header_problems(text: str, filename: str, headers: list[tuple[str, str, int]]) -> list[Problem]:
    """Keys and entry types, read from the entry headers before pybtex parses anything."""
    problems: list[Problem] = []
    lines_by_key: dict[str, list[int]] = {}
    for entry_type, key, line in headers:
        lines_by_key.setdefault(key.lower(), []).append(line)
        if not key:
            problems.append(
                Problem(filename, line, "oppføringen mangler nøkkel; skriv f.eks. @book{etternavn2020, …", "bib-nokkel-mangler")
            )
        elif not KEY_RE.match(key):
            suggestion = re.sub(r"[^a-z0-9]", "", ascii_letters(key.lower()))
            problems.append(
                Problem(
                    filename,
                    line,
                    f"nøkkelen «{key}» kan bare ha små bokstaver a–z og sifre; bruk f.eks. «{suggestion}»",
                    "bib-nokkel-form",
                )
            )
        if entry_type not in REQUIRED_FIELDS and entry_type not in TYPE_ALIASES:
            problems.append(
                Problem(
                    filename,
                    line,
                    f"ukjent oppføringstype «@{entry_type}» for «{key}»; bruk en av "
                    + ", ".join("@" + t for t in REQUIRED_FIELDS),
                    "bib-type",
                )
            )
    for key, lines in lines_by_key.items():
        if key and len(lines) > 1:
            others = " og ".join(str(n) for n in lines[1:])
            problems.append(
                Problem(
                    filename,
                    lines[0],
                    f"nøkkelen «{key}» er brukt flere ganger (også linje {others}); "
                    "slå oppføringene sammen eller gi én av dem en ny nøkkel",
                    "bib-nokkel-brukt",
                )
            )
    return problems


def _parse(text: str, filename: str, headers: list[tuple[str, str, int]]) -> tuple[BibliographyData | None, list[Problem]]:
    """pybtex's parse, its tracebacks told as one Norwegian line. Names are read after they
    are checked (`name_problems`): pybtex stops with a traceback at a name it can't read."""
    try:
        data = Parser(person_fields=()).parse_string(text)
    except PybtexSyntaxError as error:
        return None, [_syntax_problem(filename, text, error)]
    except BibliographyDataError as error:
        duplicate = re.search(r"key (\S+) has a duplicate (\S+) field", str(error))
        if duplicate:
            key, field_name = duplicate.group(1).strip("'\""), duplicate.group(2).strip("'\"")
            line = next((h_line for _, h_key, h_line in headers if h_key == key), None)
            return None, [
                Problem(filename, line, f"«{key}» har feltet «{field_name}» to ganger; slå dem sammen til ett", "bib-dublettfelt")
            ]
        return None, [Problem(filename, None, f"BibTeX-feil: {error}", "bib-feil")]
    except PybtexError as error:
        return None, [Problem(filename, None, f"BibTeX-feil: {error}; se på oppføringen meldingen nevner", "bib-feil")]
    line_of_key = {key: line for _, key, line in headers}
    problems = [
        Problem(filename, line_of_key.get(key, 1), message, "bib-navn")
        for key, entry in data.entries.items()
        for role in PERSON_ROLES
        if role in entry.fields and (message := name_problem(key, role, entry.fields[role]))
    ]
    if problems:
        return None, problems
    for entry in data.entries.values():
        for role in PERSON_ROLES:
            if role in entry.fields:
                for name in split_name_list(entry.fields.pop(role)):
                    entry.add_person(Person(name), role)
    return data, []


PERSON_ROLES = ("author", "editor")
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _top_level(value: str) -> str:
    """The value with everything inside braces blanked: what BibTeX reads as name syntax."""
    depth, out = 0, []
    for char in value:
        depth += char == "{"
        out.append(char if depth == 0 or char in "{}" else " ")
        depth -= char == "}" and depth > 0
    return "".join(out)


def name_problem(key: str, role: str, value: str) -> str | None:
    """What makes a list of names print garbled: `&`, a stray `and`, an APA-style list, or an
    organisation's name in single braces (its last word would become a surname)."""
    top = _top_level(value)
    field = f"{role} i «{key}»"
    role_word = re.search(r"\((?:red|reds|eds?|hrsg|utg)\.?\)", top, re.I)
    if role_word:
        return f"{field} har «{role_word.group(0)}» etter et navn; fjern det: stilen skriver «(Red.)» selv for editor"
    if re.search(r",\s*(?<!\\)&", top) or any(name.count(",") > 2 for name in split_name_list(top)):
        return (
            f"{field} ser ut som en navneliste i APA-form («{value}»); skriv hvert navn som «Etternavn, Fornavn» "
            "og skill navnene med « and »"
        )
    if re.search(r"(?<!\\)&", top):
        return f"{field} skiller navnene med «&»; skill dem med « and »: {role} = {{Etternavn, Fornavn and Etternavn, Fornavn}}"
    words = [word.lower() == "and" for word in top.split()]
    if words[:1] == [True] or words[-1:] == [True] or any(a and b for a, b in zip(words, words[1:])):
        return f"{field} har et «and» for mye (først, sist eller to etter hverandre); fjern det"
    names = split_name_list(value)
    for name, plain in zip(names, split_name_list(top)):
        commas = plain.count(",")
        middle = plain.split(",")[1].strip().lower() if commas == 2 else ""
        if commas == 2 and middle not in SUFFIXES:
            return (
                f"{field} ser ut som en navneliste i APA-form («{name}»); skriv hvert navn som «Etternavn, Fornavn» "
                "og skill navnene med « and »"
            )
        if not commas and len(plain.split()) > 1 and not re.fullmatch(r"\s*\{.*\}\s*", name):
            return (
                f"«{name}» i {field} blir lest som fornavn og etternavn; skriv «Etternavn, Fornavn», eller sett navnet "
                f"på en organisasjon i doble klammer: {role} = {{{{{name}}}}}"
            )
    return None


# Rules for one parsed entry: (rule id, function returning the Norwegian message or None).
def _metadata_status(entry: Entry) -> str | None:
    """Every entry says how far its bibliographic data is verified."""
    status = entry.metadata_status
    if status in METADATA_STATUSES:
        return None
    found = f"«{status}»" if status else "ingenting"
    return f"«{entry.key}» har metadata_status {found}; skriv metadata_status = {{verified}}, {{partial}} eller {{unverified}}"


def _source_checked(entry: Entry) -> str | None:
    """Every entry says how much of the original someone has read."""
    if entry.checked in SOURCE_CHECKED:
        return None
    found = f"«{entry.checked}»" if entry.checked else "ingenting"
    return (
        f"«{entry.key}» har source_checked {found}; skriv source_checked = {{no}} "
        "({partly} når bare en del av originalen er lest, {yes} når de siterte sidene er lest)"
    )


def _source_note(entry: Entry) -> str | None:
    """A work read in the original, wholly or partly, says what was read and where."""
    if entry.checked not in ("yes", "partly") or entry.note:
        return None
    return (
        f"«{entry.key}» har source_checked = {{{entry.checked}}}, men sier ikke hva som er lest; skriv i source_note "
        "hva som er lest og hvor, f.eks. source_note = {Sammendraget på utgiverens nettside}"
    )


def _verified_complete(entry: Entry) -> str | None:
    """An entry marked verified has every field its type needs."""
    if entry.metadata_status != "verified" or not entry.missing_fields():
        return None
    return (
        f"«{entry.key}» er merket verified, men mangler {describe_fields(entry.missing_fields())}; "
        "fyll inn feltene, eller sett metadata_status = {partial}"
    )


def _year(entry: Entry) -> str | None:
    """`year` is four digits (an undated work has none: the style writes «u.å.»; the letter of
    2007a/2007b is added by the style), and `date` is written ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD."""
    year, date = entry.fields.get("year", "").strip(), entry.fields.get("date", "").strip()
    if year and not re.fullmatch(r"\d{4}", year):
        if re.fullmatch(r"\d{4}[a-z]", year):
            return (
                f"«{entry.key}» har year = {{{year}}}; skriv bare årstallet, year = {{{year[:4]}}}: bokstaven legges "
                "til automatisk når to verk har samme forfatter og år"
            )
        if re.fullmatch(r"(?i)u\.?\s*å\.?|n\.?\s*d\.?|udatert|ukjent", year):
            return (
                f"«{entry.key}» har year = {{{year}}}; fjern feltet year når verket ikke har årstall: stilen skriver «u.å.» selv"
            )
        return f"«{entry.key}» har year = {{{year}}}; skriv et årstall med fire sifre, f.eks. year = {{2016}}"
    if date and not all(_iso_date(part) for part in date.split("/") if part not in ("", "..")):
        return f"«{entry.key}» har date = {{{date}}}; skriv datoen som ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ), f.eks. date = {{2021-09-08}}"
    return None


def _urldate(entry: Entry) -> str | None:
    """`urldate`, the day a web page was read, is written ÅÅÅÅ-MM-DD, as Zotero exports it."""
    urldate = entry.fields.get("urldate", "").strip()
    if not urldate or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", urldate) and _iso_date(urldate)):
        return None
    day = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", urldate)
    # a Norwegian date written out in the right form; otherwise today's date as the example
    hint = f"{day.group(3)}-{int(day.group(2)):02d}-{int(day.group(1)):02d}" if day else dt.date.today().isoformat()
    return f"«{entry.key}» har urldate = {{{urldate}}}; skriv datoen siden ble lest som ÅÅÅÅ-MM-DD, urldate = {{{hint}}}"


def _iso_date(text: str) -> bool:
    if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", text):
        return True
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _doi(entry: Entry) -> str | None:
    """`doi` is the DOI itself (`10.1037/…`): the style puts https://doi.org/ in front."""
    doi = entry.fields.get("doi", "").strip()
    if doi and not doi.startswith("10."):
        bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
        return f"«{entry.key}» har doi = {{{doi}}}; skriv bare selve DOI-en, doi = {{{bare}}}: «https://doi.org/» legges til automatisk"
    return None


def _url(entry: Entry) -> str | None:
    """`url` is a whole web address: https:// (or http://) first, no spaces."""
    url = entry.fields.get("url", "").strip()
    if not url:
        return None
    if re.search(r"\s", url):
        return f"«{entry.key}» har mellomrom i url; fjern mellomrommet (står det et mellomrom i selve adressen, skriv %20)"
    if not re.match(r"https?://[^/]", url):
        return f"«{entry.key}» har url = {{{url}}}; skriv hele adressen med https:// foran, slik den står i nettleseren"
    return None


LOCAL_PATH_RE = re.compile(r"(?i)^(?:[a-z]:[\\/]|file:|/(?:home|users|mnt|private|var)/)|[\\/](?:users|home)[\\/]")


def _local_file(entry: Entry) -> str | None:
    """No field holds a path on the editor's machine (Zotero's `file`): the .bib is published
    as it is, on Litteratur, in the print view and as a download."""
    leaking = [name for name, value in entry.fields.items() if name == "file" or LOCAL_PATH_RE.search(value.strip())]
    if not leaking:
        return None
    if leaking[0] == "file":
        return (
            f"«{entry.key}» har feltet «file» med en sti på din maskin (Zotero legger den inn), og bibliografien "
            "publiseres som den er; slett feltet (i Zotero: ikke kryss av for «Export Files» når du eksporterer)"
        )
    return (
        f"«{entry.key}» har en sti på din maskin i feltet «{leaking[0]}», og bibliografien publiseres som den er; "
        "slett stien (lenk heller til verket med url eller doi)"
    )


TEXT_FIELDS_WITHOUT_PERCENT = ("url", "doi", "file", "urldate", "source_note")


def _percent(entry: Entry) -> str | None:
    """A `%` in a field is written `\\%`: pandoc reads `%` as the start of a comment and cuts the rest."""
    for name, value in entry.fields.items():
        if name not in TEXT_FIELDS_WITHOUT_PERCENT and re.search(r"(?<!\\)%", value):
            return f"«%» i feltet {name} i «{entry.key}» kutter resten av teksten (BibTeX leser % som en kommentar); skriv «\\%»"
    return None


def _pages_and_edition(entry: Entry) -> str | None:
    """`pages` holds only the numbers (`45--67`) and `edition` only the number (`4`): the style
    writes «s.» and «utg.» itself."""
    pages, edition = entry.fields.get("pages", "").strip(), entry.fields.get("edition", "").strip()
    if pages and re.match(r"(?i)^(?:s|ss|p|pp|side|sider|sidene)\.?\s*\d", pages):
        numbers = re.sub(r"^\D+", "", pages)
        return f"«{entry.key}» har pages = {{{pages}}}; skriv bare sidetallene, pages = {{{numbers}}}: «s.» legges til automatisk"
    if edition and edition[0].isdigit() and not edition.isdigit():  # «Revidert utgave» is printed as written
        number = re.match(r"\d+", edition)
        hint = f"edition = {{{number.group(0)}}}" if number else "edition = {2}"
        return f"«{entry.key}» har edition = {{{edition}}}; skriv bare tallet, {hint}: «utg.» legges til automatisk"
    return None


def _langid(entry: Entry) -> str | None:
    """`langid`, the language the title is written in, is one the site can mark (WCAG 3.1.2)."""
    value = entry.fields.get("langid")
    if value is None or language_of(value):
        return None
    return (
        f"«{entry.key}» har langid «{value}», et språk nettstedet ikke kjenner; skriv språket tittelen er skrevet på, "
        "for eksempel langid = {english}, {swedish}, {danish} eller {nynorsk}"
    )


ENTRY_RULES = (
    ("bib-status", _metadata_status),
    ("bib-kontroll", _source_checked),
    ("bib-lest", _source_note),
    ("bib-verifisert", _verified_complete),
    ("bib-ar", _year),
    ("bib-lest-dato", _urldate),
    ("bib-doi", _doi),
    ("bib-url", _url),
    ("bib-lokal-fil", _local_file),
    ("bib-prosent", _percent),
    ("bib-tall", _pages_and_edition),
    ("bib-sprak", _langid),
)


def check_bibliography(text: str, filename: str = "bibliography.bib") -> tuple[Bibliography, list[Problem]]:
    """Parse and check the .bib text, once. Errors stop the build; work items don't."""
    headers = _headers(text)
    problems = _header_problems(text, filename, headers)
    if problems:
        return Bibliography({}, None), problems
    data, problems = _parse(text, filename, headers)
    if data is None:
        return Bibliography({}, None), problems
    line_of_key = {key: line for _, key, line in headers}
    sources = entry_sources(text)
    entries: dict[str, Entry] = {}
    for key, raw in data.entries.items():
        entries[key] = entry = Entry(
            key=key,
            type=TYPE_ALIASES.get(raw.type.lower(), raw.type.lower()),
            line=line_of_key.get(key, 1),
            fields={name.lower(): str(value) for name, value in raw.fields.items()},
            persons={role.lower(): len(people) for role, people in raw.persons.items()},
            source=sources.get(key, ""),
        )
        problems += [
            Problem(filename, entry.line, message, rule_id) for rule_id, check in ENTRY_RULES if (message := check(entry))
        ]
    return Bibliography(entries, data, text), problems


def entry_sources(text: str) -> dict[str, str]:
    """Each entry's own text in the .bib, from its @ to its closing brace, as written."""
    sources = {}
    for match in ENTRY_HEADER_RE.finditer(text):
        if match.group(1).lower() in NON_ENTRY_TYPES:
            continue
        depth, end = 0, None
        for index in range(text.index("{", match.start()), len(text)):
            if text[index] == "{" and text[index - 1] != "\\":
                depth += 1
            elif text[index] == "}" and text[index - 1] != "\\":
                depth -= 1
                if depth == 0:
                    end = index + 1
                    break
        if end:
            sources[match.group(2)] = text[match.start() : end].strip()
    return sources
