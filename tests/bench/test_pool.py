import io
import random
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from django.test import Client

from bench.catalogue import read_catalogue
from bench.pool import BANDS, DEEP_FROM, FILTERS, KINDS, RADII, build_pools, distinct, interleave, typo
from offers.models import Offer
from offers.scale import generate
from partners.models import Partner

SIZE = 12


@pytest.fixture
def catalogue(db):
    generate(160, stdout=io.StringIO(), seed=21)
    return read_catalogue(sample=100, seed=3)


@pytest.fixture
def pools(catalogue):
    return build_pools(catalogue, SIZE, seed=5)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_build_pools_gives_each_kind_its_size_of_distinct_urls(pools):
    assert list(pools) == KINDS
    for kind in KINDS:
        assert len(pools[kind]) == SIZE, kind
        if kind != "pages":
            assert len(set(pools[kind])) == SIZE, kind


def test_pages_pool_repeats_only_the_two_pages_with_one_address(pools):
    repeated = {url for url in pools["pages"] if pools["pages"].count(url) > 1}

    assert repeated == {"/", "/foerderung/"}
    assert [url.split("?")[0].split("/")[1] for url in pools["pages"][:6]] == [
        "", "foerderung", "foerderung", "partner", "lotse", "merkliste"
    ]  # fmt: skip


def test_build_pools_is_the_same_for_the_same_catalogue_and_seed(catalogue, pools):
    assert build_pools(catalogue, SIZE, seed=5) == pools
    assert build_pools(catalogue, SIZE, seed=6) != pools


def test_every_pool_url_answers_200_and_the_app_takes_its_parameters(pools):
    client = Client()
    for kind, urls in pools.items():
        for url in dict.fromkeys(urls):
            response = client.get(url)

            assert response.status_code == 200, (kind, url)
            assert _form_errors(response) == {}, url


def _form_errors(response) -> dict:
    """The errors of the page's form or filter form: a parameter the page does not take would show there."""
    context = response.context or {}
    forms = [context.get("form"), getattr(context.get("filter"), "form", None)]
    return {name: errors for form in forms if form is not None for name, errors in form.errors.items()}


def test_filter_urls_combine_one_to_three_real_vocabulary_values(catalogue, pools):
    client = Client()
    for url in pools["filters"]:
        query = {name: values[0] for name, values in _query(url).items()}
        cleaned = client.get(url).context["filter"].cleaned

        assert 1 <= len(query) <= 3 and set(query) <= set(FILTERS)
        for name, value in query.items():
            assert name in ("free", "start_from") or value in BANDS.get(name, catalogue.vocabulary.get(name, []))
            assert cleaned[name], (url, name)  # the search kept the value instead of dropping it


def test_text_and_typo_urls_search_title_words_and_one_slip_of_them(catalogue, pools):
    words = set(catalogue.title_words) | set(catalogue.summary_words)
    for url in pools["text"]:
        assert set(_query(url)["q"][0].split()) <= words
    for url in pools["typo"]:
        searched = _query(url)["q"][0].split()
        slipped = [word for word in searched if word not in words]
        assert len(slipped) == 1, url
        assert any(_one_slip(slipped[0], word) for word in words), url


def _one_slip(changed: str, word: str) -> bool:
    if changed[0] != word[0] or abs(len(changed) - len(word)) > 1:
        return False
    if len(changed) != len(word):
        short, long = sorted((changed, word), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    differ = [i for i, (a, b) in enumerate(zip(changed, word, strict=True)) if a != b]
    swapped = len(differ) == 2 and differ[1] == differ[0] + 1 and changed[differ[0]] == word[differ[1]]
    return len(differ) == 1 or swapped


def test_radius_urls_use_known_places_and_the_three_radii(catalogue, pools):
    client = Client()
    for url in pools["radius"]:
        query = _query(url)

        assert query["near"][0] in catalogue.postcodes + catalogue.cities
        assert int(query["radius"][0]) in RADII
        assert client.get(url).context["place"] is not None


def test_deep_urls_ask_for_pages_that_exist_from_page_50_on_or_as_deep_as_they_go(catalogue, pools):
    client = Client()
    for url in pools["deep"]:
        query = dict(parse_qsl(urlsplit(url).query))
        search = "&".join(f"{name}={value}" for name, value in query.items() if name not in ("page", "sort"))
        last = -(-catalogue.broad[search] // 20)

        assert min(DEEP_FROM, last) <= int(query["page"]) <= last
        assert client.get(url).context["page_obj"].number == int(query["page"])


def test_offer_urls_are_listed_offers(pools):
    slugs = {url.split("/")[2] for url in pools["offer"]}

    assert Offer.objects.listed().filter(slug__in=slugs).count() == len(slugs)


def test_partner_pool_starts_with_the_biggest_provider(catalogue, pools):
    biggest = max(Partner.objects.active(), key=lambda partner: Offer.objects.listed().filter(provider=partner).count())

    assert pools["partner"][0] == f"/partner/{biggest.slug}/"
    assert catalogue.partners[0][0] == biggest.slug


def test_read_catalogue_counts_the_broad_searches_like_the_search(catalogue):
    listed = Offer.objects.listed()

    assert catalogue.broad[""] == listed.count()
    assert catalogue.broad["free=1"] == listed.filter(price=0).count()
    assert catalogue.broad["kind=umschulung"] == listed.filter(kind="umschulung").count()
    assert catalogue.broad["level=fachkraft"] == listed.filter(entry_levels__slug="fachkraft").count()


def test_distinct_keeps_the_first_of_each_and_stops_at_size():
    assert distinct(["/a", "/b", "/a", "/c", "/d"], 3) == ["/a", "/b", "/c"]
    assert distinct(["/a", "/a"], 5) == ["/a"]


def test_interleave_takes_the_lists_in_turn_until_the_longest_ends():
    assert interleave([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]]) == ["a1", "b1", "c1", "a2", "c2", "a3"]


@pytest.mark.parametrize("seed", range(200))
def test_typo_makes_one_slip_and_keeps_the_first_letter(seed):
    changed = typo("Mechatroniker", random.Random(seed))

    assert changed != "Mechatroniker"
    assert _one_slip(changed, "Mechatroniker")
