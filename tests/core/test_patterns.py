"""Recurring root causes: planted paraphrases are found, unrelated causes are not merged."""

import datetime as dt
from pathlib import Path

import pytest

from crossref_corpus import PLANTED, make_session, plant_corpus, write_session
from whytui.core.corpus import Corpus
from whytui.core.patterns import (
    DEFAULT_THRESHOLD,
    clusters,
    content_words,
    month_range,
    services_with_categories,
    similar_root_causes,
    similarity,
    tally,
)
from whytui.store.corpus import load_corpus

D = dt.date


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_planted_cluster_is_found_and_nothing_else_is_merged(
    tmp_path: Path, seed: int
) -> None:
    planted = plant_corpus(tmp_path, seed)
    corpus = load_corpus([tmp_path])
    assert not corpus.unreadable

    found = clusters(corpus)

    assert len(found) == len(planted.clusters)
    assert {frozenset(c.sessions) for c in found} == set(planted.clusters)
    clustered_texts = {cause.node.text for c in found for cause in c.causes}
    assert clustered_texts.isdisjoint(planted.unrelated)
    by_sessions = {frozenset(c.sessions): c for c in found}
    for (category, texts), sessions in zip(PLANTED, planted.clusters, strict=True):
        cluster = by_sessions[sessions]
        assert cluster.categories == (category,)
        assert sorted(c.node.text for c in cluster.causes) == sorted(texts)


def test_clusters_are_ordered_by_sessions_spanned_and_list_sessions_oldest_first(
    tmp_path: Path,
) -> None:
    plant_corpus(tmp_path, 1)
    found = clusters(load_corpus([tmp_path]))
    spans = [len(c.sessions) for c in found]
    assert spans == sorted(spans, reverse=True)
    for cluster in found:
        dates = [c.date for c in cluster.causes]
        assert dates == sorted(dates)
        assert (cluster.first, cluster.last) == (dates[0], dates[-1])


def test_the_same_cause_twice_in_one_session_is_not_a_recurrence(tmp_path: Path) -> None:
    text = "The deploy tool applies config changes without showing a diff."
    write_session(
        tmp_path,
        "2026-01-05-one",
        make_session("One", D(2026, 1, 5), [(text, "tool-hazard"), (text, "tool-hazard")]),
    )
    write_session(
        tmp_path,
        "2026-02-05-two",
        make_session("Two", D(2026, 2, 5), [("Disk usage is not monitored.", "monitoring-gap")]),
    )
    assert clusters(load_corpus([tmp_path])) == []


def test_an_identical_statement_in_two_sessions_recurs_even_when_short(tmp_path: Path) -> None:
    for stem, date in (("2026-01-05-a", D(2026, 1, 5)), ("2026-03-01-b", D(2026, 3, 1))):
        write_session(
            tmp_path, stem, make_session(stem, date, [("Unsafe default.", "unsafe-default")])
        )
    (cluster,) = clusters(load_corpus([tmp_path]))
    assert cluster.sessions == ("2026-01-05-a", "2026-03-01-b")


def test_a_short_generic_statement_does_not_join_longer_ones_that_contain_its_words(
    tmp_path: Path,
) -> None:
    causes = {
        "2026-01-05-a": "No alert on Redis.",
        "2026-02-05-b": "No alert fires when Redis memory passes 90% on the session store.",
        "2026-03-05-c": "No alert fires when Redis replication breaks for the cart cache.",
    }
    for stem, text in causes.items():
        date = D.fromisoformat(stem[:10])
        write_session(tmp_path, stem, make_session(stem, date, [(text, "monitoring-gap")]))
    assert clusters(load_corpus([tmp_path])) == []


def test_threshold_100_keeps_only_statements_with_the_same_words(tmp_path: Path) -> None:
    planted = plant_corpus(tmp_path, 4)
    corpus = load_corpus([tmp_path])
    assert clusters(corpus, threshold=100) == []
    assert len(clusters(corpus, threshold=DEFAULT_THRESHOLD)) == len(planted.clusters)


def test_similarity_meets_inflections_and_scores_unrelated_statements_low() -> None:
    assert content_words("Certificates expired") == content_words("the certificate expires")
    ttl = PLANTED[0][1]
    assert similarity(ttl[0], ttl[1]) >= DEFAULT_THRESHOLD
    assert similarity(ttl[0], "API tokens for the billing provider never expire.") < 65
    assert similarity("", "") == 0


def _hint_corpus(tmp_path: Path) -> Corpus:
    sessions = {
        "2026-08-12-checkout-outage": (
            D(2026, 8, 12),
            ("checkout", "redis-sessions"),
            [("Session keys are written to Redis without a TTL.", "unsafe-default")],
        ),
        "2026-09-01-cart-timeouts": (
            D(2026, 9, 1),
            ("cart",),
            [("Redis session keys carry no TTL and never expire.", "unsafe-default")],
        ),
        "2026-10-02-search-stale": (
            D(2026, 10, 2),
            ("search-indexer", "kafka"),
            [("Nothing alerts on the indexer's consumer lag.", "monitoring-gap")],
        ),
    }
    for stem, (date, services, causes) in sessions.items():
        write_session(tmp_path, stem, make_session(stem, date, causes, services))
    return load_corpus([tmp_path])


def test_similar_root_causes_names_other_sessions_best_first(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    hits = similar_root_causes("Keys in the Redis session store have no TTL", corpus)
    assert sorted(stem for _, stem, _ in hits) == [
        "2026-08-12-checkout-outage",
        "2026-09-01-cart-timeouts",
    ]
    scores = [score for score, _, _ in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(DEFAULT_THRESHOLD <= s <= 100 for s in scores)
    assert {text for _, _, text in hits} == {
        "Session keys are written to Redis without a TTL.",
        "Redis session keys carry no TTL and never expire.",
    }


def test_similar_root_causes_leaves_out_the_session_being_written(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    own = tmp_path / "2026-09-01-cart-timeouts.toml"
    hits = similar_root_causes("Redis session keys carry no TTL and never expire.", corpus, own)
    assert [stem for _, stem, _ in hits] == ["2026-08-12-checkout-outage"]
    assert similar_root_causes("Redis session keys have no TTL", corpus, limit=1)[0][0] > 0


def test_similar_root_causes_is_quiet_for_unrelated_or_too_short_text(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    assert similar_root_causes("The CDN caches error pages for a day.", corpus) == []
    assert similar_root_causes("Redis", corpus) == []
    assert similar_root_causes("", corpus) == []


def test_services_with_categories_lists_where_the_same_kind_was_found(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    assert services_with_categories(["unsafe-default"], corpus) == {
        "checkout": ["2026-08-12-checkout-outage"],
        "redis-sessions": ["2026-08-12-checkout-outage"],
        "cart": ["2026-09-01-cart-timeouts"],
    }
    own = tmp_path / "2026-08-12-checkout-outage.toml"
    assert services_with_categories(["unsafe-default", "monitoring-gap"], corpus, own) == {
        "cart": ["2026-09-01-cart-timeouts"],
        "kafka": ["2026-10-02-search-stale"],
        "search-indexer": ["2026-10-02-search-stale"],
    }
    assert services_with_categories(["tool-hazard"], corpus) == {}


def test_tally_counts_by_month_with_quiet_months_kept(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    counts = tally(corpus)
    assert counts.months == ("2026-08", "2026-09", "2026-10")
    assert counts.sessions == 3
    assert counts.causes == 3
    assert dict(counts.by_category["unsafe-default"]) == {"2026-08": 1, "2026-09": 1}
    assert list(counts.by_category) == ["unsafe-default", "monitoring-gap"]
    assert dict(counts.by_service["kafka"]) == {"2026-10": 1}
    assert dict(counts.service_categories["checkout"]) == {"unsafe-default": 1}
    assert month_range(D(2025, 11, 30), D(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


def test_since_keeps_sessions_from_that_day_on(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path).since(D(2026, 9, 1))
    assert [e.stem for e in corpus.entries] == [
        "2026-09-01-cart-timeouts",
        "2026-10-02-search-stale",
    ]


def test_until_leaves_out_sessions_dated_after_the_one_being_written(tmp_path: Path) -> None:
    corpus = _hint_corpus(tmp_path)
    text = "Redis session keys carry no TTL and never expire."
    hits = similar_root_causes(text, corpus, until=D(2026, 8, 31))
    assert [stem for _, stem, _ in hits] == ["2026-08-12-checkout-outage"]
    assert services_with_categories(["unsafe-default"], corpus, until=D(2026, 8, 31)) == {
        "checkout": ["2026-08-12-checkout-outage"],
        "redis-sessions": ["2026-08-12-checkout-outage"],
    }
