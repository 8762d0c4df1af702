"""When each page last changed, from git, with an honest fallback.

One `git log` call gives the last commit date of every file under a folder. Without
usable history (no git, a shallow clone, a file not yet committed) the date falls back
to the build date and says so, so the hosted build can refuse to publish such dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


@dataclass(frozen=True)
class PageDate:
    date: dt.date
    from_git: bool


def norwegian_date(date: dt.date) -> str:
    """'26. november 2026'."""
    return f"{date.day}. {MONTHS_NB[date.month - 1]} {date.year}"


def _git(repo: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None


def head_commit(repo: Path) -> str | None:
    out = _git(repo, "rev-parse", "HEAD")
    return out.strip() if out else None


@functools.lru_cache(maxsize=8)
def _history(repo: Path, folder: str, head: str | None) -> dict[str, dt.date] | None:
    if head is None or (_git(repo, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return None
    out = _git(repo, "log", "--format=@%cs", "--name-only", "--no-renames", "--", folder)
    if out is None:
        return None
    dates: dict[str, dt.date] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)  # newest first: keep the first date seen
    return dates


def last_changed(repo: Path, folder: str, paths: list[str], today: dt.date) -> dict[str, PageDate]:
    """Date of the last commit touching each `folder/path`; the build date where git can't tell."""
    history = _history(repo.resolve(), folder, head_commit(repo))
    result = {}
    for path in paths:
        date = history.get(f"{folder}/{path}") if history else None
        result[path] = PageDate(date, True) if date else PageDate(today, False)
    return result
