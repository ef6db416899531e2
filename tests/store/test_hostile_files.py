"""Session files from someone else's pull request are data: whatever is in them, whytui says
what is wrong (file, line, problem) and exits 2. It never prints a traceback, never runs
anything, and refuses pathological files (huge, deeply nested) quickly instead of chewing on
them.
"""

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whytui.commands.cli import main
from whytui.core.errors import InputError
from whytui.store.sessionfile import load, loads
from whytui.store.tomlfile import decode

EXAMPLES = sorted((Path(__file__).parents[2] / "sessions").glob("*.toml"))
VALID = EXAMPLES[0].read_bytes()


def _load_bytes(raw: bytes, path: Path) -> None:
    """Load as the app and lint do: a clean session or an InputError, nothing else."""
    try:
        loads(decode(raw, path), path)
    except InputError as error:
        assert str(error).startswith(str(path))
        assert "Traceback" not in str(error)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid session file with a few bytes flipped, cut, duplicated or spliced in."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 400))]
        else:
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"[[node]]\n",
                        b'parent = "root"\n',
                        b"\n[closing]\n",
                        b"schema = 2\n",
                        b'"""',
                        b"\\",
                        b"[",
                        b"= ",
                        b"\x00",
                        b"\xff\xfe",
                        b"id = 1\n",
                    ]
                )
            )
    return bytes(data)


@settings(max_examples=300)
@given(raw=mutated())
def test_mutated_files_load_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    _load_bytes(raw, tmp_path_factory.mktemp("m") / "s.toml")


@settings(max_examples=200)
@given(raw=st.binary(max_size=2000))
def test_random_bytes_load_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    _load_bytes(raw, tmp_path_factory.mktemp("b") / "s.toml")


@settings(max_examples=40)
@given(raw=mutated())
def test_lint_on_mutated_files_exits_cleanly(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("l") / "s.toml"
    path.write_bytes(raw)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["lint", str(path)])
    out, err = stdout.getvalue(), stderr.getvalue()
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    if code == 2:
        assert str(path) in out + err


def test_deeply_nested_toml_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("schema = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError) as raised:
        load(path)
    assert "nested too deeply" in str(raised.value)


def test_deeply_nested_inline_tables_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("schema = 1\nx = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n")
    with pytest.raises(InputError):
        load(path)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk, reads as NUL bytes
    with pytest.raises(InputError) as raised:
        load(path)
    assert "52,428,800 bytes" in str(raised.value)


def test_markup_and_escapes_in_a_file_are_kept_as_plain_text(tmp_path: Path) -> None:
    text = VALID.decode().replace(
        'title = "', 'title = "[@click=app.quit]x[/] [b]bold \\u001b[31m ', 1
    )
    path = tmp_path / "markup.toml"
    path.write_text(text)
    assert load(path).title.startswith("[@click=app.quit]x[/] [b]bold \x1b[31m ")
