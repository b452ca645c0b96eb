from django.apps import AppConfig


class LotsendienstConfig(AppConfig):
    name = "lotsendienst"
    verbose_name = "Lotsendienst"
