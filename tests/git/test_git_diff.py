"""A session file reads well as a diff: adding a why is one block of added lines, editing a
why touches only that why's lines. Proved once with real git, and for generated sessions
against the file text."""

import datetime as dt
import re
import tomllib
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gitrepo import git
from strategies import edited_sessions, texts
from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.store import sessionfile
from whytui.store.tomlfile import LineIndex

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def review() -> tuple[Session, dict[str, str]]:
    """Problem -> a -> b -> (c, d), problem -> e; an action on c; closing answered."""
    session = Session(title="Checkout down", date=dt.date(2026, 8, 12), problem="500s for 47m")
    named: dict[str, str] = {}
    for name, parent, text in [
        ("a", ROOT_ID, "The redis-sessions cluster hit maxmemory and rejected every write."),
        ("b", "a", "Session keys were written without a TTL after the cart refactor."),
        ("c", "b", "The session client's set() has no default TTL, " * 3),
        ("d", "b", "Code review has no check that flags Redis writes without an expiry."),
        ("e", ROOT_ID, "Nobody was paged until customers reported failed payments."),
    ]:
        session, named[name] = edits.add_why(session, named.get(parent, parent), text)
    session = edits.close_as_root_cause(session, named["c"], "unsafe-default")
    session, _ = edits.add_action(session, text="Default TTL of 24h", causes=(named["c"],))
    session = edits.set_closing(session, "Every write needs an expiry.", "The flag cache.")
    return session, named


def committed(repo: Path, session: Session) -> Path:
    path = repo / "sessions" / "review.toml"
    path.parent.mkdir(exist_ok=True)
    sessionfile.save(session, path)
    git(repo, "add", str(path))
    git(repo, "commit", "--quiet", "--no-verify", "-m", "review")
    return path


def hunks(repo: Path) -> list[tuple[range, list[str], list[str]]]:
    """Each hunk of `git diff --unified=0`: the old lines it replaces (for a pure insertion,
    the empty range just after the line it follows), the removed lines and the added lines."""
    diff = git(repo, "diff", "--unified=0", "--no-color")
    found = []
    for header, body in zip(HUNK.finditer(diff), re.split(HUNK, diff)[5::5], strict=True):
        start, count = int(header[1]), int(header[2] or 1)
        lines = body.split("\n")[1:]
        removed = [line[1:] for line in lines if line.startswith("-")]
        added = [line[1:] for line in lines if line.startswith("+")]
        found.append((range(start + (count == 0), start + count + (count == 0)), removed, added))
    return found


def block_of(text: str, node_id: str) -> range:
    """Line numbers of a why's `[[node]]` block, its closing blank line included."""
    index = LineIndex(text)
    id_line = index.record_line("node", node_id)
    first, last = next(span for span in index.blocks.values() if span[0] == (id_line or 0) - 1)
    return range(first, last + 1)


def test_adding_a_why_is_one_hunk_of_added_lines(repo: Path) -> None:
    session, named = review()
    path = committed(repo, session)
    session, new = edits.add_why(session, named["b"], "The refactor's tests never read a TTL.")
    sessionfile.save(session, path)

    [(_, removed, added)] = hunks(repo)
    assert removed == []
    assert sorted(added) == sorted(
        [
            "[[node]]",
            f'id = "{new}"',
            f'parent = "{named["b"]}"',
            'text = "The refactor\'s tests never read a TTL."',
            "",
        ]
    )


def test_editing_a_why_changes_only_its_own_lines(repo: Path) -> None:
    session, named = review()
    path = committed(repo, session)
    block = block_of(path.read_text(encoding="utf-8"), named["b"])
    longer = "Session keys were written without a TTL: " + "the cart refactor dropped it. " * 5
    sessionfile.save(edits.edit_text(session, named["b"], longer), path)

    changes = hunks(repo)
    assert changes
    for old_lines, _, _ in changes:
        assert old_lines.start in block and old_lines.stop - 1 in block


def test_closing_a_leaf_changes_only_its_block(repo: Path) -> None:
    session, named = review()
    path = committed(repo, session)
    block = block_of(path.read_text(encoding="utf-8"), named["d"])
    sessionfile.save(edits.close_as_root_cause(session, named["d"], "missing-check"), path)

    [(old_lines, removed, added)] = hunks(repo)
    assert removed == []
    assert added == ['category = "missing-check"']
    assert old_lines.start - 1 in block  # inserted just after a line of d's block


# -- the same promises for generated sessions, against the file text -------------------------


def outside(text: str, block: range) -> tuple[list[str], list[str]]:
    lines = text.split("\n")
    return lines[: block.start - 1], lines[block.stop - 1 :]


def parses_to(lines: list[str], expected: dict[str, object]) -> bool:
    try:
        return tomllib.loads("\n".join(lines)) == expected
    except tomllib.TOMLDecodeError:
        return False


@settings(max_examples=50)
@given(edited_sessions(), st.data())
def test_adding_a_why_inserts_one_block_and_nothing_else(
    session: Session, data: st.DataObject
) -> None:
    parent = data.draw(st.sampled_from([ROOT_ID, *(n.id for n in session.nodes)]))
    text = data.draw(texts())
    updated, new = edits.add_why(session, parent, text)
    old = sessionfile.dumps(session).split("\n")
    now = sessionfile.dumps(updated).split("\n")
    size = len(now) - len(old)
    expected = {"node": [{"id": new, "parent": parent, "text": text}]}
    assert any(
        now[:at] == old[:at]
        and now[at + size :] == old[at:]
        and parses_to(now[at : at + size], expected)
        for at in range(len(old) + 1)
    )


@settings(max_examples=50)
@given(edited_sessions(), st.data())
def test_editing_or_closing_a_why_touches_only_its_block(
    session: Session, data: st.DataObject
) -> None:
    assume(session.nodes)
    node_id = data.draw(st.sampled_from([n.id for n in session.nodes]))
    edit = data.draw(st.sampled_from(["text", "close", "reopen"]))
    if edit == "text":
        updated = edits.edit_text(session, node_id, data.draw(texts()))
    elif edit == "close":
        updated = edits.close_as_root_cause(session, node_id, "missing-check")
    else:
        updated = edits.reopen(session, node_id)
    old, new = sessionfile.dumps(session), sessionfile.dumps(updated)
    assert outside(old, block_of(old, node_id)) == outside(new, block_of(new, node_id))
