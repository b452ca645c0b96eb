"""The offer search (docs/search.md).

One function answers every search: `offers.search.results.search()`. The modules have one job each:

- `filterset`: the public URL parameters and their form (`OfferFilter`), turned into `query.Criteria`;
- `query`: what the criteria select and in which order (filters, text, place, sort);
- `text`: the full-text search itself, backend-aware;
- `facets`, `estimates`, `counting`: the total and the facet counts, sampled on very large results;
- `paging`: a page of results, bounded however deep the page number;
- `display`: facets, removable filters and relaxations as the templates show them.

Kept free of imports: `offers.models` imports `text` while this package loads.
"""
