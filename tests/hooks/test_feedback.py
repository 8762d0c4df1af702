"""A FEEDBACK_EMAIL that is not an address stops the build before anything is written."""

from __future__ import annotations

from helpers import build, make_project


def test_a_malformed_feedback_address_stops_the_build_with_one_line(tmp_path):
    project = make_project(tmp_path / "project")
    result = build(project, env={"FEEDBACK_EMAIL": "post@eksempel"})
    assert result.returncode != 0
    assert "FEEDBACK_EMAIL: «post@eksempel» er ikke én e-postadresse" in result.stderr
    assert "[tilbakemelding]" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()
