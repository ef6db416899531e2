"""The cause judge and the action judge (interface only; the rules land with the judge work).

`judge_cause` decides whether a causal statement ends at a person or at a structural
condition, and says why; `judge_action` decides whether an action item's text is specific
enough that someone could verify it is done.
"""

from dataclasses import dataclass, field

from whytui.config import Config

REFRAME_QUESTIONS: tuple[str, ...] = (
    "What made this the easy thing to do for anyone in that seat?",
    "Why didn't the system make the right behaviour the default?",
)


@dataclass(frozen=True, slots=True)
class Match:
    """Words in the statement that a rule matched: text[start:end]."""

    rule: str
    start: int
    end: int
    words: str


@dataclass(frozen=True, slots=True)
class CauseVerdict:
    ends_at_person: bool
    reasons: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    reframe: str = REFRAME_QUESTIONS[0]


@dataclass(frozen=True, slots=True)
class ActionVerdict:
    is_specific: bool
    reasons: list[str] = field(default_factory=list)
    hint: str = ""


def judge_cause(text: str, config: Config | None = None) -> CauseVerdict:
    return CauseVerdict(ends_at_person=False)


def judge_action(text: str) -> ActionVerdict:
    return ActionVerdict(is_specific=True)
