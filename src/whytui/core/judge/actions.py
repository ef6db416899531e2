"""The action judge: `judge_action` decides whether an action item (or its `done_when`) names
an end state that anyone could check without judgment.

The default is vague: an item is specific only when its structure shows a checkable end
state, whatever its verb. A condition, threshold or value (`when lag > 30s`, `set to 30s in
pgbouncer.ini`, `fails the build`, `pages #db-oncall`) is one, and wins over a vague leading
verb ("investigate and ensure that ..."). Without one, a concrete change verb needs a concrete
object and where it lives ("remove the unattended-upgrades package from the node image"), and
a statement needs a number, a date or an observable result. Abstract objects (risk,
observability, checks), vague places, comparatives and hedges keep an item vague unless a
condition says how to tell; effort, approximations and states of mind keep it vague always.

It shares nothing with the cause judge but the verdict types of `verdicts`; its vocabulary
and the shapes it looks for are `action_words`. A vague item's rewrite hint reuses the item's
own object in a template chosen by the kind of change the item is about.
"""

import re
from itertools import islice
from typing import NamedTuple

from whytui.core.judge import action_words as w
from whytui.core.judge.verdicts import ActionVerdict

Finding = tuple[str, str, str]  # rule id, the words, why they make the item vague


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    word: bool


_Read = tuple[str, str, list[_Tok]]  # the text as read: plain, lower case, tokens


class _Assessment(NamedTuple):
    specific: bool
    checkable: bool  # a condition, threshold or value was found
    findings: list[Finding]


_NUM = rf"(?:[$~]?\d|(?:{w.NUMBER_WORDS})\b)"
_QUOTED = re.compile(r"""(?:(?<=^)|(?<=[\s(]))(?:'[^'\s][^']*'|"[^"]+")(?=[\s.,;:!?)]|$)""")
_TOKEN = re.compile(r"""[\w$#@/`~-](?:[\w'.\-/:$%#@`=~]*[\w%`])?(?:\(\))?|'q+'|"q+"|[^\w\s]""")
_LEAD_INS = re.compile(
    r"^(?:(?:we|you|they|the\s+team|someone)\s+(?:will|should|must|need\s+to|to)\s+|please\s+"
    r"|(?:action|todo)\s*:\s*)",
    re.IGNORECASE,
)
_LEAD_PHRASE = re.compile(rf"^(?:{w.LEAD_PHRASES})\b")
_HINT_LEAD = re.compile(
    rf"^(?:(?:{w.LEAD_PHRASES}|{w.EFFORT_PHRASES})\s*(?:(?:when|with|about|around|in|to|of|on)"
    r"\s+)?|(?:make\s+sure|ensure)(?:\s+that)?\s+)"
)
_JOIN = re.compile(r"\b(?:and|then|by|so\s+that|so|such\s+that)\s+")
# Phrases, each group run only when one of its words is in the item: (pattern, words, rule,
# why, hard). A hard finding is vague whatever else the item says; a soft one, unless a
# condition, threshold or value says how to tell.
_PHRASES = tuple(
    (re.compile(rf"(?:{alternation})(?![\w/-])"), words, *w.WHY[why], hard)
    for alternation, words, why, hard in (
        (w.EFFORT_PHRASES, w.EFFORT_STARTS, "effort", True),
        (w.APPROXIMATIONS, w.APPROXIMATION_WORDS, "approximation", True),
        (w.VAGUE_STATES, w.VAGUE_STATE_WORDS, "state", False),
        (w.VAGUE_PLACES, w.VAGUE_PLACE_WORDS, "place", False),
    )
)
_WORD_RULES = {  # single words, looked up token by token: (rule, why, hard)
    word: (*w.WHY[why], hard)
    for words, why, hard in (
        (w.JUDGEMENT_ADJECTIVES, "judgement", False),
        (w.HEDGE_ADJECTIVES, "hedge", False),
        (w.COMPARATIVES, "comparative", False),
        (w.STATE_OF_MIND, "state-of-mind", True),
    )
    for word in words
}
_CHECKABLE = tuple(  # (what the shape needs, the shape)
    (tuple(needs.split()), re.compile(shape.format(num=_NUM, value=w.CONFIG_VALUE)))
    for needs, shape in w.CHECKABLE_SHAPES
)
_DIGIT = re.compile(r"\d")
_CONDITION = re.compile(r"\b(?:when|whenever|if|unless|once)\s+")
_CLAUSE_END = re.compile(r"[.,;:]|\s(?:and|or|but)\s")
_CLAUSE_WORD = re.compile(r"[\w'.\-/%$#@]+")
_OBSERVABLE = re.compile(rf"\b(?:{w.OBSERVABLE})\b")
_UNIT = re.compile(w.UNITS)
_DATE = re.compile(w.DATES)
_COUNT = re.compile(rf"\d|\b(?:{w.NUMBER_WORDS})\b")
_NUMBER = re.compile(rf"[$~]?\d|(?:{w.NUMBER_WORDS})$")
_PARAMETER = re.compile(rf"\s+(?:of|at)\s+{_NUM}")  # "a limit of 10,000"
_IDENTIFIER = re.compile(w.IDENTIFIERS)
_PLACE = re.compile(w.PLACE_WORDS)
_FIRST_WORD = re.compile(r"[\w'-]+")
_HINT_TOPICS = tuple(
    (name, re.compile(r"\b(?:" + "|".join(stems.split()) + ")"))
    for name, stems in w.HINT_TOPICS.items()
)
_CLAUSE_WORDS = frozenset({"why", "how", "whether", "what", "when", "if"})
_CONCRETE = ("concrete", "none", "named-check")


def _tokens(shown: str, low: str) -> list[_Tok]:
    make = tuple.__new__  # _Tok(...) costs a call more, on every token
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(low):
        start, end = m.span()
        text = low[start:end]
        word = text[0].isalnum() or end - start > 1
        toks.append(make(_Tok, (shown[start:end], text, start, end, word)))
    return toks


def _findings(toks: list[_Tok], low: str, shown: str) -> tuple[list[Finding], list[Finding]]:
    """The hard and the soft findings of phrases and words. A phrase never starts inside a
    path or identifier (/etc/...), and "more than 10" is a threshold, not "more"."""
    hard: list[Finding] = []
    soft: list[Finding] = []
    lows = {t.low for t in toks}
    for pattern, words, rule, why, is_hard in _PHRASES:
        if words.isdisjoint(lows):
            continue
        for m in pattern.finditer(low):
            if not m.start() or not (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_/.-"):
                (hard if is_hard else soft).append((rule, shown[m.start() : m.end()], why))
    for i, tok in enumerate(toks):
        found = _WORD_RULES.get(tok.low)
        if found is None:
            continue
        than = [t.low for t in toks[i + 1 : i + 4] if t.low not in ("a", "an")][:2]
        if tok.low in w.COMPARATIVES and than[:1] == ["than"] and _NUMBER.match(than[-1]):
            continue
        (hard if found[2] else soft).append((found[0], tok.text, found[1]))
    return hard, soft


def _base(word: str) -> str:
    """A gerund's verb when the verb is one the judge knows: "adding" -> "add"."""
    if word in w.VERBS or not word.endswith("ing"):
        return word
    stem = word[:-3]
    return next((c for c in (stem, stem + "e", stem[:-1]) if c in w.VERBS), word)


def _lead(toks: list[_Tok], low: str, tail: bool = False) -> tuple[str, int, str]:
    """The kind of the leading verb, the index of the first token after it, and its words.
    A first word in no list is a verb ("unknown") only when a particle, a determiner or a
    gerund follows it ("shore up", "formalise the", "continue investing"); else the item is a
    statement ("backups are good enough")."""
    if not toks:
        return "statement", 0, ""
    m = _LEAD_PHRASE.match(low)
    if m:
        after = next((i for i, t in enumerate(toks) if t.start >= m.end()), len(toks))
        return "phrase", after, " ".join(t.text for t in toks[:after])
    second = toks[1].low if len(toks) > 1 else ""
    # a gerund leads only as "adding a ..." or after "by"; else it is a subject ("monitoring is")
    first = _base(toks[0].low) if tail or second in w.DETERMINERS else toks[0].low
    end = 2 if (first, second) in (("make", "sure"), ("check", "that"), ("do", "not")) else 1
    kind = "outcome" if end == 2 and first != "do" else "refrain" if end == 2 else None
    kind = kind or next((k for k, verbs in w.LEAD_KINDS if first in verbs), None)
    if kind is None and first not in w.DETERMINERS:
        ahead = second in w.PARTICLES or second in w.DETERMINERS or second.endswith("ing")
        kind = "unknown" if ahead else None
    if kind is None:
        return "statement", 0, ""
    if kind == "outcome" and end < len(toks) and toks[end].low == "that":
        end += 1
    while kind != "outcome" and end < len(toks) and toks[end].low in w.PARTICLES:
        end += 1
    return kind, end, " ".join(t.text for t in toks[:end])


def _chunk(toks: list[_Tok], i: int) -> tuple[int, int, int]:
    """The noun phrase at token i: (its first token, its first after determiners, its end)."""
    n, first = len(toks), i
    while i < n and toks[i].low in w.DETERMINERS:
        i += 1
    start = i
    while i < n:
        tok = toks[i]
        if not tok.word:
            if tok.text == "," and i > start and i + 1 < n and toks[i + 1].low not in w.BOUNDARIES:
                i += 1
                continue
            break
        if tok.low in w.BOUNDARIES or (i > start and tok.low in w.DETERMINERS):
            if tok.low == "of" and i > start and toks[i - 1].low in w.CONTAINERS:
                i += 1
                while i < n and toks[i].low in w.DETERMINERS:
                    i += 1
                continue
            break
        i += 1
    return first, start, i


def _object_kind(toks: list[_Tok], start: int, end: int) -> str:
    if start >= end:
        return "none"
    head = toks[end - 1].low.removesuffix("'s")
    if head in w.ABSTRACT_NOUNS:
        return "abstract"
    if head in w.NEEDS_CONDITION:
        named = any(t.low not in w.NOT_A_KIND for t in toks[start : end - 1])
        return "named-check" if head in w.NAMED_CHECKS and named else "needs"
    return "concrete"


def _checkable(low: str, skip: int, numbered: bool) -> bool:
    """A condition, threshold or value after `skip` (the leading verb): `when` counts only
    with something concrete in its clause ("when a migration has no down step", not "when
    things go wrong")."""
    for needs, shape in _CHECKABLE:
        wanted = numbered if needs == ("#",) else any(n in low for n in needs)
        if wanted and shape.search(low, skip):
            return True
    for m in _CONDITION.finditer(low, skip):
        rest = low[m.end() : m.end() + 90]
        clause = rest[: end.start()] if (end := _CLAUSE_END.search(rest)) else rest
        for word in islice(_CLAUSE_WORD.finditer(clause), 10):
            if not word.group().isalpha() or word.group() not in w.UNCHECKABLE:
                return True
    return False


def _read(body: str) -> _Read:
    """The text with quoted names blanked (their words are names, not the item's words), in
    lower case, and its tokens; spans are the same in all three."""
    plain = _QUOTED.sub(lambda m: m.group()[0] + "q" * (len(m.group()) - 2) + m.group()[-1], body)
    low = plain.lower()
    return plain, low, _tokens(plain if len(plain) == len(low) else low, low)


def _assess(body: str, rescue: bool = True, read: _Read | None = None) -> _Assessment:
    plain, low, toks = read or _read(body)
    shown = plain if len(plain) == len(low) else low
    findings: list[Finding] = []
    if sum(t.word for t in toks) < 3:
        findings.append((w.WHY["too-short"][0], body.rstrip("."), w.WHY["too-short"][1]))
    hard_findings, soft = _findings(toks, low, shown)
    findings += hard_findings
    hard = bool(findings)
    kind, after, lead_words = _lead(toks, low)
    skip = toks[after - 1].end if after else 0
    lows = {t.low for t in toks}
    numbered = bool(_DIGIT.search(low)) or not w.UNIT_WORDS.isdisjoint(lows)
    checkable = _checkable(low, toks[0].end if kind == "change" else skip, numbered)
    if kind == "outcome":  # "ensure X": X is the state to check
        inner = _assess(body[skip:], rescue)
        specific = not hard and inner.specific
        lead = [] if specific else [(w.WHY[kind][0], lead_words, w.WHY[kind][1])]
        return _Assessment(specific, inner.checkable, findings + lead + inner.findings)
    _, start, end = _chunk(toks, after)
    obj = _object_kind(toks, start, end)
    if hard or soft or kind not in ("change", "measure", "statement"):
        specific = not hard and checkable and kind not in ("study", "phrase")
    else:
        specific = checkable or _route_specific(kind, obj, toks, start, end, skip, plain, numbered)
    if not specific and not hard and rescue:
        specific = _rescued(body, low)
    if specific:
        return _Assessment(True, checkable, [])
    if kind in w.WHY:  # a vague lead: not a change, not a statement
        findings.append((w.WHY[kind][0], lead_words, w.WHY[kind][1]))
    findings += soft
    if obj in ("abstract", "needs"):
        findings.append((w.WHY[obj][0], toks[end - 1].text, w.WHY[obj][1]))
    return _Assessment(False, checkable, findings)


def _route_specific(
    kind: str, obj: str, toks: list[_Tok], start: int, end: int, skip: int, plain: str, num: bool
) -> bool:
    """With no condition, threshold or value: a change needs a concrete object and where it
    lives (or a quantity or date); a "more or less" verb a quantity; a statement a count, a
    date or an observable result."""
    low = plain.lower()
    unit = num and bool(_UNIT.search(low))
    if obj == "needs" and end > start and _PARAMETER.match(low, toks[end - 1].end):
        unit = True  # "a limit of 10,000": the artefact's own parameter
    measured = unit or ((num or "by" in low or "day" in low) and bool(_DATE.search(low)))
    if kind == "change":
        rest = low[toks[end - 1].end if end > start else skip :]
        where = measured or bool(_PLACE.search(rest) or _IDENTIFIER.search(plain, skip))
        return where and (obj in _CONCRETE or (obj == "needs" and unit))
    if kind == "measure":
        return obj in _CONCRETE and measured
    if obj != "abstract" and _OBSERVABLE.search(low, toks[start].end if end > start else 0):
        return True
    counted = measured or (num and bool(_COUNT.search(low)))
    return (obj not in ("abstract", "needs") and counted) or (obj == "needs" and unit)


def _rescued(body: str, low: str) -> bool:
    """A vague lead followed by a concrete change: "investigate and ensure that X is set to
    30s in Y", "improve alerting by adding an alert ...". Only the first few joins count."""
    for m in islice(_JOIN.finditer(low), 4):
        first = _FIRST_WORD.match(low, m.end())
        if first is None or _base(first.group()) not in w.TAIL_VERBS:
            continue
        rest = body[m.end() :]
        rest_low = rest.lower()
        kind = _lead(_tokens(rest_low, rest_low), rest_low, tail=True)[0]
        if kind in ("change", "measure", "outcome", "soft") and _assess(rest, False).specific:
            return True
    return False


def _subject(body: str, toks: list[_Tok]) -> tuple[str | None, str, str]:
    """The item's own object without its leading verb and the vague noun before it ("improve
    monitoring of the nightly export" -> "the nightly export"), the lead's kind, and the words
    before the object."""
    low = body.lower()
    shown, n = body if len(body) == len(low) else low, len(toks)
    kind, i, _ = _lead(toks, low)
    m = _HINT_LEAD.match(low)
    if m:
        i = next((j for j, t in enumerate(toks) if t.start >= m.end()), n)
    elif kind == "statement":
        i = 0
    gerund = i < n and toks[i].low.endswith("ing") and _base(toks[i].low) in w.VERBS
    if (m or kind != "statement") and gerund:
        i += 1  # "consider moving ...", "continue investing in ..."
    clause = False  # a clause's subject ("why autoscaling scaled down"): cut at its verb
    while i < n and toks[i].low in w.SKIP_BEFORE_SUBJECT:
        clause = clause or toks[i].low in _CLAUSE_WORDS
        i += 1
    first, start, end = _chunk(toks, i)
    while end < n and toks[end].low in w.NOT_A_SUBJECT:
        end += 1  # "alerts somewhere in the ingest path": on to the place
    if end - start > 0 and end < n and toks[end].low in w.FOLLOW_WORDS:
        verb_next = end + 1 < n and toks[end].low == "to" and toks[end + 1].low in w.VERBS
        vague = any(t.low in w.VAGUE_HEADS or t.low in w.NOT_A_SUBJECT for t in toks[end - 2 : end])
        if vague and not verb_next:
            clause = clause or toks[end].low in _CLAUSE_WORDS
            first, start, end = _chunk(toks, end + 1)
    for j in range(start + 1, end):
        word, after = toks[j].low, toks[j + 1].low if j + 1 < n else ""
        verbish = word.endswith(("s", "ed")) and (clause or after in w.AFTER_A_VERB)
        if word in w.SUBJECT_STOPS or word in w.STATE_OF_MIND or verbish:
            end = j
            break
    while start < end - 1 and toks[start].low in w.QUANTITIES | {"of"}:
        start += 1
    kept = [t for t in toks[start:end] if t.low not in w.LEFT_OUT_OF_SUBJECT]
    before = low[: toks[first].start] if first < n else low
    if not kept or all(t.low in w.NO_SUBJECT_WORDS for t in kept):
        return None, kind, before
    det = [t.text.lower() for t in toks[max(first, start - 1) : start] if t.low in w.DETERMINERS]
    words = det + [shown[t.start : t.end] for t in kept]
    if first == 0 and not det and words[0][1:2].islower():
        words[0] = words[0][0].lower() + words[0][1:]
    return " ".join(words).replace(" ,", ","), kind, before


def _topic(subject: str | None, kind: str, before: str, low: str) -> str:
    """Which template: by the words before the item's object, its head noun, the rest of the
    object, then the words after it."""
    head = subject.split()[-1].lower() if subject else ""
    after = low[len(before) :].replace(subject.lower() if subject else "\0", " ")
    topic = next(
        (t for text in (before, head, subject or "", after) for t, stems in _HINT_TOPICS
         if stems.search(text.lower())),
        None,
    )  # fmt: skip
    if topic in ("monitoring", "testing") and head in w.NEEDS_CONDITION:
        return f"{topic}-own"
    if topic in (None, "monitoring", "capacity") and head in w.EVENT_NOUNS:
        return "monitoring-event"
    if topic is None:
        return "study" if kind in ("study", "phrase") else "generic"
    return topic + next((v for nouns, v in w.HINT_VARIANTS.get(topic, ()) if head in nouns), "")


def _hint(text: str, body: str, toks: list[_Tok]) -> str:
    subject, kind, before = _subject(body, toks)
    template = w.HINT_TEMPLATES[_topic(subject, kind, before, body.lower())]
    example = template.replace("{x}", subject or w.NO_SUBJECT)
    return f"Instead of '{' '.join(text.split()).rstrip('.')}': '{example}'"


def judge_action(text: str) -> ActionVerdict:
    """Does this name an end state someone could verify, without judgment?"""
    body = _LEAD_INS.sub("", " ".join(text.split()))
    read = _read(body)
    assessment = _assess(body, read=read)
    if assessment.specific:
        return ActionVerdict(is_specific=True)
    found = list(assessment.findings)
    if not assessment.checkable:
        quoted = body.rstrip(".") if len(body) <= 70 else body[:67].rstrip() + "..."
        found.append((w.WHY["no-end-state"][0], quoted, w.WHY["no-end-state"][1]))
    reasons = list(dict.fromkeys(f"'{words}' {why} (rule: {rule})" for rule, words, why in found))
    return ActionVerdict(is_specific=False, reasons=reasons, hint=_hint(text, body, read[2]))
