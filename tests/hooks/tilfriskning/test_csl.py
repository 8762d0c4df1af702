from tilfriskning.csl import installed_style_path, with_locale


def test_with_locale_adds_default_locale_once():
    derived = with_locale(installed_style_path().read_text(encoding="utf-8"))
    assert derived.count('default-locale="nb-NO"') == 1
    assert with_locale(derived) == derived


def test_with_locale_replaces_an_existing_locale():
    assert with_locale('<style a="b" default-locale="en-US">') == '<style a="b" default-locale="nb-NO">'
