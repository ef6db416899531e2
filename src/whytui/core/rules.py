"""The rules of a review, as pure functions that return every problem at once.

Two questions: may this leaf close as a root cause, and may this session close. Each problem
names its rule and the node or item it concerns, so the app can jump to it and `whytui lint`
can point at its line. Rules that say a session is unfinished (open leaves, unanswered closing
questions) apply only when closing; rules that say something is already wrong (a root cause
that ends at a person, a vague action item) apply always.
"""

from dataclasses import dataclass

from whytui.core.config import Config
from whytui.core.judge import judge_action, judge_cause
from whytui.core.models import ActionItem, Session, SessionStatus, WhyNode
from whytui.core.text import is_placeholder, quote


@dataclass(frozen=True, slots=True)
class Problem:
    rule: str
    message: str
    node_id: str | None = None
    action_id: str | None = None
    notice: bool = False
    """Said, but not in the way of closing: `whytui lint` fails on it only with --strict."""


def leaf_close_problems(
    session: Session,
    node_id: str,
    category: str | None,
    config: Config,
    judged: str | None = None,
) -> list[Problem]:
    """Why this node may not (yet) be closed as a root cause under `category`, with `judged`
    as the room's written reason for calling it structural (default: the node's own)."""
    node = session.node(node_id)
    if judged is not None:
        node = node.model_copy(update={"judged": judged})
    has_whys = bool(session.children(node_id))
    return _leaf_problems(node, has_whys, category, config, config.category_ids())


JUDGED_MIN_WORDS = 4


def judged_reason_problem(reason: str) -> str | None:
    """What keeps `reason` from overruling the cause judge: a reviewer must be able to read
    why the room calls the statement structural, so "ok" or "n/a" is no reason."""
    if is_placeholder(reason) or len(reason.split()) < JUDGED_MIN_WORDS:
        return (
            "say why it is structural in a sentence a reviewer can check, e.g. "
            "'structural: the people are context; the cause is the missing runbook'"
        )
    return None


def _leaf_problems(
    node: WhyNode, has_whys: bool, category: str | None, config: Config, known: frozenset[str]
) -> list[Problem]:
    """`leaf_close_problems` with the session-wide lookups done by the caller, once."""
    node_id = node.id
    problems: list[Problem] = []
    if has_whys:
        problems.append(
            Problem(
                "root-cause-has-whys",
                "only a leaf can be a root cause: it has whys under it",
                node_id,
            )
        )
    if not category:
        problems.append(
            Problem(
                "root-cause-no-category", "choose the structural category of this cause", node_id
            )
        )
    elif category not in known:
        problems.append(
            Problem(
                "root-cause-unknown-category",
                f"'{category}' is not a category here (add it to .whytui.toml [[category]])",
                node_id,
            )
        )
    verdict = judge_cause(node.text, config)
    if verdict.ends_at_person and judged_reason_problem(node.judged) is not None:
        weak = f" Its judged reason {quote(node.judged, 40)} is no reason." if node.judged else ""
        problems.append(
            Problem(
                "cause-ends-at-person",
                f"{quote(node.text, 60)} ends at a person: {'; '.join(verdict.reasons)}. "
                f"Ask: {verdict.reframe}{weak}",
                node_id,
            )
        )
    return problems


def action_problems(action: ActionItem, session: Session) -> list[Problem]:
    """What keeps an action item from being something someone could verify is done."""
    return _action_problems(action, frozenset(n.id for n in session.root_causes()))


def _action_problems(action: ActionItem, root_causes: frozenset[str]) -> list[Problem]:
    """`action_problems` given the ids of the session's root causes."""
    problems: list[Problem] = []

    def add(rule: str, message: str) -> None:
        problems.append(Problem(rule, message, action_id=action.id))

    verdict = judge_action(action.text)
    if not verdict.is_specific:
        add(
            "action-vague",
            f"{quote(action.text, 60)} is vague: {'; '.join(verdict.reasons)}. "
            f"{verdict.hint}".strip(),
        )
    if not action.owner.strip():
        add("action-no-owner", f"{quote(action.text, 60)} has no owner")
    if action.due is None:
        add("action-no-due", f"{quote(action.text, 60)} has no due date")
    if not action.done_when.strip():
        add(
            "action-no-done-when",
            f"{quote(action.text, 60)} has no 'done when': say what anyone could check",
        )
    else:
        done_when = judge_action(action.done_when)
        if not done_when.is_specific:
            add(
                "action-done-when-vague",
                f"'done when' of {quote(action.text, 60)} needs judgment: "
                f"{'; '.join(done_when.reasons)}",
            )
    if not action.causes:
        add("action-no-cause", f"{quote(action.text, 60)} is not linked to a root cause")
    else:
        loose = [c for c in action.causes if c not in root_causes]
        if loose:
            add(
                "action-cause-not-root",
                f"{quote(action.text, 60)} links {', '.join(loose)}, which is not a root cause",
            )
    return problems


def standing_problems(session: Session, config: Config) -> list[Problem]:
    """What is already wrong, however unfinished the session is."""
    problems: list[Problem] = []
    parents = {n.parent for n in session.nodes}
    known = config.category_ids()
    causes = session.root_causes()
    for node in causes:
        problems += _leaf_problems(node, node.id in parents, node.category, config, known)
    cause_ids = frozenset(n.id for n in causes)
    for action in session.actions:
        problems += _action_problems(action, cause_ids)
    return problems


def completion_problems(session: Session) -> list[Problem]:
    """What is still missing before the session may close."""
    problems: list[Problem] = []
    if not session.nodes:
        problems.append(Problem("no-whys", "the problem statement has no whys yet"))
    for leaf in session.leaves():
        if not leaf.is_root_cause:
            problems.append(
                Problem(
                    "open-leaf",
                    f"{quote(leaf.text, 60)} is still open: ask why, or close it as a "
                    "structural root cause",
                    leaf.id,
                )
            )
    for cause in session.root_causes():
        if not session.actions_for(cause.id):
            problems.append(
                Problem(
                    "root-cause-no-action",
                    f"root cause {quote(cause.text, 60)} has no action item",
                    cause.id,
                )
            )
    if not session.closing.would_have_prevented.strip():
        problems.append(
            Problem(
                "closing-unanswered-prevention",
                "answer: what would have had to be true for this not to happen?",
            )
        )
    if not session.closing.where_else.strip():
        problems.append(
            Problem(
                "closing-unanswered-where-else",
                "answer: what is the next incident this failure mode makes more likely?",
            )
        )
    return problems


def session_close_problems(session: Session, config: Config) -> list[Problem]:
    """Every reason the session may not close; empty means it may."""
    return standing_problems(session, config) + completion_problems(session)


def judged_notices(session: Session, config: Config) -> list[Problem]:
    """Root causes the room judged structural where the cause judge reads a person: allowed,
    with the written reason, and said wherever the session is read."""
    notices: list[Problem] = []
    for node in session.root_causes():
        if judged_reason_problem(node.judged) is not None:
            continue
        verdict = judge_cause(node.text, config)
        if verdict.ends_at_person:
            notices.append(
                Problem(
                    "judged-structural",
                    f"{quote(node.text, 60)}: the judge reads a person "
                    f"({'; '.join(verdict.reasons)}); the room judged it structural: "
                    f"{quote(node.judged, 120)}",
                    node.id,
                    notice=True,
                )
            )
    return notices


def lint_problems(session: Session, config: Config) -> list[Problem]:
    """What `whytui lint` reports: standing problems, completion too once closed, and the
    refusals the room overruled with a written reason (as notices)."""
    if session.status is SessionStatus.CLOSED:
        return session_close_problems(session, config) + judged_notices(session, config)
    return standing_problems(session, config) + judged_notices(session, config)
