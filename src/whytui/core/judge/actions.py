"""The action judge: `judge_action` decides whether an action item (or its `done_when`) is
specific enough that anyone could check it is done without judgment.

It shares nothing with the cause judge but the case-blind patterns of `tokens` and the
verdict types of `verdicts`; its vocabulary is `action_words`.
"""

import re
from itertools import islice

from whytui.core.judge.action_words import (
    COMPARATIVES,
    GENERIC_NOUNS,
    HEDGE_ADJECTIVES,
    MEASURE_VERBS,
    REFRAIN_WORDS,
    SOFT_VERBS,
    STATE_OF_MIND,
    STOPWORDS,
    VAGUE_PHRASES,
    WISH_VERBS,
)
from whytui.core.judge.tokens import CaseBlind, phrase_regex
from whytui.core.judge.verdicts import ActionVerdict

_VAGUE_PHRASE = phrase_regex(VAGUE_PHRASES)
_MEASURE = CaseBlind(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|once|hourly|daily|weekly"
    r"|monthly|quarterly|yearly|every|each|zero|none|no)\b"
)
_TARGET = re.compile(r"\bto\s+(?!be\b|make\b|something\b)\S", re.IGNORECASE)
_CODEISH = re.compile(r"[_/()#`@]|\w\.\w|[a-z][A-Z]")
_ACTION_WORD = re.compile(r"[\w#@`'./()\-]+")
_LEAD_INS = re.compile(
    r"^(?:(?:we|you|they|the\s+team|someone)\s+(?:will|should|must|need\s+to|to)\s+|please\s+)",
    re.IGNORECASE,
)
_RESCUE = re.compile(r"\b(?:and|by|then|so\s+that|to)\s+", re.IGNORECASE)

_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("alert", "monitor", "observab", "dashboard", "metric", "visib", "page", "noise"),
        "Add an alert for connection pool exhaustion on the auth service that pages on-call",
    ),
    (
        ("test", "coverage", "qa"),
        "Run the checkout end-to-end suite on every pull request and block merging when it fails",
    ),
    (
        ("doc", "runbook", "wiki", "onboard", "guide", "educat", "train", "know", "aware"),
        "Add the failover steps to the database runbook and link them from the alert's text",
    ),
    (
        ("careful", "vigilant", "attention", "caution", "mistake", "manual", "safe"),
        "Make the CLI ask for the cluster name to be typed before it deletes anything in "
        "production",
    ),
    (
        ("deploy", "release", "rollout", "rollback", "ship"),
        "Require a 10-minute canary with an error-rate check before the pipeline promotes a build",
    ),
    (
        ("capacity", "scale", "load", "latency", "performance", "limit", "pool"),
        "Raise the worker pool to 200 and alert when its usage stays above 80% for 5 minutes",
    ),
    (
        ("communicat", "escalat", "on-call", "handover", "incident", "respon", "vendor"),
        "Page the secondary on-call automatically when a page is unacknowledged after 10 minutes",
    ),
)
_DEFAULT_HINT = "Add a CI check that fails the build when a migration has no rollback step"


_NOT_CONTENT = STOPWORDS | GENERIC_NOUNS | COMPARATIVES
_VAGUE_GERUNDS = WISH_VERBS | SOFT_VERBS


def _first_in(vocabulary: frozenset[str], words: list[str], lows: list[str]) -> str | None:
    """The first of `words` whose lower case is in `vocabulary`; most texts have none."""
    if vocabulary.isdisjoint(lows):
        return None
    return next(word for word, low in zip(words, lows, strict=True) if low in vocabulary)


def _vague_findings(text: str, rescue: bool = True) -> list[tuple[str, str, str]]:
    """(rule, words, why) for each thing that makes the text vague; `rescue` lets a concrete
    change after a soft verb count ("review the rules and delete ...")."""
    found: list[tuple[str, str, str]] = []
    body = _LEAD_INS.sub("", text.strip())
    words = [word for word in (w.rstrip(".'") for w in _ACTION_WORD.findall(body)) if word]
    lows = [w.lower() for w in words]
    measured = bool(_MEASURE.search(body))
    if len(words) < 3:
        found.append(("too-short", body.rstrip("."), "is too short to say what will change"))
    for m in _VAGUE_PHRASE.finditer(body):
        found.append(
            (
                "vague-phrase",
                body[m.start() : m.end()],
                "asks for effort or hedges instead of naming a change",
            )
        )
    first = lows[0] if lows else ""
    if first in REFRAIN_WORDS or lows[:2] == ["do", "not"]:
        found.append(("vague-verb", words[0], "asks people to refrain instead of changing a thing"))
    gerund = first.endswith("ing") and first not in GENERIC_NOUNS
    if gerund and first[:-3] in _VAGUE_GERUNDS:
        first = first[:-3]
    if first in WISH_VERBS:
        found.append(("vague-verb", words[0], "names an intention or a study, not a change"))
    elif first in SOFT_VERBS and not (rescue and _rescued(body)):
        found.append(("vague-verb", words[0], "does not say what will change"))
    elif first in MEASURE_VERBS and not (measured or _TARGET.search(body)):
        found.append(("no-measure", words[0], "has no target anyone could check"))
    if not measured:
        comparative = _first_in(COMPARATIVES, words, lows)
        if comparative is not None:
            found.append(("no-measure", comparative, "says better without saying how to tell"))
        hedge = _first_in(HEDGE_ADJECTIVES, words, lows)
        if hedge is not None and not _CODEISH.search(body):
            found.append(("vague-phrase", hedge, "leaves it to the reader to say how much"))
    state_of_mind = _first_in(STATE_OF_MIND, words, lows)
    if state_of_mind is not None:
        found.append(
            ("state-of-mind", state_of_mind, "needs someone's judgment of what people think")
        )
    if (
        not found
        and sum(low not in _NOT_CONTENT for low in lows[1:]) < 2
        and not _CODEISH.search(body)
    ):
        found.append(("no-concrete-object", body.rstrip("."), "names no concrete thing to change"))
    return found


def _rescued(body: str) -> bool:
    """A soft verb followed by a concrete change: "review the rules and delete the unused".
    The change comes within the first few joins, so only those are tried."""
    for m in islice(_RESCUE.finditer(body), 4):
        rest = body[m.end() :]
        if rest and not _vague_findings(rest, rescue=False):
            return True
    return False


def _hint(text: str) -> str:
    low = text.lower()
    example = next((ex for keys, ex in _HINTS if any(k in low for k in keys)), _DEFAULT_HINT)
    quoted = " ".join(text.split()).rstrip(".")
    return f"Instead of '{quoted}': '{example}'"


def judge_action(text: str) -> ActionVerdict:
    """Is this a change someone could verify is done, without judgment?"""
    found = _vague_findings(text)
    if not found:
        return ActionVerdict(is_specific=True)
    reasons = list(dict.fromkeys(f"'{words}' {why} (rule: {rule})" for rule, words, why in found))
    return ActionVerdict(is_specific=False, reasons=reasons, hint=_hint(text))
