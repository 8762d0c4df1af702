import datetime as dt

from helpers import git
from tilfriskning.gitdates import last_changed, norwegian_date

TODAY = dt.date(2026, 11, 26)


def test_norwegian_date():
    assert norwegian_date(dt.date(2026, 3, 4)) == "4. mars 2026"
    assert norwegian_date(dt.date(2025, 12, 31)) == "31. desember 2025"


def test_dates_from_history_newest_commit_per_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a")
    (tmp_path / "docs" / "b.md").write_text("b")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    (tmp_path / "docs" / "b.md").write_text("b2")
    git(tmp_path, "commit", "-qam", "second", date="2025-06-07T12:00:00")
    (tmp_path / "docs" / "c.md").write_text("not committed")
    dates = last_changed(tmp_path, "docs", ["a.md", "b.md", "c.md"], TODAY)
    assert (dates["a.md"].date, dates["a.md"].from_git) == (dt.date(2025, 3, 4), True)
    assert dates["b.md"].date == dt.date(2025, 6, 7)
    assert (dates["c.md"].date, dates["c.md"].from_git) == (TODAY, False)


def test_no_git_falls_back_to_the_build_date(tmp_path):
    dates = last_changed(tmp_path, "docs", ["a.md"], TODAY)
    assert (dates["a.md"].date, dates["a.md"].from_git) == (TODAY, False)
