from tilfriskning.tables import cards_on_phones

WIDE = (
    '<table>\n<thead>\n<tr>\n<th></th>\n<th>Motiverende intervju (<abbr title="x">MI</abbr>)</th>\n'
    "<th>Recovery &amp; praksis</th>\n<th>Erfaringskonsulenter</th>\n</tr>\n</thead>\n<tbody>\n"
    "<tr>\n<td><strong>Mål</strong></td>\n<td>a</td>\n<td>b</td>\n<td>c</td>\n</tr>\n"
    "<tr>\n<td><strong>Rolle</strong></td>\n<td>d</td>\n<td>e</td>\n<td>f</td>\n</tr>\n</tbody>\n</table>"
)


def test_wide_tables_get_their_column_headings_on_every_cell():
    out = cards_on_phones("<p>før</p>" + WIDE)
    assert out.startswith("<p>før</p><table data-tabell-kort>")
    assert out.count('<td data-label="Motiverende intervju (MI)">') == 2
    assert '<td data-label="Recovery &amp; praksis">e</td>' in out
    assert out.count('<td data-label="">') == 2, "the row heading column has an empty label"
    assert "<th>" not in out.split("<tbody>")[1]


def test_narrow_tables_and_other_html_stay_as_they_are():
    narrow = "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>"
    assert cards_on_phones(narrow) == narrow
    assert cards_on_phones('<table class="x"><tr><td>1</td></tr></table>') == '<table class="x"><tr><td>1</td></tr></table>'
