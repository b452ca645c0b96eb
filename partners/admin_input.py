"""Admin pieces that keep bad or oversized input a form error instead of a server error or a busy worker."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError

INLINE_MAX = 50  # more rows than any partner enters at once; a bigger posted TOTAL_FORMS is a form error


class TolerantAutocompleteSelect(AutocompleteSelect):
    """Re-renders a posted value that is no valid key (such as "abc") as empty: Django's widget would query the
    database with it and fail, where the field itself already reports the error next to it."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [item for item in value if self._is_key(item)], attr)

    def _is_key(self, item) -> bool:
        remote = self.field.remote_field
        try:
            remote.model._meta.get_field(remote.field_name).to_python(item)
        except ValidationError:
            return False
        return True


class BoundedInlineMixin:
    """At most INLINE_MAX rows per save; Django then builds no more forms than that, whatever TOTAL_FORMS says."""

    max_num = INLINE_MAX

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, absolute_max=self.max_num, validate_max=True, **kwargs)
