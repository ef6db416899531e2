"""whytui: five-whys incident reviews that keep asking past the first person.

The public Python API is what `__all__` names; each is imported on first use, so that
`import whytui` (which every command does) costs nothing.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whytui.core.config import Config
    from whytui.core.judge import ActionVerdict, CauseVerdict, judge_action, judge_cause
    from whytui.core.models import ActionItem, Session, WhyNode
    from whytui.store.sessionfile import dumps, load, loads, save

__all__ = [
    "ActionItem",
    "ActionVerdict",
    "CauseVerdict",
    "Config",
    "Session",
    "WhyNode",
    "dumps",
    "judge_action",
    "judge_cause",
    "load",
    "loads",
    "save",
]

_HOMES = {
    "ActionItem": "whytui.core.models",
    "Session": "whytui.core.models",
    "WhyNode": "whytui.core.models",
    "Config": "whytui.core.config",
    "ActionVerdict": "whytui.core.judge",
    "CauseVerdict": "whytui.core.judge",
    "judge_action": "whytui.core.judge",
    "judge_cause": "whytui.core.judge",
    "dumps": "whytui.store.sessionfile",
    "load": "whytui.store.sessionfile",
    "loads": "whytui.store.sessionfile",
    "save": "whytui.store.sessionfile",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'whytui' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
