"""The UI tests' room: the demo session in a temporary sessions folder, for any test to open.

Helpers for driving the real app (`whyapp_kit`) and a small stand-in host for testing one
screen on the app contract alone (`ui_host`) sit beside this file.
"""

from pathlib import Path

import pytest
from whyapp_kit import demo_session, write


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return write(tmp_path / "sessions", demo_session())
