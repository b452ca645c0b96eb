"""The counted facets of the search form as HTML, written in Python rather than in the template language.

The form shows some eighty options on every search page, and the form is rendered afresh for every search that is
not in the cache. In the template language each option cost a dozen variable lookups and a translation tag, a
tenth of a millisecond together, a tenth of a cold search page's time in all; here it costs a few string formats.
The markup is what `offers/_search_form_body.html` wrote before, and the texts are the same translations. The values
from the data are escaped one by one: format_html() on every part of every option took half the form's time.
"""

from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from multilingual.templatetags.multilingual import marked
from offers.search.display import Facet, Option


def fieldsets(facets: list[Facet]) -> SafeString:
    """One <fieldset> of checkboxes a facet."""
    texts = _Texts()
    # Every value from the data is escaped where it is put in (_fieldset, _option, _count).
    return mark_safe("".join(_fieldset(facet, texts) for facet in facets))  # noqa: S308


class _Texts:
    """The translations the options repeat, looked up once a form."""

    def __init__(self):
        self.more = gettext("Weitere Merkmale")
        self.offers = gettext("Angebote")
        self.few = gettext("wenige")
        self.about = gettext("ca. %(counter)s")


def _fieldset(facet: Facet, texts: _Texts) -> str:
    legend = texts.more if facet.boolean else facet.label
    name, legend = conditional_escape(facet.name), conditional_escape(legend)
    options = "".join(_option(name, number, option, texts) for number, option in enumerate(facet.options, 1))
    return f'<fieldset class="facet facet-{name}"><legend>{legend}</legend><ul>{options}</ul></fieldset>'


def _option(name: str, number: int, option: Option, texts: _Texts) -> str:
    """One checkbox; its value and label are the data in it."""
    empty = "" if option.count or option.estimated else ' class="facet-empty"'
    checked = " checked" if option.selected else ""
    field, value = f"f-{name}-{number}", conditional_escape(option.value)
    return (
        f'<li{empty}><input type="checkbox" name="{name}" value="{value}" id="{field}"{checked}>'
        f'<label for="{field}">{marked(option.label)} <span class="facet-count">{_count(option, texts)}</span></label>'
        "</li>"
    )


def _count(option: Option, texts: _Texts) -> SafeString:
    """ "(12 Angebote)" with the word for screen readers only; "(ca. 1.200 …)" or "(wenige …)" when estimated."""
    if not option.estimated:
        # Translations are trusted markup (the span); only the number is data.
        text = ngettext(
            '(%(counter)s<span class="visually-hidden"> Angebot</span>)',
            '(%(counter)s<span class="visually-hidden"> Angebote</span>)',
            option.count,
        )
        return mark_safe(text % {"counter": localize(option.count)})  # noqa: S308
    about = texts.about % {"counter": localize(option.count)} if option.count else texts.few
    return format_html('({}<span class="visually-hidden"> {}</span>)', about, texts.offers)
