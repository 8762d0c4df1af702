from tilfriskning.slugs import slugify


def test_slugify_norwegian():
    assert slugify("Kjærlighet og å bli sett") == "kjaerlighet-og-a-bli-sett"
    assert slugify("Hva sier forskningen?") == "hva-sier-forskningen"
    assert slugify("Brukermedvirkning – i praksis") == "brukermedvirkning-i-praksis"
