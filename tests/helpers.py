"""Test helpers: copy a project (real config + a fixture's pages) and build it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

PROJECT_PARTS = ("hooks", "overrides", "schema", "includes", "scripts", "stavekontroll")


def make_project(target: Path, fixture: str | None = "site") -> Path:
    """A buildable copy of the project in `target`: the real config, hooks and templates,
    with the docs, .bib and navigation of `tests/fixtures/<fixture>` (None: the real site)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".pymarkdown.json", target / ".pymarkdown.json")
    if fixture is None:
        shutil.copytree(ROOT / "docs", target / "docs")
        shutil.copy(ROOT / "bibliography.bib", target / "bibliography.bib")
        shutil.copy(ROOT / "publiserte-adresser.txt", target / "publiserte-adresser.txt")
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
        return target
    source = FIXTURES / fixture
    shutil.copytree(source / "docs", target / "docs")
    shutil.copy(source / "bibliography.bib", target / "bibliography.bib")
    shutil.copy(source / "publiserte-adresser.txt", target / "publiserte-adresser.txt")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.base.yml")
    nav = (source / "nav.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text("INHERIT: mkdocs.base.yml\n" + nav, encoding="utf-8")
    return target


ENGINE = os.environ.get("TILFRISKNING_ENGINE", "mkdocs")  # or "properdocs" (make check ENGINE=properdocs)


def build(project: Path, *, env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project` (or ProperDocs's), as `make build` runs it."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("REPO_URL", "FEEDBACK_EMAIL", "SITE_URL", "PYPANDOC_PANDOC")}
    full_env = {**inherited, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "-f", "mkdocs.yml", "--strict", *args],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(*paths: Path) -> str:
    """A hash of every file under `paths`, to prove a build changed nothing."""
    digest = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(path.parent)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def pandoc_counter(directory: Path) -> tuple[dict[str, str], Path]:
    """Environment that routes pandoc through a wrapper logging each call's arguments."""
    from tilfriskning.citeproc import pandoc_path

    log = directory / "pandoc-calls.log"
    wrapper = directory / "pandoc"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{pandoc_path()}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return {"PYPANDOC_PANDOC": str(wrapper)}, log


def formatting_calls(log: Path) -> int:
    return sum("--citeproc" in line for line in log.read_text().splitlines()) if log.exists() else 0


def git(repo: Path, *args: str, date: str = "2025-03-04T12:00:00") -> str:
    """Run git in `repo` with a fixed author, committer and date; return its output."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout
