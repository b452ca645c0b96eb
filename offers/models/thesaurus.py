"""The search's own vocabulary: the thesaurus coordinators keep and the words the catalogue is written in."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from offers.textsearch.words import stems

SEPARATORS = re.compile(r"[,;\n]+")


class ThesaurusEntry(models.Model):
    """A search term and what else a search for it looks for: synonyms ("Staplerschein" → "Gabelstapler") and
    broader terms ("Altenpflege" → "Pflege"). Offers found only through an entry rank below those found directly."""

    term = models.CharField(_("Suchbegriff"), max_length=100, unique=True)
    synonyms = models.TextField(
        _("Synonyme"), blank=True, help_text=_("Mehrere durch Komma getrennt, z. B. „Gabelstapler, Flurförderzeug“.")
    )
    broader_terms = models.TextField(
        _("Oberbegriffe"), blank=True, help_text=_("Mehrere durch Komma getrennt, z. B. „Pflege“.")
    )
    # The stems of the term, so "Altenpflege", "altenpflege" and "Altenpflegen" find the same entry.
    key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("Thesaurus-Eintrag")
        verbose_name_plural = _("Thesaurus")

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs):
        self.key = key_of(self.term)
        super().save(*args, **kwargs)

    def alternatives(self) -> list[str]:
        """Synonyms first, then broader terms, each once, without the term itself."""
        found = [*_split(self.synonyms), *_split(self.broader_terms)]
        return [text for text in dict.fromkeys(found) if key_of(text) != self.key]


def key_of(text: str) -> str:
    return " ".join(stems(text))


def _split(text: str) -> list[str]:
    return [part.strip() for part in SEPARATORS.split(text or "") if part.strip()]


class SearchWord(models.Model):
    """One stem that occurs in the title or summary of an offer: what a query word may be widened to (a compound
    containing it, a part of it, a close spelling). Written with the search index (offers.textsearch.index); a
    stem no offer uses any more only widens a query to nothing, so none is ever removed."""

    word = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("Suchwort")
        verbose_name_plural = _("Suchwörter")

    def __str__(self) -> str:
        return self.word


class NameWord(models.Model):
    """One stem of a place's or a provider's name. A query word is never widened to such a stem (a search for
    "Schweißen" must not find courses because they take place in Schwerin); the search asks this table about the few
    stems it considers instead of reading every name. Written when postcodes are imported and when a postcode or a
    partner is saved (offers.textsearch.names); like SearchWord, a stem is never removed."""

    class Kind(models.TextChoices):
        PLACE = "place", _("Ort")
        PROVIDER = "provider", _("Anbieter")

    word = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=Kind)

    class Meta:
        verbose_name = _("Namenswort")
        verbose_name_plural = _("Namenswörter")
        constraints = [models.UniqueConstraint(fields=["word", "kind"], name="offers_nameword_unique")]

    def __str__(self) -> str:
        return self.word
