"""The number queries scripts/bench draws from a built site's search index."""

import json
import sys
from pathlib import Path

from helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from _search_bench import INDEX_FILES, number_queries  # noqa: E402


def test_number_queries_are_the_words_with_digits_and_the_pages_they_stand_on(tmp_path: Path):
    docs = [
        {"location": "a/", "title": "Nymoen (2020)", "text": "<p>Loven § 3-1 og s. 32–33.</p>"},
        {"location": "b/#del", "title": "B", "text": "<p>Se 3-1, og tidsskriftet 14(2).</p>"},
        {"location": "c/", "title": "C", "text": "<p>2020, 2020 og 2020.</p>"},
    ]
    index = {"config": {"separator": r"[^0-9A-Za-z\u00C0-\u024F§_.]+|\.(?!\d)"}, "docs": docs}
    (tmp_path / INDEX_FILES[-1]).parent.mkdir(parents=True)
    (tmp_path / INDEX_FILES[-1]).write_text(json.dumps(index), encoding="utf-8")
    queries = dict(number_queries(tmp_path, most_pages=2))
    assert queries["§ 3-1"] == ["a/"]
    assert queries["3-1"] == ["a/", "b/"], "the section typed without § stands on both pages"
    assert queries["32"] == ["a/"] and queries["32–33"] == ["a/"]
    assert queries["2020"] == ["a/", "c/"]
    assert "14(2)" not in queries and queries["14"] == ["b/"], "a volume(issue) is asked as its numbers"
