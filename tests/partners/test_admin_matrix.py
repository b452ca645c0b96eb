"""Every admin URL of every partner-owned model, for every role, against rows of the IHK.

`redaktion-saz` is the wrong organisation: it must never get a 200 for an IHK row.
"""

import pytest
from django.urls import reverse

LOGIN = "login"  # redirect to the admin login page
GONE = "gone"  # the admin's "does not exist" redirect to the index: never, it would tell foreign from missing

USERS = ["redaktion-ihk", "redaktion-saz", "koordination", "beratung", None]
OUTSIDERS = {"beratung": LOGIN, None: LOGIN}

# (model, view) -> expected answer per user, for an object that belongs to the IHK.
MATRIX = {
    ("partner", "changelist"): {"redaktion-ihk": 200, "redaktion-saz": 200, "koordination": 200},
    ("partner", "add"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("partner", "change"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("partner", "delete"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("partner", "history"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("partner", "history_version"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("contactperson", "changelist"): {"redaktion-ihk": 200, "redaktion-saz": 200, "koordination": 200},
    ("contactperson", "add"): {"redaktion-ihk": 200, "redaktion-saz": 200, "koordination": 200},
    ("contactperson", "change"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("contactperson", "delete"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("contactperson", "history"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("contactperson", "history_version"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("offer", "changelist"): {"redaktion-ihk": 200, "redaktion-saz": 200, "koordination": 200},
    ("offer", "add"): {"redaktion-ihk": 200, "redaktion-saz": 200, "koordination": 200},
    ("offer", "change"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("offer", "delete"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("offer", "history"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    ("offer", "history_version"): {"redaktion-ihk": 200, "redaktion-saz": 404, "koordination": 200},
    # Not partner-owned: only coordinators manage them.
    ("membership", "changelist"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("sector", "changelist"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("fundingprogramme", "changelist"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("thesaurusentry", "changelist"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("thesaurusentry", "add"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
    ("user", "changelist"): {"redaktion-ihk": 403, "redaktion-saz": 403, "koordination": 200},
}
APP = {"partner": "partners", "contactperson": "partners", "membership": "partners", "user": "auth"}


def _object(network, model):
    return {"partner": network.ihk, "contactperson": network.ihk_contact, "offer": network.ihk_offer}.get(model)


def _url(network, model, view) -> str:
    name = f"admin:{APP.get(model, 'offers')}_{model}_{view}"
    obj = _object(network, model)
    if view in ("changelist", "add"):
        return reverse(name)
    if view == "history_version":
        version = obj.history.order_by("history_id").first()
        return reverse(f"admin:{obj._meta.app_label}_{model}_simple_history", args=[obj.pk, version.history_id])
    return reverse(name, args=[obj.pk])


def _answer(response) -> int | str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return LOGIN
        if location == reverse("admin:index"):
            return GONE
        return location
    return response.status_code


@pytest.mark.parametrize("user", USERS)
@pytest.mark.parametrize(("model", "view"), list(MATRIX))
def test_admin_url_answers_each_role_as_the_matrix_says(network, login, model, view, user):
    expected = {**MATRIX[(model, view)], **OUTSIDERS}[user]

    response = login(network.users[user]).get(_url(network, model, view))

    assert _answer(response) == expected


AUTOCOMPLETE = [
    # (source model, field) -> what each editor may pick
    (
        "offers",
        "offer",
        "provider",
        {"redaktion-ihk": {"ihk"}, "redaktion-saz": {"saz"}, "koordination": {"ihk", "saz"}},
    ),
    (
        "offers",
        "offer",
        "contact_person",
        {
            "redaktion-ihk": {"ihk_contact"},
            "redaktion-saz": {"saz_contact"},
            "koordination": {"ihk_contact", "saz_contact"},
        },
    ),
    (
        "partners",
        "contactperson",
        "partner",
        {"redaktion-ihk": {"ihk"}, "redaktion-saz": {"saz"}, "koordination": {"ihk", "saz"}},
    ),
]


@pytest.mark.parametrize(("app_label", "model_name", "field_name", "expected"), AUTOCOMPLETE)
@pytest.mark.parametrize("user", ["redaktion-ihk", "redaktion-saz", "koordination"])
def test_admin_autocomplete_offers_only_own_partners_rows(
    network, login, app_label, model_name, field_name, expected, user
):
    params = {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": ""}

    response = login(network.users[user]).get(reverse("admin:autocomplete"), params)

    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {str(getattr(network, name).pk) for name in expected[user]}


@pytest.mark.parametrize(("user", "expected"), [("beratung", LOGIN), (None, LOGIN)])
def test_admin_autocomplete_refuses_outsiders(network, login, user, expected):
    params = {"app_label": "offers", "model_name": "offer", "field_name": "provider", "term": "IHK"}

    response = login(network.users[user]).get(reverse("admin:autocomplete"), params)

    assert _answer(response) == expected


@pytest.mark.parametrize("user", ["redaktion-ihk", "redaktion-saz"])
def test_admin_autocomplete_of_user_accounts_is_refused_to_editors(network, login, user):
    params = {"app_label": "partners", "model_name": "membership", "field_name": "user", "term": "redaktion"}

    response = login(network.users[user]).get(reverse("admin:autocomplete"), params)

    assert response.status_code == 403


@pytest.mark.parametrize("user", ["redaktion-ihk", "koordination"])
@pytest.mark.parametrize("path", ["/admin/offers/offer/abc/history/", "/admin/partners/partner/x/history/1/"])
def test_admin_history_with_malformed_id_is_404(network, login, user, path):
    assert login(network.users[user]).get(path).status_code == 404
