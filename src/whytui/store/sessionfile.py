"""Reading and writing session files: TOML, deterministic, diff-friendly, and untrusted.

The same session always becomes the same bytes: keys in a fixed order, nodes flat with parent
ids, each record right after the node it hangs from (so branches merge; see `dumps`), empty
values left out, long text as multi-line strings. A file from someone
else's pull request is data: it is size-checked before parsing, never executed, and every way
it can be wrong becomes one `InputError` naming the file, the line and the problem.
"""

import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from whytui.core.errors import InputError
from whytui.core.ids import ROOT_ID
from whytui.core.models import (
    SCHEMA_VERSION,
    ActionItem,
    Session,
    WhyNode,
    action_order,
    tree_order,
)
from whytui.store.tomlfile import LineIndex, explain, parse, read_text

TEMP_SUFFIX = ".whytui-tmp"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _schema_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 changed the order records are written in, not what they hold.

    Nothing to convert: `loads` reads the siblings of a schema-1 file oldest first, as that
    schema wrote them, and the next save writes schema 2's order.
    """
    return data


def _schema_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 added what older files don't have: a node's `judged` and `not_fixing`
    reasons. Nothing to do."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _schema_1_to_2, 2: _schema_2_to_3}
"""`MIGRATIONS[n]` turns the data of a schema-n file into schema n+1."""

SIBLINGS_NEWEST_FIRST_SINCE = 2
"""The first schema that writes each node's children newest first (see `dumps`)."""


# -- writing ---------------------------------------------------------------------------------


def _node_data(node: WhyNode) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "parent": node.parent, "text": node.text}
    if node.category:
        data["category"] = node.category
    if node.judged:
        data["judged"] = node.judged
    if node.not_fixing:
        data["not_fixing"] = node.not_fixing
    if node.evidence:
        data["evidence"] = list(node.evidence)
    return data


def _action_data(action: ActionItem) -> dict[str, Any]:
    data: dict[str, Any] = {"id": action.id, "text": action.text}
    optional: dict[str, Any] = {
        "owner": action.owner,
        "due": action.due,
        "done_when": action.done_when,
        "causes": list(action.causes),
    }
    data.update({k: v for k, v in optional.items() if v})
    data["status"] = action.status.value
    trailing: dict[str, Any] = {
        "tracker": action.tracker,
        "done_on": action.done_on,
        "evidence": action.evidence,
    }
    data.update({k: v for k, v in trailing.items() if v})
    return data


def _header_data(session: Session) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "title": session.title,
        "status": session.status.value,
        "date": session.date,
    }
    header: dict[str, Any] = {
        "facilitator": session.facilitator,
        "incidents": list(session.incidents),
        "participants": list(session.participants),
        "services": list(session.services),
    }
    data.update({k: v for k, v in header.items() if v})
    data["problem"] = session.problem
    return data


WRAP_AT = 88
"""Long text is folded at spaces into lines about this wide, so a diff shows what changed."""

_ESCAPES = {"\\": "\\\\", "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}
_MULTILINE_ESCAPES = {
    code: _ESCAPES.get(chr(code), f"\\u{code:04x}")
    for code in (*range(0x20), 0x7F, ord("\\"))
    if chr(code) != "\n"
}
"""What a multi-line basic string can't hold as it is (all but quotes, handled apart)."""
_LOUD_QUOTES = re.compile(r'"{2,}|"$')
_PLAIN = re.compile(r'[^\x00-\x08\x0a-\x1f\x7f"\\]*')
"""A string tomli-w writes as it is between two quotes: the common case, written directly."""


def _folded(text: str) -> str:
    """A multi-line basic string whose long lines end in a line-ending backslash.

    TOML drops a backslash, the newline and the whitespace after it, so folding only where a
    space is followed by a non-space (the space kept before the backslash) reads back exactly.
    """
    out: list[str] = []
    # A lone quote reads fine inside """; runs of them, or one at the very end, are escaped.
    # (Escaping the rest first moves no quote: runs and the end stay where they were.)
    escaped = _LOUD_QUOTES.sub(lambda m: '\\"' * len(m[0]), text.translate(_MULTILINE_ESCAPES))
    for line in escaped.split("\n"):
        while len(line) > WRAP_AT:
            cut = line.rfind(" ", 0, WRAP_AT)
            while cut > 0 and line[cut - 1] == " ":
                cut -= 1
            if cut <= 0:
                break
            end = cut
            while end < len(line) and line[end] == " ":
                end += 1
            if end == len(line):
                break
            out.append(line[:end] + "\\")
            line = line[end:]
        out.append(line)
    return '"""\n' + "\n".join(out) + '"""'


def _toml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, str) and ("\n" in value or len(value) > WRAP_AT):
            lines.append(f"{key} = {_folded(value)}\n")
        elif isinstance(value, str) and _PLAIN.fullmatch(value):
            lines.append(f'{key} = "{value}"\n')  # what tomli-w writes, without its cost
        else:
            lines.append(tomli_w.dumps({key: value}))
    return "".join(lines)


def dumps(session: Session) -> str:
    """The session file's text. Deterministic: equal sessions give equal bytes.

    Each why and each action is its own `[[node]]` / `[[action]]` block, separated by a blank
    line, so adding one is one contiguous hunk in a diff and editing one touches only its lines.

    The order is chosen so that git's line merge can combine two branches that changed
    different nodes: every record is written right after the node it hangs from (an action
    item beside its first cause, or after the header when it has none), and children come
    newest first. So a new why is inserted directly below its parent's own block and a new
    action item directly after its cause's existing items: places that only a change to that
    same node touches. (Appending at the end of a subtree, or of the file, would put two
    unrelated additions at the same spot, and git would call that a conflict.)
    """
    children: dict[str, list[WhyNode]] = {}
    for node in session.nodes:
        children.setdefault(node.parent, []).append(node)
    anchored: dict[str, list[ActionItem]] = {}
    for action in session.actions:
        anchored.setdefault(action.anchor, []).append(action)

    def actions_of(node_id: str) -> list[str]:
        return ["[[action]]\n" + _toml(_action_data(a)) for a in anchored.get(node_id, [])]

    blocks = [_toml(_header_data(session)), *actions_of(ROOT_ID)]
    stack = list(children.get(ROOT_ID, []))  # popped from the end: newest first
    while stack:
        node = stack.pop()
        blocks += ["[[node]]\n" + _toml(_node_data(node)), *actions_of(node.id)]
        stack += children.get(node.id, [])
    closing = {k: v for k, v in session.closing.model_dump().items() if v}
    if closing:
        blocks.append("[closing]\n" + _toml(closing))
    return "\n".join(blocks)


def save(session: Session, path: Path) -> bytes:
    """Write atomically: a temp file beside the target, fsync, then `os.replace`.

    A crash at any moment leaves either the old file or the new one, never half of either.
    Returns the bytes written, so a caller can tell its own write from someone else's.
    """
    path = Path(path)
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    data = dumps(session).encode("utf-8")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)  # os.replace: atomic on POSIX within one folder
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return data


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- reading ---------------------------------------------------------------------------------


def load(path: Path | str) -> Session:
    """Read and validate a session file, or raise one `InputError` saying what is wrong."""
    return loads(read_text(path), path)


def loads(text: str, path: Path | str = "<session>") -> Session:
    data = parse(text, path)
    written = data.get("schema")
    data = migrate(data, path, text)
    try:
        session = Session.model_validate(data)
    except ValidationError as error:
        raise explain(error, path, text, {"nodes": "node", "actions": "action"}) from None
    if written is not None and written < SIBLINGS_NEWEST_FIRST_SINCE:
        return session
    # Validated in file order, so errors point at the right lines; then siblings oldest first.
    nodes = tree_order(tuple(reversed(session.nodes)))
    return session.model_copy(
        update={"nodes": nodes, "actions": action_order(nodes, session.actions)}
    )


def migrate(data: dict[str, Any], path: Path | str, text: str) -> dict[str, Any]:
    """Bring older files up to `SCHEMA_VERSION`; refuse files from the future or from nowhere."""
    version = data.get("schema")
    if version is None:
        raise InputError(path, "no 'schema' number: is this a whytui session file?", 1)

    def refuse(problem: str) -> InputError:  # indexing lines costs more than parsing: only here
        return InputError(path, problem, LineIndex(text).line_of("", None, "schema"))

    if not isinstance(version, int) or isinstance(version, bool):
        raise refuse(f"'schema' must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise refuse(
            f"schema {version} is newer than this whytui understands (up to "
            f"{SCHEMA_VERSION}); upgrade whytui to open it"
        )
    if version < 1 or any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise refuse(f"unknown schema number {version}")
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
    data["schema"] = SCHEMA_VERSION
    return data


# -- naming ----------------------------------------------------------------------------------


def slugify(title: str, limit: int = 48) -> str:
    """A lowercase ASCII slug for a file name; 'session' when the title has no letters."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "session"


def new_session_path(folder: Path, session: Session) -> Path:
    """`YYYY-MM-DD-slug-xxxx.toml`: the random tail keeps two branches from colliding."""
    while True:
        name = f"{session.date.isoformat()}-{slugify(session.title)}-{secrets.token_hex(2)}.toml"
        path = folder / name
        if not path.exists():
            return path
