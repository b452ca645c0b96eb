"""{{ sector|tr:"name" }}: a stored text in the page's language, the German fallback marked lang="de"."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from multilingual.text import Text, translated

register = template.Library()


def text_of(obj, field: str) -> Text:
    """Models with texts in a separate table (an offer's translations) answer through their own `translated()`."""
    own = getattr(obj, "translated", None)
    return own(field) if callable(own) else translated(obj, field)


@register.filter
def tr(obj, field: str) -> SafeString:
    """The text, wrapped in <span lang="de" dir="ltr"> where it is German on a page in another language."""
    if obj is None:
        return mark_safe("")
    return marked(text_of(obj, field))


@register.filter
def marked(text) -> SafeString:
    """A Text already read (a facet option's label), wrapped like tr() where it is not in the page's language."""
    if isinstance(text, Text) and text.foreign:
        return format_html('<span lang="{}" dir="ltr">{}</span>', text.lang, text)
    return conditional_escape(text)


@register.filter
def tr_text(obj, field: str) -> Text:
    """The Text itself, for an element that carries the attributes: <h1{{ title|lang_attrs }}>{{ title }}</h1>."""
    return text_of(obj, field)


@register.filter
def lang_attrs(text) -> SafeString:
    if isinstance(text, Text) and text.foreign:
        return format_html(' lang="{}" dir="ltr"', text.lang)
    return mark_safe("")
