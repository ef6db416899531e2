"""The session file: same session, same bytes; reads back exactly; saves atomically; old
schemas migrate; every unreadable file is one `InputError` naming file, line and problem."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import any_sessions
from whytui.commands.cli import main
from whytui.core import edits
from whytui.core.errors import InputError
from whytui.core.models import SCHEMA_VERSION, Session
from whytui.store import sessionfile
from whytui.store.tomlfile import MAX_FILE_BYTES

EXAMPLES = sorted((Path(__file__).parents[2] / "sessions").glob("*.toml"))


def small_session() -> Session:
    session = Session(title="Checkout down", date=dt.date(2026, 8, 12), problem="500s for 47 min")
    session, first = edits.add_why(session, "root", "Redis rejected writes.")
    session, _ = edits.add_why(session, first, "Keys had no TTL.")
    return session


# -- round trip ------------------------------------------------------------------------------


@given(any_sessions())
def test_a_session_reads_back_equal_and_rewrites_to_the_same_text(session: Session) -> None:
    text = sessionfile.dumps(session)
    back = sessionfile.loads(text)
    assert back == session
    assert sessionfile.dumps(back) == text


@settings(max_examples=40)
@given(any_sessions())
def test_saving_twice_gives_identical_bytes(
    tmp_path_factory: pytest.TempPathFactory, session: Session
) -> None:
    path = tmp_path_factory.mktemp("save") / "s.toml"
    sessionfile.save(session, path)
    first = path.read_bytes()
    sessionfile.save(session, path)
    assert path.read_bytes() == first
    assert sessionfile.load(path) == session


@settings(max_examples=1)
@given(st.lists(any_sessions(), min_size=10, max_size=10))
def test_another_process_writes_the_same_bytes(batch: list[Session]) -> None:
    """Nothing in the output may depend on hash seeds or on what this process did before."""
    child = (
        "import sys\n"
        "from whytui.core.models import Session\n"
        "from whytui.store.sessionfile import dumps\n"
        "for line in sys.stdin:\n"
        "    sys.stdout.write(dumps(Session.model_validate_json(line)) + '\\0')"
    )
    done = subprocess.run(
        [sys.executable, "-c", child],
        input="".join(s.model_dump_json(by_alias=True) + "\n" for s in batch),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONHASHSEED": "12345", "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    assert done.stdout.split("\0")[:-1] == [sessionfile.dumps(s) for s in batch]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_sessions_are_in_canonical_form(path: Path) -> None:
    """Hand-written examples must be what whytui would write, or the first save is noise."""
    assert sessionfile.dumps(sessionfile.load(path)) == path.read_text(encoding="utf-8")


def test_each_why_is_its_own_block_and_empty_values_are_left_out() -> None:
    session = small_session()
    first, second = session.nodes
    assert sessionfile.dumps(session) == (
        f"schema = {SCHEMA_VERSION}\n"
        'title = "Checkout down"\n'
        'status = "open"\n'
        "date = 2026-08-12\n"
        'problem = "500s for 47 min"\n'
        "\n"
        "[[node]]\n"
        f'id = "{first.id}"\n'
        'parent = "root"\n'
        'text = "Redis rejected writes."\n'
        "\n"
        "[[node]]\n"
        f'id = "{second.id}"\n'
        f'parent = "{first.id}"\n'
        'text = "Keys had no TTL."\n'
    )


def test_long_text_is_folded_into_readable_lines_that_read_back_exactly() -> None:
    text = " ".join(f"word{i}" for i in range(80)) + '  ends with "quotes"  '
    session = edits.edit_text(small_session(), "root", text)
    written = sessionfile.dumps(session)
    problem_lines = written.split('problem = """\n', 1)[1].split('"""', 1)[0].splitlines()
    assert len(problem_lines) > 3
    assert all(len(line) <= sessionfile.WRAP_AT + 1 for line in problem_lines)
    assert sessionfile.loads(written).problem == text


# -- atomic save -----------------------------------------------------------------------------


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(sessionfile.TEMP_SUFFIX)]


def test_save_leaves_only_the_session_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sessionfile.save(small_session(), path)
    sessionfile.save(small_session(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def test_a_failed_save_keeps_the_old_file_and_removes_its_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    old = small_session()
    sessionfile.save(old, path)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        sessionfile.save(edits.edit_text(old, "root", "a new problem statement"), path)
    assert path.read_bytes() == before
    assert temp_files(tmp_path) == []


# -- schema numbers and migrations -------------------------------------------------------------


def test_an_older_file_is_migrated_on_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend whytui is at schema 3 and schema 1 files called `problem` `summary`."""

    def rename_summary(data: dict[str, Any]) -> dict[str, Any]:
        return {("problem" if k == "summary" else k): v for k, v in data.items()}

    def tag_nodes(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "node": [{**n, "text": n["text"] + " (v3)"} for n in data["node"]]}

    monkeypatch.setattr(sessionfile, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(sessionfile, "MIGRATIONS", {1: rename_summary, 2: tag_nodes})
    old = (
        'schema = 1\ntitle = "t"\ndate = 2026-01-02\nsummary = "p"\n\n'
        '[[node]]\nid = "w-abcd"\nparent = "root"\ntext = "why"\n'
    )
    session = sessionfile.loads(old)
    assert (session.schema_version, session.problem) == (3, "p")
    assert session.nodes[0].text == "why (v3)"
    assert sessionfile.dumps(session).startswith("schema = 3\n")


def test_a_newer_schema_is_refused_with_advice_to_upgrade() -> None:
    with pytest.raises(InputError) as caught:
        newer = f'title = "t"\nschema = {SCHEMA_VERSION + 1}\ndate = 2026-01-02\nproblem = "p"\n'
        sessionfile.loads(newer, "s.toml")
    assert caught.value.line == 2
    assert "newer" in caught.value.problem and "upgrade whytui" in caught.value.problem
    assert str(caught.value).startswith("s.toml:2: ")


@pytest.mark.parametrize(
    ("schema_line", "expected"),
    [
        ("", "no 'schema' number"),
        ("schema = 0\n", "unknown schema number 0"),
        ("schema = -1\n", "unknown schema number -1"),
        ('schema = "1"\n', "must be a whole number"),
        ("schema = 1.0\n", "must be a whole number"),
        ("schema = true\n", "must be a whole number"),
    ],
)
def test_a_missing_or_meaningless_schema_is_refused(schema_line: str, expected: str) -> None:
    with pytest.raises(InputError, match=re.escape(expected)):
        sessionfile.loads(schema_line + 'title = "t"\ndate = 2026-01-02\nproblem = "p"\n')


def test_a_gap_in_the_migrations_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessionfile, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(sessionfile, "MIGRATIONS", {2: lambda data: data})
    with pytest.raises(InputError, match="unknown schema number 1"):
        sessionfile.loads('schema = 1\ntitle = "t"\ndate = 2026-01-02\nproblem = "p"\n')


# -- unreadable files --------------------------------------------------------------------------


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_unreadable_files_each_give_one_error_naming_the_file(tmp_path: Path) -> None:
    valid = sessionfile.dumps(small_session()).encode()
    truncated = valid[: valid.index(b"Keys had")]  # mid-string, on the last node's text line
    cases: dict[str, tuple[Path, str, int | None]] = {
        "missing": (tmp_path / "nope.toml", "no such file", None),
        "directory": (tmp_path, "is a directory", None),
        "binary": (write(tmp_path / "b.toml", b"\x89PNG\r\n\x1a\n\x00\x00"), "binary", None),
        "not utf-8": (write(tmp_path / "l.toml", valid + b"\n# caf\xe9\n"), "not UTF-8", 17),
        "invalid TOML": (
            write(tmp_path / "i.toml", b'schema = 1\ntitle = "t\n'),
            "invalid TOML",
            2,
        ),
        "truncated": (write(tmp_path / "t.toml", truncated), "invalid TOML", 15),
        "empty": (write(tmp_path / "e.toml", b""), "no 'schema' number", 1),
        "huge": (write(tmp_path / "h.toml", b"#" * (MAX_FILE_BYTES + 1)), "at most", None),
    }
    for name, (path, problem, line) in cases.items():
        with pytest.raises(InputError) as caught:
            sessionfile.load(path)
        assert caught.value.path == path, name
        assert problem in caught.value.problem, name
        assert caught.value.line == line, name


def test_a_five_megabyte_text_field_is_refused_at_its_line(tmp_path: Path) -> None:
    body = 'schema = 1\ntitle = "t"\ndate = 2026-01-02\nproblem = "' + "x" * 5_000_000 + '"\n'
    path = write(tmp_path / "big.toml", body.encode())
    with pytest.raises(InputError) as caught:
        sessionfile.load(path)
    assert caught.value.line == 4
    assert "problem: text is too long (5,000,000 characters; at most 10,000)" in str(caught.value)


# -- naming ----------------------------------------------------------------------------------


def test_new_session_paths_are_dated_slugs_that_never_overwrite(tmp_path: Path) -> None:
    session = Session(title="Ünïcode: Redis OOM!", date=dt.date(2026, 8, 12), problem="p")
    path = sessionfile.new_session_path(tmp_path, session)
    assert re.fullmatch(r"2026-08-12-n-code-redis-oom-[0-9a-f]{4}\.toml", path.name)
    assert not path.exists()
    assert sessionfile.slugify("!!!") == "session"


# -- JSON Schema export ------------------------------------------------------------------------


def conforms(schema: dict[str, Any], node: dict[str, Any], value: Any) -> bool:
    """The JSON Schema subset pydantic emits for sessions: refs, anyOf, objects, arrays, strings."""
    if "$ref" in node:
        return conforms(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[1]], value)
    if "anyOf" in node:
        return any(conforms(schema, option, value) for option in node["anyOf"])
    if "enum" in node and value not in node["enum"]:
        return False
    kind = node.get("type")
    if kind == "object":
        properties = node.get("properties", {})
        return (
            isinstance(value, dict)
            and set(node.get("required", ())) <= value.keys()
            and (node.get("additionalProperties", True) or value.keys() <= properties.keys())
            and all(conforms(schema, properties.get(k, {}), v) for k, v in value.items())
        )
    if kind == "array":
        return isinstance(value, list) and all(conforms(schema, node["items"], v) for v in value)
    if kind == "string":
        return (
            isinstance(value, str)
            and node.get("minLength", 0) <= len(value) <= node.get("maxLength", len(value))
            and re.search(node.get("pattern", ""), value) is not None
            and (node.get("format") != "date" or dt.date.fromisoformat(value) is not None)
        )
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "null":
        return value is None
    return kind is None


def as_json(path: Path) -> Any:
    """The file's data as an editor's TOML-to-JSON bridge sees it (dates become strings)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=dt.date.isoformat))


def test_whytui_schema_prints_a_json_schema_the_example_sessions_conform_to(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"schema", "title", "date", "problem"} <= set(schema["required"])
    assert schema["properties"]["node"]["items"] == {"$ref": "#/$defs/WhyNode"}
    assert EXAMPLES
    for path in EXAMPLES:
        data = as_json(path)
        assert conforms(schema, schema, data), path.name
        # and the check is real: what whytui would refuse, the schema refuses too
        assert not conforms(schema, schema, {**data, "colour": "red"})
        node = data["node"][0]
        assert not conforms(schema, schema, {**data, "node": [{**node, "id": "W_1"}]})
        assert not conforms(schema, schema, {k: v for k, v in data.items() if k != "schema"})
