from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netzwerk")

    def ready(self):
        from network import signals  # noqa: F401 - connects the demand record to the pages that report demand
