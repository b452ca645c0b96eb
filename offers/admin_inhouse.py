"""In-house requests in the admin: the provider's editors read the requests for their own offers (each opening
logged, as it shows the company's contact data) and answer with a date, a price and a text."""

from django.contrib import admin

from offers.inhouse import inhouse_answer, inhouse_read
from offers.models import InhouseRequest, InhouseRequestRead
from partners.admin_scoping import PartnerScopedAdminMixin

ANSWER_FIELDS = ["answer_date", "answer_price", "answer_text"]


@admin.register(InhouseRequest)
class InhouseRequestAdmin(PartnerScopedAdminMixin, admin.ModelAdmin):
    partner_path = "offer__provider"
    list_display = ["created_at", "offer", "company", "participants", "site_city", "answered_at"]
    list_select_related = ["offer"]
    list_filter = ["offer"]
    fields = [
        "offer", "company", "contact_name", "email", "phone", "site_postcode", "site_city", "participants", "period",
        "message", "counselling_office", "created_at", *ANSWER_FIELDS, "answered_at",
    ]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return [name for name in self.fields if name not in ANSWER_FIELDS]

    def has_add_permission(self, request):
        return False  # requests come from companies through the public form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            inhouse_read(request=self.get_object(request, object_id), by=request.user)
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if any(name in form.changed_data for name in ANSWER_FIELDS):
            inhouse_answer(request=obj, by=request.user)


@admin.register(InhouseRequestRead)
class InhouseRequestReadAdmin(admin.ModelAdmin):
    """Superusers only (no group has a permission on it): who read which request."""

    list_display = ["at", "actor", "action", "request"]
    list_select_related = ["request__offer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
