from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Angebotskatalog")

    def ready(self) -> None:
        from offers import signals  # noqa: F401
