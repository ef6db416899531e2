"""The cause judge and the action judge.

`judge_cause` decides whether a causal statement ends at a person or at a structural
condition. It judges who is the actor of the failure, not single words: "the DBA dropped the
index" ends at a person, "the console lets any engineer delete a tenant" does not, though
both name a person. Where a statement says what caused what ("X because Y", "X, so Y"), the
deeper cause decides. Every verdict names the words and the rule, so a wrong one can be
argued with, and fixed in `.whytui.toml` rather than silently overridden.

`judge_action` decides whether an action item (or its `done_when`) is specific enough that
anyone could check it is done without judgment.

Both are rule-based and offline; the patterns are compiled once, at import.
"""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from whytui.core import judge_words as W

if TYPE_CHECKING:  # the judge needs no pydantic: a config is only read
    from whytui.core.config import Config

REFRAME_QUESTIONS: tuple[str, ...] = (
    "What made this the easy thing to do for anyone in that seat?",
    "Why didn't the system make the right behaviour the default?",
    "Where should that knowledge have come from, and why didn't it?",
    "What made this mistake easy to make and hard to catch before it mattered?",
    "What was the system relying on someone's attention for, and what could check it instead?",
)
_SEAT, _DEFAULT, _KNOWLEDGE, _MISTAKE, _ATTENTION = REFRAME_QUESTIONS

# Rule ids, as reported in reasons and matches.
NAMED_PERSON = "named-person"
ROLE_ACTOR = "role-actor"
PRONOUN_ACTOR = "pronoun-actor"
LAPSE = "lapse"
COUNTERFACTUAL = "counterfactual"
KNOWLEDGE = "knowledge"
ATTENTION = "attention"
HUMAN_ERROR = "human-error"

# The reframe follows the most telling rule that matched.
_REFRAME_BY_RULE: tuple[tuple[str, str], ...] = (
    (KNOWLEDGE, _KNOWLEDGE),
    (COUNTERFACTUAL, _DEFAULT),
    (LAPSE, _DEFAULT),
    (ATTENTION, _ATTENTION),
    (HUMAN_ERROR, _MISTAKE),
)

_EXPLAIN = {
    LAPSE: "blames something a person left undone",
    COUNTERFACTUAL: "judges what a person should have done",
    KNOWLEDGE: "puts the cause in what a person didn't know",
    ATTENTION: "puts the cause in a person's attention or care",
    HUMAN_ERROR: "is human-error language",
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


# --- tokens -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?::\d+)+|\w(?:[\w'.\-]*\w)?|[^\w\s]")  # 02:14 is one token
_SENTENCE_END = frozenset(".!?")
_CLAUSE_PUNCT = frozenset(',;:()[]"-\u2013\u2014')
_NAME_TITLES = frozenset({"mr", "mrs", "ms", "dr", "mx"})


class _Tok(NamedTuple):
    """A word or punctuation mark; a tuple because statements are tokenised constantly."""

    text: str
    low: str  # lower case, accents folded, curly apostrophes straightened
    base: str  # `low` without a possessive ending: "greg's" -> "greg"
    start: int
    end: int
    is_word: bool
    capitalised: bool


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    append, make = toks.append, tuple.__new__  # _Tok(...) costs a call more, on every token
    text = text.replace("\u2019", "'")
    lowered = text.lower() if text.isascii() else None  # ASCII keeps its length lower-cased
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        word = text[start:end]
        low = lowered[start:end] if lowered is not None else _fold(word)
        first = word[0]
        append(
            make(
                _Tok,
                (
                    word,
                    low,
                    low[:-2] if low.endswith("'s") else low,
                    start,
                    end,
                    first.isalnum() or first == "_",
                    first.isupper() and not (len(word) > 1 and word.isupper()),
                ),
            )
        )
    return toks


# --- who is who -------------------------------------------------------------------------

_NAME, _AMBIGUOUS_NAME, _ROLE, _PRONOUN, _WEAK_PRONOUN, _NEGATIVE = (
    "name",
    "ambiguous-name",
    "role",
    "pronoun",
    "weak-pronoun",
    "negative",
)
_NEGATIVE_ROLES = frozenset({"nobody", "no-one"})


@dataclass(frozen=True, slots=True)
class _Mention:
    """A person in the statement: tokens [np_start, end) with its words in [start, end)."""

    kind: str
    np_start: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    systems: frozenset[str]
    config_systems: tuple[tuple[str, ...], ...]
    config_people: tuple[tuple[str, ...], ...]
    known: frozenset[str]
    """Every word that can start a person or a system: the marking skips all others at once."""


# Roles and their plurals: engineers, devs, DBAs.
_ROLE_WORDS = W.ROLES | {role + "s" for role in W.ROLES}


@lru_cache(maxsize=64)
def _lexicon(system_names: tuple[str, ...], people_names: tuple[str, ...]) -> _Lexicon:
    config_systems = tuple(tuple(_fold(w) for w in n.split()) for n in system_names if n.split())
    config_people = tuple(tuple(_fold(w) for w in n.split()) for n in people_names if n.split())
    people_words = {p[0] for p in config_people if len(p) == 1}
    systems = (W.SYSTEM_NAMES - people_words) | {s[0] for s in config_systems if len(s) == 1}
    known = (
        systems
        | W.FIRST_NAMES
        | W.AMBIGUOUS_NAMES
        | _NAME_TITLES
        | {"no", "no-one", "one"}
        | W.SOFTWARE_ROLES
        | _ROLE_WORDS
        | W.STRONG_PRONOUNS
        | W.WEAK_PRONOUNS
    )
    return _Lexicon(frozenset(systems), config_systems, config_people, frozenset(known))


def _phrase_spans(toks: list[_Tok], phrases: Iterable[tuple[str, ...]]) -> dict[int, int]:
    """Start index -> end index of every occurrence of the given word sequences."""
    spans: dict[int, int] = {}
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if all(toks[i + k].base == phrase[k] for k in range(n)):
                spans[i] = max(spans.get(i, i), i + n)
    return spans


def _role_word(low: str) -> bool:
    return low in _ROLE_WORDS


_NOT_MODIFIERS = (
    W.OBJECT_MARKERS
    | W.STATE_VERBS
    | W.BASE_VERBS
    | W.GUARD_WORDS
    | W.BE_WORDS
    | W.HAVE_WORDS
    | W.DO_WORDS
    | W.DO_NEGATIONS
    | W.COUNTERFACTUAL_MODALS
    | W.ABILITY_WORDS
    | frozenset(
        w for phrase in W.CAUSE_CONNECTIVES + W.EMBEDDED_CONNECTIVES for w in phrase.split()
    )
    | frozenset(W.COORDINATORS)
)


def _may_modify(low: str) -> bool:
    """Could this unknown word stand before a role, as in "the storage engineer"?"""
    return low[0].isalnum() and low not in _NOT_MODIFIERS


class _Reading:
    """One statement, tokenised, with its people and systems marked."""

    def __init__(self, text: str, lexicon: _Lexicon) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.system_at: set[int] = set()
        self.mentions: dict[int, _Mention] = {}  # keyed by head (last) token index
        self._mark(lexicon)
        self.person_at = {i for m in self.mentions.values() for i in range(m.np_start, m.end)}
        self.phrases = self._phrases()

    def _phrases(self) -> list[tuple[str, int, int]]:
        """Human-error language: (rule, first token, token after the last)."""
        found: list[tuple[str, int, int]] = []
        if not self.toks:
            return found
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for m in _PHRASES.finditer(self.text.replace("\u2019", "'")):
            if not starts:  # most statements have no such phrase: index tokens only if one does
                starts = {t.start: n for n, t in enumerate(self.toks)}
                ends = {t.end: n for n, t in enumerate(self.toks)}
            first, last = starts.get(m.start()), ends.get(m.end())
            if first is not None and last is not None and m.lastgroup is not None:
                found.append((_PHRASE_GROUPS[m.lastgroup], first, last + 1))
        for n in range(1, len(self.toks)):
            if self.toks[n].low in ("error", "errors") and _role_word(self.toks[n - 1].base):
                found.append((HUMAN_ERROR, n - 1, n + 1))
        return sorted(found, key=lambda p: p[1])

    def _mark(self, lex: _Lexicon) -> None:
        toks = self.toks
        configured_systems = _phrase_spans(toks, lex.config_systems)
        configured_people = _phrase_spans(toks, lex.config_people)
        for start, end in configured_systems.items():
            self.system_at.update(range(start, end))
        i = 0
        while i < len(toks):
            tok = toks[i]
            if (
                not tok.is_word
                or i in self.system_at
                or (
                    tok.base not in lex.known
                    and tok.low not in lex.known
                    and i not in configured_people
                )
            ):
                i += 1
                continue
            if i in configured_people:
                i = self._add(_NAME, i, configured_people[i])
            elif tok.base in lex.systems:
                self.system_at.add(i)
                i += 1
            elif tok.capitalised and (tok.base in W.FIRST_NAMES or tok.base in W.AMBIGUOUS_NAMES):
                kind = _AMBIGUOUS_NAME if tok.base in W.AMBIGUOUS_NAMES else _NAME
                i = self._add(kind, i, self._surname_end(i + 1))
            elif tok.base in W.FIRST_NAMES and tok.text.islower():
                # Typed in a hurry: "greg restarted it" counts, with the care given to "Will".
                kind = _AMBIGUOUS_NAME
                i = self._add(kind, i, self._surname_end(i + 1))
            elif tok.base in _NAME_TITLES and i + 1 < len(toks) and toks[i + 1].capitalised:
                step = 2 if i + 2 < len(toks) and toks[i + 1].text == "." else 1
                i = self._add(_NAME, i, self._surname_end(i + step))
            elif tok.low in ("no", "no-one") and (
                tok.low == "no-one" or (i + 1 < len(toks) and toks[i + 1].low == "one")
            ):
                i = self._add(_NEGATIVE, i, i + (1 if tok.low == "no-one" else 2))
            elif tok.base in W.SOFTWARE_ROLES and i - 1 in self.system_at:
                self.system_at.add(i)
                i += 1
            elif _role_word(tok.base):
                end = i + 1
                while end < len(toks) and _role_word(toks[end].base):
                    end += 1
                kind = _NEGATIVE if toks[end - 1].base in _NEGATIVE_ROLES else _ROLE
                i = self._add(kind, i, end)
            elif tok.low == "one" and [t.low for t in toks[i + 1 : i + 3]] in (
                ["of", "us"],
                ["of", "them"],
            ):
                kind = _PRONOUN if toks[i + 2].low == "us" else _WEAK_PRONOUN
                i = self._add(kind, i, i + 3)
            elif tok.low in W.STRONG_PRONOUNS and (tok.low != "i" or tok.text == "I"):
                i = self._add(_PRONOUN, i, i + 1)
            elif tok.low in W.WEAK_PRONOUNS:
                i = self._add(_WEAK_PRONOUN, i, i + 1)
            else:
                i += 1

    def _surname_end(self, j: int) -> int:
        """A capitalised word after a given name is read as its surname: "Greg Barr"."""
        toks = self.toks
        if (
            j < len(toks)
            and toks[j].is_word
            and toks[j].capitalised
            and toks[j].base not in W.SYSTEM_NAMES
            and not _role_word(toks[j].base)
        ):
            return j + 1
        return j

    def _add(self, kind: str, start: int, end: int) -> int:
        np_start = shown = start
        if kind in (_ROLE, _NEGATIVE):  # highlight "storage admin", not just "admin"
            np_start = shown = self._np_start(start)
            while shown < start and (
                self.toks[shown].low in W.DETERMINERS
                or self.toks[shown].low in W.POSSESSIVE_PRONOUNS
                or self.toks[shown].low.endswith("'s")
            ):
                shown += 1
        self.mentions[end - 1] = _Mention(kind, np_start, shown, end)
        return end

    def _np_start(self, start: int) -> int:
        """Where the noun phrase around a person begins: "the new storage admin"."""
        toks = self.toks
        j = start - 1
        while j >= 0 and (toks[j].low in W.DETERMINERS or toks[j].low in W.MODIFIERS):
            j -= 1
        # One or two unknown modifiers are allowed after a determiner: "the storage engineer".
        for width in (1, 2):
            k = j - width
            if (
                k >= 0
                and all(_may_modify(toks[m].low) for m in range(k + 1, j + 1))
                and (toks[k].low in W.DETERMINERS or toks[k].low in W.POSSESSIVE_PRONOUNS)
            ):
                return k
        if j >= 0 and (toks[j].low in W.POSSESSIVE_PRONOUNS or toks[j].low.endswith("'s")):
            return j
        return j + 1

    def blameless(self) -> bool:
        """Is there nothing here any rule could fire on: no person, no human-error language,
        and none of the words without which no verb group is a failure? Most structural
        statements are blameless, and need no reading clause by clause."""
        if self.mentions or self.phrases:
            return False
        toks = self.toks
        for n, tok in enumerate(toks):
            low = tok.low
            if low in _FAILURE_WORDS or low.endswith(("n't", "'ve")):
                return False
            after = toks[n + 1].low if n + 1 < len(toks) else ""
            if (low == "failure" and after == "to") or (
                low in _ACTOR_POSSESSIVES and after in W.ACT_NOUNS
            ):
                return False
        return True

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Character span of tokens [start, end), without a possessive: "Dave's" -> "Dave"."""
        last = self.toks[end - 1]
        return self.toks[start].start, last.end - (2 if last.low.endswith("'s") else 0)

    def words(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.text[a:b]


# --- verb groups ------------------------------------------------------------------------

_ACT, _PATIENT, _STATE, _NONE = "act", "patient", "state", "none"
_PERSON_KINDS = frozenset({LAPSE, KNOWLEDGE, COUNTERFACTUAL, ATTENTION, _ACT})
_FAILURE_KINDS = frozenset({LAPSE, KNOWLEDGE, COUNTERFACTUAL, ATTENTION})


@dataclass(frozen=True, slots=True)
class _Verb:
    kind: str
    start: int
    end: int


# A verb group is a person's failure (lapse, knowledge, counterfactual, attention) only with
# one of these words, or a word ending in "n't" or "'ve": see _verb_group, _passive_omission.
_FAILURE_WORDS = (
    frozenset({"never", "not", "n't", "unaware", "unfamiliar", "paying", "failed", "fail", "fails"})
    | W.DO_NEGATIONS
    | W.COUNTERFACTUAL_MODALS
    | W.LAPSE_VERBS
    | W.KNOWLEDGE_VERBS
    | W.ATTENTION_WORDS
)
# "his change", "their decision": possessives that make their owner the doer of an act.
_ACTOR_POSSESSIVES = W.POSSESSIVE_PRONOUNS - {"our"}


def _negated(verb: _Verb, toks: list[_Tok]) -> _Verb:
    """The verb of a negative subject: "nobody knew" is not knowing, "nobody ran" a lapse."""
    if verb.kind == _ACT:
        return _Verb(LAPSE, verb.start, verb.end)
    if verb.kind == _STATE and toks[verb.start].low in W.KNOW_VERBS:
        return _Verb(KNOWLEDGE, verb.start, verb.end)
    return verb


def _reads_as_verb(toks: list[_Tok], verb: _Verb, end: int) -> bool:
    """A lone "missed" opening a clause is a verb only before its object: "missed the alert",
    not "missed heartbeats triggered a failover"."""
    if verb.end - verb.start > 1 or toks[verb.start].low not in W.LAPSE_VERBS:
        return True
    nxt = toks[verb.end].low if verb.end < end else ""
    return not nxt or nxt in W.DETERMINERS or nxt in W.POSSESSIVE_PRONOUNS or nxt == "to"


def _is_past(low: str) -> bool:
    return (low.endswith("ed") and len(low) > 3) or low in W.IRREGULAR_PAST


def _is_participle(low: str) -> bool:
    return _is_past(low) or low in W.IRREGULAR_PARTICIPLES


def _skip_adverbs(toks: list[_Tok], j: int, end: int) -> int:
    while j < end and (
        toks[j].low in W.ADVERBS or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)
    ):
        j += 1
    return j


def _negated_verb(toks: list[_Tok], j: int, end: int, start: int) -> _Verb:
    """After "didn't", "never", "had not": what was not done decides the kind."""
    j = _skip_adverbs(toks, j, end)
    if j >= end or not toks[j].is_word:
        return _Verb(LAPSE, start, j)
    low = toks[j].low
    if low in W.KNOW_VERBS:
        return _Verb(KNOWLEDGE, start, j + 1)
    if low in W.STATE_VERBS or low in W.BE_WORDS:
        return _Verb(_STATE, start, j + 1)
    return _Verb(LAPSE, start, j + 1)


def _verb_group(toks: list[_Tok], i: int, end: int) -> _Verb:
    """Classify the verb group that starts at token i (after any adverbs)."""
    j = _skip_adverbs(toks, i, end)
    if j >= end or not toks[j].is_word:
        return _Verb(_NONE, j, j)
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < end else ""
    if low == "never":
        return _negated_verb(toks, j + 1, end, j)
    if low.endswith("'ve") or low in W.COUNTERFACTUAL_MODALS:
        return _modal(toks, j, end)
    if low in W.ABILITY_WORDS:
        return _Verb(_PATIENT, j, j + 1)
    if low in W.DO_NEGATIONS:
        return _negated_verb(toks, j + 1, end, j)
    if low in W.DO_WORDS:
        if nxt in W.NEGATIONS:
            return _negated_verb(toks, j + 2, end, j)
        return _Verb(_ACT, j, j + 1)
    if low in W.BE_WORDS:
        return _be(toks, j, end)
    if low in W.HAVE_WORDS:
        return _have(toks, j, end)
    if low in ("failed", "fail", "fails") and nxt == "to":
        verb = _negated_verb(toks, j + 2, end, j)
        return verb if verb.kind == KNOWLEDGE else _Verb(LAPSE, j, verb.end)
    if low in ("chose", "decided") and nxt == "not":
        return _Verb(LAPSE, j, j + 2)
    if low in ("got", "get", "gets") and j + 1 < end and _is_participle(nxt):
        return _Verb(_PATIENT, j, j + 2)
    if low in W.LAPSE_VERBS:
        return _Verb(LAPSE, j, j + 1)
    if low in W.KNOWLEDGE_VERBS:
        return _Verb(KNOWLEDGE, j, j + 1)
    if low in W.STATE_VERBS or low in W.OBLIGATION_WORDS:
        return _Verb(_STATE, j, j + 1)
    if low in W.ATTENTION_WORDS:
        return _Verb(ATTENTION, j, j + 1)
    if _is_past(low) or ("-" in low and _is_past(low.rsplit("-", 1)[1])):
        # "assigned to the ticket", "listed in the catalog": a participle describing the person.
        after = toks[j + 2].low if j + 2 < end else ""
        if nxt in ("to", "by", "in", "on", "for") and after in W.DETERMINERS:
            return _Verb(_NONE, j, j)
        return _Verb(_ACT, j, j + 1)
    if low in W.BASE_VERBS and (
        not nxt
        or nxt in W.DETERMINERS
        or nxt in W.POSSESSIVE_PRONOUNS
        or nxt in W.ADVERBS
        or nxt in W.VERB_FOLLOWERS
        or (nxt.endswith("ly") and len(nxt) > 4)
    ):
        return _Verb(_ACT, j, j + 1)
    return _Verb(_NONE, j, j)


def _modal(toks: list[_Tok], j: int, end: int) -> _Verb:
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
        k = _skip_adverbs(toks, k, end)
        last = k + 1 if k < end and toks[k].is_word else k
        if last < end and toks[k].low == "been":
            last += 1
        return _Verb(COUNTERFACTUAL, j, last)
    if low in ("should", "shouldn't", "ought"):
        return _Verb(COUNTERFACTUAL, j, j + 1)
    if low in ("would", "wouldn't"):
        return _Verb(_ACT, j, j + 1)
    return _Verb(_PATIENT, j, j + 1)


def _be(toks: list[_Tok], j: int, end: int) -> _Verb:
    k = j + 1
    negated = toks[j].low.endswith("n't")
    while k < end and toks[k].low in ("not", "never"):
        negated = True
        k += 1
    k = _skip_adverbs(toks, k, end)
    if k >= end or not toks[k].is_word:
        return _Verb(_STATE, j, k)
    low = toks[k].low
    if low in W.ATTENTION_WORDS:
        return _Verb(ATTENTION, j, k + 1)
    if low in ("unaware", "unfamiliar") or (negated and low == "aware"):
        return _Verb(KNOWLEDGE, j, k + 1)
    if low == "paying" and k + 1 < end and toks[k + 1].low == "attention":
        return _Verb(ATTENTION, j, k + 2)
    if low in ("unable", "being", "expected", "required", "supposed"):
        return _Verb(_PATIENT, j, k + 1)
    if low.endswith("ing"):
        return _Verb(_ACT, j, k + 1)
    if _is_participle(low):
        return _Verb(_PATIENT, j, k + 1)
    return _Verb(_STATE, j, k + 1)


def _have(toks: list[_Tok], j: int, end: int) -> _Verb:
    negated = toks[j].low.endswith("n't")
    k = j + 1
    if k < end and toks[k].low in ("not", "never"):
        negated = True
        k += 1
    if k < end and toks[k].low == "to":
        return _Verb(_PATIENT, j, k + 1)
    if k < end and toks[k].low == "been":
        verb = _be(toks, k, end)
        return _Verb(verb.kind, j, verb.end)
    k = _skip_adverbs(toks, k, end)
    if k < end and _is_participle(toks[k].low):
        if negated:
            return _negated_verb(toks, k, end, j)
        verb = _verb_group(toks, k, end)
        return _Verb(verb.kind if verb.kind != _NONE else _ACT, j, max(verb.end, k + 1))
    return _Verb(_STATE, j, j + 1)


# --- clauses ----------------------------------------------------------------------------

_START, _COORD, _CAUSE, _RESULT, _EMBEDDED, _PLAIN = (
    "start",
    "coord",
    "cause",
    "result",
    "embedded",
    "plain",
)


def _connective_table() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for kind, phrases in (
        (_CAUSE, W.CAUSE_CONNECTIVES),
        (_RESULT, W.RESULT_CONNECTIVES),
        (_EMBEDDED, W.EMBEDDED_CONNECTIVES),
        (_COORD, W.COORDINATORS),
    ):
        for phrase in phrases:
            table[tuple(phrase.split())] = kind
    return table


_CONNECTIVES = _connective_table()
_LONGEST_CONNECTIVE = max(len(k) for k in _CONNECTIVES)
_CONNECTIVE_STARTS = frozenset(k[0] for k in _CONNECTIVES)
_RELATIVES = frozenset({"who", "that"})


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    link: str
    connective: str


def _sentences(toks: list[_Tok]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(toks):
        if tok.text in _SENTENCE_END:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(toks):
        spans.append((start, len(toks)))
    return spans


def _clauses(toks: list[_Tok], start: int, end: int, people: set[int]) -> list[_Clause]:
    """Split a sentence at punctuation and connectives; "who" or "that" right after a person
    stays inside the clause, so "the engineer who deployed it forgot" keeps its subject."""
    clauses: list[_Clause] = []
    link, connective, clause_start = _START, "", start
    i = start

    def close(at: int) -> None:
        if at > clause_start:
            clauses.append(_Clause(clause_start, at, link, connective))

    while i < end:
        tok = toks[i]
        if tok.text in _CLAUSE_PUNCT:
            close(i)
            link = _COORD if tok.text == ";" else _PLAIN
            connective, clause_start, i = tok.text, i + 1, i + 1
            continue
        found = _connective_at(toks, i, end) if tok.low in _CONNECTIVE_STARTS else None
        if found is not None and tok.low in _RELATIVES and i - 1 in people:
            found = None
        if found is None and tok.low == "so" and (i == clause_start or toks[i - 1].low == "and"):
            found = (_RESULT, 1)
        if found is None:
            i += 1
            continue
        kind, width = found
        at = i - 1 if kind == _RESULT and tok.low == "so" and i > clause_start else i
        close(at)
        link, connective = kind, " ".join(t.text for t in toks[i : i + width])
        clause_start = i = i + width
    close(end)
    return clauses


def _connective_at(toks: list[_Tok], i: int, end: int) -> tuple[str, int] | None:
    """The connective at token i, which the caller found among `_CONNECTIVE_STARTS`."""
    for width in range(min(_LONGEST_CONNECTIVE, end - i), 0, -1):
        kind = _CONNECTIVES.get(tuple(t.low for t in toks[i : i + width]))
        if kind is not None:
            return kind, width
    return None


# --- findings ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Finding:
    rule: str
    start: int  # token indices
    end: int
    reason: str


class _CaseBlind:
    """A pattern that ignores case, three times faster on ASCII text than `re.IGNORECASE`.

    IGNORECASE folds the case of every character it compares. ASCII text is lower-cased
    instead and searched with a case-sensitive twin: the same matches, at the same places,
    since lower-casing ASCII keeps every length. So a match's words are read from the
    original text by its span, never by `group()`. Other text takes the IGNORECASE pattern.
    The twin is only right for a pattern in lower-case ASCII, which the constructor checks.
    Each is compiled when first needed: the app's first frame judges few statements.
    """

    __slots__ = ("_folded", "_pattern", "_plain")

    def __init__(self, pattern: str) -> None:
        literal = re.sub(r"\\.|\(\?P<", "", pattern)  # \S and (?P< are syntax, not letters
        if not literal.isascii() or any(c.isupper() for c in literal):
            raise ValueError(f"write judge patterns in lower-case ASCII: {pattern!r}")
        self._pattern = pattern
        self._plain: re.Pattern[str] | None = None
        self._folded: re.Pattern[str] | None = None

    def _for(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to search `text` with, and the text to search."""
        if text.isascii():
            if self._plain is None:
                self._plain = re.compile(self._pattern)
            return self._plain, text.lower()
        if self._folded is None:
            self._folded = re.compile(self._pattern, re.IGNORECASE)
        return self._folded, text

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, searched = self._for(text)
        return pattern.finditer(searched)

    def search(self, text: str) -> re.Match[str] | None:
        pattern, searched = self._for(text)
        return pattern.search(searched)


def _phrase_regex(phrases: Iterable[str]) -> _CaseBlind:
    return _CaseBlind(r"\b(?:" + "|".join(phrases) + r")\b")


_PHRASE_GROUPS = {"error": HUMAN_ERROR, "attention": ATTENTION, "knowledge": KNOWLEDGE}
_PHRASES = _CaseBlind(
    "|".join(
        rf"\b(?P<{group}>" + "|".join(phrases) + r")\b"
        for group, phrases in (
            ("error", W.HUMAN_ERROR_PHRASES),
            ("attention", W.ATTENTION_PHRASES),
            ("knowledge", W.KNOWLEDGE_PHRASES),
        )
    )
)
_DEFICIENCY = _phrase_regex(W.DEFICIENCY_PHRASES)
_MENTION_RULE = {
    _NAME: NAMED_PERSON,
    _AMBIGUOUS_NAME: NAMED_PERSON,
    _ROLE: ROLE_ACTOR,
    _NEGATIVE: ROLE_ACTOR,
    _PRONOUN: PRONOUN_ACTOR,
    _WEAK_PRONOUN: PRONOUN_ACTOR,
}


@dataclass(frozen=True, slots=True)
class _Guards:
    verbs: list[int]  # token indices of guard verbs ("catches"), in order
    words: list[int]  # token indices of any guard word ("lets", "without", "catches")


def _guarded(guards: _Guards, start: int, stop: int) -> bool:
    """Is human-error language at [start, stop) only what a system catches or allows?
    A guard verb anywhere outside it counts; other guard words only before it."""
    verbs = guards.verbs
    if verbs and (verbs[0] < start or verbs[-1] >= stop):
        return True
    return bool(guards.words) and guards.words[0] < start


class _Judge:
    """Walks the sentences and clauses of one statement and collects what ends at a person."""

    def __init__(self, reading: _Reading) -> None:
        self.r = reading
        self.toks = reading.toks

    def run(self) -> tuple[list[_Finding], list[str]]:
        """Findings that count, and notes on people and systems read as context."""
        if self.r.blameless():
            return [], self._system_notes()
        counted: list[_Finding] = []
        notes: list[str] = []
        people = set(self.r.mentions)
        for start, end in _sentences(self.toks):
            clauses = _clauses(self.toks, start, end, people)
            per_clause, describing = self._clause_findings(clauses)
            deeper = self._deeper(clauses)
            if deeper is not None and deeper <= describing:
                deeper = None  # "because the engineer was new": still about the person
            if deeper is None:
                counted += [f for fs in per_clause for f in fs]
                continue
            inside = [f for n in deeper for f in per_clause[n]]
            inside += self._bare_person(clauses, deeper)
            if inside:
                counted += inside
            else:
                outside = [f for n, fs in enumerate(per_clause) if n not in deeper for f in fs]
                for finding in outside:
                    notes.append(
                        f"'{self.r.words(finding.start, finding.end)}' is not where the "
                        "statement ends: it goes on to a deeper, structural cause "
                        "(rule: ends-structural)"
                    )
        notes += self._system_notes()
        return _dedupe(counted), notes

    def _deeper(self, clauses: list[_Clause]) -> set[int] | None:
        """Which clauses hold the deeper cause, if the sentence says what caused what."""
        causes = [n for n, c in enumerate(clauses) if c.link == _CAUSE or self._faulted(c)]
        if causes:
            first = causes[-1]
            if first == 0:  # "Because X, Y": X runs to the first comma.
                stop = next(
                    (n for n in range(1, len(clauses)) if clauses[n].link == _PLAIN),
                    len(clauses),
                )
                return set(range(0, stop))
            return set(range(first, len(clauses)))
        results = [n for n, c in enumerate(clauses) if c.link == _RESULT]
        if results:
            return set(range(0, results[0]))
        return None

    def _faulted(self, clause: _Clause) -> bool:
        """ ", which was out of date": a trailing remark that faults the thing just named."""
        toks = self.toks
        if clause.connective.lower() != "which" or clause.start < 2:
            return False
        if toks[clause.start - 2].text != ",":
            return False
        text = self.r.text[toks[clause.start].start : toks[clause.end - 1].end]
        return _DEFICIENCY.search(text) is not None

    def _bare_person(self, clauses: list[_Clause], chosen: set[int]) -> list[_Finding]:
        """A deeper cause that is nothing but a person: "caused by Greg", "due to the intern"."""
        words = [
            i
            for n in sorted(chosen)
            for i in range(clauses[n].start, clauses[n].end)
            if self.toks[i].is_word
        ]
        if not words:
            return []
        mention = self.r.mentions.get(words[-1])
        if mention is None or mention.np_start > words[0]:
            return []
        if mention.kind in (_WEAK_PRONOUN, _NEGATIVE):
            return []
        rule = _MENTION_RULE[mention.kind]
        return [self._actor(rule, mention, "is the whole cause given")]

    def _clause_findings(self, clauses: list[_Clause]) -> tuple[list[list[_Finding]], set[int]]:
        """Findings per clause, and which clauses only describe a person ("she was new")."""
        results: list[list[_Finding]] = []
        describing: set[int] = set()
        subject: _Mention | bool | None = None  # a person, False for a thing, None for none
        for n, clause in enumerate(clauses):
            own_subject, findings, describes = self._clause(clause, subject)
            if clause.link in (_COORD, _START, _PLAIN) or own_subject is not None:
                subject = own_subject if own_subject is not None else subject
            results.append(findings)
            if describes:
                describing.add(n)
        return results, describing

    def _subject(self, clause: _Clause) -> tuple[_Mention | bool | None, int]:
        """The clause's subject and where its verb group may begin."""
        toks, start, end = self.toks, clause.start, clause.end
        first = _skip_adverbs(toks, start, end)
        lead_in = first < end and toks[first].low in W.LEAD_IN_PREPOSITIONS
        for head in range(first, end):
            mention = self.r.mentions.get(head)
            if mention is None or toks[head].low.endswith("'s"):
                continue
            at_start = start <= mention.np_start <= first
            after_lead_in = (
                lead_in
                and mention.np_start > first
                and toks[mention.np_start - 1].low not in W.OBJECT_MARKERS
                and (
                    toks[mention.np_start].low in W.DETERMINERS or mention.kind in (_NAME, _PRONOUN)
                )
            )
            if at_start or after_lead_in:
                return mention, self._after_modifier(head + 1, end)
            break
        if first >= end:
            return None, first
        verb = _verb_group(toks, first, end)
        if verb.kind != _NONE or toks[first].low == "never":
            return None, first
        return False, first

    def _after_modifier(self, i: int, end: int) -> int:
        """Skip a phrase describing the subject: "someone [on the data team] pushed"."""
        toks = self.toks
        if i < end and toks[i].low in _RELATIVES:
            return self._after_relative(i, end)
        if i >= end or toks[i].low not in W.SUBJECT_PREPOSITIONS:
            return i
        for k in range(i + 1, min(end, i + 7)):
            if _verb_group(toks, k, end).kind != _NONE:
                return k
        return i

    def _after_relative(self, i: int, end: int) -> int:
        """Skip "who was paged" in "the engineer who was paged ignored it", to the main verb;
        without a second verb, the relative clause's own verb is the one."""
        toks = self.toks
        own = _verb_group(toks, i + 1, end)
        if own.kind == _NONE:
            return i
        for k in range(max(own.end, own.start + 1), end):
            if _verb_group(toks, k, end).kind != _NONE:
                return k
        return own.start

    def _clause(
        self, clause: _Clause, inherited: _Mention | bool | None
    ) -> tuple[_Mention | bool | None, list[_Finding], bool]:
        toks, end = self.toks, clause.end
        subject, verb_at = self._subject(clause)
        findings: list[_Finding] = []
        describes = False
        embedded = clause.link == _EMBEDDED
        if subject is None and clause.link in (_COORD, _PLAIN) and inherited is not None:
            subject = inherited
        if isinstance(subject, _Mention):
            verb = _verb_group(toks, verb_at, end)
            if subject.kind == _NEGATIVE:  # "nobody checked" is "didn't check"
                verb = _negated(verb, toks)
            describes = verb.kind == _STATE and toks[verb.start].low in W.BE_WORDS
            if self._acts(subject, verb, embedded):
                rule = _MENTION_RULE[subject.kind]
                if subject.start < verb_at:  # the actor is in this clause
                    what = f"acts in the failure: '{self.r.words(verb.start, verb.end)}'"
                    findings.append(self._actor(rule, subject, what))
                findings += self._verb_finding(verb)
        elif subject is None and not embedded:
            verb = _verb_group(toks, verb_at, end)
            if verb.kind in _FAILURE_KINDS and _reads_as_verb(toks, verb, end):
                findings += self._verb_finding(verb)
        if subject is False:
            findings += self._passive_omission(clause)
        findings += self._agents(clause)
        findings += self._phrases(clause, subject)
        return subject, findings, describes

    def _acts(self, mention: _Mention, verb: _Verb, embedded: bool) -> bool:
        kind = verb.kind
        if kind not in _PERSON_KINDS or (embedded and kind == _ACT):
            return False
        if mention.kind == _WEAK_PRONOUN and kind == _ACT:
            low = self.toks[verb.start].low
            return low in W.BASE_VERBS or low[:-1] in W.BASE_VERBS or low[:-2] in W.BASE_VERBS
        if mention.kind == _AMBIGUOUS_NAME:
            low = self.toks[verb.start].low
            return _is_past(low) or low in W.PAST_BE | W.DO_NEGATIONS | W.HAVE_WORDS | {
                "did",
                "should",
                "should've",
            }
        return True

    def _verb_finding(self, verb: _Verb) -> list[_Finding]:
        kind = verb.kind
        if kind not in _FAILURE_KINDS or verb.end <= verb.start:
            return []
        words = self.r.words(verb.start, verb.end)
        return [_Finding(kind, verb.start, verb.end, f"'{words}' {_EXPLAIN[kind]} (rule: {kind})")]

    def _actor(self, rule: str, mention: _Mention, what: str) -> _Finding:
        words = self.r.words(mention.start, mention.end)
        if rule == NAMED_PERSON:
            reason = f"'{words}' is a person's name (rule: {rule})"
        elif rule == ROLE_ACTOR:
            reason = f"'{words}' is a role that {what} (rule: {rule})"
        else:
            reason = f"'{words}' is a person who {what} (rule: {rule})"
        return _Finding(rule, mention.start, mention.end, reason)

    def _passive_omission(self, clause: _Clause) -> list[_Finding]:
        """ "The restore was not tested": a past omission with the person left out."""
        toks = self.toks
        for j in range(clause.start, clause.end):
            low = toks[j].low
            if low == "should've" or (
                low in ("should", "could") and j + 2 < clause.end and toks[j + 1].low == "have"
            ):
                k = j + 1 if low == "should've" else j + 2
                if k < clause.end and toks[k].low == "been":
                    return self._verb_finding(_Verb(COUNTERFACTUAL, j, k + 2))
                return []
            if low not in W.PAST_BE:
                continue
            k = j + 1
            negated = low.endswith("n't")
            while k < clause.end and toks[k].low in ("not", "never"):
                negated, k = True, k + 1
            k = _skip_adverbs(toks, k, clause.end)
            if k >= clause.end:
                return []
            verb = toks[k].low
            omitted = verb in W.LAPSE_VERBS or (negated and verb in W.HUMAN_VERBS)
            by_thing = (
                k + 1 < clause.end and toks[k + 1].low == "by" and k + 2 not in self.r.person_at
            )
            if omitted and not by_thing:
                return self._verb_finding(_Verb(LAPSE, j, k + 1))
            return []
        return []

    def _agents(self, clause: _Clause) -> list[_Finding]:
        """People named as the doer: "restarted by Greg", "a push from the intern",
        "Greg's change", "failure of the deployer to follow"."""
        toks, r = self.toks, self.r
        findings: list[_Finding] = []
        for head, mention in r.mentions.items():  # in the order of the statement
            if not clause.start <= head < clause.end or mention.kind == _WEAK_PRONOUN:
                continue
            before = mention.np_start - 1
            if before < clause.start:
                continue
            prep = toks[before].low
            rule = _MENTION_RULE[mention.kind]
            by_agent = prep == "by" and before > clause.start and not self._standing(clause)
            of_act = (
                prep in ("by", "from", "of")
                and before - 1 >= clause.start
                and toks[before - 1].low in W.ACT_NOUNS
            )
            failure_of = (
                prep == "of"
                and before - 1 >= clause.start
                and toks[before - 1].low == "failure"
                and head + 1 < clause.end
                and toks[head + 1].low == "to"
            )
            if failure_of:
                findings.append(self._actor(rule, mention, "is the one who failed"))
                verb_end = min(head + 3, clause.end)
                findings += self._verb_finding(_Verb(LAPSE, before - 1, verb_end))
            elif by_agent or of_act:
                named = r.words(before - 1 if of_act else before, head + 1)
                findings.append(self._actor(rule, mention, f"is named as the doer: '{named}'"))
        for i in range(clause.start, clause.end - 1):
            tok = toks[i]
            owner = r.mentions.get(i)
            possessive = tok.low.endswith("'s") or tok.low in _ACTOR_POSSESSIVES
            if possessive and toks[i + 1].low in W.ACT_NOUNS:
                what = f"owns the act: '{toks[i + 1].text}'"
                if owner is not None and owner.kind != _WEAK_PRONOUN:
                    findings.append(self._actor(_MENTION_RULE[owner.kind], owner, what))
                elif tok.low in W.POSSESSIVE_PRONOUNS:
                    mention = _Mention(_PRONOUN, i, i, i + 1)
                    findings.append(self._actor(PRONOUN_ACTOR, mention, what))
            if tok.low == "failure" and toks[i + 1].low == "to":
                verb = _negated_verb(toks, i + 2, clause.end, i)
                findings += self._verb_finding(_Verb(LAPSE, i, verb.end))
        return findings

    def _standing(self, clause: _Clause) -> bool:
        """Does the clause say what can or does happen, not what someone did?"""
        return any(
            t.low in ("can", "could", "may", "might", "is", "are")
            for t in self.toks[clause.start : clause.end]
        )

    def _phrases(self, clause: _Clause, subject: _Mention | bool | None) -> list[_Finding]:
        """Human-error language, unless the clause is about what a system does with it."""
        findings: list[_Finding] = []
        phrases = self.r.phrases
        if not phrases:
            return findings
        guards = None if isinstance(subject, _Mention) else self._guards(clause)
        first = bisect_left(phrases, clause.start, key=lambda p: p[1])
        for rule, start, stop in phrases[first:]:
            if start >= clause.end:
                break
            stop = min(stop, clause.end)
            if guards is not None and _guarded(guards, start, stop):
                continue
            words = self.r.words(start, stop)
            findings.append(
                _Finding(rule, start, stop, f"'{words}' {_EXPLAIN[rule]} (rule: {rule})")
            )
        return findings

    def _guards(self, clause: _Clause) -> _Guards:
        """Where the clause says what a system catches or allows ("could have" is blame)."""
        toks = self.toks
        verbs: list[int] = []
        words: list[int] = []
        for i in range(clause.start, clause.end):
            low = toks[i].low
            if low in ("could", "should") and i + 1 < clause.end and toks[i + 1].low == "have":
                continue
            if low in W.GUARD_VERBS:
                verbs.append(i)
            if low in W.GUARD_WORDS:
                words.append(i)
        return _Guards(verbs, words)

    def _system_notes(self) -> list[str]:
        seen: dict[str, None] = {}
        for i in sorted(self.r.system_at):
            tok = self.toks[i]
            if tok.capitalised:
                seen[tok.text] = None
        return [f"'{name}' is a system, not a person (rule: system-name)" for name in seen]


def _dedupe(findings: list[_Finding]) -> list[_Finding]:
    """One finding per rule and span; a span inside a longer one of the same rule is dropped."""
    kept: list[_Finding] = []
    reach: dict[str, int] = {}  # per rule, the furthest end of a kept span
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if reach.get(f.rule, -1) >= f.end:
            continue
        kept.append(f)
        reach[f.rule] = max(reach.get(f.rule, -1), f.end)
    return kept


def judge_cause(text: str, config: "Config | None" = None) -> CauseVerdict:
    """Does this causal statement end at a person? Which words say so, under which rule."""
    if config is None:
        lexicon = _lexicon((), ())
    else:
        lexicon = _lexicon(config.system_names, config.people_names)
    reading = _Reading(text, lexicon)
    findings, notes = _Judge(reading).run()
    if not findings:
        return CauseVerdict(ends_at_person=False, reasons=notes)
    matches = [
        Match(f.rule, *reading.span(f.start, f.end), reading.words(f.start, f.end))
        for f in findings
    ]
    rules = {f.rule for f in findings}
    reframe = next((q for rule, q in _REFRAME_BY_RULE if rule in rules), _SEAT)
    reasons = list(dict.fromkeys(f.reason for f in findings))
    return CauseVerdict(ends_at_person=True, reasons=reasons, matches=matches, reframe=reframe)


# --- the action judge -------------------------------------------------------------------

_VAGUE_PHRASE = _phrase_regex(W.VAGUE_PHRASES)
_MEASURE = _CaseBlind(
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


_NOT_CONTENT = W.STOPWORDS | W.GENERIC_NOUNS | W.COMPARATIVES
_VAGUE_GERUNDS = W.WISH_VERBS | W.SOFT_VERBS


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
    if first in W.REFRAIN_WORDS or lows[:2] == ["do", "not"]:
        found.append(("vague-verb", words[0], "asks people to refrain instead of changing a thing"))
    gerund = first.endswith("ing") and first not in W.GENERIC_NOUNS
    if gerund and first[:-3] in _VAGUE_GERUNDS:
        first = first[:-3]
    if first in W.WISH_VERBS:
        found.append(("vague-verb", words[0], "names an intention or a study, not a change"))
    elif first in W.SOFT_VERBS and not (rescue and _rescued(body)):
        found.append(("vague-verb", words[0], "does not say what will change"))
    elif first in W.MEASURE_VERBS and not (measured or _TARGET.search(body)):
        found.append(("no-measure", words[0], "has no target anyone could check"))
    if not measured:
        comparative = _first_in(W.COMPARATIVES, words, lows)
        if comparative is not None:
            found.append(("no-measure", comparative, "says better without saying how to tell"))
        hedge = _first_in(W.HEDGE_ADJECTIVES, words, lows)
        if hedge is not None and not _CODEISH.search(body):
            found.append(("vague-phrase", hedge, "leaves it to the reader to say how much"))
    state_of_mind = _first_in(W.STATE_OF_MIND, words, lows)
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
