"""`whytui lint` as CI and people meet it: lines to jump to, formats, exit codes, discovery."""

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import whytui.core.rules
import whytui.store.lint
import whytui.store.repo_config
import whytui.store.sessionfile
from gitrepo import closable_session
from whytui.commands.cli import main
from whytui.commands.lint import github_data, github_property
from whytui.core import edits
from whytui.core.config import Config
from whytui.core.models import SCHEMA_VERSION, WhyNode
from whytui.store import tomlfile
from whytui.store.repo_config import load_config
from whytui.store.sessionfile import load, save

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions"
CLOSED_EXAMPLE = EXAMPLES / "2026-08-12-checkout-outage-redis-memory-4f2a.toml"
OPEN_EXAMPLE = EXAMPLES / "2026-11-03-search-index-stale-after-deploy-9c1e.toml"


def lint(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str], str]:
    code = main(["lint", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def line_of(path: Path, record_id: str) -> int:
    """The line a person would jump to: the record's `id = "..."` line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines.index(f'id = "{record_id}"') + 1


def nodes_of(path: Path) -> tuple[WhyNode, ...]:
    return load(path).nodes


def reviewed(folder: Path, *, status: str = "closed", open_leaf: bool = False) -> Path:
    """A finished review (one structural root cause, one specific action), saved to a file."""
    session = closable_session()
    if open_leaf:
        session, _ = edits.add_why(session, "root", "The memory alert went to a retired channel.")
    path = folder / "review.toml"
    save(edits.set_fields(session, status=status), path)
    return path


# -- the example sessions --------------------------------------------------------------------


def test_closed_example_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lint(capsys, CLOSED_EXAMPLE)
    assert (code, out) == (0, [])
    assert err.strip() == "no problems in 1 file"


def test_open_example_reports_its_incomplete_action_at_its_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    code, out, _ = lint(capsys, "sessions")
    action_line = line_of(OPEN_EXAMPLE, "a-7k5b2n9v3xqc")
    where = f"sessions/{OPEN_EXAMPLE.name}:{action_line}: "
    assert code == 1
    assert all(line.startswith(where) for line in out)
    rules = {line.removeprefix(where).split(":")[0] for line in out}
    assert {"action-no-due", "action-no-done-when"} <= rules
    # "Sam forgot…" is an open leaf, not a root cause: on an open session it isn't judged yet.
    assert not any("Sam forgot" in line for line in out)
    assert "open-leaf" not in rules


def test_open_example_reports_the_vague_action(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = lint(capsys, OPEN_EXAMPLE)
    assert any(": action-vague: 'Improve monitoring of the indexer.'" in line for line in out)


# -- lines -----------------------------------------------------------------------------------


def test_closed_session_with_an_open_leaf_points_at_the_leaf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = reviewed(tmp_path, open_leaf=True)
    leaf = next(n for n in nodes_of(path) if n.text.startswith("The memory alert"))
    code, out, err = lint(capsys, path.name)
    assert code == 1
    assert out == [
        f"review.toml:{line_of(path, leaf.id)}: open-leaf: 'The memory alert went to a "
        "retired channel.' is still open: ask why, or close it as a structural root cause"
    ]
    assert err.strip() == "1 problem in 1 of 1 file"


def test_open_session_does_not_report_what_is_merely_unfinished(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = reviewed(tmp_path, status="open", open_leaf=True)
    assert lint(capsys, path)[:2] == (0, [])


def test_lines_follow_ids_in_a_hand_ordered_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The model keeps nodes in tree order; a hand-edited file may not. Lines come by id."""
    path = tmp_path / "hand.toml"
    path.write_text(
        f'schema = {SCHEMA_VERSION}\ntitle = "T"\nstatus = "closed"\ndate = 2026-01-05\n'
        'problem = "P"\n\n'
        '[[node]]\nid = "w-child0001"\nparent = "w-top00001"\ntext = "The job has no timeout."\n'
        'category = "made-up"\n\n'
        '[[node]]\nid = "w-top00001"\nparent = "root"\ntext = "The queue stalled."\n',
        encoding="utf-8",
    )
    code, out, _ = lint(capsys, path)
    assert code == 1
    assert [line.removeprefix(f"{path}:").split(": ")[:2] for line in out] == [
        ["1", "closing-unanswered-prevention"],
        ["1", "closing-unanswered-where-else"],
        ["8", "root-cause-unknown-category"],
        ["8", "root-cause-no-action"],
    ]


def test_closing_rules_point_at_the_closing_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = reviewed(tmp_path)
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("[closing]\n")
    path.write_text(
        head + '[closing]\nwould_have_prevented = "Keys expire by default."\n',
        encoding="utf-8",
    )
    closing_line = head.count("\n") + 1
    _, out, _ = lint(capsys, path)
    assert out == [
        f"{path}:{closing_line}: closing-unanswered-where-else: "
        "answer: what is the next incident this failure mode makes more likely?"
    ]


# -- formats ---------------------------------------------------------------------------------


def test_json_is_one_document_with_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(OPEN_EXAMPLE, tmp_path / "open.toml")
    shutil.copy(CLOSED_EXAMPLE, tmp_path / "closed.toml")
    (tmp_path / "broken.toml").write_text("schema = 1\ntitle = \n", encoding="utf-8")
    code, out, _ = lint(capsys, "--format", "json", tmp_path)
    document = json.loads("\n".join(out))
    assert code == 2
    findings = document["findings"]
    assert findings[0] == {
        "file": str(tmp_path / "broken.toml"),
        "line": 2,
        "rule": "unreadable",
        "message": findings[0]["message"],
        "node": None,
        "action": None,
        "severity": "error",
    }
    assert findings[0]["message"].startswith("invalid TOML")
    no_due = next(f for f in findings if f["rule"] == "action-no-due")
    assert no_due["action"] == "a-7k5b2n9v3xqc" and no_due["node"] is None
    assert no_due["line"] == line_of(OPEN_EXAMPLE, "a-7k5b2n9v3xqc")
    assert document["counts"] == {
        "files": 3,
        "files_with_problems": 1,
        "problems": len(findings) - 1,
        "notices": 0,
        "unreadable": 1,
        "not_checked": 0,
    }


def test_github_annotations_escape_what_the_runner_would_read_as_syntax(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = reviewed(tmp_path, open_leaf=True)
    odd = path.rename(tmp_path / "q3,100%:review.toml")
    code, out, _ = lint(capsys, "--format", "github", odd.name)
    assert code == 1
    assert len(out) == 1
    assert out[0].startswith("::error file=q3%2C100%25%3Areview.toml,line=")
    assert ",title=open-leaf::'The memory alert went to a retired channel.' is still open" in out[0]


def test_github_escaping_rules() -> None:
    assert github_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert github_property("50%\r\nnext: a, b") == "50%25%0D%0Anext%3A a%2C b"


def test_session_text_cannot_drive_the_terminal_or_forge_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = reviewed(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('category = "unsafe-default"', 'category = "x\\u001b[2J"'))
    _, out, _ = lint(capsys, path)
    assert out == [
        f"{path}:{line_of(path, nodes_of(path)[1].id)}: root-cause-unknown-category: "
        "'x\\x1b[2J' is not a category here (add it to .whytui.toml [[category]])"
    ]


# -- refusals overruled with a written reason ------------------------------------------------

REASON = "structural: the runbook named the old table; Tadeusz is context, not the cause"


def overruled(folder: Path) -> Path:
    """A closed review whose root cause the judge reads as a person, closed with a reason."""
    session = closable_session()
    cause = session.root_causes()[0].id
    session = edits.edit_text(session, cause, "Tadeusz forgot to switch the runbook's table.")
    session = edits.close_as_root_cause(session, cause, "knowledge-gap", REASON)
    path = folder / "review.toml"
    save(edits.set_fields(session, status="closed"), path)
    return path


def test_an_overruled_refusal_is_a_notice_and_strict_makes_it_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = overruled(tmp_path)
    where = f"{path}:{line_of(path, nodes_of(path)[1].id)}: "

    code, out, err = lint(capsys, path)
    assert code == 0
    [line] = out
    assert line.startswith(where + "judged-structural (notice): ")
    assert "'Tadeusz' is a person's name" in line and REASON in line
    assert err.strip() == "no problems in 1 file; 1 notice (--strict fails them)"

    code, out, err = lint(capsys, "--strict", path)
    assert code == 1
    assert [line.split(": ")[1] for line in out] == ["judged-structural"]
    assert err.strip() == "1 problem in 1 of 1 file"


def test_notices_carry_their_severity_to_tools_and_to_ci(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = overruled(tmp_path)
    code, out, _ = lint(capsys, "--format", "github", path)
    assert code == 0
    assert out[0].startswith("::notice file=")
    assert lint(capsys, "--format", "github", "--strict", path)[1][0].startswith("::error file=")

    code, out, _ = lint(capsys, "--format", "json", path)
    document = json.loads("\n".join(out))
    assert [f["severity"] for f in document["findings"]] == ["notice"]
    assert (document["counts"]["problems"], document["counts"]["notices"]) == (0, 1)


# -- exit codes and what gets linted ---------------------------------------------------------


def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clean = reviewed(tmp_path)
    problem = tmp_path / "problem.toml"
    problem.write_text(OPEN_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 99\n", encoding="utf-8")
    assert lint(capsys, clean)[0] == 0
    assert lint(capsys, clean, problem)[0] == 1
    assert lint(capsys, clean, broken)[0] == 2
    code, _, err = lint(capsys, tmp_path)  # unreadable input wins over problems
    assert code == 2
    assert "problems in 1 of 3 files; 1 unreadable" in err


def test_folders_are_walked_for_toml_skipping_hidden_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    nested = tmp_path / "2026" / "q1"
    nested.mkdir(parents=True)
    shutil.copy(OPEN_EXAMPLE, nested / "open.toml")
    (tmp_path / "notes.md").write_text("not a session", encoding="utf-8")
    (tmp_path / ".whytui.toml").write_text("", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "junk.toml").write_text("junk", encoding="utf-8")
    (tmp_path / ".build.toml.123.whytui-tmp").write_text("junk", encoding="utf-8")
    code, out, err = lint(capsys, tmp_path, nested / "open.toml")
    assert code == 1
    assert out and all(line.startswith(f"{nested / 'open.toml'}:") for line in out)
    assert err.strip().endswith("of 1 file")  # given twice, linted once


def test_a_file_name_that_is_not_utf8_is_printed_not_crashed_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = os.fsdecode(b"caf\xe9.toml")
    (tmp_path / name).write_text("schema = 99\n", encoding="utf-8")
    code, out, _ = lint(capsys, tmp_path)
    assert code == 2
    assert len(out) == 1
    assert out[0].startswith(f"{tmp_path}/caf\\udce9.toml:1: unreadable: schema 99 is newer")


def test_each_text_is_judged_once_and_each_file_indexed_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes lint cost more than parsing, done no more than once (benchmarks/bench_lint)."""
    session = load(CLOSED_EXAMPLE)
    expected = [n.text for n in session.root_causes()]
    expected += [t for a in session.actions for t in (a.text, a.done_when)]
    path = reviewed(tmp_path, open_leaf=True)
    judged: list[str] = []
    indexed: list[str] = []

    def counting(judge: Callable[..., object]) -> Callable[..., object]:
        def wrapper(text: str, *args: object) -> object:
            judged.append(text)
            return judge(text, *args)

        return wrapper

    class CountingIndex(tomlfile.LineIndex):
        def __init__(self, text: str) -> None:
            indexed.append(text)
            super().__init__(text)

    monkeypatch.setattr(whytui.core.rules, "judge_cause", counting(whytui.core.rules.judge_cause))
    monkeypatch.setattr(whytui.core.rules, "judge_action", counting(whytui.core.rules.judge_action))
    for module in (tomlfile, whytui.store.sessionfile, whytui.store.lint):
        monkeypatch.setattr(module, "LineIndex", CountingIndex)
    assert lint(capsys, CLOSED_EXAMPLE, path)[0] == 1
    assert len(indexed) == 1  # only the file with a problem, and only once
    assert sorted(judged[: len(expected)]) == sorted(expected)
    assert len(judged) == len(expected) + 3  # the other file: one root cause, one action


# -- default: this repository's sessions folder ----------------------------------------------


def test_default_is_the_configured_sessions_folder_of_the_repository(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".whytui.toml").write_text(
        'sessions = "reviews/incidents"\n\n[[category]]\nid = "vendor-quirk"\n'
        'name = "Vendor quirk"\n',
        encoding="utf-8",
    )
    configured = tmp_path / "reviews" / "incidents"
    configured.mkdir(parents=True)
    ignored = tmp_path / "sessions"
    ignored.mkdir()
    shutil.copy(OPEN_EXAMPLE, ignored / "not-linted.toml")
    path = reviewed(configured, open_leaf=True)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"unsafe-default"', '"vendor-quirk"'), encoding="utf-8")
    deep = tmp_path / "src" / "app"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    code, out, err = lint(capsys)
    assert code == 1
    # the repository's own category is known; only the open leaf is reported
    assert [line.split(": ")[1] for line in out] == ["open-leaf"]
    assert out[0].startswith(f"{path}:")
    assert err.strip() == "1 problem in 1 of 1 file"
    monkeypatch.chdir(tmp_path)
    assert lint(capsys)[1][0].startswith("reviews/incidents/review.toml:")


def test_the_repository_config_is_read_once_for_all_its_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".whytui.toml").write_text('sessions = "reviews"\n', encoding="utf-8")
    for name in ("a", "b", "c"):
        (tmp_path / "reviews" / name).mkdir(parents=True)
        reviewed(tmp_path / "reviews" / name)
    reads: list[Path] = []

    def counting(path: Path) -> Config:
        reads.append(path)
        return load_config(path)

    monkeypatch.setattr(whytui.store.repo_config, "load_config", counting)
    monkeypatch.chdir(tmp_path)
    code, _, err = lint(capsys)
    assert (code, err.strip()) == (0, "no problems in 3 files")
    assert reads == [tmp_path / ".whytui.toml"]


def test_default_without_a_sessions_folder_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys)
    assert code == 2
    assert out == [
        "sessions: unreadable: no such sessions folder: create it, set `sessions` in "
        ".whytui.toml, or name the files or folders to lint"
    ]
