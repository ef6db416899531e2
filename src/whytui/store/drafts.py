"""Half-typed text, kept on disk as it is typed, until it is saved into the session or dropped.

A why half written in the editor, an action item half filled in, closing answers or session
details being changed: none of it is in the session until enter or ctrl+o, and a quit, a
closed tmux pane, a crash or a kill must not take it. Each keystroke rewrites one small JSON
file a session in the user's state folder (atomically: a temp file renamed over it), so what
the next open finds is what was on screen. Not fsynced: it survives the process, not a power
cut, which is what a draft is for. A file that can't be read is left alone, never overwritten.
"""

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = "drafts"

KINDS = ("why", "action", "answers", "details")
"""One draft of each kind a session: the why editor, the action form, the closing answers,
the details form (each is open one at a time)."""


@dataclass(frozen=True, slots=True)
class Draft:
    """What was typed (`fields`), and where it was being typed (`place`: the editor's mode and
    node, the action item's id): enough to put it back."""

    kind: str
    place: dict[str, str]
    fields: dict[str, str]

    def as_data(self) -> dict[str, Any]:
        return {"place": self.place, "fields": self.fields}


def _read(path: Path) -> dict[str, Draft] | None:
    """The drafts in `path`; {} if there is no file; None if it can't be read as drafts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    drafts = data.get("drafts") if isinstance(data, dict) else None
    if not isinstance(drafts, dict):
        return None
    found: dict[str, Draft] = {}
    for kind, value in drafts.items():
        try:
            place = {str(k): str(v) for k, v in value["place"].items()}
            fields = {str(k): str(v) for k, v in value["fields"].items()}
        except (TypeError, KeyError, AttributeError):
            return None
        if kind in KINDS:
            found[kind] = Draft(kind, place, fields)
    return found


class DraftStore:
    """The drafts of one session file; `folder` None keeps them in memory only."""

    def __init__(self, folder: Path | None, session_path: Path) -> None:
        self.session_path = session_path
        self.path: Path | None = None
        if folder is not None:
            real = os.path.realpath(session_path)
            name = hashlib.sha256(os.fsencode(real)).hexdigest()[:32] + ".json"
            self.path = folder / FOLDER / name
        loaded = _read(self.path) if self.path is not None else {}
        self._unreadable = loaded is None
        """The file is there but not ours to overwrite: drafts stay in memory."""
        self._drafts: dict[str, Draft] = loaded or {}

    def all(self) -> list[Draft]:
        return [self._drafts[kind] for kind in KINDS if kind in self._drafts]

    def get(self, kind: str) -> Draft | None:
        return self._drafts.get(kind)

    def __bool__(self) -> bool:
        return bool(self._drafts)

    def keep(self, kind: str, place: dict[str, str], fields: dict[str, str]) -> None:
        """Remember what is typed now (a draft with nothing in it is dropped)."""
        if not any(value.strip() for value in fields.values()):
            self.drop(kind)
            return
        draft = Draft(kind, place, fields)
        if self._drafts.get(kind) == draft:
            return
        self._drafts[kind] = draft
        self._write()

    def drop(self, kind: str) -> None:
        """The text was saved into the session, or left on purpose."""
        if self._drafts.pop(kind, None) is not None:
            self._write()

    def _write(self) -> None:
        """Write them all (or remove the file when none is left); a failure to write loses
        nothing on screen, so it is not the facilitator's problem now."""
        if self.path is None or self._unreadable:
            return
        with contextlib.suppress(OSError):
            if not self._drafts:
                self.path.unlink(missing_ok=True)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            data = {
                "session": os.fsdecode(os.path.realpath(self.session_path)),
                "drafts": {kind: draft.as_data() for kind, draft in self._drafts.items()},
            }
            temp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
            temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            temp.replace(self.path)
