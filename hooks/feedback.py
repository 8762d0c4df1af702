"""Feedback without a GitHub account.

Adds to a page: under its text, a mail link to FEEDBACK_EMAIL whose subject names the
page (overrides/main.html, from `page.meta.tf_tilbakemelding`); where the text holds
`<!-- tilbakemelding: fylles av hooks/feedback.py -->` (the accessibility statement on Om nettstedet), the ways to give
feedback this build was configured with: that address (no account needed) and the
repository's issues when REPO_URL is set (mkdocs.yml `extra`). The footer
(overrides/partials/copyright.html) links to the statement and shows the address. Each is
left out when its variable is unset; nothing is made up. A FEEDBACK_EMAIL that is not an
address stops the build, so a broken link is never published.
"""

from __future__ import annotations

from glue.build import stop_build
from tilfriskning.feedback import MARKER, STATEMENT_SUBJECT, email_problem, mailto, page_subject, with_channels
from tilfriskning.problems import Problem


def on_config(config):
    email = str(config.extra.get("feedback_email") or "").strip()
    if problem := email_problem(email):
        stop_build([Problem("FEEDBACK_EMAIL", None, problem, "tilbakemelding")])
    config.extra["feedback_email"] = email
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    subject = STATEMENT_SUBJECT.format(site=config.site_name)
    return with_channels(markdown, config.extra["feedback_email"], str(config.extra.get("repository") or ""), subject)


def on_page_context(context, page, config, nav):
    if email := config.extra["feedback_email"]:
        page.meta["tf_tilbakemelding"] = mailto(email, page_subject(page.title, page.canonical_url or page.url))
    return context
