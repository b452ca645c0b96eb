from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from guide import services
from guide.advice import RECOGNITION_FINDER_URL, next_step
from guide.eligibility import Goal
from guide.forms import GuideForm
from offers.demand import note_guide_answers
from places.lookup import locate


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/start.html", {"form": GuideForm()})


def result(request: HttpRequest) -> HttpResponse:
    """The answers arrive as GET parameters so a result can be bookmarked and shared.

    Without a valid "who" the guide asks again; any other garbled answer is dropped and the result gets wider.
    """
    form = GuideForm(request.GET)
    if form.is_valid() or "who" not in form.errors:
        context = _result_context(form)
        _note_demand(request, context["answers"], context["place"])
        return render(request, "guide/result.html", context)
    return render(request, "guide/start.html", {"form": form})


def _note_demand(request: HttpRequest, answers, place) -> None:
    """The answers go to the network's demand record as slugs only (offers.demand)."""
    facts = {
        "who": answers.who or "",
        "step": answers.step.slug if answers.step else "",
        "goal": answers.goal or "",
        "sector": answers.sector.slug if answers.sector else "",
    }
    note_guide_answers(request=request, facts=facts, place=place)


def easy_start(request: HttpRequest) -> HttpResponse:
    """The same questions in Leichte Sprache (German only: the page's texts are German whatever the interface)."""
    return render(request, "guide/easy_start.html", {"form": GuideForm()})


def easy_result(request: HttpRequest) -> HttpResponse:
    """The same answers, rules and results as result(), told in Leichte Sprache."""
    form = GuideForm(request.GET)
    if not (form.is_valid() or "who" not in form.errors):
        return render(request, "guide/easy_start.html", {"form": form})
    with translation.override("de"):  # texts the rules return (next step, reasons) stay German here
        context = _result_context(form)
    return render(request, "guide/easy_result.html", context)


def _result_context(form: GuideForm) -> dict:
    answers = form.answers()
    place = locate(answers.postcode) if answers.postcode else None
    contact_points = services.nearest_contact_points(place, languages=answers.language_codes, goal=answers.goal)
    step_slug = answers.step.slug if answers.step else None
    admission = services.admission(answers)
    offers = services.matching_offers(answers, place)
    return {
        "form": form,
        "answers": answers,
        "summary": services.answer_summary(answers),
        "place": place,
        "postcode_unknown": bool(answers.postcode and place is None),
        "next_step": next_step(who=answers.who, step=step_slug, goal=answers.goal),
        "offers": offers,
        "offer_costs": services.offer_costs(answers, offers.offers),
        "paths": services.paths_to(answers),
        "funding": services.likely_funding(answers),
        "admission": admission,
        "admission_asks": admission is None and answers.goal == Goal.QUALIFICATION,
        "contact_points": contact_points,
        "responsible_body": services.responsible_body(answers),
        "recognition_finder_url": RECOGNITION_FINDER_URL,
        "counselling_url": services.counselling_url(answers, contact_points[0] if contact_points else None),
    }
