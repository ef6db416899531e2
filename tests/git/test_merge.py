"""Two people, two branches, one session: plain `git merge` combines them without conflict.

The file format writes every record directly after the node it hangs from (children newest
first, action items beside their first cause), so changes to different nodes land at different
places in the file and git's line merge keeps both. Proved here on real repositories: named
scenarios with `git merge` in a working tree, and random sessions with random pairs of edits
merged by git's own merge machinery (`git merge-tree`, the same merge `git merge` does).
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitrepo import git
from strategies import sessions, texts
from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import SCHEMA_VERSION, Session
from whytui.store.sessionfile import dumps, load, loads, save

FILE = "sessions/review.toml"


def chain() -> tuple[Session, list[str]]:
    """A typical five-whys: one chain of whys, the last closed, with an action item."""
    session = Session(
        title="Checkout outage", date=dt.date(2026, 8, 12), problem="Checkout returned 500s."
    )
    ids: list[str] = []
    parent = ROOT_ID
    for text in (
        "Redis rejected writes.",
        "Keys had no TTL.",
        "The client's set() has no default TTL.",
    ):
        session, parent = edits.add_why(session, parent, text)
        ids.append(parent)
    session = edits.close_as_root_cause(session, ids[-1], "unsafe-default")
    session, _ = edits.add_action(
        session, text="Give set() a default TTL.", owner="Tomasz", causes=(ids[-1],)
    )
    return session, ids


Edit = Callable[[Session], Session]


def merge_branches(repo: Path, base: Session, ours: Edit, theirs: Edit) -> tuple[str, Session]:
    """Commit `base` on main, `ours` on branch one, `theirs` on main; `git merge one`."""
    path = repo / FILE
    path.parent.mkdir(exist_ok=True)
    save(base, path)
    git(repo, "add", FILE)
    git(repo, "commit", "--quiet", "-m", "base")
    git(repo, "switch", "--quiet", "--create", "one")
    save(ours(base), path)
    git(repo, "commit", "--quiet", "--all", "-m", "ours")
    git(repo, "switch", "--quiet", "main")
    save(theirs(base), path)
    git(repo, "commit", "--quiet", "--all", "-m", "theirs")
    output = git(repo, "merge", "--no-edit", "one", check=False)
    assert "CONFLICT" not in output, path.read_text()
    assert git(repo, "status", "--porcelain").strip() == ""
    text = path.read_text()
    return text, load(path)


def add_why(parent: str, text: str) -> Edit:
    return lambda session: edits.add_why(session, parent, text)[0]


def test_two_people_adding_whys_under_different_nodes_merge_cleanly(repo: Path) -> None:
    base, (first, _, last) = chain()

    text, merged = merge_branches(
        repo,
        base,
        add_why(last, "Nobody reviews client defaults."),  # keeps digging at the end
        add_why(first, "Memory alerts were off."),  # a second branch near the top
    )

    by_text = {n.text: n for n in merged.nodes}
    assert by_text["Nobody reviews client defaults."].parent == last
    assert by_text["Memory alerts were off."].parent == first
    assert len(merged.nodes) == len(base.nodes) + 2
    assert dumps(merged) == text  # the merge is already what whytui would write


def test_a_new_top_level_why_and_a_deeper_one_merge_cleanly(repo: Path) -> None:
    base, ids = chain()

    _, merged = merge_branches(
        repo, base, add_why(ROOT_ID, "Customers retried."), add_why(ids[1], "The refactor.")
    )

    assert {"Customers retried.", "The refactor."} <= {n.text for n in merged.nodes}


def test_editing_one_why_while_closing_another_leaf_merges_cleanly(repo: Path) -> None:
    base, ids = chain()
    base, open_leaf = edits.add_why(base, ids[0], "Memory alerts were off.")

    text, merged = merge_branches(
        repo,
        base,
        lambda s: edits.edit_text(s, ids[1], "Session keys were written without a TTL."),
        lambda s: edits.close_as_root_cause(s, open_leaf, "monitoring-gap"),
    )

    assert merged.node(ids[1]).text == "Session keys were written without a TTL."
    assert merged.node(open_leaf).category == "monitoring-gap"
    assert dumps(merged) == text


def test_two_people_adding_action_items_for_different_root_causes_merge_cleanly(
    repo: Path,
) -> None:
    base, ids = chain()
    base, second = edits.add_why(base, ids[0], "No alert fires on Redis memory.")
    base = edits.close_as_root_cause(base, second, "monitoring-gap")

    text, merged = merge_branches(
        repo,
        base,
        lambda s: edits.add_action(s, text="Make set() without ttl raise.", causes=(ids[-1],))[0],
        lambda s: edits.add_action(s, text="Page at 85% Redis memory.", causes=(second,))[0],
    )

    assert [a.text for a in merged.actions_for(ids[-1])] == [
        "Give set() a default TTL.",
        "Make set() without ttl raise.",
    ]
    assert [a.text for a in merged.actions_for(second)] == ["Page at 85% Redis memory."]
    assert dumps(merged) == text


# -- any session, any two changes to different nodes -----------------------------------------

CHANGES = ("add why", "add action", "edit text", "close", "edit action")


def change(session: Session, kind: str, target: str, text: str) -> Session:
    """One edit the app makes, touching only `target` (a node id, or root: the problem)."""
    if kind == "add why":
        return edits.add_why(session, target, text)[0]
    if kind == "add action":
        causes = () if target == ROOT_ID else (target,)
        return edits.add_action(session, text=text, causes=causes)[0]
    if kind == "close" and target != ROOT_ID:
        return edits.close_as_root_cause(session, target, "process-gap")
    if kind == "edit action":
        anchored = [a for a in session.actions if a.anchor == target]
        if anchored:
            return edits.update_action(session, anchored[-1].id, text=text, owner="Mei")
    return edits.edit_text(session, target, text)


def records(session: Session) -> dict[str, Any]:
    """Everything a session holds, keyed so that a change to one thing changes one entry."""
    found: dict[str, Any] = {"header": session.model_dump(exclude={"nodes", "actions"})}
    found |= {node.id: node for node in session.nodes}
    found |= {action.id: action for action in session.actions}
    return found


def merge_tree(repo: Path, base: str, ours: str, theirs: str) -> tuple[bool, str]:
    """Merge two children of `base` with git's merge (ort), in the object store only."""
    blobs = []
    for number, text in enumerate((base, ours, theirs)):
        (repo / f"v{number}").write_text(text, encoding="utf-8")
        blobs.append(git(repo, "hash-object", "-w", f"v{number}").strip())
    trees = [git(repo, "mktree", stdin=f"100644 blob {b}\treview.toml\n").strip() for b in blobs]
    root = git(repo, "commit-tree", "-m", "base", trees[0]).strip()
    one = git(repo, "commit-tree", "-p", root, "-m", "ours", trees[1]).strip()
    two = git(repo, "commit-tree", "-p", root, "-m", "theirs", trees[2]).strip()
    result = git(repo, "merge-tree", "--write-tree", "--name-only", one, two, check=False)
    tree = result.splitlines()[0]
    clean = result.strip() == tree
    return clean, git(repo, "cat-file", "blob", f"{tree}:review.toml")


@st.composite
def two_changes(draw: st.DrawFn) -> tuple[Session, Session, Session]:
    base = draw(sessions(max_nodes=8, max_actions=4).filter(lambda s: s.nodes))
    targets = [ROOT_ID, *(n.id for n in base.nodes)]
    first, second = draw(st.lists(st.sampled_from(targets), min_size=2, max_size=2, unique=True))
    ours = change(base, draw(st.sampled_from(CHANGES)), first, draw(texts(max_fragments=4)))
    theirs = change(base, draw(st.sampled_from(CHANGES)), second, draw(texts(max_fragments=4)))
    return base, ours, theirs


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(two_changes())
def test_any_two_changes_to_different_nodes_merge_to_both(
    repo: Path, case: tuple[Session, Session, Session]
) -> None:
    base, ours, theirs = case

    clean, text = merge_tree(repo, dumps(base), dumps(ours), dumps(theirs))

    assert clean, text
    merged = loads(text)
    before, one, two = records(base), records(ours), records(theirs)
    expected = {
        key: two[key] if two.get(key) != before.get(key) else one[key]
        for key in before.keys() | one.keys() | two.keys()
        if key in one or key in two
    }
    assert records(merged) == expected
    assert dumps(merged) == text


def test_a_schema_1_file_keeps_its_order_and_is_rewritten_in_the_merge_friendly_order() -> None:
    old = (
        'schema = 1\ntitle = "t"\nstatus = "open"\ndate = 2026-01-02\nproblem = "p"\n\n'
        '[[node]]\nid = "w-aaaa"\nparent = "root"\ntext = "first"\n\n'
        '[[node]]\nid = "w-bbbb"\nparent = "root"\ntext = "second"\n\n'
        '[[action]]\nid = "a-cccc"\ntext = "fix"\ncauses = [\n    "w-aaaa",\n]\nstatus = "open"\n'
    )

    session = loads(old)

    assert [n.text for n in session.children(ROOT_ID)] == ["first", "second"]
    new = dumps(session)
    assert new.startswith(f"schema = {SCHEMA_VERSION}\n"), "written in the newest schema"
    assert new.index('"second"') < new.index('"first"') < new.index('"fix"')
    assert loads(new) == session
