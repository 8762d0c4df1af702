"""Session fixtures shared by all tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build, make_project


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory) -> Path:
    """The fixture site built once (cold cache); returns the project folder."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project
