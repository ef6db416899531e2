"""Finding the app's files that are not Python: the stylesheets in `styles/`.

In a source checkout they sit at the repository root (`styles/`); in an installed wheel,
pyproject force-includes them as `whytui/styles`. Both are found relative to this file, so
the app needs no working directory and no package data machinery.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def styles_dir() -> Path:
    installed = _PACKAGE / "styles"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "styles"


def stylesheet(name: str) -> Path:
    return styles_dir() / name
