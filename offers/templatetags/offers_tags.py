import json

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from offers.search.text import MARK_START, MARK_STOP

register = template.Library()
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def highlight(headline: str) -> SafeString:
    """A search headline with its matches in <mark>; everything else escaped."""
    text = escape(headline or "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


@register.filter
def jsonld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> block; <, > and & escaped so no text can end the block."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


@register.filter
def km(value) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".replace(".", ",")
