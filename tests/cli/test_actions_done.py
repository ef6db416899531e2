"""`whytui actions done`: recording an item done, the way a person runs it."""

import datetime as dt
import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from whytui.commands.cli import main
from whytui.core.models import ActionStatus
from whytui.store import lock
from whytui.store.sessionfile import load

CHECKOUT = "2026-08-12-checkout-outage"
SEARCH = "2026-09-03-search-stale"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["actions", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    return removed, added


def test_done_changes_only_the_items_lines_and_says_what_to_commit(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    path = repo / "sessions" / f"{CHECKOUT}.toml"
    other = repo / "sessions" / f"{SEARCH}.toml"
    before, other_before = path.read_text(), other.read_text()

    code, out, err = _run(
        capsys, "done", "abcd00000002", "--evidence", "https://example.com/pr/7", "--on",
        "2026-11-20",
    )  # fmt: skip

    assert code == 0, err
    removed, added = _changed_lines(before, path.read_text())
    assert removed == ['status = "open"']
    assert added == [
        'status = "done"',
        "done_on = 2026-11-20",
        'evidence = "https://example.com/pr/7"',
    ]
    assert other.read_text() == other_before
    action = next(a for a in load(path).actions if a.id == "a-abcd00000002")
    assert action.status is ActionStatus.DONE
    assert f"whytui commit sessions/{CHECKOUT}.toml" in out
    assert err == ""


def test_done_refuses_an_unknown_id_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_text() for p in (repo / "sessions").iterdir()}
    code, _, err = _run(capsys, "done", "a-zzzz", "--evidence", "x")
    assert code == 1
    assert "no action item has an id starting 'a-zzzz'" in err
    assert {p: p.read_text() for p in (repo / "sessions").iterdir()} == before


def test_done_refuses_an_ambiguous_prefix_and_lists_the_candidates(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_text() for p in (repo / "sessions").iterdir()}
    code, _, err = _run(capsys, "done", "abcd", "--evidence", "x")
    assert code == 1
    assert "'abcd' matches 2 action items" in err
    assert f"a-abcd00000001  {CHECKOUT}.toml  Give set() a default TTL" in err
    assert f"a-abcd00000002  {CHECKOUT}.toml  Alert on Redis memory" in err
    assert {p: p.read_text() for p in (repo / "sessions").iterdir()} == before


def test_done_refuses_an_item_already_done_and_says_when(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (repo / "sessions" / f"{SEARCH}.toml").read_text()
    code, _, err = _run(capsys, "done", "a-9999000000b1", "--evidence", "again")
    assert code == 1
    assert "is already done on 2026-09-18 (evidence: https://example.com/pr/1)" in err
    assert (repo / "sessions" / f"{SEARCH}.toml").read_text() == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--evidence", "   "], "give --evidence"),
        (["--evidence", "x", "--on", "2999-01-01"], "is in the future"),
    ],
)
def test_done_refuses_empty_evidence_and_future_dates(
    repo: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    before = (repo / "sessions" / f"{CHECKOUT}.toml").read_text()
    code, _, err = _run(capsys, "done", "a-abcd00000001", *extra)
    assert code == 1
    assert message in err
    assert (repo / "sessions" / f"{CHECKOUT}.toml").read_text() == before


def test_actions_loads_neither_textual_nor_git(repo: Path) -> None:
    script = (
        "import sys\n"
        "from whytui.commands.cli import main\n"
        f"main(['actions', '--repo', {str(repo)!r}, '--format', 'csv'])\n"
        f"main(['patterns', '--repo', {str(repo)!r}, '--chart'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'git'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_done_refuses_a_session_open_in_the_app(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "sessions" / f"{CHECKOUT}.toml"
    before = path.read_text()
    held = lock.acquire(path)  # as the app does when it opens the file
    assert isinstance(held, lock.SessionLock)
    try:
        code, _, err = _run(capsys, "done", "a-abcd00000001", "--evidence", "x")
    finally:
        held.release()
    assert code == 1
    assert f"{CHECKOUT}.toml is open in whytui (pid {os.getpid()}" in err
    assert path.read_text() == before


def test_done_on_a_hand_written_file_says_more_than_its_lines_changed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "sessions" / f"{CHECKOUT}.toml"
    path.write_text("# written by hand\n" + path.read_text(), encoding="utf-8")
    code, out, err = _run(capsys, "done", "a-abcd00000001", "--evidence", "https://x.test/1")
    assert code == 0
    assert "was not in whytui's own layout" in err
    assert "Recorded a-abcd00000001 as done" in out
    assert not path.read_text().startswith("# written by hand")


def test_done_finds_the_item_in_a_repository_named_with_repo(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    code, out, err = _run(
        capsys, "done", "a-9999000000b2", "--evidence", "dashboard link", "--repo", str(repo)
    )
    assert code == 0, err
    path = repo / "sessions" / f"{SEARCH}.toml"
    assert f"whytui commit {path}" in out
    action = next(a for a in load(path).actions if a.id == "a-9999000000b2")
    assert (action.status, action.evidence) == (ActionStatus.DONE, "dashboard link")
    assert action.done_on == dt.date.today()
