"""schema.org Course with CourseInstances and Offer (price), for the offer detail page."""

from django.http import HttpRequest

from offers.models import Offer, Run

COURSE_MODE = {
    "praesenz": "onsite",
    "online-live": "online",
    "selbstlernen": "online",
    "blended": "blended",
    "fernunterricht": "online",
}


def course(offer: Offer, runs: list[Run], request: HttpRequest) -> dict:
    provider = offer.provider
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": offer.title,
        "description": offer.summary,
        "url": request.build_absolute_uri(offer.get_absolute_url()),
        "provider": {
            "@type": "Organization",
            "name": provider.name,
            "url": provider.website or request.build_absolute_uri(provider.get_absolute_url()),
        },
        "inLanguage": [language.code for language in offer.languages.all()] or ["de"],
        "hasCourseInstance": [course_instance(offer, run) for run in runs],
        "offers": price(offer),
    }
    if offer.certificate:
        data["educationalCredentialAwarded"] = offer.certificate
    if offer.dqr_level:
        data["educationalLevel"] = f"DQR {offer.dqr_level}"
    if offer.teaching_hours:
        data["timeRequired"] = f"PT{offer.teaching_hours * 45}M"
    programmes = [programme.name for programme in offer.funding_programmes.all()]
    if programmes:
        data["financialAidEligible"] = ", ".join(programmes)
    return data


def price(offer: Offer) -> dict:
    return {
        "@type": "Offer",
        "price": f"{offer.price:.2f}",
        "priceCurrency": "EUR",
        "category": "Free" if offer.is_free else "Paid",
    }


def course_instance(offer: Offer, run: Run) -> dict:
    instance = {
        "@type": "CourseInstance",
        "courseMode": COURSE_MODE.get(run.learning_form, "online"),
        "courseSchedule": {"@type": "Schedule", "description": run.get_schedule_display()},
    }
    if run.start_date:
        instance["startDate"] = run.start_date.isoformat()
    if run.end_date:
        instance["endDate"] = run.end_date.isoformat()
    if offer.teaching_hours:
        instance["courseWorkload"] = f"PT{offer.teaching_hours * 45}M"
    if run.city:
        instance["location"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": run.street,
                "postalCode": run.postcode,
                "addressLocality": run.city,
                "addressCountry": "DE",
            },
        }
    return instance
