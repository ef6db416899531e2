"""Verb groups: what the words after a subject say it did, had done to it, or failed to do.

`verb_group` classifies the verb group at a token as an act, a state, something suffered, or
one of the person's failures (lapse, knowledge, counterfactual, attention), handling modals,
"be", "have" and negation. It builds on `tokens` alone and reads a verb group wherever it is
asked to: who the subject is, and whether the verb is theirs, is decided in `findings`.
"""

from dataclasses import dataclass

from whytui.core.judge.cause_words import (
    ABILITY_WORDS,
    ADVERBS,
    ATTENTION_WORDS,
    BASE_VERBS,
    BE_WORDS,
    COUNTERFACTUAL_MODALS,
    DO_NEGATIONS,
    DO_WORDS,
    HAVE_WORDS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    KNOW_VERBS,
    KNOWLEDGE_VERBS,
    LAPSE_VERBS,
    NEGATIONS,
    OBLIGATION_WORDS,
    STATE_VERBS,
    VERB_FOLLOWERS,
)
from whytui.core.judge.people_words import DETERMINERS, POSSESSIVE_PRONOUNS
from whytui.core.judge.tokens import Tok
from whytui.core.judge.verdicts import ATTENTION, COUNTERFACTUAL, KNOWLEDGE, LAPSE

ACT, PATIENT, STATE, NONE = "act", "patient", "state", "none"
PERSON_KINDS = frozenset({LAPSE, KNOWLEDGE, COUNTERFACTUAL, ATTENTION, ACT})
FAILURE_KINDS = frozenset({LAPSE, KNOWLEDGE, COUNTERFACTUAL, ATTENTION})


@dataclass(frozen=True, slots=True)
class Verb:
    kind: str
    start: int
    end: int


# A verb group is a person's failure (lapse, knowledge, counterfactual, attention) only with
# one of these words, or a word ending in "n't" or "'ve": see verb_group, and the passive
# omissions of `findings`. A statement with none of them is blameless (`people.Reading`).
FAILURE_WORDS = (
    frozenset({"never", "not", "n't", "unaware", "unfamiliar", "paying", "failed", "fail", "fails"})
    | DO_NEGATIONS
    | COUNTERFACTUAL_MODALS
    | LAPSE_VERBS
    | KNOWLEDGE_VERBS
    | ATTENTION_WORDS
)


def for_negative_subject(verb: Verb, toks: list[Tok]) -> Verb:
    """The verb of a negative subject: "nobody knew" is not knowing, "nobody ran" a lapse."""
    if verb.kind == ACT:
        return Verb(LAPSE, verb.start, verb.end)
    if verb.kind == STATE and toks[verb.start].low in KNOW_VERBS:
        return Verb(KNOWLEDGE, verb.start, verb.end)
    return verb


def reads_as_verb(toks: list[Tok], verb: Verb, end: int) -> bool:
    """A lone "missed" opening a clause is a verb only before its object: "missed the alert",
    not "missed heartbeats triggered a failover"."""
    if verb.end - verb.start > 1 or toks[verb.start].low not in LAPSE_VERBS:
        return True
    nxt = toks[verb.end].low if verb.end < end else ""
    return not nxt or nxt in DETERMINERS or nxt in POSSESSIVE_PRONOUNS or nxt == "to"


def is_past(low: str) -> bool:
    return (low.endswith("ed") and len(low) > 3) or low in IRREGULAR_PAST


def _is_participle(low: str) -> bool:
    return is_past(low) or low in IRREGULAR_PARTICIPLES


def skip_adverbs(toks: list[Tok], j: int, end: int) -> int:
    while j < end and (
        toks[j].low in ADVERBS or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)
    ):
        j += 1
    return j


def negated_verb(toks: list[Tok], j: int, end: int, start: int) -> Verb:
    """After "didn't", "never", "had not": what was not done decides the kind."""
    j = skip_adverbs(toks, j, end)
    if j >= end or not toks[j].is_word:
        return Verb(LAPSE, start, j)
    low = toks[j].low
    if low in KNOW_VERBS:
        return Verb(KNOWLEDGE, start, j + 1)
    if low in STATE_VERBS or low in BE_WORDS:
        return Verb(STATE, start, j + 1)
    return Verb(LAPSE, start, j + 1)


def verb_group(toks: list[Tok], i: int, end: int) -> Verb:
    """Classify the verb group that starts at token i (after any adverbs)."""
    j = skip_adverbs(toks, i, end)
    if j >= end or not toks[j].is_word:
        return Verb(NONE, j, j)
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < end else ""
    if low == "never":
        return negated_verb(toks, j + 1, end, j)
    if low.endswith("'ve") or low in COUNTERFACTUAL_MODALS:
        return _modal(toks, j, end)
    if low in ABILITY_WORDS:
        return Verb(PATIENT, j, j + 1)
    if low in DO_NEGATIONS:
        return negated_verb(toks, j + 1, end, j)
    if low in DO_WORDS:
        if nxt in NEGATIONS:
            return negated_verb(toks, j + 2, end, j)
        return Verb(ACT, j, j + 1)
    if low in BE_WORDS:
        return _be(toks, j, end)
    if low in HAVE_WORDS:
        return _have(toks, j, end)
    if low in ("failed", "fail", "fails") and nxt == "to":
        verb = negated_verb(toks, j + 2, end, j)
        return verb if verb.kind == KNOWLEDGE else Verb(LAPSE, j, verb.end)
    if low in ("chose", "decided") and nxt == "not":
        return Verb(LAPSE, j, j + 2)
    if low in ("got", "get", "gets") and j + 1 < end and _is_participle(nxt):
        return Verb(PATIENT, j, j + 2)
    if low in LAPSE_VERBS:
        return Verb(LAPSE, j, j + 1)
    if low in KNOWLEDGE_VERBS:
        return Verb(KNOWLEDGE, j, j + 1)
    if low in STATE_VERBS or low in OBLIGATION_WORDS:
        return Verb(STATE, j, j + 1)
    if low in ATTENTION_WORDS:
        return Verb(ATTENTION, j, j + 1)
    if is_past(low) or ("-" in low and is_past(low.rsplit("-", 1)[1])):
        # "assigned to the ticket", "listed in the catalog": a participle describing the person.
        after = toks[j + 2].low if j + 2 < end else ""
        if nxt in ("to", "by", "in", "on", "for") and after in DETERMINERS:
            return Verb(NONE, j, j)
        return Verb(ACT, j, j + 1)
    if low in BASE_VERBS and (
        not nxt
        or nxt in DETERMINERS
        or nxt in POSSESSIVE_PRONOUNS
        or nxt in ADVERBS
        or nxt in VERB_FOLLOWERS
        or (nxt.endswith("ly") and len(nxt) > 4)
    ):
        return Verb(ACT, j, j + 1)
    return Verb(NONE, j, j)


def _modal(toks: list[Tok], j: int, end: int) -> Verb:
    low = toks[j].low
    k = j + 1
    if low.endswith("'ve"):
        k = j + 1
        has_have = True
    else:
        while k < end and toks[k].low in ("not", "to"):
            k += 1
        has_have = k < end and toks[k].low == "have"
        k += 1 if has_have else 0
    if has_have:
        k = skip_adverbs(toks, k, end)
        last = k + 1 if k < end and toks[k].is_word else k
        if last < end and toks[k].low == "been":
            last += 1
        return Verb(COUNTERFACTUAL, j, last)
    if low in ("should", "shouldn't", "ought"):
        return Verb(COUNTERFACTUAL, j, j + 1)
    if low in ("would", "wouldn't"):
        return Verb(ACT, j, j + 1)
    return Verb(PATIENT, j, j + 1)


def _be(toks: list[Tok], j: int, end: int) -> Verb:
    k = j + 1
    negated = toks[j].low.endswith("n't")
    while k < end and toks[k].low in ("not", "never"):
        negated = True
        k += 1
    k = skip_adverbs(toks, k, end)
    if k >= end or not toks[k].is_word:
        return Verb(STATE, j, k)
    low = toks[k].low
    if low in ATTENTION_WORDS:
        return Verb(ATTENTION, j, k + 1)
    if low in ("unaware", "unfamiliar") or (negated and low == "aware"):
        return Verb(KNOWLEDGE, j, k + 1)
    if low == "paying" and k + 1 < end and toks[k + 1].low == "attention":
        return Verb(ATTENTION, j, k + 2)
    if low in ("unable", "being", "expected", "required", "supposed"):
        return Verb(PATIENT, j, k + 1)
    if low.endswith("ing"):
        return Verb(ACT, j, k + 1)
    if _is_participle(low):
        return Verb(PATIENT, j, k + 1)
    return Verb(STATE, j, k + 1)


def _have(toks: list[Tok], j: int, end: int) -> Verb:
    negated = toks[j].low.endswith("n't")
    k = j + 1
    if k < end and toks[k].low in ("not", "never"):
        negated = True
        k += 1
    if k < end and toks[k].low == "to":
        return Verb(PATIENT, j, k + 1)
    if k < end and toks[k].low == "been":
        verb = _be(toks, k, end)
        return Verb(verb.kind, j, verb.end)
    k = skip_adverbs(toks, k, end)
    if k < end and _is_participle(toks[k].low):
        if negated:
            return negated_verb(toks, k, end, j)
        verb = verb_group(toks, k, end)
        return Verb(verb.kind if verb.kind != NONE else ACT, j, max(verb.end, k + 1))
    return Verb(STATE, j, j + 1)
