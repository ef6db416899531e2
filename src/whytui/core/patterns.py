"""What recurs across sessions: root causes by category and service over time, and clusters
of similar root-cause statements.

The seed's measure of a review process is that the same class of incident stops recurring.
Categories give the coarse view (month by month); clusters give the sharp one: the same
fragility written down again, in other words, in another session.

Similarity is lexical and offline: each statement is reduced to its content words (stop words
dropped, endings trimmed, so "expired", "expiry" and "expires" meet), and two statements are
scored with rapidfuzz on those words, halfway between the token-set score (one statement's
words contained in the other's) and the token-sort score (the two word lists alike as a
whole), so a short generic statement can't swallow every longer one that contains its words.
Pairs are only scored when they share a word that is not common across the corpus, which
keeps a corpus of thousands of causes from costing millions of comparisons.
"""

import datetime as dt
import functools
import re
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from rapidfuzz import fuzz, process

from whytui.core.corpus import Corpus, SessionEntry
from whytui.core.models import WhyNode

DEFAULT_THRESHOLD = 67
"""Similarity (0-100) at or above which two root-cause statements count as the same.

Calibrated on the paraphrases and near misses in tests/crossref_corpus.py: paraphrases of one
fragility score 69 and up, unrelated statements that share words (Redis, deploy, certificate)
at most 63."""

MIN_WORDS = 3
"""Statements with fewer content words than this only match word for word: too little to go on."""

NO_SERVICE = "(no service)"

_STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing done down during each
    either else ever every few for from further get gets got had has have having here how if
    in into is it its itself just like made make makes many may might more most much must my
    neither no nor not nothing now of off on once one only onto or other our ours out over own
    per same should so some such than that the their them then there these they this those
    through to too under until up upon us very via was we were what when where whether which
    while who whom why will with within without would yet
    """.split()  # noqa: SIM905 - a paragraph of words reads better than 160 quoted ones
)

_WORD = re.compile(r"[a-z0-9][a-z0-9_]*")


@functools.lru_cache(maxsize=1 << 16)  # a corpus has a few thousand distinct words
def _stem(word: str) -> str:
    """Trim common English endings so that inflections of one word meet.

    Deliberately crude (a few suffix rules, no dictionary): good enough to pair "expired" with
    "expiry" and "connections" with "connection", and the fuzzy scorer forgives the rest.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ss", "ss"),
        ("ations", ""),
        ("ation", ""),
        ("ions", ""),
        ("ion", ""),
        ("ings", ""),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # running -> runn -> run
    if len(word) > 3 and word[-1] in "ey":
        word = word[:-1]  # expire/expiry/expired -> expir
    return word


def content_words(text: str) -> tuple[str, ...]:
    """The statement's stemmed content words, sorted and without repeats."""
    words = _WORD.findall(text.lower())
    return tuple(sorted({_stem(w) for w in words if w not in _STOP_WORDS}))


def _score(a: str, b: str) -> float:
    return (fuzz.token_set_ratio(a, b) + fuzz.ratio(a, b)) / 2


def similarity(first: str, second: str) -> float:
    """How alike two root-cause statements are, 0 to 100 (what `--threshold` is compared with)."""
    a, b = content_words(first), content_words(second)
    if a == b:
        return 100.0 if a else 0.0
    if min(len(a), len(b)) < MIN_WORDS:
        return 0.0
    return _score(" ".join(a), " ".join(b))


# -- the root causes of a corpus -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CauseRef:
    """A root cause and the session it was found in."""

    entry: SessionEntry
    node: WhyNode

    @property
    def stem(self) -> str:
        return self.entry.stem

    @property
    def date(self) -> dt.date:
        return self.entry.session.date

    @property
    def category(self) -> str:
        return self.node.category or ""


def root_causes(corpus: Corpus) -> list[CauseRef]:
    """Every root cause in the corpus, in session order then tree order."""
    return [CauseRef(e, n) for e in corpus.entries for n in e.session.nodes if n.category]


@dataclass(slots=True)
class _Index:
    """Root causes reduced to their content words, once per corpus (the app asks often)."""

    causes: list[CauseRef]
    keys: list[str] = field(default_factory=list)
    """Distinct content-word strings."""
    members: list[list[CauseRef]] = field(default_factory=list)
    """`members[i]`: the causes whose content words are `keys[i]`."""

    def __post_init__(self) -> None:
        position: dict[str, int] = {}
        for cause in self.causes:
            key = " ".join(content_words(cause.node.text))
            if not key:
                continue
            if key not in position:
                position[key] = len(self.keys)
                self.keys.append(key)
                self.members.append([])
            self.members[position[key]].append(cause)


_INDEXES: "weakref.WeakKeyDictionary[Corpus, _Index]" = weakref.WeakKeyDictionary()


def _index(corpus: Corpus) -> _Index:
    found = _INDEXES.get(corpus)
    if found is None:
        found = _INDEXES[corpus] = _Index(root_causes(corpus))
    return found


def _alike(query: str, keys: list[str], threshold: float) -> list[tuple[int, float]]:
    """Positions in `keys` that score at least `threshold` against `query`, with the score.

    The score is the mean of two scores of at most 100, so a pair can only reach the threshold
    if its token-sort score reaches `2 * threshold - 100`: that cheap, vectorised test goes
    first, and the token-set score is computed only for what passes it.
    """
    floor = max(0.0, 2 * threshold - 100)
    found: list[tuple[int, float]] = []
    for _, sort_score, position in process.extract(
        query, keys, scorer=fuzz.ratio, score_cutoff=floor, limit=None
    ):
        score = (fuzz.token_set_ratio(query, keys[position]) + sort_score) / 2
        if score >= threshold:
            found.append((position, score))
    return found


# -- clusters --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cluster:
    """Root-cause statements alike enough to be one fragility, oldest first."""

    causes: tuple[CauseRef, ...]

    @property
    def sessions(self) -> tuple[str, ...]:
        """The sessions it spans (file stems), oldest first."""
        return tuple(dict.fromkeys(c.stem for c in self.causes))

    @property
    def categories(self) -> tuple[str, ...]:
        """Its categories, the most frequent first."""
        counts = Counter(c.category for c in self.causes)
        return tuple(sorted(counts, key=lambda c: (-counts[c], c)))

    @property
    def first(self) -> dt.date:
        return self.causes[0].date

    @property
    def last(self) -> dt.date:
        return self.causes[-1].date


class _Sets:
    """Union-find over positions 0..n-1."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


COMMON_SHARE = 0.05
"""A word found in more than this share of distinct statements (and in more than
`COMMON_MIN` of them) is too common to suggest, on its own, that two statements are alike."""
COMMON_MIN = 30


def _candidate_pairs(words: list[tuple[str, ...]]) -> Iterable[tuple[int, list[int]]]:
    """For each statement, the earlier statements sharing an uncommon word with it."""
    frequency = Counter(w for ws in words for w in ws)
    limit = max(COMMON_MIN, int(COMMON_SHARE * len(words)))
    postings: dict[str, list[int]] = {}
    for position, ws in enumerate(words):
        rare = [w for w in ws if frequency[w] <= limit]
        if len(ws) >= MIN_WORDS:
            seen: set[int] = set()
            for word in rare:
                seen.update(postings.get(word, ()))
            if seen:
                yield position, sorted(seen)
            for word in rare:
                postings.setdefault(word, []).append(position)


def clusters(corpus: Corpus, threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
    """Recurring root causes: groups of alike statements that span two sessions or more.

    Alike is transitive here (single linkage, by union-find); the score's token-sort half is
    what stops a chain of loosely related statements from joining unrelated clusters.
    Largest first (most sessions), then most recent.
    """
    index = _index(corpus)
    keys = index.keys
    words = [tuple(k.split()) for k in keys]
    sets = _Sets(len(keys))
    for position, earlier in _candidate_pairs(words):
        for offset, _score in _alike(keys[position], [keys[e] for e in earlier], threshold):
            sets.union(position, earlier[offset])
    groups: dict[int, list[CauseRef]] = {}
    for position, members in enumerate(index.members):
        groups.setdefault(sets.find(position), []).extend(members)
    found = []
    for members in groups.values():
        members.sort(key=lambda c: (c.date, c.stem, c.node.id))
        cluster = Cluster(tuple(members))
        if len(cluster.sessions) >= 2:
            found.append(cluster)
    found.sort(key=lambda c: (-len(c.sessions), -c.last.toordinal(), c.causes[0].node.text))
    return found


# -- for the app: while a root cause is written, and on the closing screen -----------------


def similar_root_causes(
    text: str,
    corpus: Corpus,
    exclude_path: PurePath | None = None,
    limit: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    until: dt.date | None = None,
) -> list[tuple[float, str, str]]:
    """Root causes of other sessions alike `text`: (score, session stem, cause text), best
    first, one a session. `exclude_path` is the session being written (its own causes),
    resolved as the corpus's paths are; `until`, its date: only sessions dated then or
    earlier count."""
    words = content_words(text)
    if len(words) < MIN_WORDS:
        return []
    index = _index(corpus)
    best: dict[str, tuple[float, str, str]] = {}
    for position, score in _alike(" ".join(words), index.keys, threshold):
        for cause in index.members[position]:
            if until is not None and cause.date > until:
                continue
            if exclude_path is not None and cause.entry.path == exclude_path:
                continue
            if cause.stem not in best or best[cause.stem][0] < score:
                best[cause.stem] = (score, cause.stem, cause.node.text)
    return sorted(best.values(), key=lambda hit: (-hit[0], hit[1]))[:limit]


def services_with_categories(
    categories: Iterable[str],
    corpus: Corpus,
    exclude_path: PurePath | None = None,
    until: dt.date | None = None,
) -> dict[str, list[str]]:
    """Services whose sessions had root causes in any of `categories`: where else the same
    kind of fragility was found before. Each with its sessions (stems, oldest first); the
    services with the most sessions first. `exclude_path` and `until` as for
    `similar_root_causes`."""
    wanted = set(categories)
    found: dict[str, list[str]] = {}
    for entry in corpus.entries:
        if until is not None and entry.session.date > until:
            break  # entries are in date order
        if exclude_path is not None and entry.path == exclude_path:
            continue
        if not any(n.category in wanted for n in entry.session.nodes if n.category):
            continue
        for service in entry.session.services:
            found.setdefault(service, []).append(entry.stem)
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])))


# -- over time -------------------------------------------------------------------------------


def month_of(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def month_range(first: dt.date, last: dt.date) -> list[str]:
    """Every month from `first` to `last`, gaps included (a quiet month is a zero, not absent)."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True, slots=True)
class Tally:
    """Root causes counted by month, by category and by service."""

    months: tuple[str, ...]
    sessions: int
    causes: int
    by_category: dict[str, Counter[str]]
    """category -> month -> root causes."""
    by_service: dict[str, Counter[str]]
    """service -> month -> root causes (a cause counts for every service of its session)."""
    service_categories: dict[str, Counter[str]]
    """service -> category -> root causes."""


def tally(corpus: Corpus) -> Tally:
    by_category: dict[str, Counter[str]] = {}
    by_service: dict[str, Counter[str]] = {}
    service_categories: dict[str, Counter[str]] = {}
    causes = root_causes(corpus)
    for cause in causes:
        month = month_of(cause.date)
        by_category.setdefault(cause.category, Counter())[month] += 1
        for service in cause.entry.session.services or (NO_SERVICE,):
            by_service.setdefault(service, Counter())[month] += 1
            service_categories.setdefault(service, Counter())[cause.category] += 1
    dates = [e.session.date for e in corpus.entries]
    months = tuple(month_range(min(dates), max(dates))) if dates else ()
    return Tally(
        months=months,
        sessions=len(corpus.entries),
        causes=len(causes),
        by_category=dict(sorted(by_category.items(), key=lambda kv: (-kv[1].total(), kv[0]))),
        by_service=dict(sorted(by_service.items(), key=lambda kv: (-kv[1].total(), kv[0]))),
        service_categories=service_categories,
    )
