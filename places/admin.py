from django.contrib import admin

from places.models import Postcode


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["code", "city", "latitude", "longitude"]
    search_fields = ["code", "city"]
    list_per_page = 50
    show_full_result_count = False
