"""`whytui render`: not built yet."""

from typing import Any


def register(sub: Any) -> None:
    """Registered by the issue that builds this command."""
