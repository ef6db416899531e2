"""A sentence split into clauses at punctuation and connectives, each with how it is joined to
the one before: as its cause, its result, a subordinate clause, or a plain continuation.

The links are what let the cause judge find the deeper cause ("X because Y"). Builds on
`tokens` and the connectives of `cause_words`; the people that `people` marked are passed
in, only to keep a "who" right after a person inside its clause.
"""

from dataclasses import dataclass

from whytui.core.judge.cause_words import (
    BE_WORDS,
    CAUSE_CONNECTIVES,
    COORDINATORS,
    EMBEDDED_CONNECTIVES,
    HAVE_WORDS,
    IRREGULAR_PAST,
    RESULT_CONNECTIVES,
)
from whytui.core.judge.tokens import Tok

_CLAUSE_PUNCT = frozenset(',;:()[]"-\u2013\u2014')

START, COORD, CAUSE, RESULT, EMBEDDED, PLAIN = (
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
        (CAUSE, CAUSE_CONNECTIVES),
        (RESULT, RESULT_CONNECTIVES),
        (EMBEDDED, EMBEDDED_CONNECTIVES),
        (COORD, COORDINATORS),
    ):
        for phrase in phrases:
            table[tuple(phrase.split())] = kind
    return table


_CONNECTIVES = _connective_table()
_LONGEST_CONNECTIVE = max(len(k) for k in _CONNECTIVES)
_CONNECTIVE_STARTS = frozenset(k[0] for k in _CONNECTIVES)
RELATIVES = frozenset({"who", "that"})


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    link: str
    connective: str


def split_clauses(toks: list[Tok], start: int, end: int, people: set[int]) -> list[Clause]:
    """Split a sentence at punctuation and connectives; "who" or "that" right after a person
    stays inside the clause, so "the engineer who deployed it forgot" keeps its subject."""
    clauses: list[Clause] = []
    link, connective, clause_start = START, "", start
    i = start

    def close(at: int) -> None:
        if at > clause_start:
            clauses.append(Clause(clause_start, at, link, connective))

    while i < end:
        tok = toks[i]
        joins_people = i - 1 in people and (i + 1 in people or i + 2 in people)
        if tok.text in _CLAUSE_PUNCT and not (tok.text == "," and joins_people):
            close(i)
            link = COORD if tok.text == ";" else PLAIN
            connective, clause_start, i = tok.text, i + 1, i + 1
            continue
        found = _connective_at(toks, i, end) if tok.low in _CONNECTIVE_STARTS else None
        if found is not None and tok.low in RELATIVES and i - 1 in people:
            found = None
        if found is not None and tok.low in ("and", "or") and joins_people:
            found = None  # "Ngozi and Greg skipped": one subject
        if found is None and tok.low == "so" and (i == clause_start or toks[i - 1].low == "and"):
            found = (RESULT, 1)
        if found is None:
            i += 1
            continue
        kind, width = found
        if tok.low == "since" and _clause_follows(toks, i + 1, end):
            kind = CAUSE  # "since the deploy was a manual copy": a reason, not a time
        at = i - 1 if kind == RESULT and tok.low == "so" and i > clause_start else i
        close(at)
        link, connective = kind, " ".join(t.text for t in toks[i : i + width])
        clause_start = i = i + width
    close(end)
    return clauses


def _clause_follows(toks: list[Tok], i: int, end: int) -> bool:
    """A verb within the next few words: what follows is a clause, not a time ("since
    Tuesday", "since the last release")."""
    for tok in toks[i : min(end, i + 8)]:
        if (
            tok.low in BE_WORDS
            or tok.low in HAVE_WORDS
            or (tok.low.endswith("ed") and len(tok.low) > 3)
        ):
            return True
        if tok.low in IRREGULAR_PAST:
            return True
    return False


def _connective_at(toks: list[Tok], i: int, end: int) -> tuple[str, int] | None:
    """The connective at token i, which the caller found among `_CONNECTIVE_STARTS`."""
    for width in range(min(_LONGEST_CONNECTIVE, end - i), 0, -1):
        kind = _CONNECTIVES.get(tuple(t.low for t in toks[i : i + width]))
        if kind is not None:
            return kind, width
    return None
