"""Files that can't be used: each gives one message naming file, line and problem, and exit 2.

A session file can arrive from anyone's pull request, so every way it can be broken must end
in a sentence a person can act on (open this file at this line, fix this), never a traceback.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from whytui.commands.cli import main
from whytui.core.errors import InputError
from whytui.core.models import SCHEMA_VERSION
from whytui.store.sessionfile import load

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions"
CLOSED_EXAMPLE = EXAMPLE / "2026-08-12-checkout-outage-redis-memory-4f2a.toml"

VALID = f"""schema = {SCHEMA_VERSION}
title = "Queue stalled"
status = "open"
date = 2026-01-05
problem = "Orders waited an hour in the queue."

[[node]]
id = "w-aaaa0001"
parent = "root"
text = "The worker pool stopped taking jobs."

[[node]]
id = "w-bbbb0002"
parent = "w-aaaa0001"
text = "The pool has no timeout on a job."
"""
"""A valid session; line 8 is the first node's id, line 10 its text, line 13 the second id."""


def broken(old: str, new: str) -> bytes:
    """VALID with one change; a lone surrogate in `new` stands for a byte that isn't UTF-8."""
    assert old in VALID
    return VALID.replace(old, new, 1).encode("utf-8", "surrogateescape")


def truncated() -> bytes:
    data = CLOSED_EXAMPLE.read_bytes()
    return data[: len(data) // 2]


# name: (file bytes, line the message must name or None, words it must contain)
CASES: dict[str, tuple[bytes, int | None, tuple[str, ...]]] = {
    "truncated": (truncated(), truncated().count(b"\n") + 1, ("invalid TOML", "end of file")),
    "invalid-toml": (broken('"Queue stalled"', '"Queue stalled'), 2, ("invalid TOML",)),
    "schema-99": (
        broken(f"schema = {SCHEMA_VERSION}", "schema = 99"),
        1,
        ("schema 99", "upgrade whytui"),
    ),
    "schema-0": (broken(f"schema = {SCHEMA_VERSION}", "schema = 0"), 1, ("schema number 0",)),
    "no-schema": (broken(f"schema = {SCHEMA_VERSION}\n", ""), 1, ("no 'schema' number",)),
    "unknown-parent": (
        broken('parent = "w-aaaa0001"', 'parent = "w-gone9999"'),
        13,
        ("'w-bbbb0002'", "parent 'w-gone9999'", "not a node here"),
    ),
    "cycle": (
        broken('parent = "root"', 'parent = "w-bbbb0002"'),
        8,
        ("'w-aaaa0001'", "cycle"),
    ),
    "duplicate-id": (
        broken('id = "w-bbbb0002"', 'id = "w-aaaa0001"'),
        13,
        ("duplicate id 'w-aaaa0001'", "node 1"),
    ),
    "5mb-text": (
        broken("The worker pool stopped taking jobs.", "x" * 5_000_000),
        10,
        ("text is too long", "5,000,000 characters", "at most 10,000"),
    ),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None, ("binary file",)),
    "not-utf8": (broken('"Queue stalled"', '"Caf\udce9 queue"'), 2, ("not UTF-8",)),
}


def lint(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str], str]:
    code = main(["lint", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_session_file_is_one_message_and_exit_2(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, line, words = CASES[case]
    path = tmp_path / f"{case}.toml"
    path.write_bytes(data)
    code, out, err = lint(capsys, path)
    assert code == 2
    assert len(out) == 1, out
    where = f"{path}:{line}: " if line else f"{path}: "
    assert out[0].startswith(where + "unreadable: "), out[0]
    assert all(word in out[0] for word in words), out[0]
    assert len(out[0]) < 400  # a sentence, not the 5 MB field echoed back
    assert err.strip() == "no problems in 1 file; 1 unreadable"


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-review.toml"
    assert lint(capsys, missing)[:2] == (2, [f"{missing}: unreadable: no such file"])


def test_a_directory_is_a_folder_to_lint_but_not_a_session_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "looks-like-a-file.toml"
    folder.mkdir()
    (folder / "inner.toml").write_bytes(broken(f"schema = {SCHEMA_VERSION}", "schema = 99"))
    code, out, _ = lint(capsys, folder)
    assert code == 2
    assert [line.split(": ")[0] for line in out] == [f"{folder / 'inner.toml'}:1"]
    with pytest.raises(InputError) as raised:
        load(folder)
    assert str(raised.value) == f"{folder}: is a directory, not a file"


def test_broken_repository_config_is_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".whytui.toml").write_text("due_days = 0\n", encoding="utf-8")
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "a.toml").write_text(VALID, encoding="utf-8")
    (sessions / "b.toml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = lint(capsys)
    assert code == 2
    assert len(out) == 1
    assert out[0].startswith(".whytui.toml:1: unreadable: due_days: ")
    # Given explicitly, the sessions are not judged under a config that couldn't be read.
    code, out, err = lint(capsys, "sessions")
    assert code == 2
    assert len(out) == 1 and out[0].startswith(".whytui.toml:1: unreadable: due_days: ")
    assert "2 files not checked: fix .whytui.toml first" in err


def test_bad_files_in_a_real_process_never_give_a_traceback(tmp_path: Path) -> None:
    for case in ("truncated", "binary", "cycle", "not-utf8"):
        (tmp_path / f"{case}.toml").write_bytes(CASES[case][0])
    (tmp_path / "empty.toml").write_bytes(b"")
    missing = tmp_path / "gone.toml"
    result = subprocess.run(
        [sys.executable, "-m", "whytui", "lint", str(tmp_path), str(missing)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert sorted(line.split(": ")[0].split(":")[0] for line in lines) == sorted(
        [str(tmp_path / f"{case}.toml") for case in ("binary", "cycle", "empty", "not-utf8")]
        + [str(tmp_path / "truncated.toml"), str(missing)]
    )
    assert result.stderr.strip() == "no problems in 6 files; 6 unreadable"
