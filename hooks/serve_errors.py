"""While `make serve` runs: the build's error lines in the browser, and a rebuild on every input.

Adds nothing to a built site. Under `mkdocs serve` (and ProperDocs's), a build that stops
on a mistake leaves the served folder empty and MkDocs answers no request until the next
build succeeds ("the server will appear stuck"). Here, a build that stops instead leaves
one page in that folder, shown at every address, with the lines the build printed
(`tilfriskning.error_page`); it reloads itself once the mistake is fixed. MkDocs watches
only docs/ and mkdocs.yml: this also watches the .bib, the included files, the schema and
the list of published addresses.

The one place the project reaches into MkDocs's serve: the `build` the serve command calls
(for the first build, before `on_serve` exists) and the server's `builder` (which also
reloads mkdocs.yml) are wrapped, so a stopped build is reported instead of raised; and the
server's injection of its live-reload script is wrapped so that each page's strict CSP
(hooks/csp.py) lets that one script run by its hash. Nothing changes for `mkdocs build`.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from glue import bibtex
from glue.build import ContentProblems, log, project_dir
from tilfriskning.config_file import read_config
from tilfriskning.csp import allowing_last_script
from tilfriskning.error_page import error_page

WATCHED = ("includes", "schema", "publiserte-adresser.txt")
ERROR_PAGE = "404.html"  # MkDocs's server answers every missing address with this file


class _Lines(logging.Handler):
    """The error lines the build logs, as printed in the terminal."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def show_errors(site_dir: str, lines: list[str]) -> None:
    """Empty the served folder and leave the error page in it."""
    folder = Path(site_dir)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ERROR_PAGE).write_text(error_page(lines), encoding="utf-8")
    log.error("Feilene vises også i nettleseren; nettstedet bygges på nytt når du lagrer en rettelse.")


def _reported(run, site_dir: str, config_file: str | None = None):
    """Run one build; if it stops, show why in the browser instead of raising."""
    lines = _Lines()
    logging.getLogger("mkdocs").addHandler(lines)
    try:
        run()
    except Exception as error:  # noqa: BLE001 - every stopped build is shown, whatever stopped it
        show_errors(site_dir, _why(error, lines.lines, config_file))
    finally:
        logging.getLogger("mkdocs").removeHandler(lines)


def _why(error: BaseException, logged: list[str], config_file: str | None) -> list[str]:
    """The lines that say why the build stopped: ours when the guard rails stopped it (MkDocs
    wraps them in its own Abort), else what was logged, else mkdocs.yml's problem."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ContentProblems):
            return cause.lines
        cause = cause.__cause__ or cause.__context__
    if config_file:
        problems = read_config(Path(config_file), Path(config_file).name)[1]
        if problems:
            return [str(p) for p in problems]
    return logged or [str(error)]


def on_startup(command, dirty):
    if command != "serve":
        return
    import mkdocs.commands.serve as serve_command  # under ProperDocs, its own serve module

    build = serve_command.build
    if getattr(build, "tf_reported", False):
        return

    def reported_build(config, **options):
        _reported(lambda: build(config, **options), config.site_dir)

    reported_build.tf_reported = True
    serve_command.build = reported_build


def on_serve(server, config, builder):
    original = server.builder
    server.builder = lambda: _reported(original, server.root, config.config_file_path)
    inject = getattr(server, "_inject_js_into_html", None)  # the live-reload script: the page's CSP lets it run
    if inject is not None:
        server._inject_js_into_html = lambda content, epoch: allowing_last_script(inject(content, epoch).decode()).encode()
    root = project_dir(config)
    for path in [bibtex.bib_file(config), *(root / name for name in WATCHED)]:
        if path.exists():
            server.watch(str(path))
    return server
