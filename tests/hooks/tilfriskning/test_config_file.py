from pathlib import Path

from tilfriskning.config_file import read_config

CONFIG = """site_name: T
plugins:
  - search
  - redirects:
      redirect_maps:
        gammel.md: ny.md
markdown_extensions:
  - pymdownx.snippets:
      auto_append:
        - includes/forkortelser.md
nav:
  - Forside: index.md
  - Begreper:
      - begreper/a.md
"""


def _read(tmp_path: Path, text: str, name: str = "mkdocs.yml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_config(tmp_path / name)


def test_nav_entries_and_redirects_keep_their_lines(tmp_path):
    config, problems = _read(tmp_path, CONFIG)
    assert problems == []
    assert [(e.value, e.line) for e in config.nav] == [("index.md", 12), ("begreper/a.md", 14)]
    old, new = config.redirects["gammel.md"]
    assert (old.line, new.value) == (6, "ny.md")
    assert config.auto_append == ["includes/forkortelser.md"]


def test_an_inherited_file_gives_what_the_child_lacks(tmp_path):
    (tmp_path / "base.yml").write_text(CONFIG.split("nav:")[0], encoding="utf-8")
    config, problems = _read(tmp_path, "INHERIT: base.yml\nnav:\n  - index.md\n")
    assert problems == [] and [(e.value, e.file, e.line) for e in config.nav] == [("index.md", "mkdocs.yml", 3)]
    assert config.redirects["gammel.md"][0].file == "base.yml"


def test_yaml_mistakes_are_one_norwegian_line_with_their_line(tmp_path):
    def problem(text: str):
        (found,) = _read(tmp_path, text)[1]
        return found.line, found.rule, found.message

    assert problem(CONFIG.replace("      - begreper/a.md", "\t- begreper/a.md")) == (
        14,
        "oppsett",
        "tabulatortegn i mkdocs.yml; bruk mellomrom til innrykk",
    )
    assert problem(CONFIG + "nav:\n  - x.md\n")[:2] == (15, "oppsett")
    assert "står to ganger" in problem(CONFIG + "nav:\n  - x.md\n")[2]
    assert problem(CONFIG.replace("  - Begreper:", "<<<<<<< HEAD\n  - Begreper:"))[1] == "flettekonflikt"
    assert problem("nav:\n  - index.md\n  - Forside: kart: x.md\n")[0] == 3
