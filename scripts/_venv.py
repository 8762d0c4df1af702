"""Run an editor script with the project's .venv Python, whichever python3 started it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def use_project_python() -> None:
    """Re-start the calling script under .venv/bin/python, or explain how to install it."""
    if sys.prefix != sys.base_prefix:  # already in a virtualenv (.venv, or the one running the tests)
        sys.path.insert(0, str(ROOT / "hooks"))
        return
    if not VENV_PYTHON.exists():
        sys.exit("Fant ikke .venv: kjør «make install» (eller «make test») først.")
    os.execv(VENV_PYTHON, [str(VENV_PYTHON), sys.argv[0], *sys.argv[1:]])
