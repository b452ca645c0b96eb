"""A text from the database together with the language it is written in."""

from __future__ import annotations

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from multilingual.columns import column_name


class Text(str):
    """A str that knows its language: pages in another language mark it with lang (and dir) attributes."""

    lang: str

    def __new__(cls, value: str, lang: str) -> Text:
        text = super().__new__(cls, value)
        text.lang = lang
        return text

    def __getnewargs__(self) -> tuple[str, str]:  # pickles (cached choices) keep the language
        return str(self), self.lang

    # A Text never changes, so a copy can be the Text itself. Every search form deep-copies its vocabulary choices
    # (about a hundred names) when it is built; rebuilding each name through pickling's protocol cost a few ms.
    def __copy__(self) -> Text:
        return self

    def __deepcopy__(self, memo) -> Text:
        return self

    @property
    def foreign(self) -> bool:
        """True when the text is not in the page's language (the German fallback on an English page)."""
        return self.lang != current_language()


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def translated(obj, field: str, language: str | None = None) -> Text:
    """The field in the page's language where a translation is stored, else the German original."""
    language = language or current_language()
    if language != settings.LANGUAGE_CODE and field in getattr(obj, "translatable_fields", ()):
        value = getattr(obj, column_name(field, language), "")
        if value:
            return Text(value, language)
    return Text(getattr(obj, field) or "", settings.LANGUAGE_CODE)


class Captioned(str):
    """A chip's "Branche: Fischerei": plain text where a str is wanted (a feed's title); in a template the name part is
    marked lang/dir like the tr filter does where it is not in the page's language."""

    def __new__(cls, caption, name) -> Captioned:
        text = super().__new__(cls, f"{caption}: {name}")
        text.caption, text.name = str(caption), name
        return text

    def __getnewargs__(self) -> tuple[str, str]:
        return self.caption, self.name

    def __html__(self) -> SafeString:
        if isinstance(self.name, Text) and self.name.foreign:
            return format_html('{}: <span lang="{}" dir="ltr">{}</span>', self.caption, self.name.lang, self.name)
        return escape(str(self))
