"""The body of an offer's result card as HTML, written in Python rather than in the template language.

Every list of offers shows these cards (the search, the funding and partner pages, the home page, the Lotse), twenty
to a page, and a search nobody made before renders all twenty afresh. In the template language a card cost some
thirty variable lookups, filters and translation tags, about half a millisecond: a tenth of a cold search page. The
markup and the translations are those the card's template had; the Merkliste button beside the body stays a
template (`offers/_offer_card.html`), since it is the visitor's own and never cached.

Offer texts and vocabulary names are German data: their `lang`/`dir` attributes let screen readers and the bidi
layout treat them as German on a page in another language (multilingual.templatetags.multilingual).
"""

from functools import cache

from django.template.defaultfilters import date, floatformat
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from multilingual.templatetags.multilingual import lang_attrs, text_of, tr
from offers.textsearch import MARK_START, MARK_STOP


def card_body(offer, back_query: str = "") -> SafeString:
    title = text_of(offer, "title")
    link = offer.get_absolute_url() + (f"?{back_query}" if back_query else "")
    link, heading = conditional_escape(link), conditional_escape(title)
    kind, provider = conditional_escape(label(offer, "kind")), conditional_escape(offer.provider.name)
    # Plain formatting, each value escaped once: format_html() on every part of twenty cards was half their time.
    return mark_safe(  # noqa: S308 - every value escaped
        f'<h3><a href="{link}"{lang_attrs(title)}>{heading}</a></h3><p class="offer-meta">'
        f'<span class="badge">{kind}</span> <span class="offer-provider" lang="de" dir="ltr">{provider}</span></p>'
        f'{_snippet(offer)}<dl class="offer-facts">{_facts(offer)}</dl>'
    )


def label(instance, field: str):
    """The label of the choice `instance.<field>` holds, as get_<field>_display() gives it. That builds a dict of all
    the field's choices on every call and hashes each (lazy) label for it: an eighth of the cards' time, profiled."""
    value = getattr(instance, field)
    # _meta.model, not type(): a search page's cards are offers.search.cards.Card, which lends the offer's _meta.
    return _labels(instance._meta.model, field).get(value, value)


@cache
def _labels(model, field: str) -> dict:
    return dict(model._meta.get_field(field).flatchoices)


def _snippet(offer) -> str:
    """Where the search matched, highlighted; else the summary."""
    headline = getattr(offer, "headline", None)
    if headline:
        return f'<p class="offer-snippet" lang="de" dir="ltr">{highlight(headline)}</p>'
    summary = text_of(offer, "summary")
    return f"<p{lang_attrs(summary)}>{conditional_escape(summary)}</p>"


def _facts(offer) -> str:
    facts = [
        (gettext("Für"), _names(offer.entry_levels.all(), "name")),
        (gettext("Nächster Beginn"), _next_start(offer)),
    ]
    distance = getattr(offer, "distance_km", None)
    if distance is not None:
        facts.append((gettext("Entfernung"), gettext("%(km)s km") % {"km": km(distance)}))
    facts.append((gettext("Kosten"), _cost(offer)))
    if languages := offer.languages.all():
        facts.append((gettext("Unterrichtssprache"), _names(languages, "name")))
    if programmes := offer.funding_programmes.all():
        facts.append((gettext("Förderung"), _names(programmes, "short_name")))
    return "".join(
        f"<div><dt>{conditional_escape(term)}</dt><dd>{conditional_escape(value)}</dd></div>" for term, value in facts
    )


def _names(rows, field: str) -> SafeString:
    return mark_safe(", ".join(tr(row, field) for row in rows))  # noqa: S308 - tr() escapes


def _next_start(offer) -> SafeString:
    """The next start (or a rolling one, or a course already running) and where or how the next run takes place."""
    runs = getattr(offer, "current_runs", None) or []
    run = runs[0] if runs else None
    if run and run.rolling_start:
        when = gettext("laufender Einstieg")
    elif offer.next_start:
        when = date(offer.next_start, "d.m.Y")
    elif run:
        when = gettext("läuft bereits")
    else:
        when = "–"
    if run is None:
        return mark_safe(conditional_escape(when))  # noqa: S308
    where = run.city or label(run, "learning_form")
    return mark_safe(f"{conditional_escape(when)} · {conditional_escape(where)}")  # noqa: S308


def _cost(offer) -> str:
    if offer.is_free:
        return gettext("kostenlos")
    return f"{floatformat(offer.price, '0g')} €"


def highlight(headline: str) -> SafeString:
    """A search headline with its matches in <mark>; everything else escaped."""
    text = escape(headline or "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


def km(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".replace(".", ",")
