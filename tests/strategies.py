"""Hypothesis strategies for sessions, shared by every test that needs one.

Texts are built to be hard on the file format (quotes and runs of them, backslashes, control
characters, lines far over the fold width with spaces in odd places, markup and TOML look-alikes,
emoji); sessions come either constructed directly (any valid tree, in any input order) or grown
through `whytui.core.edits` the way the app grows them.
"""

import string
from collections.abc import Callable
from functools import cache

from hypothesis import strategies as st

from whytui.core import edits
from whytui.core.categories import BUILTIN_CATEGORIES
from whytui.core.ids import ROOT_ID
from whytui.core.models import (
    MAX_TEXT,
    ActionItem,
    ActionStatus,
    ClosingAnswers,
    Session,
    SessionStatus,
    WhyNode,
)

AWKWARD = (
    '"',
    '""',
    '"""',
    '""""""',
    "'''",
    "\\",
    "\\\\",
    "\\n",
    '\\"',
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x08",
    "\x0b\x0c",
    "\x1b[31m",
    "\x7f",
    "\u0085",
    "\u00a0",
    "\u2028",
    " ",
    "   ",
    "[b]x[/]",
    "[@click=app.quit]",
    "\n[[node]]\n",
    "\n[closing]\n",
    '\nid = "w-0000"\n',
    "\n[x] checked\n",
    "# not a comment",
    "🔥",
    "👩‍💻",
    "é",
    "日本語",
    "word " * 20,
    "x" * 95,
)
"""Fragments that have broken TOML writers: joined at random with ordinary text."""


@cache  # strategies are built once: building one is dearer than drawing from it
def _fragments(min_size: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(AWKWARD),
        st.text(min_size=min_size, max_size=12),
        st.text(alphabet="ab ", min_size=min_size, max_size=100),  # long lines, odd spaces
    )


@cache
def texts(
    empty: bool = False, max_fragments: int = 8, max_size: int = MAX_TEXT
) -> st.SearchStrategy[str]:
    """Free text of at most `max_size` characters, made of awkward fragments; never empty
    unless `empty`. Built without filters, so no generated session is thrown away."""
    return st.builds(
        lambda head, tail: (head + "".join(tail))[:max_size],
        _fragments(0 if empty else 1),
        st.lists(_fragments(0), max_size=max_fragments - 1),
    )


@cache
def short_texts() -> st.SearchStrategy[str]:
    """Names, references, categories: 1..200 characters."""
    return texts(max_fragments=3, max_size=200)


@cache
def record_ids(prefix: str | None = None) -> st.SearchStrategy[str]:
    """Any id the model accepts (``[a-z]+-[0-9a-z]{4,32}``), not only ones `new_id` mints."""
    prefixes = (
        st.just(prefix) if prefix else st.text(string.ascii_lowercase, min_size=1, max_size=4)
    )
    tails = st.text(string.ascii_lowercase + string.digits, min_size=4, max_size=32)
    return st.builds("{}-{}".format, prefixes, tails)


@cache
def categories() -> st.SearchStrategy[str]:
    return st.sampled_from([c.id for c in BUILTIN_CATEGORIES]) | short_texts()


def _pick(draw: st.DrawFn, choices: list[str]) -> str:
    """One of `choices`: an index is drawn, so no strategy is built per choice list."""
    return choices[draw(st.integers(0, len(choices) - 1))]


def _some(draw: st.DrawFn, choices: list[str], most: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_pick(draw, choices) for _ in range(draw(st.integers(0, most)))))


def _nodes(draw: st.DrawFn, node_ids: list[str]) -> list[WhyNode]:
    """A tree (each node's parent is root or an earlier node), listed in a random order."""
    nodes = [
        WhyNode(
            id=node_id,
            parent=_pick(draw, [ROOT_ID, *node_ids[:position]]),
            text=draw(texts()),
            category=draw(st.none() | categories()),
            evidence=tuple(draw(st.lists(texts(empty=True, max_fragments=4), max_size=1))),
            judged=draw(texts(empty=True, max_fragments=3)),
        )
        for position, node_id in enumerate(node_ids)
    ]
    return [nodes.pop(draw(st.integers(0, len(nodes) - 1))) for _ in range(len(nodes))]


def _action(draw: st.DrawFn, action_id: str, node_ids: list[str]) -> ActionItem:
    return ActionItem(
        id=action_id,
        text=draw(texts()),
        owner=draw(st.just("") | short_texts()),
        due=draw(st.none() | st.dates()),
        done_when=draw(texts(empty=True)),
        causes=_some(draw, node_ids, 3) if node_ids else (),
        status=draw(st.sampled_from(ActionStatus)),
        tracker=draw(st.just("") | short_texts()),
        done_on=draw(st.none() | st.dates()),
        evidence=draw(texts(empty=True, max_fragments=4)),
    )


@st.composite
def sessions(draw: st.DrawFn, max_nodes: int = 6, max_actions: int = 3) -> Session:
    """A directly constructed session: any tree, any fields, every optional value or none."""
    ids = draw(st.lists(record_ids(), unique=True, max_size=max_nodes + max_actions))
    cut = draw(st.integers(max(0, len(ids) - max_actions), min(len(ids), max_nodes)))
    node_ids, action_ids = ids[:cut], ids[cut:]
    listed = st.lists(short_texts(), max_size=2).map(tuple)
    return Session(
        title=draw(texts(max_fragments=4)),
        date=draw(st.dates()),
        status=draw(st.sampled_from(SessionStatus)),
        facilitator=draw(st.just("") | short_texts()),
        incidents=draw(listed),
        participants=draw(listed),
        services=draw(listed),
        problem=draw(texts()),
        nodes=tuple(_nodes(draw, node_ids)),  # the model puts them in tree order
        actions=tuple(_action(draw, action_id, node_ids) for action_id in action_ids),
        closing=ClosingAnswers(
            would_have_prevented=draw(texts(empty=True)), where_else=draw(texts(empty=True))
        ),
    )


def blank_sessions() -> st.SearchStrategy[Session]:
    """A session as `whytui new` starts it: a title, a date, a problem, nothing else."""
    return st.builds(Session, title=texts(max_fragments=4), date=st.dates(), problem=texts())


# -- growing a session through edits ---------------------------------------------------------

Edit = Callable[[st.DrawFn, Session], Session]


def _node_id(draw: st.DrawFn, session: Session) -> str:
    return _pick(draw, [n.id for n in session.nodes])


def _add_why(draw: st.DrawFn, session: Session) -> Session:
    parent = _pick(draw, [ROOT_ID, *(n.id for n in session.nodes)])
    return edits.add_why(session, parent, draw(texts()))[0]


def _add_sibling(draw: st.DrawFn, session: Session) -> Session:
    return edits.add_sibling(session, _node_id(draw, session), draw(texts()))[0]


def _move(draw: st.DrawFn, session: Session) -> Session:
    node_id = _node_id(draw, session)
    inside = set(edits.subtree_ids(session, node_id))
    targets = [ROOT_ID, *(n.id for n in session.nodes if n.id not in inside)]
    return edits.move_node(session, node_id, _pick(draw, targets))


def _delete(draw: st.DrawFn, session: Session) -> Session:
    return edits.delete_node(session, _node_id(draw, session))


def _close(draw: st.DrawFn, session: Session) -> Session:
    judged = draw(texts(empty=True, max_fragments=3))
    return edits.close_as_root_cause(session, _node_id(draw, session), draw(categories()), judged)


def _reopen(draw: st.DrawFn, session: Session) -> Session:
    return edits.reopen(session, _node_id(draw, session))


def _edit_text(draw: st.DrawFn, session: Session) -> Session:
    target = _pick(draw, [ROOT_ID, *(n.id for n in session.nodes)])
    return edits.edit_text(session, target, draw(texts()))


def _set_evidence(draw: st.DrawFn, session: Session) -> Session:
    evidence = tuple(draw(st.lists(texts(empty=True, max_fragments=3), max_size=3)))
    return edits.set_evidence(session, _node_id(draw, session), evidence)


def _causes(draw: st.DrawFn, session: Session) -> tuple[str, ...]:
    ids = [n.id for n in session.nodes]
    return _some(draw, ids, 2) if ids else ()


def _add_action(draw: st.DrawFn, session: Session) -> Session:
    return edits.add_action(
        session,
        text=draw(texts()),
        owner=draw(st.just("") | short_texts()),
        due=draw(st.none() | st.dates()),
        done_when=draw(texts(empty=True)),
        causes=_causes(draw, session),
    )[0]


def _action_id(draw: st.DrawFn, session: Session) -> str:
    return _pick(draw, [a.id for a in session.actions])


def _update_action(draw: st.DrawFn, session: Session) -> Session:
    field = draw(st.sampled_from(["text", "owner", "done_when", "causes", "tracker"]))
    if field == "causes":
        value: object = _causes(draw, session)
    else:
        value = draw(texts(empty=field != "text"))
    return edits.update_action(session, _action_id(draw, session), **{field: value})


def _mark_done(draw: st.DrawFn, session: Session) -> Session:
    return edits.mark_done(
        session, _action_id(draw, session), draw(texts(empty=True)), draw(st.dates())
    )


def _delete_action(draw: st.DrawFn, session: Session) -> Session:
    return edits.delete_action(session, _action_id(draw, session))


def _set_closing(draw: st.DrawFn, session: Session) -> Session:
    return edits.set_closing(session, draw(texts(empty=True)), draw(texts(empty=True)))


def _set_status(draw: st.DrawFn, session: Session) -> Session:
    return edits.set_fields(session, status=draw(st.sampled_from(SessionStatus)))


ALWAYS: tuple[Edit, ...] = (_add_why, _edit_text, _add_action, _set_closing, _set_status)
ON_NODES: tuple[Edit, ...] = (_add_sibling, _move, _delete, _close, _reopen, _set_evidence)
ON_ACTIONS: tuple[Edit, ...] = (_update_action, _mark_done, _delete_action)


def random_edit(draw: st.DrawFn, session: Session) -> Session:
    """Apply one edit the app could make, chosen among those that apply to `session`."""
    edits_here = (
        ALWAYS + (ON_NODES if session.nodes else ()) + (ON_ACTIONS if session.actions else ())
    )
    edit = edits_here[draw(st.integers(0, len(edits_here) - 1))]
    return edit(draw, session)


@st.composite
def edited_sessions(draw: st.DrawFn, max_edits: int = 15) -> Session:
    """A session grown by a random sequence of edits, from blank or from a generated one."""
    session = draw(blank_sessions() | sessions(max_nodes=3, max_actions=1))
    for _ in range(draw(st.integers(0, max_edits))):
        session = random_edit(draw, session)
    return session


def any_sessions() -> st.SearchStrategy[Session]:
    return sessions() | edited_sessions()
