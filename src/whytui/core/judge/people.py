"""Who is who: one statement read into tokens with its people, roles and systems marked.

A `Reading` is what the cause judge works on. It builds on `tokens` and on the word lists,
with a repository's configured names (`Lexicon`), and also finds the statement's human-error
language and whether it is blameless, so that most structural statements are done with here.
Whether a person marked here is the actor of a failure is the business of `findings`.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from whytui.core.judge.cause_words import (
    ABILITY_WORDS,
    ACT_NOUNS,
    ADVERBS,
    ATTENTION_PHRASES,
    BASE_VERBS,
    BE_WORDS,
    CONNECTIVE_WORDS,
    COORDINATORS,
    COUNTERFACTUAL_MODALS,
    DO_NEGATIONS,
    DO_WORDS,
    GUARD_WORDS,
    HAVE_WORDS,
    HUMAN_CUE_PHRASES,
    HUMAN_ERROR_PHRASES,
    KNOWLEDGE_PHRASES,
    LEAD_IN_PREPOSITIONS,
    OBJECT_MARKERS,
    OBJECT_STARTS,
    SLIP_PHRASES,
    STATE_VERBS,
    SYSTEM_EVENT_VERBS,
)
from whytui.core.judge.people_words import (
    AMBIGUOUS_NAMES,
    DETERMINERS,
    FIRST_NAMES,
    HANDLE_STEMS,
    MODIFIERS,
    POSSESSIVE_PRONOUNS,
    ROLES,
    SOFTWARE_ROLES,
    STRONG_PRONOUNS,
    SYSTEM_NAMES,
    SYSTEM_NOUNS,
    WEAK_PRONOUNS,
    given_names,
)
from whytui.core.judge.tokens import CaseBlind, Tok, fold, phrase_regex, tokens
from whytui.core.judge.verbs import FAILURE_WORDS, is_past
from whytui.core.judge.verdicts import ATTENTION, HUMAN_ERROR, KNOWLEDGE

_NAME_TITLES = frozenset({"mr", "mrs", "ms", "dr", "mx"})
_JOINERS = frozenset({"and", "or", ",", "&"})
_NOT_FAMILY_NAMES = ADVERBS | LEAD_IN_PREPOSITIONS | CONNECTIVE_WORDS

NAME, AMBIGUOUS_NAME, ROLE, PRONOUN, WEAK_PRONOUN, NEGATIVE, CANDIDATE = (
    "name",
    "ambiguous-name",
    "role",
    "pronoun",
    "weak-pronoun",
    "negative",
    "candidate",
)
"""Kinds of people. A candidate is a capitalised word no list knows, opening a clause: a
person only if what it does is something only people do."""
_NEGATIVE_ROLES = frozenset({"nobody", "no-one"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A person in the statement: tokens [np_start, end) with its words in [start, end)."""

    kind: str
    np_start: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    systems: frozenset[str]
    config_systems: tuple[tuple[str, ...], ...]
    config_people: tuple[tuple[str, ...], ...]
    names: frozenset[str]
    """Given names: a person when written with a capital, or in a statement typed in capitals."""
    ambiguous: frozenset[str]
    """Given names that are also everyday words ("Will", "Page"): a person only as the doer."""
    known: frozenset[str]
    """Every word that can start a person or a system: the marking skips all others at once."""


# Roles and their plurals: engineers, devs, DBAs.
_ROLE_WORDS = ROLES | {role + "s" for role in ROLES}


@lru_cache(maxsize=64)
def lexicon_for(system_names: tuple[str, ...], people_names: tuple[str, ...]) -> Lexicon:
    config_systems = tuple(tuple(fold(w) for w in n.split()) for n in system_names if n.split())
    config_people = tuple(tuple(fold(w) for w in n.split()) for n in people_names if n.split())
    people_words = {p[0] for p in config_people if len(p) == 1}
    systems = (SYSTEM_NAMES - people_words) | {s[0] for s in config_systems if len(s) == 1}
    world, also_words = given_names()
    names = ((world | FIRST_NAMES) - AMBIGUOUS_NAMES - systems) | people_words
    ambiguous = (also_words | AMBIGUOUS_NAMES) - systems - people_words
    known = (
        systems
        | names
        | ambiguous
        | _NAME_TITLES
        | {"no", "no-one", "one"}
        | SOFTWARE_ROLES
        | _ROLE_WORDS
        | STRONG_PRONOUNS
        | WEAK_PRONOUNS
    )
    return Lexicon(
        frozenset(systems),
        config_systems,
        config_people,
        frozenset(names),
        frozenset(ambiguous),
        frozenset(known),
    )


def _phrase_spans(toks: list[Tok], phrases: Iterable[tuple[str, ...]]) -> dict[int, int]:
    """Start index -> end index of every occurrence of the given word sequences."""
    spans: dict[int, int] = {}
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if all(toks[i + k].base == phrase[k] for k in range(n)):
                spans[i] = max(spans.get(i, i), i + n)
    return spans


def _handle(low: str) -> bool:
    """A stand-in for a named person: "team-member-1", "engineer-a", "sre-2"."""
    stem, _, tail = low.rpartition("-")
    tells_apart = tail.isdigit() or (len(tail) == 1 and tail.isalpha())
    return (stem in HANDLE_STEMS or stem in _ROLE_WORDS) and tells_apart


_HANDLE_SHAPE = re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]+[0-9]+")


def handle_shaped(text: str) -> bool:
    """A user name as chat and code hosts write them: "jsmith42", "ops_bot_admin", "k.tanaka".
    Systems are named so too ("node42"), so it is a person only by what it does."""
    return _HANDLE_SHAPE.fullmatch(text) is not None


def _foreign_name(text: str) -> bool:
    """A word in a script other than Latin (김민준, 李伟, Дмитрий): in a statement written in
    English, that is a person's name, or a system the repository names in its config."""
    return text.isalpha() and not any("LATIN" in unicodedata.name(c, "") for c in text[:1])


def _in_apposition_to_system(toks: list[Tok], i: int) -> bool:
    """ "Oscar, the release tool, skipped…", "Athena (our query service) timed out": the
    name is a system's, said so by the words right after it."""
    if i + 1 >= len(toks) or toks[i + 1].text not in (",", "("):
        return False
    for tok in toks[i + 2 : i + 7]:
        if tok.text in (",", ")", "."):
            return False
        if tok.low in SYSTEM_NOUNS:
            return True
    return False


def _role_word(low: str) -> bool:
    return low in _ROLE_WORDS


_NOT_MODIFIERS = (
    OBJECT_MARKERS
    | STATE_VERBS
    | BASE_VERBS
    | GUARD_WORDS
    | BE_WORDS
    | HAVE_WORDS
    | DO_WORDS
    | DO_NEGATIONS
    | COUNTERFACTUAL_MODALS
    | ABILITY_WORDS
    | CONNECTIVE_WORDS
    | frozenset(COORDINATORS)
)


def _may_modify(low: str) -> bool:
    """Could this unknown word stand before a role, as in "the storage engineer"?"""
    return low[0].isalnum() and low not in _NOT_MODIFIERS


_HUMAN_CUES = phrase_regex(HUMAN_CUE_PHRASES)
_SLIPS = phrase_regex(HUMAN_CUE_PHRASES + SLIP_PHRASES)


def human_cue(text: str, slips: bool = False) -> bool:
    """Does the text say something only a person does ("without telling anyone", "went to
    lunch", "without reading the diff")? With `slips`, what a slip sounds like counts too
    ("instead of", "the wrong", "again"): for a statement that names no doer at all."""
    return (_SLIPS if slips else _HUMAN_CUES).search(text) is not None


def human_cue_spans(text: str) -> list[tuple[int, int]]:
    """Where in `text` it says what only a person does (character spans)."""
    return [m.span() for m in _HUMAN_CUES.finditer(text)]


# "his change", "their decision": possessives that make their owner the doer of an act.
ACTOR_POSSESSIVES = POSSESSIVE_PRONOUNS - {"our"}

_PHRASE_GROUPS = {"error": HUMAN_ERROR, "attention": ATTENTION, "knowledge": KNOWLEDGE}
_PHRASES = CaseBlind(
    "|".join(
        rf"\b(?P<{group}>" + "|".join(phrases) + r")\b"
        for group, phrases in (
            ("error", HUMAN_ERROR_PHRASES),
            ("attention", ATTENTION_PHRASES),
            ("knowledge", KNOWLEDGE_PHRASES),
        )
    )
)


def opens_with_an_act(first: str, second: str) -> bool:
    """ "Pushed the config…", "Merged without…": a past act done to something, said without
    its doer (the cause judge reads who left out)."""
    return (
        is_past(first)
        and first not in SYSTEM_EVENT_VERBS
        and (second in DETERMINERS or second in POSSESSIVE_PRONOUNS or second in OBJECT_STARTS)
    )


class Reading:
    """One statement, tokenised, with its people and systems marked."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.shouted = any(c.isalpha() for c in text) and not any(c.islower() for c in text)
        """Typed in capitals: no capital tells a name, so the name list alone does."""
        self.toks = tokens(text.lower() if self.shouted else text)
        self.system_at: set[int] = set()
        self.mentions: dict[int, Mention] = {}  # keyed by head (last) token index
        self._known = lexicon.known
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

    def _mark(self, lex: Lexicon) -> None:
        toks = self.toks
        shouted = self.shouted
        configured_systems = _phrase_spans(toks, lex.config_systems)
        configured_people = _phrase_spans(toks, lex.config_people)
        for start, end in configured_systems.items():
            self.system_at.update(range(start, end))
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok.text == "@" and i + 1 < len(toks) and toks[i + 1].start == tok.end:
                start, end = i, i + 2  # a handle: "@jdoe merged it"
                if i and toks[i - 1].text == "<" and end < len(toks) and toks[end].text == ">":
                    start, end = i - 1, end + 1  # a chat mention: "<@U024BE7LH> dropped it"
                i = self._add(NAME, start, end)
                continue
            if (
                tok.low == "u"
                and i + 2 < len(toks)
                and toks[i + 1].text == "/"
                and toks[i + 2].start == toks[i + 1].end == tok.end + 1
            ):
                i = self._add(NAME, i, i + 3)  # a forum handle: "u/kube_wrangler"
                continue
            if (
                not tok.is_word
                or i in self.system_at
                or (
                    tok.base not in lex.known
                    and tok.low not in lex.known
                    and i not in configured_people
                    and not ("-" in tok.low and _handle(tok.low))
                    and (tok.text.isascii() or not _foreign_name(tok.text))
                )
            ):
                if i > 1 and toks[i - 1].low in _JOINERS and self._named_with_a_person(i):
                    i = self._add(NAME, i, self._surname_end(i + 1))
                else:
                    i += 1
                continue
            if i in configured_people:
                i = self._add(NAME, i, configured_people[i])
            elif tok.base in lex.systems or _in_apposition_to_system(toks, i):
                self.system_at.add(i)
                i += 1
            elif (
                (tok.capitalised or shouted)
                and tok.base in lex.names
                and not self._verb_not_name(i)
            ):
                i = self._add(NAME, i, self._surname_end(i + 1))
            elif tok.capitalised and tok.base in lex.ambiguous:
                i = self._add(AMBIGUOUS_NAME, i, self._surname_end(i + 1))
            elif _handle(tok.low) or (not tok.text.isascii() and _foreign_name(tok.text)):
                i = self._add(NAME, i, i + 1)
            elif tok.base in FIRST_NAMES and tok.text.islower():
                # Typed in a hurry: "greg restarted it" counts, with the care given to "Will".
                kind = AMBIGUOUS_NAME
                i = self._add(kind, i, self._surname_end(i + 1))
            elif tok.base in _NAME_TITLES and i + 1 < len(toks) and toks[i + 1].capitalised:
                step = 2 if i + 2 < len(toks) and toks[i + 1].text == "." else 1
                i = self._add(NAME, i, self._surname_end(i + step))
            elif tok.low in ("no", "no-one") and (
                tok.low == "no-one" or (i + 1 < len(toks) and toks[i + 1].low == "one")
            ):
                i = self._add(NEGATIVE, i, i + (1 if tok.low == "no-one" else 2))
            elif tok.base in SOFTWARE_ROLES and i - 1 in self.system_at:
                self.system_at.add(i)
                i += 1
            elif _role_word(tok.base):
                end = i + 1
                while end < len(toks) and _role_word(toks[end].base):
                    end += 1
                tail = toks[end].text if end < len(toks) else ""
                if tail.isdigit() or (len(tail) == 1 and tail.isupper()):
                    end += 1  # "engineer A", "SRE 2"
                kind = NEGATIVE if toks[end - 1].base in _NEGATIVE_ROLES else ROLE
                i = self._add(kind, i, end)
            elif tok.low == "one" and [t.low for t in toks[i + 1 : i + 3]] in (
                ["of", "us"],
                ["of", "them"],
            ):
                kind = PRONOUN if toks[i + 2].low == "us" else WEAK_PRONOUN
                i = self._add(kind, i, i + 3)
            elif tok.low in STRONG_PRONOUNS and (tok.low != "i" or tok.text == "I"):
                i = self._add(PRONOUN, i, i + 1)
            elif tok.low in WEAK_PRONOUNS:
                i = self._add(WEAK_PRONOUN, i, i + 1)
            else:
                i += 1

    def _surname_end(self, j: int) -> int:
        """Capitalised words after a given name are read as the rest of the name: "Greg
        Barr", "Nguyễn Thị Hoa", "Juan Carlos Ortega" (two at most)."""
        toks = self.toks
        for _ in range(2):
            if not (
                j < len(toks)
                and toks[j].is_word
                and toks[j].capitalised
                and toks[j].base not in SYSTEM_NAMES
                and not _role_word(toks[j].base)
            ):
                break
            j += 1
        return j

    def _verb_not_name(self, i: int) -> bool:
        """A given name that is also a past verb, acting on something: "Ran the wipe on the
        wrong host" (Ran is a name too), "Said the cache was warm"."""
        toks = self.toks
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        return is_past(toks[i].low) and (
            nxt in DETERMINERS or nxt in POSSESSIVE_PRONOUNS or nxt in OBJECT_STARTS
        )

    def _named_with_a_person(self, i: int) -> bool:
        """A capitalised word no list knows, joined (the caller saw "and", "or" or a comma) to
        a named person, names a person too: "Ana and Bartosz skipped", "Priya, Tadeusz and
        Ngozi"."""
        before = self.mentions.get(i - 2)
        tok = self.toks[i]
        return (
            before is not None
            and before.kind in (NAME, AMBIGUOUS_NAME)
            and tok.capitalised
            and tok.text.isalpha()
            and not self.shouted
        )

    def _family_name_start(self, start: int) -> int:
        """Capitalised words no list knows right before a given name are the family name
        written first: "Nguyễn Thị Hoa", "Satō Haruto", "Kovács Anna" (two at most)."""
        toks = self.toks
        j = start
        while (
            j > 0
            and start - j < 2
            and toks[j - 1].capitalised
            and toks[j - 1].text.isalpha()
            and toks[j - 1].end < toks[j].start
            and toks[j - 1].base not in self._known
            and toks[j - 1].low not in _NOT_FAMILY_NAMES
        ):
            j -= 1
        return j

    def _add(self, kind: str, start: int, end: int) -> int:
        if kind == NAME:
            start = self._family_name_start(start)
        np_start = shown = start
        if kind in (ROLE, NEGATIVE):  # highlight "storage admin", not just "admin"
            np_start = shown = self._np_start(start)
            while shown < start and (
                self.toks[shown].low in DETERMINERS
                or self.toks[shown].low in POSSESSIVE_PRONOUNS
                or self.toks[shown].low.endswith("'s")
            ):
                shown += 1
        self.mentions[end - 1] = Mention(kind, np_start, shown, end)
        return end

    def _np_start(self, start: int) -> int:
        """Where the noun phrase around a person begins: "the new storage admin"."""
        toks = self.toks
        j = start - 1
        while j >= 0 and (toks[j].low in DETERMINERS or toks[j].low in MODIFIERS):
            j -= 1
        # One or two unknown modifiers are allowed after a determiner: "the storage engineer".
        for width in (1, 2):
            k = j - width
            if (
                k >= 0
                and all(_may_modify(toks[m].low) for m in range(k + 1, j + 1))
                and (toks[k].low in DETERMINERS or toks[k].low in POSSESSIVE_PRONOUNS)
            ):
                return k
        if j >= 0 and (toks[j].low in POSSESSIVE_PRONOUNS or toks[j].low.endswith("'s")):
            return j
        return j + 1

    def blameless(self) -> bool:
        """Is there nothing here any rule could fire on: no person, no human-error language,
        and none of the words without which no verb group is a failure? Most structural
        statements are blameless, and need no reading clause by clause."""
        if self.mentions or self.phrases or human_cue(self.text, slips=True):
            return False
        toks = self.toks
        if len(toks) > 1 and opens_with_an_act(toks[0].low, toks[1].low):
            return False
        for n, tok in enumerate(toks):
            low = tok.low
            if low in FAILURE_WORDS or low.endswith(("n't", "'ve")):
                return False
            after = toks[n + 1].low if n + 1 < len(toks) else ""
            if (low == "failure" and after == "to") or (
                low in ACTOR_POSSESSIVES and after in ACT_NOUNS
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
