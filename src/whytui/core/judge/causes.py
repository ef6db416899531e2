"""The cause judge: `judge_cause`, and the walk over a statement's sentences that decides which
findings count.

Where a sentence says what caused what, the deeper cause decides; findings elsewhere become
notes. Builds on everything before it: a `Reading` (`people`), its sentences (`tokens`) and
clauses (`clauses`), the per-clause findings (`findings`), and the verdict (`verdicts`).
"""

from typing import TYPE_CHECKING

from whytui.core.judge.cause_words import DEFICIENCY_PHRASES
from whytui.core.judge.clauses import CAUSE, COORD, PLAIN, RESULT, START, Clause, split_clauses
from whytui.core.judge.findings import MENTION_RULE, ClauseJudge, Finding
from whytui.core.judge.people import NEGATIVE, WEAK_PRONOUN, Mention, Reading, lexicon_for
from whytui.core.judge.tokens import phrase_regex, sentences
from whytui.core.judge.verdicts import (
    ATTENTION,
    COUNTERFACTUAL,
    HUMAN_ERROR,
    KNOWLEDGE,
    LAPSE,
    REFRAME_QUESTIONS,
    CauseVerdict,
    Match,
)

if TYPE_CHECKING:  # the judge needs no pydantic: a config is only read
    from whytui.core.config import Config

_SEAT, _DEFAULT, _KNOWLEDGE, _MISTAKE, _ATTENTION = REFRAME_QUESTIONS

# The reframe follows the most telling rule that matched.
_REFRAME_BY_RULE: tuple[tuple[str, str], ...] = (
    (KNOWLEDGE, _KNOWLEDGE),
    (COUNTERFACTUAL, _DEFAULT),
    (LAPSE, _DEFAULT),
    (ATTENTION, _ATTENTION),
    (HUMAN_ERROR, _MISTAKE),
)

_DEFICIENCY = phrase_regex(DEFICIENCY_PHRASES)


class _Judge(ClauseJudge):
    """Walks the sentences and clauses of one statement and collects what ends at a person;
    each clause is read by `ClauseJudge`."""

    def run(self) -> tuple[list[Finding], list[str]]:
        """Findings that count, and notes on people and systems read as context."""
        if self.r.blameless():
            return [], self._system_notes()
        counted: list[Finding] = []
        notes: list[str] = []
        people = set(self.r.mentions)
        for start, end in sentences(self.toks):
            clauses = split_clauses(self.toks, start, end, people)
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

    def _deeper(self, clauses: list[Clause]) -> set[int] | None:
        """Which clauses hold the deeper cause, if the sentence says what caused what."""
        causes = [n for n, c in enumerate(clauses) if c.link == CAUSE or self._faulted(c)]
        if causes:
            first = causes[-1]
            if first == 0:  # "Because X, Y": X runs to the first comma.
                stop = next(
                    (n for n in range(1, len(clauses)) if clauses[n].link == PLAIN),
                    len(clauses),
                )
                return set(range(0, stop))
            return set(range(first, len(clauses)))
        results = [n for n, c in enumerate(clauses) if c.link == RESULT]
        if results:
            return set(range(0, results[0]))
        return None

    def _faulted(self, clause: Clause) -> bool:
        """ ", which was out of date": a trailing remark that faults the thing just named."""
        toks = self.toks
        if clause.connective.lower() != "which" or clause.start < 2:
            return False
        if toks[clause.start - 2].text != ",":
            return False
        text = self.r.text[toks[clause.start].start : toks[clause.end - 1].end]
        return _DEFICIENCY.search(text) is not None

    def _bare_person(self, clauses: list[Clause], chosen: set[int]) -> list[Finding]:
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
        if mention.kind in (WEAK_PRONOUN, NEGATIVE):
            return []
        rule = MENTION_RULE[mention.kind]
        return [self._actor(rule, mention, "is the whole cause given")]

    def _clause_findings(self, clauses: list[Clause]) -> tuple[list[list[Finding]], set[int]]:
        """Findings per clause, and which clauses only describe a person ("she was new")."""
        results: list[list[Finding]] = []
        describing: set[int] = set()
        subject: Mention | bool | None = None  # a person, False for a thing, None for none
        for n, clause in enumerate(clauses):
            own_subject, findings, describes = self._clause(clause, subject)
            if clause.link in (COORD, START, PLAIN) or own_subject is not None:
                subject = own_subject if own_subject is not None else subject
            results.append(findings)
            if describes:
                describing.add(n)
        return results, describing

    def _system_notes(self) -> list[str]:
        seen: dict[str, None] = {}
        for i in sorted(self.r.system_at):
            tok = self.toks[i]
            if tok.capitalised:
                seen[tok.text] = None
        return [f"'{name}' is a system, not a person (rule: system-name)" for name in seen]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and span; a span inside a longer one of the same rule is dropped."""
    kept: list[Finding] = []
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
        lexicon = lexicon_for((), ())
    else:
        lexicon = lexicon_for(config.system_names, config.people_names)
    reading = Reading(text, lexicon)
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
