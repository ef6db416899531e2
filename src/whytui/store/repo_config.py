"""Where a repository's `.whytui.toml` lives, and the one change the app makes to it.

When the cause judge mistakes a system for a person ("Hermes timed out"), the fix is a
reviewable line in the repository's config, never a silent override. The app adds the name to
`system_names` and says which file to commit. The rest of the file (comments, other keys,
tables) is kept byte for byte: only the `system_names` assignment is rewritten, sorted and
deduplicated by tomli-w, and the result is read back and checked before it replaces the file.
"""

import secrets
import tomllib
from pathlib import Path, PurePath
from typing import Any

import tomli_w
from pydantic import ValidationError

from whytui.core.config import CONFIG_NAME, Config
from whytui.core.errors import InputError
from whytui.store.tomlfile import explain, parse, read_text

KEY = "system_names"


def load_config(path: Path) -> Config:
    """Read `.whytui.toml`; a broken one raises `InputError`, never silently ignored."""
    return config_from_text(read_text(path), path)


def config_from_text(text: str, path: PurePath | str) -> Config:
    """`.whytui.toml`'s text as a config (from the file, or from a commit); `InputError` if
    it is broken."""
    try:
        return Config.model_validate(parse(text, path))
    except ValidationError as error:
        raise explain(error, path, text, {"categories": "category"}) from None


def find_config(start: Path) -> Path | None:
    """The nearest `.whytui.toml` at or above `start`, stopping at a repository's top."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
        if (candidate / ".git").exists():
            return None
    return None


def config_for(start: Path) -> Config:
    found = find_config(start)
    return load_config(found) if found else Config()


class RepositoryConfigs:
    """Each repository's config, read once however many of its files are linted."""

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}
        self._loaded: dict[Path, Config | InputError] = {}

    def for_folder(self, folder: Path) -> Config | InputError:
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        path = self._found[folder]
        if path is None:
            return Config()
        if path not in self._loaded:
            try:
                self._loaded[path] = load_config(path)
            except InputError as error:
                self._loaded[path] = error
        return self._loaded[path]


def repository_root(start: Path) -> Path:
    """The folder holding `.whytui.toml`, else the nearest one with `.git`, else `start`."""
    folder = start.resolve()
    found = find_config(folder)
    if found is not None:
        return found.parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def _assignment_span(lines: list[str]) -> tuple[int, int] | None:
    """Lines [start, end) of the top-level `system_names = ...`, however it is spread out."""
    for start, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("["):
            return None  # top-level keys end at the first table
        if not stripped.startswith(KEY):
            continue
        rest = stripped[len(KEY) :].lstrip()
        if not rest.startswith("="):
            continue
        for end in range(start + 1, len(lines) + 1):
            try:
                if KEY in tomllib.loads("\n".join(lines[start:end])):
                    return start, end
            except tomllib.TOMLDecodeError:
                continue
    return None


def _top_level_end(lines: list[str]) -> int:
    """Where a new top-level key may go: before the first table header, after any comments."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            while index > 0 and lines[index - 1].strip() == "":
                index -= 1
            return index
    return len(lines)


def _without(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != KEY}


def add_system_name(config_path: Path, name: str) -> Config:
    """Add `name` to `system_names` in `config_path` (created if missing); the new config.

    Raises `InputError` if the existing file can't be read or the edit can't be made safely;
    the file is then left as it was.
    """
    name = name.strip()
    if not name:
        raise InputError(config_path, "a system name can't be empty")
    text = read_text(config_path) if config_path.exists() else ""
    before = load_config(config_path) if text else Config()
    names = sorted({*before.system_names, name}, key=str.casefold)
    assignment = tomli_w.dumps({KEY: names}).rstrip("\n").split("\n")
    lines = text.split("\n") if text else []
    span = _assignment_span(lines)
    if span is not None:
        lines[span[0] : span[1]] = assignment
    else:
        at = _top_level_end(lines)
        blank_after = [""] if at < len(lines) and lines[at].strip() else []
        lines[at:at] = assignment + blank_after
    updated = "\n".join(lines)
    if not updated.endswith("\n"):
        updated += "\n"
    try:
        check = tomllib.loads(updated)
    except tomllib.TOMLDecodeError as error:
        raise InputError(config_path, f"could not add {name!r} safely: {error}") from None
    original = tomllib.loads(text) if text else {}
    if check.get(KEY) != names or _without(check) != _without(original):
        raise InputError(config_path, f"could not add {name!r} without changing other settings")
    config = Config.model_validate(check)
    temp = config_path.with_name(f".{config_path.name}.{secrets.token_hex(4)}.tmp")
    temp.write_text(updated, encoding="utf-8")
    temp.replace(config_path)
    return config


def config_path_for(session_path: Path) -> Path:
    """The `.whytui.toml` that governs a session file (which may not exist yet)."""
    return repository_root(session_path.parent) / CONFIG_NAME
