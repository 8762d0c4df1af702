"""Front matter against the JSON Schema, each error told in Norwegian on the field's own line.

`schema/frontmatter.schema.json` is the single definition of page metadata. jsonschema
finds the errors; this module turns each into one line an editor can act on, with the
rule id of the kind of error.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from pathlib import Path

from jsonschema import Draft202012Validator

from .kinds import RELATIONS
from .problems import Problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "frontmatter.schema.json"
TYPE_NAMES_NB = {
    "string": "tekst",
    "array": "en liste",
    "object": "felt med underfelt",
    "number": "et tall",
    "integer": "et heltall",
    "boolean": "ja/nei (true/false)",
    "null": "tom",
}


@functools.lru_cache(maxsize=1)
def schema_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _kind(value) -> str:
    if isinstance(value, bool):
        return "ja/nei (true/false)"
    for name, kind in (("string", str), ("array", list), ("object", dict), ("number", (int, float))):
        if isinstance(value, kind):
            return TYPE_NAMES_NB[name]
    return "tom" if value is None else type(value).__name__


def _field_name(path) -> str:
    parts = []
    for part in path:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else ("." if parts else "") + str(part))
    return "".join(parts) or "front matter"


# Each reader: (error, meta, name, top) -> (keys of the field from the top, rule id, message) or None.
def _required(error, meta, name, top):
    path, value = list(error.absolute_path), error.instance
    missing = [f for f in error.validator_value if f not in (value or {})]
    page_type = meta.get("type")
    needed_by_type = page_type and not path and missing[0] not in ("title", "description", "type")
    extra = f" (påkrevd for type «{page_type}»)" if needed_by_type else ""
    where = f" under «{name}»" if path else ""
    return (top or [missing[0]]), "felt-mangler", f"mangler feltet «{missing[0]}»{where}{extra}; legg det til i front matter"


def _additional(error, meta, name, top):
    allowed = sorted(error.schema.get("properties", {}))
    for extra in [k for k in error.instance if k not in allowed]:
        close = difflib.get_close_matches(str(extra), allowed, n=1)
        hint = f"mente du «{close[0]}»?" if close else "tillatte felt er " + ", ".join(allowed)
        where = " under «" + name + "»" if error.absolute_path else ""
        return top + [str(extra)], "felt-ukjent", f"ukjent felt «{extra}»{where}; {hint}"
    return None


def _enum(error, meta, name, top):
    if "propertyNames" in error.schema_path:
        allowed = ", ".join(error.schema.get("enum", [])) or ", ".join(RELATIONS)
        value = error.instance
        return top + [str(value)], "relasjonstype", f"ukjent relasjonstype «{value}» i «relations»; tillatt: {allowed}"
    allowed = ", ".join(str(v) for v in error.validator_value)
    return top, "feltverdi", f"«{name}» har verdien «{error.instance}»; tillatt: {allowed}"


def _type(error, meta, name, top):
    value, wanted = error.instance, error.validator_value
    wanted = " eller ".join(TYPE_NAMES_NB.get(w, w) for w in (wanted if isinstance(wanted, list) else [wanted]))
    hint = "; sett verdien i anførselstegn" if isinstance(value, bool) or not isinstance(value, (str, list, dict)) else ""
    if isinstance(value, dict) and "tekst" in wanted:
        hint = " (et kolon med mellomrom etter gjør teksten til «navn: verdi»); sett hele verdien i anførselstegn"
    return top, "felttype", f"«{name}» skal være {wanted}, men er {_kind(value)}{hint}"


def _pattern(error, meta, name, top):
    value = error.instance
    if top[:1] == ["relations"]:
        return (
            top,
            "feltform",
            (
                f"«{name}» er «{value}»; skriv stien til en side relativt til docs/, "
                "med små bokstaver og uten #anker, f.eks. teorier/honneth.md"
            ),
        )
    if top[:1] in (["forfattere"], ["fagansvarlig"]):
        return top, "feltform", f"«{name}» er «{value}»; skriv navnet som «Etternavn, Fornavn»"
    if top == ["faglig_vurdert"]:
        return top, "feltform", f"«faglig_vurdert» er «{value}»; skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-12-01"
    if top == ["kilde"]:
        return top, "feltform", f"«kilde» er «{value}»; en nøkkel har bare små bokstaver a–z og sifre"
    return top, "feltform", f"«{name}» har feil form («{value}»)"


def _not(error, meta, name, top):
    if top:
        return None
    return [], "bare-artikkel", "feltene «kilde» og «faktaboks» hører bare til sider av type artikkel; fjern dem"


READERS = {
    "required": _required,
    "additionalProperties": _additional,
    "enum": _enum,
    "type": _type,
    "maxLength": lambda e, m, n, t: (
        t,
        "for-lang",
        f"«{n}» er {len(e.instance)} tegn; høyst {e.validator_value} er lov, så forkort teksten",
    ),
    "minLength": lambda e, m, n, t: (t, "for-kort", f"«{n}» er for kort; skriv minst {e.validator_value} tegn"),
    "minItems": lambda e, m, n, t: (
        (t, "tom", f"«{n}» er tom; legg inn minst én verdi eller fjern feltet")
        if not e.instance
        else (t, "for-faa", f"«{n}» har {len(e.instance)} verdier; det trengs minst {e.validator_value}")
    ),
    "maxItems": lambda e, m, n, t: (
        t,
        "for-mange",
        f"«{n}» har {len(e.instance)} verdier; høyst {e.validator_value} er lov, så kort ned",
    ),
    "minProperties": lambda e, m, n, t: (t, "tom", f"«{n}» er tom; legg inn minst én verdi eller fjern feltet"),
    "uniqueItems": lambda e, m, n, t: (t, "dubletter", f"«{n}» har samme verdi flere ganger; fjern dublettene"),
    "pattern": _pattern,
    "not": _not,
}


def schema_message(error, meta: dict) -> tuple[list[str], str, str]:
    """(where: the field's keys from the top, rule id, Norwegian message) for one jsonschema error."""
    path = list(error.absolute_path)
    name, top = _field_name(path), [str(part) for part in path if isinstance(part, str)]
    validator = "enum" if "propertyNames" in error.schema_path else error.validator
    reader = READERS.get(validator)
    found = reader(error, meta, name, top) if reader else None
    return found or (top, "skjema", f"«{name}»: {error.message}")


def field_line(text: str, location: list[str]) -> int:
    """The front-matter line of a field: the top-level key, then each nested key below it."""
    lines = text.replace("\r\n", "\n").split("\n")
    found, start = 1, 1
    for depth, name in enumerate(location):
        indent = "" if depth == 0 else r"\s+(?:-\s+)?"
        for number in range(start, len(lines)):
            if lines[number].strip() == "---" or (depth and re.match(r"^\S", lines[number])):
                return found
            if re.match(rf"^{indent}{re.escape(name)}\s*:", lines[number]):
                found, start = number + 1, number + 1
                break
        else:
            return found
    return found


def _dates_as_text(meta: dict) -> dict:
    """YAML reads an unquoted 2026-12-01 as a date; the schema checks its written form."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items()}


def check_front_matter(path: str, text: str, meta: dict) -> list[Problem]:
    problems = []
    meta = _dates_as_text(meta)
    for error in sorted(schema_validator().iter_errors(meta), key=lambda e: list(map(str, e.absolute_path))):
        location, rule, message = schema_message(error, meta)
        problems.append(Problem(path, field_line(text, location), message, rule))
    return problems
