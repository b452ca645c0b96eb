"""The options of a model choice field in one plain query.

Django lists a ModelChoiceField's options through QuerySet.iterator(), which on PostgreSQL declares a server-side
cursor, fetches from it and closes it: three round trips for a few dozen rows, for every such field each time a form
is shown (the guide's form has four, on its result page too; the partner directory two). The vocabulary lists these
forms show are a few dozen rows: one query each is the cheaper way.
"""

from django.forms.models import ModelChoiceIterator


class ListedChoiceIterator(ModelChoiceIterator):
    """The field's rows in one query (`rows()`, which a subclass may take from elsewhere)."""

    def rows(self) -> list:
        return list(self.queryset.all())

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.rows():
            yield self.choice(row)

    def __len__(self) -> int:
        return len(self.rows()) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self) -> bool:
        return self.field.empty_label is not None or bool(self.rows())
