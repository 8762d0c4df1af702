"""Check bibliography.bib before anything else reads it.

pybtex (the parser mkdocs-bibtex uses) does the parsing; this module turns its
tracebacks into one Norwegian line with the file line, and adds the project's rules:
ASCII keys, known entry types, `metadata_status` and `source_checked` on every entry
(with `source_note`, what was read and where, whenever a work is `partly` or `yes`
checked), and the fields each type requires. Missing fields on an entry that is not `verified`
are not errors but work for editors (`scripts/kildestatus`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database import BibliographyData, BibliographyDataError, parse_string
from pybtex.scanner import PybtexSyntaxError

from .kinds import ascii_letters
from .problems import Problem

KEY_RE = re.compile(r"^[a-z0-9]+$")
ENTRY_HEADER_RE = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]*)", re.MULTILINE)
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

    def work_items(self) -> list[tuple[Entry, list[tuple[str, ...]]]]:
        """Entries that are not verified, with the fields they still lack."""
        return [(e, e.missing_fields()) for e in self.entries.values() if e.metadata_status != "verified"]


def describe_fields(alternatives: list[tuple[str, ...]]) -> str:
    return ", ".join(" eller ".join(FIELD_NAMES_NB.get(f, f) for f in alts) for alts in alternatives)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _headers(text: str) -> list[tuple[str, str, int]]:
    return [
        (m.group(1).lower(), m.group(2), _line_of(text, m.start()))
        for m in ENTRY_HEADER_RE.finditer(text)
        if m.group(1).lower() not in NON_ENTRY_TYPES
    ]


def _unbalanced_entry(text: str) -> int | None:
    """File line of the first entry whose braces don't balance before the next entry."""
    starts = [m.start() for m in ENTRY_HEADER_RE.finditer(text)] + [len(text)]
    for begin, end in zip(starts, starts[1:]):
        chunk = re.sub(r"\\[{}]", "", text[begin:end])
        if chunk.count("{") != chunk.count("}"):
            return _line_of(text, begin)
    return None


def _syntax_problem(filename: str, text: str, error: PybtexSyntaxError) -> Problem:
    line = getattr(error, "lineno", None) or 1
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
    """pybtex's parse, its tracebacks told as one Norwegian line."""
    try:
        return parse_string(text, "bibtex"), []
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


ENTRY_RULES = (
    ("bib-status", _metadata_status),
    ("bib-kontroll", _source_checked),
    ("bib-lest", _source_note),
    ("bib-verifisert", _verified_complete),
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
    return Bibliography(entries, data), problems


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
