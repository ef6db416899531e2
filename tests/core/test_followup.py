"""Action items across sessions: states, grouping by owner, lookup by id."""

import datetime as dt
from pathlib import Path

import pytest

from crossref_corpus import make_session, write_session
from whytui.core.corpus import Corpus
from whytui.core.followup import (
    NO_OWNER,
    ActionLookupError,
    State,
    by_owner,
    find_action,
    follow_ups,
    overdue_actions,
    owned_by,
)
from whytui.store.corpus import load_corpus

D = dt.date
TODAY = D(2026, 11, 27)


def _corpus(tmp_path: Path) -> Corpus:
    write_session(
        tmp_path,
        "2026-08-12-checkout-outage",
        make_session(
            "Checkout outage",
            D(2026, 8, 12),
            [
                ("Session keys have no TTL.", "unsafe-default"),
                ("No memory alert.", "monitoring-gap"),
            ],
            actions=[
                {"id": "a-abcd00000001", "text": "Default TTL", "owner": "Greta Lind",
                 "due": D(2026, 10, 30), "causes": [0]},
                {"id": "a-abcd00000002", "text": "Memory alert", "owner": "greta  lind",
                 "due": D(2026, 12, 15), "causes": [0, 1]},
                {"id": "a-ffff00000003", "text": "Unowned", "due": D(2026, 9, 1)},
            ],
        ),
    )  # fmt: skip
    write_session(
        tmp_path,
        "2026-09-03-search-stale",
        make_session(
            "Search stale",
            D(2026, 9, 3),
            [("Consumer lag has no alert.", "monitoring-gap")],
            actions=[
                {"id": "a-9999000000b1", "text": "Lag alert", "owner": "Kofi Mensah",
                 "due": D(2026, 9, 20), "status": "done", "done_on": D(2026, 9, 18),
                 "evidence": "https://example.com/pr/1", "causes": [0]},
                {"id": "a-9999000000b2", "text": "Due today", "owner": "Kofi Mensah",
                 "due": TODAY, "causes": [0]},
                {"id": "a-9999000000b3", "text": "No due date", "owner": "Mei Chen"},
            ],
        ),
    )  # fmt: skip
    return load_corpus([tmp_path])


def _states(corpus: Corpus, today: dt.date) -> dict[str, State]:
    return {i.action.id: i.state for i in follow_ups(corpus, today)}


def test_overdue_is_open_and_due_before_today(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert _states(corpus, TODAY) == {
        "a-abcd00000001": State.OVERDUE,
        "a-abcd00000002": State.OPEN,
        "a-ffff00000003": State.OVERDUE,
        "a-9999000000b1": State.DONE,
        "a-9999000000b2": State.OPEN,
        "a-9999000000b3": State.OPEN,
    }
    later = _states(corpus, TODAY + dt.timedelta(days=1))
    assert later["a-9999000000b2"] is State.OVERDUE
    assert later["a-9999000000b1"] is State.DONE
    assert later["a-9999000000b3"] is State.OPEN


def test_overdue_actions_longest_overdue_first_with_days_late(tmp_path: Path) -> None:
    items = overdue_actions(_corpus(tmp_path), TODAY)
    assert [i.action.id for i in items] == ["a-ffff00000003", "a-abcd00000001"]
    assert [i.days_late(TODAY) for i in items] == [87, 28]


def test_items_carry_their_session_and_root_causes(tmp_path: Path) -> None:
    items = {i.action.id: i for i in follow_ups(_corpus(tmp_path), TODAY)}
    both = items["a-abcd00000002"]
    assert both.entry.stem == "2026-08-12-checkout-outage"
    assert [c.text for c in both.causes] == ["Session keys have no TTL.", "No memory alert."]
    assert items["a-ffff00000003"].causes == ()


def test_grouped_by_owner_case_insensitively_with_no_owner_last(tmp_path: Path) -> None:
    groups = by_owner(follow_ups(_corpus(tmp_path), TODAY))
    assert [(owner, [i.action.id for i in items]) for owner, items in groups] == [
        ("Greta Lind", ["a-abcd00000001", "a-abcd00000002"]),
        ("Kofi Mensah", ["a-9999000000b2", "a-9999000000b1"]),
        ("Mei Chen", ["a-9999000000b3"]),
        (NO_OWNER, ["a-ffff00000003"]),
    ]


def test_owned_by_matches_whole_names_in_any_case(tmp_path: Path) -> None:
    items = follow_ups(_corpus(tmp_path), TODAY)
    assert [i.action.id for i in owned_by(items, ["GRETA LIND"])] == [
        "a-abcd00000001",
        "a-abcd00000002",
    ]
    assert owned_by(items, ["Greta"]) == []
    assert [i.action.id for i in owned_by(items, [NO_OWNER, "mei chen"])] == [
        "a-ffff00000003",
        "a-9999000000b3",
    ]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("a-abcd00000001", "a-abcd00000001"),
        ("abcd00000002", "a-abcd00000002"),
        ("ffff", "a-ffff00000003"),
        ("A-9999000000B3", "a-9999000000b3"),
    ],
)
def test_find_action_by_id_or_unique_prefix(tmp_path: Path, query: str, found: str) -> None:
    assert find_action(follow_ups(_corpus(tmp_path), TODAY), query).action.id == found


def test_find_action_refuses_unknown_and_ambiguous_ids(tmp_path: Path) -> None:
    items = follow_ups(_corpus(tmp_path), TODAY)
    with pytest.raises(ActionLookupError) as unknown:
        find_action(items, "a-zzzz")
    assert unknown.value.candidates == []
    with pytest.raises(ActionLookupError) as ambiguous:
        find_action(items, "abcd")
    assert [c.action.id for c in ambiguous.value.candidates] == [
        "a-abcd00000001",
        "a-abcd00000002",
    ]
    with pytest.raises(ActionLookupError):
        find_action(items, "  ")
