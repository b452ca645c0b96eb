"""How a group of the token count is added to its facet (offers.search.token_facets.add_counts)."""

from offers.search.token_facets import add_counts, options_of


def _counts(rows, names=("sector", "level", "learning_form"), flags=("level", "kind")):
    counts = {name: {} for name in names}
    for token_flags, offers in rows:
        add_counts(counts, list(names), list(flags), token_flags, offers)
    return counts


def test_a_group_counts_for_its_facet_where_its_rows_pass_every_other_filter():
    counts = _counts([("s12|11", 5), ("s12|01", 2), ("s14|10", 3), ("s15|11", 1)])
    # "s12|01" fails the level filter, "s14|10" the kind filter: only the sector's own filter may fail
    assert counts["sector"] == {"12": 5, "15": 1}


def test_the_facets_own_filter_may_fail():
    counts = _counts([("l3|11", 4), ("l3|01", 2), ("l5|01", 1), ("l5|10", 7)])
    assert counts["level"] == {"3": 6, "5": 1}


def test_run_tokens_have_two_letter_prefixes_and_come_back_as_the_stored_choice():
    counts = _counts([("rlonlinelive|11", 2), ("rsteilzeit|11", 3)])
    assert counts["learning_form"] == {"online-live": 2}


def test_tokens_of_facets_not_shown_or_not_counted_here_are_ignored():
    counts = _counts([("ksprachkurs|11", 9), ("azav|11", 9), ("pmehr|11", 9), ("f3|11", 9)], names=("sector",))
    assert counts == {"sector": {}}


def test_without_set_filters_every_group_counts():
    counts = _counts([("s12|", 5), ("s14|", 1)], flags=())
    assert counts["sector"] == {"12": 5, "14": 1}


def test_a_token_of_ts_stat_stands_for_the_options_it_counts():
    assert options_of("pkostenlos") == [("price", "kostenlos"), ("free", "1")]
    assert options_of("pbis1000") == [("price", "bis-1000")]
    assert options_of("kaufstiegsfortbildung") == [("kind", "aufstiegsfortbildung")]
    assert options_of("azav") == [("azav", "1")]
    assert options_of("n7") == [("next", "7")]
    assert options_of("s12") == [("sector", "12")]
    assert options_of("rlonlinelive") == [("learning_form", "online-live")]
    assert options_of("x5") == options_of("y51") == options_of("w1400") == []  # sample buckets, start weeks
