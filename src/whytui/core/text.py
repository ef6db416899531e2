"""Text helpers every room uses: counts, one-line forms, quotes, and inert control characters.

Session text comes from other people's pull requests, so whatever shows it makes its control
characters harmless first, in one of two ways named by what reads the result: `pictured` for
screens and documents (ESC becomes ␛, a glyph a person can see), `escaped` for terminals and
logs (ESC becomes the four characters `\\x1b`, which a person can paste back).
"""

_C0 = range(0x20)
_DEL = 0x7F
_C1 = range(0x80, 0xA0)
_UNPICTURABLE = "\ufffd"
"""C1 controls have no Unicode pictures: shown as the replacement character."""


def plural(count: int, noun: str) -> str:
    """'1 file', '2,000 files'."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def one_line(text: str, limit: int | None = None) -> str:
    """Whitespace runs (newlines included) as single spaces, none at either end; with
    `limit`, cut to at most that many characters, an ellipsis marking the cut."""
    flat = " ".join(text.split())
    if limit is None or len(flat) <= limit:
        return flat
    return flat[: limit - 1] + "…"


def quote(text: str, limit: int = 40) -> str:
    """`text` shortened to `limit` and in quotes, to name a why or an item in a sentence."""
    return f"'{one_line(text, limit)}'"


def _table(keep: str, shown: dict[int, str]) -> dict[int, str]:
    return {code: glyph for code, glyph in shown.items() if chr(code) not in keep}


_PICTURES = {
    **{code: chr(0x2400 + code) for code in _C0},
    _DEL: "\u2421",
    **dict.fromkeys(_C1, _UNPICTURABLE),
}
_ESCAPES = {code: f"\\x{code:02x}" for code in (*_C0, _DEL, *_C1)}
_PICTURED: dict[str, dict[int, str]] = {}
_ESCAPED: dict[str, dict[int, str]] = {}


def pictured(text: str, keep: str = "\n\t") -> str:
    """Control characters other than those in `keep` as visible pictures (ESC as ␛)."""
    table = _PICTURED.get(keep)
    if table is None:
        table = _PICTURED[keep] = _table(keep, _PICTURES)
    return text.translate(table)


def escaped(text: str, keep: str = "\n") -> str:
    """Control characters other than those in `keep` as `\\xNN`, for a terminal or a log."""
    table = _ESCAPED.get(keep)
    if table is None:
        table = _ESCAPED[keep] = _table(keep, _ESCAPES)
    return text.translate(table)


_PLACEHOLDERS = frozenset(
    {
        "n/a",
        "na",
        "n.a.",
        "-",
        "--",
        "---",
        "x",
        "xx",
        "xxx",
        ".",
        "..",
        "...",
        "?",
        "??",
        "tbd",
        "tba",
        "todo",
        "to-do",
        "done",
        "ok",
        "okay",
        "yes",
        "no",
        "none",
        "nothing",
        "nil",
        "null",
        "same",
        "see above",
        "later",
        "wip",
        "fixed",
        "fine",
        "etc",
        "test",
        "asdf",
        "lorem",
        "tk",
    }
)


def is_placeholder(text: str) -> bool:
    """Whether `text` only stands in for an answer ("n/a", "-", "tbd", "done"): a reason, an
    answer or evidence that says nothing anyone could read."""
    words = " ".join(text.lower().split()).strip(" .!:;,")
    return not words or words in _PLACEHOLDERS or len(words) < 3
