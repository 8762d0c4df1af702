from tilfriskning.skip_link import TARGET, with_skip_to_article

PAGE = (
    '<div data-md-component="skip">\n<a href="#bakgrunn" class="md-skip">\n  Gå til innhold\n</a>\n</div>\n'
    '<article class="md-content__inner md-typeset"><h1>Tittel</h1><p>Ingress</p><h2 id="bakgrunn">Bakgrunn</h2></article>'
)


def test_the_skip_link_goes_to_the_article_not_past_the_title_and_ingress():
    html = with_skip_to_article(PAGE)
    assert f'<a href="#{TARGET}" class="md-skip">' in html
    assert f'<article id="{TARGET}" class="md-content__inner md-typeset"><h1>Tittel</h1>' in html


def test_a_page_without_a_skip_link_is_left_alone():
    without = PAGE.replace('class="md-skip"', 'class="annet"')
    assert with_skip_to_article(without) == without
