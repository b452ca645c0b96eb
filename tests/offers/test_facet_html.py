"""The search form's facets as offers.search.facet_html writes them: the checkbox, its label and its count."""

from django.utils import translation

from multilingual.text import Text
from offers.search.display import Facet, Option
from offers.search.facet_html import fieldsets


def _html(*options: Option, boolean: bool = False) -> str:
    return str(fieldsets([Facet("sector", "Branche", list(options), boolean=boolean)]))


def test_an_option_is_a_labelled_checkbox_with_its_count():
    html = _html(Option("pflege", Text("Pflege", "de"), 12, selected=False))
    assert html == (
        '<fieldset class="facet facet-sector"><legend>Branche</legend><ul>'
        '<li><input type="checkbox" name="sector" value="pflege" id="f-sector-1">'
        '<label for="f-sector-1">Pflege <span class="facet-count">(12<span class="visually-hidden"> Angebote</span>)'
        "</span></label></li></ul></fieldset>"
    )


def test_one_offer_is_singular_a_selected_option_is_checked_an_empty_one_marked():
    html = _html(Option("bau", "Bau", 1, selected=True), Option("it", "IT", 0, selected=False))
    assert 'value="bau" id="f-sector-1" checked>' in html
    assert '(1<span class="visually-hidden"> Angebot</span>)' in html
    assert '<li class="facet-empty"><input type="checkbox" name="sector" value="it" id="f-sector-2">' in html
    assert '(0<span class="visually-hidden"> Angebote</span>)' in html


def test_estimated_counts_say_about_or_few_and_are_never_marked_empty():
    html = _html(Option("bau", "Bau", 1200, False, estimated=True), Option("it", "IT", 0, False, estimated=True))
    assert '(ca. 1200<span class="visually-hidden"> Angebote</span>)' in html
    assert '(wenige<span class="visually-hidden"> Angebote</span>)' in html
    assert "facet-empty" not in html


def test_values_and_labels_are_escaped():
    html = _html(Option('a"><script>', "<b>Bau</b>", 3, selected=False))
    assert "<script>" not in html and "<b>" not in html
    assert 'value="a&quot;&gt;&lt;script&gt;"' in html and "&lt;b&gt;Bau&lt;/b&gt;" in html


def test_on_an_english_page_the_counts_are_english_and_a_german_label_is_marked():
    with translation.override("en"):
        html = _html(Option("pflege", Text("Pflege", "de"), 2, False), Option("bau", "Bau", 5, False, estimated=True))
    assert (
        '<span lang="de" dir="ltr">Pflege</span> <span class="facet-count">(2<span class="visually-hidden"> offers'
        in html
    )
    assert '(approx. 5<span class="visually-hidden"> Offers</span>)' in html


def test_the_boolean_facet_has_the_common_legend():
    html = _html(Option("1", "kostenlos", 4, False), boolean=True)
    assert html.startswith('<fieldset class="facet facet-sector"><legend>Weitere Merkmale</legend>')
