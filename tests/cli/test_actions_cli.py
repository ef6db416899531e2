"""`whytui actions` and `whytui actions done`, run the way a person or a CI job runs them."""

import csv
import datetime as dt
import difflib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crossref_corpus import make_session, write_session
from whytui.commands.cli import main
from whytui.core.models import ActionStatus
from whytui.store import lock
from whytui.store.sessionfile import load

D = dt.date
TODAY = "2026-11-27"
CHECKOUT = "2026-08-12-checkout-outage"
SEARCH = "2026-09-03-search-stale"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with two sessions, the current folder inside it."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    sessions = tmp_path / "sessions"
    write_session(
        sessions,
        CHECKOUT,
        make_session(
            "Checkout outage",
            D(2026, 8, 12),
            [("Session keys are written without a TTL.", "unsafe-default")],
            actions=[
                {"id": "a-abcd00000001", "text": "Give set() a default TTL of 24 hours.",
                 "owner": "Greta Lind", "due": D(2026, 10, 30),
                 "done_when": "A unit test shows set() without ttl expires in 24 h.",
                 "tracker": "CHK-812", "causes": [0]},
                {"id": "a-abcd00000002", "text": "Alert on Redis memory above 85%.",
                 "owner": "Greta Lind", "due": D(2026, 12, 15), "causes": [0]},
                {"id": "a-ffff00000003", "text": "Write the [@click=app.quit] runbook.",
                 "due": D(2026, 9, 1), "causes": [0]},
            ],
        ),
    )  # fmt: skip
    write_session(
        sessions,
        SEARCH,
        make_session(
            "Search results stale",
            D(2026, 9, 3),
            [("Consumer lag has no alert.", "monitoring-gap")],
            services=("search-indexer",),
            actions=[
                {"id": "a-9999000000b1", "text": "Page on consumer lag over 10 minutes.",
                 "owner": "Kofi Mensah", "due": D(2026, 9, 20), "status": "done",
                 "done_on": D(2026, 9, 18), "evidence": "https://example.com/pr/1",
                 "causes": [0]},
                {"id": "a-9999000000b2", "text": "Add lag to the indexer dashboard.",
                 "owner": "Mei Chen", "due": D(2026, 11, 27), "causes": [0]},
            ],
        ),
    )  # fmt: skip
    monkeypatch.chdir(sessions)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["actions", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, _ = _run(capsys, "--format", "json", "--today", TODAY, *args)
    assert code == 0
    document: dict[str, object] = json.loads(out)
    return document


def _ids(document: dict[str, object]) -> dict[str, list[str]]:
    owners = document["owners"]
    assert isinstance(owners, list)
    return {o["owner"]: [i["id"] for i in o["items"]] for o in owners}


def test_text_groups_by_owner_with_session_and_root_cause(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--today", TODAY)
    assert code == 0
    headers = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headers == [
        "Greta Lind: 2 open (1 overdue), 0 done",
        "Kofi Mensah: 0 open (0 overdue), 1 done",
        "Mei Chen: 1 open (0 overdue), 0 done",
        "(no owner): 1 open (1 overdue), 0 done",
    ]
    assert "  ! a-abcd00000001  OVERDUE 28 days, due 2026-10-30" in out
    assert f"      session: {CHECKOUT} (Checkout outage)" in out
    assert "      root cause: Session keys are written without a TTL. [unsafe-default]" in out
    assert "  x a-9999000000b1  done 2026-09-18" in out
    assert "Write the [@click=app.quit] runbook." in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert err.strip() == (
        "5 action items from 2 sessions: 4 open (2 overdue), 1 done (as of 2026-11-27)"
    )


def test_overdue_is_judged_against_today_and_due_today_is_not_late(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _ids(_json(capsys, "--overdue")) == {
        "Greta Lind": ["a-abcd00000001"],
        "(no owner)": ["a-ffff00000003"],
    }
    assert _ids(_json(capsys, "--overdue", "--today", "2026-11-28"))["Mei Chen"] == [
        "a-9999000000b2"
    ]
    assert _ids(_json(capsys, "--overdue", "--today", "2026-08-01")) == {}


def test_owner_and_open_filters(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _ids(_json(capsys, "--owner", "greta lind")) == {
        "Greta Lind": ["a-abcd00000001", "a-abcd00000002"]
    }
    assert _ids(_json(capsys, "--owner", "(no owner)", "--owner", "Kofi Mensah")) == {
        "Kofi Mensah": ["a-9999000000b1"],
        "(no owner)": ["a-ffff00000003"],
    }
    assert "Kofi Mensah" not in _ids(_json(capsys, "--open"))


def test_json_carries_state_due_session_and_root_causes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _json(capsys)
    assert document["today"] == TODAY
    assert document["counts"] == {"overdue": 2, "open": 2, "done": 1}
    owners = document["owners"]
    assert isinstance(owners, list)
    item = owners[0]["items"][0]
    assert item["id"] == "a-abcd00000001"
    assert item["state"] == "overdue"
    assert item["days_overdue"] == 28
    assert item["due"] == "2026-10-30"
    assert item["tracker"] == "CHK-812"
    assert item["session"]["stem"] == CHECKOUT
    assert item["session"]["path"] == f"{CHECKOUT}.toml"
    assert item["root_causes"] == [
        {
            "id": "w-cause0",
            "text": "Session keys are written without a TTL.",
            "category": "unsafe-default",
        }
    ]


def test_csv_has_an_importer_header_and_one_row_an_item(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--format", "csv", "--today", TODAY)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "Summary",
        "Description",
        "Issue Type",
        "Status",
        "Assignee",
        "Due Date",
        "Labels",
        "Labels",
    ]
    assert len(rows) == 1 + 5
    by_summary = {row[0]: row for row in rows[1:]}
    first = by_summary["Give set() a default TTL of 24 hours."]
    assert first[2:] == [
        "Task",
        "To Do",
        "Greta Lind",
        "2026-10-30",
        "whytui",
        "unsafe-default",
    ]
    description = first[1]
    assert "Done when: A unit test shows set() without ttl expires in 24 h." in description
    assert f"Session: {CHECKOUT} (Checkout outage, 2026-08-12)" in description
    assert "Root cause (unsafe-default): Session keys are written without a TTL." in description
    assert "Tracker: CHK-812" in description
    assert by_summary["Page on consumer lag over 10 minutes."][3] == "Done"
    assert by_summary["Write the [@click=app.quit] runbook."][4] == ""


def test_markdown_is_a_checklist_by_owner(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "markdown", "--today", TODAY)
    assert code == 0
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("## ")] == [
        "## Greta Lind",
        "## Kofi Mensah",
        "## Mei Chen",
        r"## (no owner)",
    ]
    assert (
        f"- [ ] Give set() a default TTL of 24 hours. — Greta Lind, due 2026-10-30 ({CHECKOUT})"
        " **overdue**"
    ) in lines
    assert (
        f"- [ ] Alert on Redis memory above 85%. — Greta Lind, due 2026-12-15 ({CHECKOUT})"
    ) in lines
    assert (
        f"- [x] Page on consumer lag over 10 minutes. — Kofi Mensah, due 2026-09-20 ({SEARCH})"
        ", done 2026-09-18"
    ) in lines
    assert (
        rf"- [ ] Write the \[@click=app.quit\] runbook. — due 2026-09-01 ({CHECKOUT}) **overdue**"
    ) in lines


def test_fail_on_overdue_exits_1_only_when_an_item_listed_is_overdue(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "--fail-on-overdue", "--today", TODAY)[0] == 1
    assert _run(capsys, "--fail-on-overdue", "--today", TODAY, "--owner", "Mei Chen")[0] == 0
    assert _run(capsys, "--fail-on-overdue", "--today", "2026-08-01")[0] == 0
    assert _run(capsys, "--today", TODAY)[0] == 0


def test_an_unreadable_session_is_named_and_the_rest_still_listed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "sessions" / "2026-10-01-broken.toml").write_text(
        'schema = 2\ntitle = "Broken\n', encoding="utf-8"
    )
    code, out, err = _run(capsys, "--format", "json", "--today", TODAY)
    assert code == 2
    assert len(_ids(json.loads(out))) == 4
    assert "2026-10-01-broken.toml:2: invalid TOML" in err
    assert _run(capsys, "--fail-on-overdue", "--today", TODAY)[0] == 2


def test_a_missing_sessions_folder_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--repo", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "no sessions folder here" in err
    assert "sessions" in err


def test_several_repositories_are_read_together(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path_factory.mktemp("other")
    write_session(
        other / "sessions",
        "2026-10-10-ledger",
        make_session(
            "Ledger drift",
            D(2026, 10, 10),
            [("Nothing reconciles the ledger nightly.", "missing-check")],
            actions=[{"id": "a-0000111122a1", "text": "Nightly reconcile job.", "owner": "Ines"}],
        ),
    )
    document = _json(capsys, "--repo", str(repo), "--repo", str(other))
    assert _ids(document)["Ines"] == ["a-0000111122a1"]
    assert len(_ids(document)) == 5


# -- actions done ----------------------------------------------------------------------------


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
