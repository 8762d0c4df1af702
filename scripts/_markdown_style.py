"""Markdown style: pymarkdown's findings, each told in Norwegian with what to do.

pymarkdown (configured in `.pymarkdown.json`) reports in English, e.g.
`docs/x.md:4:1: MD012: Multiple consecutive blank lines [Expected: 1, Actual: 3] (no-multiple-blanks)`.
Editors get `docs/x.md:4: flere tomme linjer etter hverandre; fjern de ekstra, én er nok (MD012)`.
A rule without a Norwegian text keeps pymarkdown's own words, with its number.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FINDING_RE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):\d+: (?P<rule>MD\d{3}): (?P<message>.*)$")

RULE_HINTS = {
    "MD001": "overskriften hopper over et nivå; bruk «##» før «###»",
    "MD003": "overskriftene er skrevet på ulike måter; skriv dem alle med # foran",
    "MD004": "punktlistene bruker ulike tegn; bruk samme tegn (-) i hele filen",
    "MD005": "punktene i listen er rykket inn ulikt; rykk dem inn likt",
    "MD007": "underpunktet er rykket inn feil; rykk inn underpunkter med fire mellomrom",
    "MD009": "mellomrom på slutten av linjen; fjern dem",
    "MD010": "tabulatortegn i teksten; bruk mellomrom",
    "MD011": "lenken er snudd; skriv [tekst](adresse)",
    "MD012": "flere tomme linjer etter hverandre; fjern de ekstra, én er nok",
    "MD018": "mangler mellomrom etter # i overskriften; skriv «## Tittel»",
    "MD019": "for mange mellomrom etter # i overskriften; bruk ett",
    "MD022": "overskriften mangler tom linje før eller etter; sett en tom linje på begge sider",
    "MD023": "overskriften er rykket inn; la den starte helt til venstre",
    "MD024": "to overskrifter har samme tekst; gi dem ulike navn, så lenkene til dem blir entydige",
    "MD025": "mer enn én overskrift på nivå 1; tittelen kommer fra title, så bruk «##»",
    "MD026": "overskriften slutter med et skilletegn; fjern det",
    "MD027": "for mange mellomrom etter > i sitatet; bruk ett",
    "MD029": "nummereringen i listen er ujevn; nummerer 1., 2., 3. …",
    "MD030": "feil antall mellomrom etter listetegnet; bruk ett",
    "MD031": "kodeblokken mangler tom linje før eller etter; sett en tom linje på begge sider",
    "MD032": "listen mangler tom linje før eller etter; sett en tom linje på begge sider",
    "MD033": "rå HTML i teksten; skriv det som Markdown",
    "MD034": "naken nettadresse; skriv den som lenke: [tekst](https://…) eller <https://…>",
    "MD035": "skillelinjene er skrevet ulikt; bruk «---» overalt",
    "MD036": "uthevet tekst brukt som overskrift; bruk en overskrift («##»)",
    "MD037": "mellomrom innenfor uthevingen; skriv *ord*, ikke * ord *",
    "MD038": "mellomrom innenfor koden; skriv `kode`, ikke ` kode `",
    "MD039": "mellomrom innenfor lenketeksten; skriv [tekst](adresse), ikke [ tekst ](adresse)",
    "MD040": "kodeblokken mangler språk; skriv f.eks. ```text",
    "MD042": "lenken har ingen adresse; fyll inn adressen eller fjern lenken",
    "MD045": "bildet mangler alternativ tekst; skriv ![kort beskrivelse](fil)",
    "MD047": "filen skal slutte med nøyaktig ett linjeskift",
    "MD049": "uthevingen er skrevet på ulike måter; bruk * i hele filen",
    "MD050": "fet skrift er skrevet på ulike måter; bruk ** i hele filen",
}


def explain(finding: str, root: Path | None = None) -> str:
    """One pymarkdown line, in Norwegian where the rule is known; file names relative to `root`."""
    match = FINDING_RE.match(finding.strip())
    if not match:
        return finding.strip()
    name = match["file"]
    if root is not None and Path(name).is_absolute() and Path(name).is_relative_to(root.resolve()):
        name = Path(name).relative_to(root.resolve()).as_posix()
    hint = RULE_HINTS.get(match["rule"], match["message"])
    return f"{name}:{match['line']}: {hint} ({match['rule']})"


def check_markdown_style(root: Path, folder: str = "docs") -> list[str]:
    """Every style finding in `folder`, explained; empty when the pages are clean."""
    result = subprocess.run(
        [sys.executable, "-m", "pymarkdown", "--config", ".pymarkdown.json", "scan", folder],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return [explain(line, root) for line in (result.stdout + result.stderr).splitlines() if line.strip()]
