"""One spelling for every way a town's name is typed: the key Postcode.search_name stores and a query is turned into
before it is looked up. Case, umlauts (ä or ae), ß or ss, punctuation and the usual abbreviations make no difference:
"Schwäb. Gmünd", "schwaebisch gmuend" and "Schwäbisch Gmünd" share one key."""

import re

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Punctuation, brackets and dashes separate words: "Frankfurt (Oder)", "Villingen-Schwenningen", "Mühlhausen/Thüringen".
SEPARATORS = re.compile(r"[^0-9a-z]+")
# Abbreviations in German place names, written out; applied to the data and the query alike, so that either spelling
# finds the other ("St. Ingbert" and "Sankt Ingbert").
ABBREVIATIONS = {
    "st": "sankt",
    "schwaeb": "schwaebisch",
    "b": "bei",
    "i": "im",
}


def search_key(name: str) -> str:
    """The normalised form of a town's name (or of what someone typed for it)."""
    words = SEPARATORS.sub(" ", name.casefold().translate(UMLAUTS)).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)
