"""Which facets the search counts, and where each one's values live: the offer's links, its current runs, or a
column of the offer row. Read by the counting statement (facets.py) and by the token counts (token_facets.py)."""

from django.db.models import Q

# Filters whose options are counted, in the order the page shows them.
FACETS = ["level", "next", "sector", "funding", "kind", "target_group", "learning_form", "schedule", "duration",
          "price", "language", "azav", "free"]  # fmt: skip
# Facets over the offer's many-to-many links: facet → Offer field.
LINK_FACETS = {"level": "entry_levels", "sector": "sectors", "funding": "funding_programmes",
               "target_group": "target_groups", "language": "languages"}  # fmt: skip
# Facets of the offer's current runs: facet → Run field.
RUN_FACETS = {"learning_form": "learning_form", "schedule": "schedule", "duration": "duration_band"}
COLUMN_FACETS = {"kind": "kind", "next": "leads_to_id", "price": "price_band"}  # of the offer row itself
# Counted as one option, "1", by their plain condition on the sampled rows (facet_condition also uses the tokens).
BOOLEAN_FACETS = {"azav": Q(azav=True), "free": Q(price=0)}
