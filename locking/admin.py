"""The admin side of optimistic locking: the change form carries the version and reports a conflict."""

from django.contrib.admin.utils import flatten_fieldsets

from locking.forms import VersionedModelForm


class VersionedAdminMixin:
    form = VersionedModelForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if "opened_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        name, options = fieldsets[0]
        return [(name, {**options, "fields": [*options["fields"], "opened_version"]}), *fieldsets[1:]]
