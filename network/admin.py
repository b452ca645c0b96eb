from django.contrib import admin

from network.models import Region, RegionDistrict


class RegionDistrictInline(admin.TabularInline):
    model = RegionDistrict
    extra = 3


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Coordinators group the NUTS-3 districts into the network's regions (the gap view's unit)."""

    list_display = ["name", "district_codes"]
    search_fields = ["name", "districts__code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RegionDistrictInline]

    @admin.display(description="NUTS-3")
    def district_codes(self, region: Region) -> str:
        return ", ".join(district.code for district in region.districts.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("districts")
