"""What the judges hand back: the verdict types, the ids of the rules a cause verdict names
and how its reasons put them, and the questions a statement that ends at a person is
reframed with.

They build on nothing, and sit at the bottom of the package because every layer above names
rules: `people` finds human-error language, `findings` words the reasons, `causes` picks the
reframe and hands back the verdict.
"""

from dataclasses import dataclass, field

REFRAME_QUESTIONS: tuple[str, ...] = (
    "What made this the easy thing to do for anyone in that seat?",
    "Why didn't the system make the right behaviour the default?",
    "Where should that knowledge have come from, and why didn't it?",
    "What made this mistake easy to make and hard to catch before it mattered?",
    "What was the system relying on someone's attention for, and what could check it instead?",
)

# Rule ids, as reported in reasons and matches.
NAMED_PERSON = "named-person"
ROLE_ACTOR = "role-actor"
PRONOUN_ACTOR = "pronoun-actor"
LAPSE = "lapse"
COUNTERFACTUAL = "counterfactual"
KNOWLEDGE = "knowledge"
ATTENTION = "attention"
HUMAN_ERROR = "human-error"
MOTIVE = "motive"
UNNAMED_DOER = "unnamed-doer"

# What a reason says the quoted words do: "'forgot' blames something a person left undone".
EXPLAIN = {
    LAPSE: "blames something a person left undone",
    COUNTERFACTUAL: "judges what a person should have done",
    KNOWLEDGE: "puts the cause in what a person didn't know",
    ATTENTION: "puts the cause in a person's attention or care",
    HUMAN_ERROR: "is human-error language",
    MOTIVE: "gives a person's motive, not a condition of the system",
    UNNAMED_DOER: "is what someone did, with the doer left out",
}


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
