"""The guide's form and the partner directory list their options without a server-side cursor, and the guide's
levels and sectors from the process's copy of the vocabularies (offers.vocabulary_rows)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.models import QualificationStep, Sector
from partners.models import Language

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("url", [reverse("guide:start"), reverse("partners:directory")])
def test_options_are_read_without_a_server_side_cursor(client, url):
    assert [sql for sql in _queries(client, url) if "CURSOR" in sql] == []


def test_a_second_guide_page_reads_no_level_and_no_sector_and_lists_them_all_in_order(client):
    client.get(reverse("guide:start"))
    queries = _queries(client, reverse("guide:start"))
    response = client.get(reverse("guide:start"))

    assert [sql for sql in queries if '"offers_qualificationstep"' in sql or '"offers_sector"' in sql] == []
    form = response.context["form"]
    assert [str(value) for value, _label in form.fields["step"].choices] == list(
        QualificationStep.objects.values_list("slug", flat=True)
    )
    assert [str(value) for value, _label in form.fields["sector"].choices] == [
        "",
        *Sector.objects.values_list("slug", flat=True),
    ]
    # German is everybody's language here, so the guide does not offer it; the list is read in one query.
    assert [str(value) for value, _label in form.fields["languages"].choices] == list(
        Language.objects.exclude(code="de").values_list("code", flat=True)
    )


def test_a_chosen_sector_is_still_checked_against_the_database(client):
    response = client.get(reverse("guide:result"), {"who": "beschaeftigt", "sector": "gibt-es-nicht"})
    assert "Diese Branche kennen wir nicht" in response.content.decode()
