from django.contrib import admin, messages

from places.lookup import city_hint
from places.models import Postcode


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["code", "city", "district", "latitude", "longitude"]
    search_fields = ["code", "city", "district"]
    list_per_page = 50
    show_full_result_count = False


class CityHintAdminMixin:
    """For admins of models with an address (postcode and city, also in inlines): after saving, a hint where the city
    is not a town of the postcode, „Zur Postleitzahl 18055 gehört Rostock.“ The address is saved as typed: the
    postcode itself was checked, and an address may name the part of a town the postcode list does not know."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        addresses = [form.instance] + [
            inline.instance
            for formset in formsets
            for inline in formset.forms
            if inline.has_changed() and inline not in formset.deleted_forms
        ]
        for address in addresses:
            hint = city_hint(getattr(address, "postcode", ""), getattr(address, "city", ""))
            if hint:
                messages.warning(request, hint)
