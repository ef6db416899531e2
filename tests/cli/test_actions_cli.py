"""`whytui actions` and `whytui actions done`, run the way a person or a CI job runs them."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from crossref_corpus import make_session, write_session
from whytui.commands.cli import main

D = dt.date
TODAY = "2026-11-27"
CHECKOUT = "2026-08-12-checkout-outage"
SEARCH = "2026-09-03-search-stale"


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
