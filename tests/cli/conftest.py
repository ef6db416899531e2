"""The CLI tests' room: a repository with two sessions whose action items cover every state.

`test_commit_cli.py` has a `repo` of its own (an empty repository to commit into).
"""

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from crossref_corpus import make_session, write_session

D = dt.date
CHECKOUT = "2026-08-12-checkout-outage"
SEARCH = "2026-09-03-search-stale"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with two sessions, the current folder inside it."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    sessions = tmp_path / "sessions"
    write_session(
        sessions,
        CHECKOUT,
        make_session(
            "Checkout outage",
            D(2026, 8, 12),
            [("Session keys are written without a TTL.", "unsafe-default")],
            actions=[
                {"id": "a-abcd00000001", "text": "Give set() a default TTL of 24 hours.",
                 "owner": "Greta Lind", "due": D(2026, 10, 30),
                 "done_when": "A unit test shows set() without ttl expires in 24 h.",
                 "tracker": "CHK-812", "causes": [0]},
                {"id": "a-abcd00000002", "text": "Alert on Redis memory above 85%.",
                 "owner": "Greta Lind", "due": D(2026, 12, 15), "causes": [0]},
                {"id": "a-ffff00000003", "text": "Write the [@click=app.quit] runbook.",
                 "due": D(2026, 9, 1), "causes": [0]},
            ],
        ),
    )  # fmt: skip
    write_session(
        sessions,
        SEARCH,
        make_session(
            "Search results stale",
            D(2026, 9, 3),
            [("Consumer lag has no alert.", "monitoring-gap")],
            services=("search-indexer",),
            actions=[
                {"id": "a-9999000000b1", "text": "Page on consumer lag over 10 minutes.",
                 "owner": "Kofi Mensah", "due": D(2026, 9, 20), "status": "done",
                 "done_on": D(2026, 9, 18), "evidence": "https://example.com/pr/1",
                 "causes": [0]},
                {"id": "a-9999000000b2", "text": "Add lag to the indexer dashboard.",
                 "owner": "Mei Chen", "due": D(2026, 11, 27), "causes": [0]},
            ],
        ),
    )  # fmt: skip
    monkeypatch.chdir(sessions)
    return tmp_path
