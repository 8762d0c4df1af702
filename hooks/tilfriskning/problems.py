"""One editor-facing problem: where it is, what to do, and the rule it breaks, printed as one line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in a source file, in Norwegian, with the fix in the same sentence.

    `rule` is the short id of the rule (e.g. "ukjent-kilde"), printed at the end of the
    line; CONTRIBUTING.md's tables and the tests look messages up by it.
    """

    file: str
    line: int | None
    message: str
    rule: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" [{self.rule}]" if self.rule else "")


def problem_order(problem: Problem) -> tuple:
    """The order the build prints problems in: by file, then by line; within a file, the
    problems on a line before those about the whole file (which are often their consequence)."""
    return (problem.file, problem.line is None, problem.line or 0, problem.message)
