"""The session model: what it refuses (and where, in the file, it says so), the tree order it
keeps, the queries the app and the rules share, and the ids it mints."""

import datetime as dt
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from strategies import sessions
from whytui.core import ids
from whytui.core.errors import InputError
from whytui.core.models import (
    MAX_TEXT,
    SCHEMA_VERSION,
    ActionItem,
    RecordId,
    Session,
    WhyNode,
)
from whytui.store import sessionfile

HEADER = f'schema = {SCHEMA_VERSION}\ntitle = "t"\ndate = 2026-01-02\nproblem = "p"\n'
ID_PATTERN = RecordId.__metadata__[0].pattern


def node(node_id: str, parent: str = "root", text: str = "x") -> str:
    return f'\n[[node]]\nid = "{node_id}"\nparent = "{parent}"\ntext = "{text}"\n'


def action(action_id: str, *causes: str) -> str:
    linked = ", ".join(f'"{c}"' for c in causes)
    return f'\n[[action]]\nid = "{action_id}"\ntext = "x"\ncauses = [{linked}]\n'


def error_for(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        sessionfile.loads(text, "s.toml")
    return caught.value


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line that is exactly `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if line == needle]
    return hits[occurrence - 1]


# -- field validation, reported at the offending line ------------------------------------------

FIELD_CASES = {
    "missing title": (HEADER.replace('title = "t"\n', ""), None, "title: is required but missing"),
    "bad date": (
        HEADER.replace("2026-01-02", '"next tuesday"'),
        3,
        "date: Input should be a valid date",
    ),
    "impossible date": (HEADER.replace("2026-01-02", "2026-02-30"), 3, "invalid TOML"),
    "empty list item": (
        HEADER + 'participants = ["Ada", ""]\n',
        5,
        "participants item 2: must not be empty",
    ),
    "unknown header key": (HEADER + 'colour = "red"\n', 5, "colour: is not a field whytui knows"),
    "unknown node key": (
        HEADER + node("w-abcd") + "colour = 1\n",
        10,
        "[[node]] #1 colour: is not a field whytui knows",
    ),
    "unknown closing key": (
        HEADER + "\n[closing]\nwhere_ever = 1\n",
        7,
        "[closing] where_ever: is not a field whytui knows",
    ),
    "bad id": (HEADER + node("w-abcd") + node("W_1"), 12, "[[node]] #2 id: 'W_1'"),
    "reserved id": (HEADER + node("root"), 7, "[[node]] #1 id: 'root'"),
    "empty text": (HEADER + node("w-abcd", text=""), 9, "[[node]] #1 text: must not be empty"),
    "text too long": (
        HEADER + node("w-abcd") + node("w-efgh", text="y" * (MAX_TEXT + 1)),
        14,
        f"[[node]] #2 text: text is too long ({MAX_TEXT + 1:,} characters; at most {MAX_TEXT:,})",
    ),
    "bad action status": (
        HEADER + action("a-abcd") + 'status = "maybe"\n',
        10,
        "[[action]] #1 status: Input should be 'open' or 'done'",
    ),
}


@pytest.mark.parametrize("case", FIELD_CASES, ids=str)
def test_invalid_fields_are_reported_at_their_line(case: str) -> None:
    text, line, message = FIELD_CASES[case]
    error = error_for(text)
    assert error.line == line
    assert message in error.problem
    assert str(error).startswith(f"s.toml:{line}: " if line else "s.toml: ")


# -- integrity across records: the message names the record, the line is its id ---------------

INTEGRITY_CASES = {
    "duplicate node ids": (
        HEADER + node("w-abcd") + node("w-efgh") + node("w-abcd", "w-efgh"),
        ('id = "w-abcd"', 2),
        "[[node]] #3: duplicate id 'w-abcd' (also used by node 1)",
    ),
    "action reusing a node id": (
        HEADER + node("w-abcd") + action("w-abcd"),
        ('id = "w-abcd"', 2),
        "[[action]] #1: duplicate id 'w-abcd'",
    ),
    "duplicate action ids": (
        HEADER + node("w-abcd") + action("a-abcd") + action("a-abcd"),
        ('id = "a-abcd"', 2),
        "[[action]] #2: duplicate id 'a-abcd'",
    ),
    "unknown parent": (
        HEADER + node("w-abcd") + node("w-efgh", "w-gone"),
        ('id = "w-efgh"', 1),
        "[[node]] #2: node 'w-efgh' names parent 'w-gone', which is not a node here",
    ),
    "cycle": (
        # w-aaaa hangs under the cycle w-bbbb -> w-cccc -> w-bbbb but is not part of it
        HEADER + node("w-aaaa", "w-bbbb") + node("w-bbbb", "w-cccc") + node("w-cccc", "w-bbbb"),
        ('id = "w-bbbb"', 1),
        "[[node]] #2: node 'w-bbbb' is its own ancestor",
    ),
    "self parent": (
        HEADER + node("w-abcd") + node("w-efgh", "w-efgh"),
        ('id = "w-efgh"', 1),
        "[[node]] #2: node 'w-efgh' is its own ancestor",
    ),
    "action linking an unknown cause": (
        HEADER + node("w-abcd") + action("a-abcd", "w-abcd", "w-gone"),
        ('id = "a-abcd"', 1),
        "[[action]] #1: action 'a-abcd' links cause 'w-gone', which is not a node here",
    ),
}


@pytest.mark.parametrize("case", INTEGRITY_CASES, ids=str)
def test_integrity_errors_name_the_record_at_the_line_of_its_id(case: str) -> None:
    text, (id_line, occurrence), message = INTEGRITY_CASES[case]
    error = error_for(text)
    assert message in error.problem
    assert error.line == line_of(text, id_line, occurrence)


def test_user_text_in_an_error_is_quoted_literally() -> None:
    """Error messages are templates inside pydantic; a parent of `{table}` must not fill one."""
    error = error_for(HEADER + node("w-abcd", "{table} {index} {message}"))
    assert "names parent '{table} {index} {message}'" in error.problem


@given(sessions(), st.booleans())
def test_error_lines_hold_whatever_the_texts_look_like(session: Session, duplicate: bool) -> None:
    """Texts holding `[[node]]`, `[x]` or `id = ...` lines must not shift an error's line."""
    assume(session.nodes or not duplicate)
    # "zzzzz-" ids are never generated: the strategy's prefixes are at most 4 letters long
    bad_id, parent = (session.nodes[0].id, "root") if duplicate else ("zzzzz-0000", "zzzzz-gone")
    text = sessionfile.dumps(session) + node(bad_id, parent)
    error = error_for(text)
    assert error.line == text.count("\n") - 2
    assert f"[[node]] #{len(session.nodes) + 1}:" in error.problem


# -- tree order and queries --------------------------------------------------------------------


@given(sessions())
def test_nodes_are_kept_in_tree_order_whatever_order_they_came_in(session: Session) -> None:
    position = {n.id: i for i, n in enumerate(session.nodes)}
    for index, why in enumerate(session.nodes):
        assert why.parent == "root" or position[why.parent] < index
        # a subtree is contiguous: everything between a node and its descendant descends from it
        ancestors = set()
        current = why.parent
        while current != "root":
            ancestors.add(current)
            current = session.node(current).parent
        for ancestor in ancestors:
            between = session.nodes[position[ancestor] + 1 : index]
            assert all(session.depth(n.id) > session.depth(ancestor) for n in between)
    assert Session.model_validate(session.model_dump(by_alias=True)) == session


def test_siblings_keep_their_given_order() -> None:
    records = [
        WhyNode(id="w-bbbb", parent="w-aaaa", text="second child"),
        WhyNode(id="w-cccc", parent="root", text="second top"),
        WhyNode(id="w-dddd", parent="w-aaaa", text="third child"),
        WhyNode(id="w-aaaa", parent="root", text="first top"),
    ]
    session = Session(title="t", date=dt.date(2026, 1, 2), problem="p", nodes=tuple(records))
    assert [n.id for n in session.nodes] == ["w-cccc", "w-aaaa", "w-bbbb", "w-dddd"]


def test_queries_the_app_and_rules_share() -> None:
    session = Session(
        title="t",
        date=dt.date(2026, 1, 2),
        problem="p",
        nodes=(
            WhyNode(id="w-aaaa", parent="root", text="a"),
            WhyNode(id="w-bbbb", parent="w-aaaa", text="b", category="missing-check"),
            WhyNode(id="w-cccc", parent="w-aaaa", text="c"),
        ),
        actions=(ActionItem(id="a-aaaa", text="fix", causes=("w-bbbb",)),),
    )
    assert [n.id for n in session.children("w-aaaa")] == ["w-bbbb", "w-cccc"]
    assert [n.id for n in session.leaves()] == ["w-bbbb", "w-cccc"]
    assert [n.id for n in session.root_causes()] == ["w-bbbb"]
    assert (session.depth("w-aaaa"), session.depth("w-cccc")) == (1, 2)
    assert [a.id for a in session.actions_for("w-bbbb")] == ["a-aaaa"]
    with pytest.raises(KeyError):
        session.node("w-gone")


def test_direct_construction_meets_the_same_integrity_checks() -> None:
    with pytest.raises(ValidationError, match="names parent 'w-gone'"):
        Session(
            title="t",
            date=dt.date(2026, 1, 2),
            problem="p",
            nodes=(WhyNode(id="w-aaaa", parent="w-gone", text="a"),),
        )


# -- ids -------------------------------------------------------------------------------------


@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8))
def test_new_ids_have_the_form_the_model_accepts(prefix: str) -> None:
    minted = ids.new_id(prefix)
    assert re.fullmatch(ID_PATTERN, minted)
    assert minted.startswith(prefix + "-")
    WhyNode(id=minted, parent="root", text="x")


def test_new_id_never_returns_a_taken_id(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the random source repeat taken ids: `new_id` must keep drawing until one is free."""
    script = iter("7k2m9x4q1pzt" + "0123456789ab" + "7k2m9x4q1pzt" + "abcdefghjkmn")
    monkeypatch.setattr(ids.secrets, "choice", lambda alphabet: next(script))
    assert ids.new_id("w", {"w-7k2m9x4q1pzt", "w-0123456789ab"}) == "w-abcdefghjkmn"
