"""Keep the denormalised offer columns (listed_until, next_start, search_vector) in step with their sources,
and change the catalogue version whenever something a public page shows or counts changes (these receivers only
keep caches and copies in step, as docs/architecture.md allows; bulk writers bump the version themselves)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from offers.models import (
    CatalogueVersion,
    FundingProgramme,
    ModuleOffer,
    Offer,
    PathModule,
    QualificationPath,
    QualificationStep,
    Run,
    Sector,
    TargetGroup,
    ThesaurusEntry,
)
from offers.textsearch import names
from partners.models import ContactPerson, Language, Partner, Service
from places.models import Postcode
from places.signals import postcodes_imported


@receiver(post_save, sender=Run)
@receiver(post_delete, sender=Run)
def run_changed(sender, instance: Run, **kwargs) -> None:
    Offer.objects.filter(pk=instance.offer_id).refresh_dates()


@receiver(post_save, sender=Offer)
def offer_saved(sender, instance: Offer, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    # Saving an instance loaded before its runs changed would write back old dates: recompute them from the runs.
    offer = Offer.objects.filter(pk=instance.pk)
    offer.refresh_dates()
    offer.update_search_vectors()


@receiver(post_save, sender=Partner)
def partner_saved(sender, instance: Partner, raw: bool = False, **kwargs) -> None:
    if not raw:
        Offer.objects.filter(provider=instance).update_search_vectors()
        names.remember(names.PROVIDER, [instance.name])


@receiver(post_save, sender=Postcode)
def postcode_saved(sender, instance: Postcode, raw: bool = False, **kwargs) -> None:
    if not raw:
        names.remember(names.PLACE, [instance.city])


@receiver(postcodes_imported)
def postcodes_imported_names(sender, **kwargs) -> None:
    names.remember(names.PLACE, Postcode.objects.values_list("city", flat=True).distinct().iterator())


FACET_LINKS = (
    Offer.entry_levels.through,
    Offer.sectors.through,
    Offer.target_groups.through,
    Offer.funding_programmes.through,
    Offer.languages.through,
)


def facet_links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """An offer's links are copied into its facet tokens (offers.models.facet_tokens)."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            Offer.objects.filter(pk=instance.pk).refresh_facet_tokens()
        return
    # A vocabulary entry's offers changed: those offers (before a clear, the ones it is about to lose).
    if action == "pre_clear":
        instance._facet_offer_ids = list(sender.objects.filter(**{_vocabulary_column(sender): instance.pk})
                                         .values_list("offer_id", flat=True))  # fmt: skip
    elif action in ("post_add", "post_remove", "post_clear"):
        ids = pk_set if action != "post_clear" else getattr(instance, "_facet_offer_ids", [])
        Offer.objects.filter(pk__in=list(ids or [])).refresh_facet_tokens()


def _vocabulary_column(through) -> str:
    return next(field.name for field in through._meta.get_fields() if field.many_to_one and field.name != "offer")


for through in FACET_LINKS:
    m2m_changed.connect(facet_links_changed, sender=through, dispatch_uid=f"facet_tokens_{through.__name__}")


# Everything that decides whether an offer is listed, which facet option it counts for or where it is, and
# everything the search page, the offer page or the partner page shows of it.
SHOWN = (
    Offer,
    Run,
    Partner,
    ContactPerson,
    Language,
    Service,
    QualificationStep,
    Sector,
    TargetGroup,
    FundingProgramme,
    Postcode,
    QualificationPath,
    PathModule,
    ModuleOffer,
    ThesaurusEntry,
)
SHOWN_LINKS = (*FACET_LINKS, Partner.services.through, Partner.languages.through)


def catalogue_changed(sender, **kwargs) -> None:
    CatalogueVersion.bump()


def links_changed(sender, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        CatalogueVersion.bump()


for model in SHOWN:
    post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue_saved_{model.__name__}")
    post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue_deleted_{model.__name__}")
for through in SHOWN_LINKS:
    m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"catalogue_links_{through.__name__}")
postcodes_imported.connect(catalogue_changed, dispatch_uid="catalogue_postcodes_imported")
