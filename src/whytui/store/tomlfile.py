"""Reading TOML that someone else wrote: size-checked, decoded, parsed, explained.

Session files and `.whytui.toml` are both untrusted input. Every way they can be wrong becomes
one `InputError` that names the file, the line and the problem, the way compilers and linters
say it, so a person can open the file at that line and fix it.
"""

import re
from pathlib import Path, PurePath
from typing import Any

import tomli  # tomllib's own code, compiled: reading many sessions is a speed target
from pydantic import ValidationError

from whytui.core.errors import InputError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest file read: room for ten thousand whys, not for a pasted disk image."""

_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_AT_END = "(at end of document)"


def read_text(path: Path | str) -> str:
    """The file's text, or an `InputError` for a missing, huge, binary or non-UTF-8 file."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                path, f"file is {size:,} bytes; whytui reads files of at most {MAX_FILE_BYTES:,}"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    return decode(raw, path)


def decode(raw: bytes, path: Path | str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(path, f"file is larger than {MAX_FILE_BYTES:,} bytes")
    if b"\x00" in raw:
        raise InputError(path, "is a binary file (it contains NUL bytes), not TOML")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(path, "is not UTF-8 text", line) from None


def parse(text: str, path: PurePath | str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        if found:
            line: int | None = int(found.group(1))
        elif _TOML_AT_END in message:  # a truncated file: point at its last line
            line = text.rstrip("\n").count("\n") + 1
        else:
            line = None
        problem = _TOML_POSITION.sub("", message).replace(_TOML_AT_END, "at end of file").strip()
        raise InputError(path, f"invalid TOML: {problem}", line) from None
    except RecursionError:
        raise InputError(path, "invalid TOML: nested too deeply") from None


_TRIPLE_QUOTE = re.compile(r'"""|\'\'\'')
_LINE_TOKEN = re.compile(r'"""|\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*')
_BASIC_BODY = re.compile(r'(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""')


def _string_end(text: str, start: int, delimiter: str) -> int | None:
    """Offset just past the multi-line string whose text begins at `start`."""
    if delimiter == "'''":
        found = text.find(delimiter, start)
        end = found + 3 if found >= 0 else None
    else:
        body = _BASIC_BODY.match(text, start)
        end = body.end() if body else None
    if end is None:
        return None
    for _ in range(2):  # up to two quotes right before the delimiter belong to the text
        if text[end : end + 1] == delimiter[0]:
            end += 1
    return end


def _string_lines(text: str) -> frozenset[int]:
    """Numbers of the lines that start inside a multi-line string.

    Such lines are user text: `[[node]]`, `[x] done` or `id = 1` there is no header or key.
    Only triple quotes can open one, so the search jumps from one to the next and looks back
    along its line only to see whether a string or comment already holds it.
    """
    inside: set[int] = set()
    line, counted, position = 1, 0, 0
    while triple := _TRIPLE_QUOTE.search(text, position):
        token = _LINE_TOKEN.search(text, max(text.rfind("\n", 0, triple.start()) + 1, position))
        while token and token.end() <= triple.start():
            token = _LINE_TOKEN.search(text, token.end())
        if token is None or token.start() != triple.start():  # quoted, or in a comment
            position = token.end() if token else len(text)
            continue
        end = _string_end(text, token.end(), token.group())
        if end is None:
            break
        line += text.count("\n", counted, token.start())
        span = text.count("\n", token.start(), end)
        inside.update(range(line + 1, line + span + 1))
        line, counted, position = line + span, end, end
    return frozenset(inside)


class LineIndex:
    """Finds the line of a table, an array-of-tables entry or a key in raw TOML text."""

    _HEADER = re.compile(r"^\s*\[\[\s*\"?([A-Za-z_-]+)\"?\s*\]\]|^\s*\[\s*\"?([A-Za-z_-]+)\"?\s*\]")
    _KEY = re.compile(r"^\s*\"?([A-Za-z0-9_-]+)\"?\s*=")
    _ID_VALUE = re.compile(r"""^\s*"?id"?\s*=\s*["']([^"'\\]*)["']""")

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")  # TOML counts lines by \n alone, not \f or U+2028
        self.inside = _string_lines(text)
        # blocks[(table, index)] = (first, last) line numbers, 1-based; ("", None) is the top.
        self.blocks: dict[tuple[str, int | None], tuple[int, int]] = {}
        counts: dict[str, int] = {}
        current: tuple[str, int | None] = ("", None)
        start = 1
        for number, line in enumerate(self.lines, start=1):
            found = None if number in self.inside else self._HEADER.match(line)
            if not found:
                continue
            self.blocks.setdefault(current, (start, number - 1))
            if found.group(1):
                table = found.group(1)
                index = counts.get(table, 0)
                counts[table] = index + 1
                current = (table, index)
            else:
                current = (found.group(2), None)
            start = number
        self.blocks.setdefault(current, (start, len(self.lines)))
        self._record_lines: dict[str, dict[str, int]] = {}

    def line_of(
        self, table: str = "", index: int | None = None, key: str | None = None
    ) -> int | None:
        """Line of `key` inside a block (or of the block's header); None if not found."""
        span = self.blocks.get((table, index))
        if span is None:
            return None
        first, last = span
        if key is not None:
            for number in range(first, last + 1):
                found = None if number in self.inside else self._KEY.match(self.lines[number - 1])
                if found and found.group(1) == key:
                    return number
        return first if table else None

    def record_line(self, table: str, record_id: str) -> int | None:
        """Line of the `id = "..."` key of the `[[table]]` entry whose id is `record_id`.

        Records are found by id, not position: the model puts nodes in tree order, which
        need not be the order a hand-edited file has them in.
        """
        if table not in self._record_lines:
            found: dict[str, int] = {}
            index = 0
            while (table, index) in self.blocks:
                line = self.line_of(table, index, "id")
                value = self._ID_VALUE.match(self.lines[line - 1]) if line else None
                if line and value:
                    found.setdefault(value.group(1), line)
                index += 1
            self._record_lines[table] = found
        return self._record_lines[table].get(record_id)


def explain(
    error: ValidationError, path: PurePath | str, text: str, tables: dict[str, str]
) -> InputError:
    """Turn pydantic's first error into a sentence with a line number.

    `tables` maps model field names to their TOML table names (``nodes`` -> ``node``).
    """
    index = LineIndex(text)
    detail = error.errors()[0]
    loc = tuple(tables.get(str(part), part) for part in detail["loc"])
    context = detail.get("ctx") or {}
    if "table" in context:  # an integrity error from the model names its own record
        table, position = str(context["table"]), int(context["index"])
        line = index.line_of(table, position, "id")
        return InputError(path, f"[[{table}]] #{position + 1}: {detail['msg']}", line)
    if len(loc) >= 2 and isinstance(loc[1], int) and (str(loc[0]), loc[1]) in index.blocks:
        key = str(loc[2]) if len(loc) > 2 else None
        line = index.line_of(str(loc[0]), loc[1], key)
        where = f"[[{loc[0]}]] #{loc[1] + 1}" + (f" {key}" if key else "")
    elif len(loc) >= 2 and isinstance(loc[1], int):  # an item of a top-level array
        line = index.line_of("", None, str(loc[0]))
        where = f"{loc[0]} item {loc[1] + 1}"
    elif len(loc) >= 2:
        line = index.line_of(str(loc[0]), None, str(loc[1]))
        where = f"[{loc[0]}] {loc[1]}"
    else:
        key = str(loc[0]) if loc else None
        line = index.line_of("", None, key)
        where = key or "file"
    return InputError(path, f"{where}: {_message(detail)}", line)


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a field whytui knows (a typo?)"
    if kind == "string_too_short" and detail["ctx"]["min_length"] == 1:
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        form = detail["ctx"]["pattern"]
        return f"{detail['input']!r} is not in the form this field needs ({form})"
    if kind == "string_too_long":
        limit = detail["ctx"]["max_length"]
        return f"text is too long ({len(detail['input']):,} characters; at most {limit:,})"
    return str(detail["msg"])
