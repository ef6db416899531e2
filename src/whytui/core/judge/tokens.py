"""How a statement is read: into tokens and sentences, and the case-blind patterns that
phrase lists are searched with.

The lowest layer of reading, on nothing but the standard library: the cause judge works on
`Tok`s from here on, and both judges search their phrase lists with `CaseBlind`.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

_TOKEN = re.compile(r"\d+(?::\d+)+|\w(?:[\w'.\-]*\w)?|[^\w\s]")  # 02:14 is one token
_SENTENCE_END = frozenset(".!?")


class Tok(NamedTuple):
    """A word or punctuation mark; a tuple because statements are tokenised constantly."""

    text: str
    low: str  # lower case, accents folded, curly apostrophes straightened
    base: str  # `low` without a possessive ending: "greg's" -> "greg"
    start: int
    end: int
    is_word: bool
    capitalised: bool


_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th",
     "\u0131": "i", "ħ": "h", "ŀ": "l"}
)  # fmt: skip
"""Latin letters that no Unicode decomposition takes to their base: "Bjørn" is typed
"Bjorn" too."""


def fold(word: str) -> str:
    """Lower case, accents off: "Małgorzata" and "Malgorzata", "Sigrún" and "Sigrun" meet."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[Tok]:
    toks: list[Tok] = []
    append, make = toks.append, tuple.__new__  # Tok(...) costs a call more, on every token
    text = text.replace("\u2019", "'")
    lowered = text.lower() if text.isascii() else None  # ASCII keeps its length lower-cased
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        word = text[start:end]
        low = lowered[start:end] if lowered is not None else fold(word)
        first = word[0]
        append(
            make(
                Tok,
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


def sentences(toks: list[Tok]) -> list[tuple[int, int]]:
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


class CaseBlind:
    """A pattern that ignores case, faster on ASCII text than `re.IGNORECASE`.

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


def phrase_regex(phrases: Iterable[str]) -> CaseBlind:
    return CaseBlind(r"\b(?:" + "|".join(phrases) + r")\b")
