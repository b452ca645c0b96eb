from django.apps import AppConfig


class MerklisteConfig(AppConfig):
    name = "merkliste"
    verbose_name = "Merkliste"
