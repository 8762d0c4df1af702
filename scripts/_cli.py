"""argparse with Norwegian help texts, for the editor scripts."""

from __future__ import annotations

import argparse


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Bruk: ")


def parser(prog: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog=prog, description=description, epilog=epilog, formatter_class=_Formatter, add_help=False
    )
    result._optionals.title = "valg"
    result._positionals.title = "argumenter"
    result.add_argument("-h", "--help", action="help", help="vis denne hjelpeteksten og avslutt")
    return result
