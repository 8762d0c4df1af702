#!/usr/bin/env python3
"""Before MkDocs starts: can mkdocs.yml be read? A YAML mistake gets one Norwegian line with its line.

MkDocs reads mkdocs.yml before any hook can run, and says what it can't read in English
and without a line. `make build` and `make serve` run this first (it changes nothing).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _venv import ROOT, use_project_python  # noqa: E402

use_project_python()

from tilfriskning.config_file import read_config  # noqa: E402


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "mkdocs.yml"
    _, problems = read_config(path, path.name)
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    if problems:
        print(f"Bygget stoppet: {len(problems)} feil i {path.name} (se linjen over). Rett den og bygg på nytt.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
