"""`whytui`, `whytui new`, `whytui open`, `whytui demo`: the commands that open the app."""

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Registered by the app issue."""


def run_browse(args: argparse.Namespace) -> int:
    print("whytui: the app is not built yet")
    return 2
