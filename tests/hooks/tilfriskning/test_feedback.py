from urllib.parse import unquote

import pytest

from tilfriskning.feedback import (
    MARKER,
    NO_CHANNEL,
    channels_markdown,
    email_problem,
    is_email,
    mailto,
    page_subject,
    with_channels,
)


def test_each_channel_only_when_it_is_configured():
    assert channels_markdown("", "", "Emne") == NO_CHANNEL
    email = channels_markdown("post@eksempel.no", "", "Emne")
    assert email == '- E-post til <a href="mailto:post@eksempel.no?subject=Emne">post@eksempel.no</a> (du trenger ingen konto).'
    both = channels_markdown("post@eksempel.no", "https://github.com/x/y/", "Emne").splitlines()
    assert len(both) == 2 and 'href="https://github.com/x/y/issues"' in both[1] and "GitHub-konto" in both[1]
    repo_only = channels_markdown("", "https://github.com/x/y", "Emne")
    assert "mailto:" not in repo_only and "/x/y/issues" in repo_only


def test_the_subject_names_the_page_and_survives_the_mail_link():
    subject = page_subject("Å styrke brukeren", "https://eksempel.no/temaer/a-styrke-brukeren/")
    link = mailto("post@eksempel.no", subject)
    address, query = link.removeprefix("mailto:").split("?subject=")
    assert address == "post@eksempel.no"
    assert " " not in query and "&" not in query and "?" not in query, "encoded, so the subject is one field"
    assert unquote(query) == "Tilbakemelding om «Å styrke brukeren» (https://eksempel.no/temaer/a-styrke-brukeren/)"


def test_a_malformed_address_is_refused_not_published():
    assert is_email("a.b@c.no") and not is_email("ikke en adresse") and not is_email('x@y.no" onclick="z')
    assert not is_email("a@b.no?cc=c@d.no") and not is_email("a@b.no, c@d.no")
    assert email_problem("") is None and email_problem("post@eksempel.no") is None
    assert email_problem("post@").startswith("«post@» er ikke én e-postadresse")
    with pytest.raises(ValueError, match="FEEDBACK_EMAIL"):
        channels_markdown("post@", "", "Emne")


def test_the_marker_is_replaced_and_text_without_it_is_left_alone():
    assert with_channels(f"Før\n\n{MARKER}\n\nEtter", "", "", "Emne") == f"Før\n\n{NO_CHANNEL}\n\nEtter"
    assert with_channels("Ingen markør", "a@b.no", "", "Emne") == "Ingen markør"
