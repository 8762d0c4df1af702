"""How a reader gives feedback, from what this build was given (pure functions).

Two channels, each only when it is configured (mkdocs.yml `extra`, from environment
variables): an e-mail address (FEEDBACK_EMAIL), which needs no account of any kind, and
the repository's issues (REPO_URL), which need a GitHub account. Nothing is made up when
neither is set: the accessibility statement then says that this copy of the site has no
address for it. A mail link names the page it was sent from in its subject, so the reader
need not say which page they mean.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

MARKER = "<!-- tilbakemelding: fylles av hooks/feedback.py -->"
# One address, nothing around it: no spaces, quotes or angle brackets, a dot in the domain.
_EMAIL_RE = re.compile(r"[^@\s<>\"'?&]+@[^@\s<>\"'?&]+\.[^@\s<>\"'.?&]+")
NO_CHANNEL = "Denne utgaven av nettstedet er bygget uten en adresse for tilbakemeldinger."
STATEMENT_SUBJECT = "Tilgjengelighet på {site}"
PAGE_SUBJECT = "Tilbakemelding om «{title}» ({url})"


def is_email(address: str) -> bool:
    return _EMAIL_RE.fullmatch(address) is not None


def email_problem(address: str) -> str | None:
    """What is wrong with FEEDBACK_EMAIL, in Norwegian, or None when it is empty or an address."""
    if not address or is_email(address):
        return None
    return f"«{address}» er ikke én e-postadresse; sett en gyldig adresse, eller la variabelen være tom"


def mailto(address: str, subject: str) -> str:
    """A mailto: link with `subject` encoded as RFC 6068 asks (UTF-8, percent-encoded)."""
    return f"mailto:{address}?subject={quote(subject, safe='')}"


def page_subject(title: str, url: str) -> str:
    return PAGE_SUBJECT.format(title=title, url=url)


def channels_markdown(email: str, repository: str, subject: str) -> str:
    """The configured channels as a Markdown list, or one sentence when there are none."""
    items = []
    if email:
        if not is_email(email):
            raise ValueError(f"FEEDBACK_EMAIL: {email_problem(email)}")
        link = html.escape(mailto(email, subject))
        items.append(f'- E-post til <a href="{link}">{html.escape(email)}</a> (du trenger ingen konto).')
    if repository:
        items.append(
            f'- En sak (issue) i <a href="{html.escape(repository.rstrip("/"))}/issues">prosjektets kodelager</a> '
            "(krever en GitHub-konto)."
        )
    return "\n".join(items) if items else NO_CHANNEL


def with_channels(markdown: str, email: str, repository: str, subject: str) -> str:
    """`markdown` with MARKER replaced by the channels (unchanged without the marker)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, channels_markdown(email, repository, subject))
