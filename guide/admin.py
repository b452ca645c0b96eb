from django.contrib import admin

from guide.models import Occupation


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["name", "training_months", "chamber", "active"]
    list_filter = ["chamber", "active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
