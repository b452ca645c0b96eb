"""Text matching of the catalogue search: compound words, typos, the thesaurus, and the SQLite FTS5 index.

`words` turns text into stems, `expansion` widens a query's words (thesaurus, compound parts, close spellings),
`postgres` and `sqlite` match and rank the widened query on each backend and write what they search, `relevance`
is the table the search's quality is measured with.
"""

# Headline markers that cannot occur in text typed by editors; the cards escape the text, then swap them for <mark>.
MARK_START, MARK_STOP = "\x02", "\x03"
