"""The review's rules: every problem at once, each with its rule id and the node or action item
it concerns. Written against fake judges, so these tests say what the rules do with a verdict
(the judges have their own tests)."""

import datetime as dt

import pytest

from whytui.core import edits, rules
from whytui.core.config import Config, ExtraCategory
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session, SessionStatus
from whytui.core.rules import Problem
from whytui.judge import ActionVerdict, CauseVerdict

CONFIG = Config()
TODAY = dt.date(2026, 8, 12)


def fake_cause(text: str, config: Config | None = None) -> CauseVerdict:
    """Ends at a person exactly when the text names 'Sam'."""
    if "Sam" in text:
        return CauseVerdict(True, ["named person: 'Sam'"], reframe="What made it easy for anyone?")
    return CauseVerdict(False)


def fake_action(text: str) -> ActionVerdict:
    """Vague exactly when the text says 'improve'."""
    if "improve" in text.lower():
        return ActionVerdict(False, ["'improve' says no what"], "Add an alert when X exceeds Y.")
    return ActionVerdict(True)


@pytest.fixture(autouse=True)
def fake_judges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "judge_cause", fake_cause)
    monkeypatch.setattr(rules, "judge_action", fake_action)


def found(problems: list[Problem]) -> set[tuple[str, str | None, str | None]]:
    return {(p.rule, p.node_id, p.action_id) for p in problems}


def tree() -> tuple[Session, dict[str, str]]:
    """Problem -> a -> (b, c): a has whys under it; b and c are leaves."""
    session = Session(title="t", date=TODAY, problem="Checkout failed for 47 minutes.")
    ids: dict[str, str] = {}
    session, ids["a"] = edits.add_why(session, ROOT_ID, "Redis rejected writes.")
    session, ids["b"] = edits.add_why(session, ids["a"], "Keys had no TTL.")
    session, ids["c"] = edits.add_why(session, ids["a"], "No alert on Redis memory.")
    return session, ids


def good_action(session: Session, *causes: str) -> Session:
    session, _ = edits.add_action(
        session,
        text="Give set() a default TTL of 24 hours.",
        owner="Mei Chen",
        due=TODAY,
        done_when="A unit test shows set() without ttl stores a 24 hour expiry.",
        causes=causes,
    )
    return session


def closable() -> tuple[Session, dict[str, str]]:
    session, ids = tree()
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default")
    session = edits.close_as_root_cause(session, ids["c"], "monitoring-gap")
    session = good_action(session, ids["b"], ids["c"])
    session = edits.set_closing(session, "Every write has an expiry.", "The flag cache.")
    return session, ids


# -- may this leaf close? ----------------------------------------------------------------------


def test_a_leaf_with_a_category_and_no_person_may_close() -> None:
    session, ids = tree()
    assert rules.leaf_close_problems(session, ids["b"], "unsafe-default", CONFIG) == []


def test_every_reason_a_node_may_not_close_is_given_at_once() -> None:
    session, ids = tree()
    session = edits.edit_text(session, ids["a"], "Sam pushed the config by hand.")
    problems = rules.leaf_close_problems(session, ids["a"], None, CONFIG)
    assert found(problems) == {
        ("root-cause-has-whys", ids["a"], None),
        ("root-cause-no-category", ids["a"], None),
        ("cause-ends-at-person", ids["a"], None),
    }
    person = next(p for p in problems if p.rule == "cause-ends-at-person")
    assert "named person: 'Sam'" in person.message
    assert "What made it easy for anyone?" in person.message


def test_categories_come_from_the_built_in_set_and_the_repository() -> None:
    session, ids = tree()
    [unknown] = rules.leaf_close_problems(session, ids["b"], "vendor-limit", CONFIG)
    assert (unknown.rule, unknown.node_id) == ("root-cause-unknown-category", ids["b"])
    assert ".whytui.toml" in unknown.message
    extended = Config(categories=(ExtraCategory(id="vendor-limit", name="Vendor quota"),))
    assert rules.leaf_close_problems(session, ids["b"], "vendor-limit", extended) == []


# -- may this session close? -------------------------------------------------------------------


def test_a_complete_session_may_close() -> None:
    session, _ = closable()
    assert rules.session_close_problems(session, CONFIG) == []
    closed = edits.set_fields(session, status=SessionStatus.CLOSED)
    assert rules.lint_problems(closed, CONFIG) == []


def test_every_reason_a_session_may_not_close_is_given_at_once() -> None:
    session, ids = tree()
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default")
    session, d = edits.add_why(session, ids["a"], "Sam forgot the TTL.")
    session = edits.close_as_root_cause(session, d, "knowledge-gap")
    session, vague = edits.add_action(
        session, text="Improve Redis hygiene.", causes=(ids["b"],), done_when="improve it"
    )
    session, loose = edits.add_action(session, text="Add a TTL lint rule.", causes=(ids["a"],))
    session, orphan = edits.add_action(session, text="Page on Redis memory at 85%.")

    assert found(rules.session_close_problems(session, CONFIG)) == {
        ("cause-ends-at-person", d, None),
        ("open-leaf", ids["c"], None),
        ("root-cause-no-action", d, None),
        ("action-vague", None, vague),
        ("action-no-owner", None, vague),
        ("action-no-due", None, vague),
        ("action-done-when-vague", None, vague),
        ("action-no-owner", None, loose),
        ("action-no-due", None, loose),
        ("action-no-done-when", None, loose),
        ("action-cause-not-root", None, loose),
        ("action-no-owner", None, orphan),
        ("action-no-due", None, orphan),
        ("action-no-done-when", None, orphan),
        ("action-no-cause", None, orphan),
        ("closing-unanswered-prevention", None, None),
        ("closing-unanswered-where-else", None, None),
    }


def test_a_session_without_whys_may_not_close() -> None:
    session = Session(title="t", date=TODAY, problem="p")
    assert ("no-whys", None, None) in found(rules.session_close_problems(session, CONFIG))


def test_a_non_leaf_marked_as_a_root_cause_is_reported() -> None:
    """Hand-edited files can put a category on a node with whys under it."""
    session, ids = closable()
    session = edits.close_as_root_cause(session, ids["a"], "process-gap")
    problems = found(rules.session_close_problems(session, CONFIG))
    assert ("root-cause-has-whys", ids["a"], None) in problems
    assert ("root-cause-no-action", ids["a"], None) in problems


# -- what lint reports -------------------------------------------------------------------------


def test_lint_on_an_open_session_reports_only_what_is_already_wrong() -> None:
    session, ids = tree()
    session = edits.edit_text(session, ids["b"], "Sam set no TTL.")
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default")
    session, vague = edits.add_action(
        session, text="Improve Redis.", owner="Mei", due=TODAY, done_when="x", causes=(ids["b"],)
    )
    standing = {("cause-ends-at-person", ids["b"], None), ("action-vague", None, vague)}
    assert found(rules.lint_problems(session, CONFIG)) == standing

    closed = edits.set_fields(session, status=SessionStatus.CLOSED)
    everything = found(rules.lint_problems(closed, CONFIG))
    assert standing < everything
    assert ("open-leaf", ids["c"], None) in everything
    assert ("closing-unanswered-prevention", None, None) in everything


def test_the_configuration_reaches_the_cause_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    """System names in .whytui.toml must be honoured when a leaf is judged."""
    seen: list[Config | None] = []

    def recording(text: str, config: Config | None = None) -> CauseVerdict:
        seen.append(config)
        return CauseVerdict(False)

    monkeypatch.setattr(rules, "judge_cause", recording)
    session, ids = tree()
    config = Config(system_names=("Hermes",))
    rules.leaf_close_problems(session, ids["b"], "unsafe-default", config)
    assert seen == [config]


# -- closing over the judge, with a written reason ---------------------------------------------

REASON = "structural: Sam is context; the cause is the runbook that names the wrong table"


def test_a_written_reason_lets_a_refused_leaf_close_and_is_kept_on_the_node() -> None:
    session, ids = tree()
    session = edits.edit_text(session, ids["b"], "Sam followed the runbook to the wrong table.")
    refused = rules.leaf_close_problems(session, ids["b"], "knowledge-gap", CONFIG)
    assert found(refused) == {("cause-ends-at-person", ids["b"], None)}

    assert rules.leaf_close_problems(session, ids["b"], "knowledge-gap", CONFIG, REASON) == []
    closed = edits.close_as_root_cause(session, ids["b"], "knowledge-gap", f"  {REASON} ")
    assert closed.node(ids["b"]).judged == REASON
    assert rules.leaf_close_problems(closed, ids["b"], "knowledge-gap", CONFIG) == []


@pytest.mark.parametrize("reason", ["", "ok", "n/a", "  -  ", "TBD", "it is fine"])
def test_a_reason_that_says_nothing_overrules_nothing(reason: str) -> None:
    session, ids = tree()
    session = edits.edit_text(session, ids["b"], "Sam set no TTL.")
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default", reason)
    [problem] = rules.leaf_close_problems(session, ids["b"], "unsafe-default", CONFIG)
    assert problem.rule == "cause-ends-at-person"
    assert not problem.notice
    assert rules.judged_reason_problem(reason) is not None
    assert rules.judged_notices(session, CONFIG) == []


def test_an_overruled_refusal_is_a_notice_wherever_lint_looks_never_silent() -> None:
    session, ids = closable()
    session = edits.edit_text(session, ids["b"], "Sam set no TTL because the client has none.")
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default", REASON)
    for state in (session, edits.set_fields(session, status=SessionStatus.CLOSED)):
        [notice] = rules.lint_problems(state, CONFIG)
        assert (notice.rule, notice.node_id, notice.notice) == ("judged-structural", ids["b"], True)
        assert "named person: 'Sam'" in notice.message
        assert "Sam is context" in notice.message
    assert rules.session_close_problems(session, CONFIG) == [], "a notice does not block closing"


def test_a_reason_on_a_statement_the_judge_passes_is_not_reported() -> None:
    session, ids = closable()
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default", REASON)
    assert rules.judged_notices(session, CONFIG) == []


def test_reopening_a_leaf_drops_its_reason() -> None:
    session, ids = tree()
    session = edits.close_as_root_cause(session, ids["b"], "unsafe-default", REASON)
    reopened = edits.reopen(session, ids["b"])
    assert (reopened.node(ids["b"]).category, reopened.node(ids["b"]).judged) == (None, "")
