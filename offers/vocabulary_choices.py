"""A vocabulary's options without a query: levels, sectors, target groups, funding programmes and languages come
from this process's copy of them (offers.vocabulary_rows), which a form shown on every guide page would otherwise
read again each time."""

from multilingual.choices import ListedChoiceIterator
from offers import vocabulary_rows


class VocabularyChoiceIterator(ListedChoiceIterator):
    """A whole vocabulary from the process's copy, in its own order; a narrowed or reordered one in one query."""

    def rows(self) -> list:
        model, query = self.queryset.model, self.queryset.query
        if model in vocabulary_rows.MODELS and not query.has_filters() and not query.order_by:
            return list(vocabulary_rows.rows(model).values())
        return super().rows()
