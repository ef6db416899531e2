"""Where the cursor was in each session file, kept outside the session files.

Reopening a session should put the facilitator back on the node they left, but writing that
into the session file would turn every cursor move into a diff line in the pull request. So
it lives in one small JSON file in the user's state folder, keyed by the session's absolute
path, written atomically and trimmed to the most recent files.
"""

import json
import secrets
from pathlib import Path

STATE_NAME = "cursor.json"
KEEP = 200
"""Sessions remembered; the least recently saved ones are forgotten first."""


class CursorMemory:
    def __init__(self, state_dir: Path) -> None:
        self.file = state_dir / STATE_NAME

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def recall(self, session_path: Path) -> str | None:
        return self._read().get(str(session_path.resolve()))

    def remember(self, session_path: Path, node_id: str) -> None:
        """Record `node_id` for `session_path`; a failure to write loses only the cursor."""
        key = str(session_path.resolve())
        data = self._read()
        if data.get(key) == node_id:
            return
        data.pop(key, None)
        data[key] = node_id
        kept = dict(list(data.items())[-KEEP:])
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.file.with_name(f".{STATE_NAME}.{secrets.token_hex(4)}.tmp")
            temp.write_text(json.dumps(kept, indent=1), encoding="utf-8")
            temp.replace(self.file)
        except OSError:
            return
