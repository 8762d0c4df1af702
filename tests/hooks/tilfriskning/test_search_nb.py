from tilfriskning.search_nb import expansion, forms, not_covered


def test_forms_cover_what_readers_type():
    assert {"motivasjonene", "motivasjoner", "motivasjonet"} <= forms("motivasjon")
    assert {"anerkjennelsene", "anerkjennelser"} <= forms("anerkjennelse")
    assert "erfaringskonsulentene" in forms("erfaringskonsulenter")
    assert "tilbakefallet" in forms("tilbakefall")
    assert {"midler", "midlene"} <= forms("middel")
    assert "middel" in forms("midler")
    assert forms("mi") == {"mi"} and forms("og") == {"og"}


def test_short_nouns_get_their_definite_and_plural_forms():
    assert {"skammene", "skammer", "skammet"} <= forms("skam")
    assert {"rusene", "ruser"} <= forms("rus")
    assert not any(form.startswith("russ") for form in forms("rus"))


def test_only_forms_not_already_reachable_by_prefix_are_kept():
    assert not_covered({"motivasjon", "motivasjonen", "motivasjonene"}, {"motivasjon"}) == ["motivasjonene"]
    assert not_covered({"skam", "skammen"}, {"skammene"}) == []


def test_expansion_adds_inflected_forms_that_prefix_search_needs():
    text = "Endringssnakk er brukerens egne ord. Et tilbakefall kan skje."
    added = set(expansion(text, text).split())
    assert "endringssnakket" in added and "tilbakefallet" in added
    assert not {"endringssnakk", "tilbakefall"} & added, "words already in the text are not repeated"
