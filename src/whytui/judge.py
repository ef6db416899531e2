"""The judges, as tooling calls them: `judge_cause(text, config=None)`, `judge_action(text)`.

This import path is public and stays; the judges themselves live in `whytui.core.judge`.
"""

from whytui.core.judge import ActionVerdict, CauseVerdict, Match, judge_action, judge_cause

__all__ = ["ActionVerdict", "CauseVerdict", "Match", "judge_action", "judge_cause"]
