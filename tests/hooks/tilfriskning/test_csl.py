import pytest

from tilfriskning.csl import derived_style, installed_style_path, with_issue_in_parentheses, with_locale


def test_with_locale_adds_default_locale_once():
    derived = with_locale(installed_style_path().read_text(encoding="utf-8"))
    assert derived.count('default-locale="nb-NO"') == 1
    assert with_locale(derived) == derived


def test_with_locale_replaces_an_existing_locale():
    assert with_locale('<style a="b" default-locale="en-US">') == '<style a="b" default-locale="nb-NO">'


def test_issue_without_volume_is_printed_in_parentheses():
    derived = derived_style()
    periodical = derived[derived.index('<macro name="container-periodical">') :]
    periodical = periodical[: periodical.index("</macro>")]
    assert '<text variable="issue" prefix="(" suffix=")"/>' in periodical
    assert '<text variable="issue" font-style="italic"/>' not in periodical


def test_changes_fail_loudly_when_the_style_changes():
    with pytest.raises(ValueError):
        with_issue_in_parentheses('<style><macro name="container-periodical"></macro></style>')
