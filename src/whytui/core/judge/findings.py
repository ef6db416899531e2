"""Findings: what each clause of a statement says that ends it at a person, worded as reasons.

`ClauseJudge` reads one clause at a time, with the people marked by `people`, the verb
groups of `verbs` and the clauses of `clauses`. It is kept apart from the cause judge
(`causes`), which walks the sentences and decides which clauses' findings count, because
what a clause says and which clause decides are separate questions.
"""

from bisect import bisect_left
from dataclasses import dataclass

from whytui.core.judge.cause_words import (
    ACT_NOUNS,
    BASE_VERBS,
    BE_WORDS,
    DO_NEGATIONS,
    GUARD_VERBS,
    GUARD_WORDS,
    HAVE_WORDS,
    HUMAN_VERBS,
    LAPSE_VERBS,
    LEAD_IN_PREPOSITIONS,
    OBJECT_MARKERS,
    PAST_BE,
)
from whytui.core.judge.clauses import COORD, EMBEDDED, PLAIN, RELATIVES, Clause
from whytui.core.judge.people import (
    ACTOR_POSSESSIVES,
    AMBIGUOUS_NAME,
    NAME,
    NEGATIVE,
    PRONOUN,
    ROLE,
    WEAK_PRONOUN,
    Mention,
    Reading,
)
from whytui.core.judge.people_words import DETERMINERS, POSSESSIVE_PRONOUNS, SUBJECT_PREPOSITIONS
from whytui.core.judge.verbs import (
    ACT,
    FAILURE_KINDS,
    NONE,
    PERSON_KINDS,
    STATE,
    Verb,
    for_negative_subject,
    is_past,
    negated_verb,
    reads_as_verb,
    skip_adverbs,
    verb_group,
)
from whytui.core.judge.verdicts import (
    COUNTERFACTUAL,
    EXPLAIN,
    LAPSE,
    NAMED_PERSON,
    PRONOUN_ACTOR,
    ROLE_ACTOR,
)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    start: int  # token indices
    end: int
    reason: str


MENTION_RULE = {
    NAME: NAMED_PERSON,
    AMBIGUOUS_NAME: NAMED_PERSON,
    ROLE: ROLE_ACTOR,
    NEGATIVE: ROLE_ACTOR,
    PRONOUN: PRONOUN_ACTOR,
    WEAK_PRONOUN: PRONOUN_ACTOR,
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


class ClauseJudge:
    """What one clause says that ends a statement at a person: its subject acting in a
    failure, a person named as the doer, a passive omission, human-error language.

    `_clause` judges one clause; the cause judge extends this class with the walk over the
    sentences (`causes`), and words its own findings with `_actor`."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.toks = reading.toks

    def _subject(self, clause: Clause) -> tuple[Mention | bool | None, int]:
        """The clause's subject and where its verb group may begin."""
        toks, start, end = self.toks, clause.start, clause.end
        first = skip_adverbs(toks, start, end)
        lead_in = first < end and toks[first].low in LEAD_IN_PREPOSITIONS
        for head in range(first, end):
            mention = self.r.mentions.get(head)
            if mention is None or toks[head].low.endswith("'s"):
                continue
            at_start = start <= mention.np_start <= first
            after_lead_in = (
                lead_in
                and mention.np_start > first
                and toks[mention.np_start - 1].low not in OBJECT_MARKERS
                and (toks[mention.np_start].low in DETERMINERS or mention.kind in (NAME, PRONOUN))
            )
            if at_start or after_lead_in:
                return mention, self._after_modifier(head + 1, end)
            break
        if first >= end:
            return None, first
        verb = verb_group(toks, first, end)
        if verb.kind != NONE or toks[first].low == "never":
            return None, first
        return False, first

    def _after_modifier(self, i: int, end: int) -> int:
        """Skip a phrase describing the subject: "someone [on the data team] pushed"."""
        toks = self.toks
        if i < end and toks[i].low in RELATIVES:
            return self._after_relative(i, end)
        if i >= end or toks[i].low not in SUBJECT_PREPOSITIONS:
            return i
        for k in range(i + 1, min(end, i + 7)):
            if verb_group(toks, k, end).kind != NONE:
                return k
        return i

    def _after_relative(self, i: int, end: int) -> int:
        """Skip "who was paged" in "the engineer who was paged ignored it", to the main verb;
        without a second verb, the relative clause's own verb is the one."""
        toks = self.toks
        own = verb_group(toks, i + 1, end)
        if own.kind == NONE:
            return i
        for k in range(max(own.end, own.start + 1), end):
            if verb_group(toks, k, end).kind != NONE:
                return k
        return own.start

    def _clause(
        self, clause: Clause, inherited: Mention | bool | None
    ) -> tuple[Mention | bool | None, list[Finding], bool]:
        toks, end = self.toks, clause.end
        subject, verb_at = self._subject(clause)
        findings: list[Finding] = []
        describes = False
        embedded = clause.link == EMBEDDED
        if subject is None and clause.link in (COORD, PLAIN) and inherited is not None:
            subject = inherited
        if isinstance(subject, Mention):
            verb = verb_group(toks, verb_at, end)
            if subject.kind == NEGATIVE:  # "nobody checked" is "didn't check"
                verb = for_negative_subject(verb, toks)
            describes = verb.kind == STATE and toks[verb.start].low in BE_WORDS
            if self._acts(subject, verb, embedded):
                rule = MENTION_RULE[subject.kind]
                if subject.start < verb_at:  # the actor is in this clause
                    what = f"acts in the failure: '{self.r.words(verb.start, verb.end)}'"
                    findings.append(self._actor(rule, subject, what))
                findings += self._verb_finding(verb)
        elif subject is None and not embedded:
            verb = verb_group(toks, verb_at, end)
            if verb.kind in FAILURE_KINDS and reads_as_verb(toks, verb, end):
                findings += self._verb_finding(verb)
        if subject is False:
            findings += self._passive_omission(clause)
        findings += self._agents(clause)
        findings += self._phrases(clause, subject)
        return subject, findings, describes

    def _acts(self, mention: Mention, verb: Verb, embedded: bool) -> bool:
        kind = verb.kind
        if kind not in PERSON_KINDS or (embedded and kind == ACT):
            return False
        if mention.kind == WEAK_PRONOUN and kind == ACT:
            low = self.toks[verb.start].low
            return low in BASE_VERBS or low[:-1] in BASE_VERBS or low[:-2] in BASE_VERBS
        if mention.kind == AMBIGUOUS_NAME:
            low = self.toks[verb.start].low
            return is_past(low) or low in PAST_BE | DO_NEGATIONS | HAVE_WORDS | {
                "did",
                "should",
                "should've",
            }
        return True

    def _verb_finding(self, verb: Verb) -> list[Finding]:
        kind = verb.kind
        if kind not in FAILURE_KINDS or verb.end <= verb.start:
            return []
        words = self.r.words(verb.start, verb.end)
        return [Finding(kind, verb.start, verb.end, f"'{words}' {EXPLAIN[kind]} (rule: {kind})")]

    def _actor(self, rule: str, mention: Mention, what: str) -> Finding:
        words = self.r.words(mention.start, mention.end)
        if rule == NAMED_PERSON:
            reason = f"'{words}' is a person's name (rule: {rule})"
        elif rule == ROLE_ACTOR:
            reason = f"'{words}' is a role that {what} (rule: {rule})"
        else:
            reason = f"'{words}' is a person who {what} (rule: {rule})"
        return Finding(rule, mention.start, mention.end, reason)

    def _passive_omission(self, clause: Clause) -> list[Finding]:
        """ "The restore was not tested": a past omission with the person left out."""
        toks = self.toks
        for j in range(clause.start, clause.end):
            low = toks[j].low
            if low == "should've" or (
                low in ("should", "could") and j + 2 < clause.end and toks[j + 1].low == "have"
            ):
                k = j + 1 if low == "should've" else j + 2
                if k < clause.end and toks[k].low == "been":
                    return self._verb_finding(Verb(COUNTERFACTUAL, j, k + 2))
                return []
            if low not in PAST_BE:
                continue
            k = j + 1
            negated = low.endswith("n't")
            while k < clause.end and toks[k].low in ("not", "never"):
                negated, k = True, k + 1
            k = skip_adverbs(toks, k, clause.end)
            if k >= clause.end:
                return []
            verb = toks[k].low
            omitted = verb in LAPSE_VERBS or (negated and verb in HUMAN_VERBS)
            by_thing = (
                k + 1 < clause.end and toks[k + 1].low == "by" and k + 2 not in self.r.person_at
            )
            if omitted and not by_thing:
                return self._verb_finding(Verb(LAPSE, j, k + 1))
            return []
        return []

    def _agents(self, clause: Clause) -> list[Finding]:
        """People named as the doer: "restarted by Greg", "a push from the intern",
        "Greg's change", "failure of the deployer to follow"."""
        toks, r = self.toks, self.r
        findings: list[Finding] = []
        for head, mention in r.mentions.items():  # in the order of the statement
            if not clause.start <= head < clause.end or mention.kind == WEAK_PRONOUN:
                continue
            before = mention.np_start - 1
            if before < clause.start:
                continue
            prep = toks[before].low
            rule = MENTION_RULE[mention.kind]
            by_agent = prep == "by" and before > clause.start and not self._standing(clause)
            of_act = (
                prep in ("by", "from", "of")
                and before - 1 >= clause.start
                and toks[before - 1].low in ACT_NOUNS
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
                findings += self._verb_finding(Verb(LAPSE, before - 1, verb_end))
            elif by_agent or of_act:
                named = r.words(before - 1 if of_act else before, head + 1)
                findings.append(self._actor(rule, mention, f"is named as the doer: '{named}'"))
        for i in range(clause.start, clause.end - 1):
            tok = toks[i]
            owner = r.mentions.get(i)
            possessive = tok.low.endswith("'s") or tok.low in ACTOR_POSSESSIVES
            if possessive and toks[i + 1].low in ACT_NOUNS:
                what = f"owns the act: '{toks[i + 1].text}'"
                if owner is not None and owner.kind != WEAK_PRONOUN:
                    findings.append(self._actor(MENTION_RULE[owner.kind], owner, what))
                elif tok.low in POSSESSIVE_PRONOUNS:
                    mention = Mention(PRONOUN, i, i, i + 1)
                    findings.append(self._actor(PRONOUN_ACTOR, mention, what))
            if tok.low == "failure" and toks[i + 1].low == "to":
                verb = negated_verb(toks, i + 2, clause.end, i)
                findings += self._verb_finding(Verb(LAPSE, i, verb.end))
        return findings

    def _standing(self, clause: Clause) -> bool:
        """Does the clause say what can or does happen, not what someone did?"""
        return any(
            t.low in ("can", "could", "may", "might", "is", "are")
            for t in self.toks[clause.start : clause.end]
        )

    def _phrases(self, clause: Clause, subject: Mention | bool | None) -> list[Finding]:
        """Human-error language, unless the clause is about what a system does with it."""
        findings: list[Finding] = []
        phrases = self.r.phrases
        if not phrases:
            return findings
        guards = None if isinstance(subject, Mention) else self._guards(clause)
        first = bisect_left(phrases, clause.start, key=lambda p: p[1])
        for rule, start, stop in phrases[first:]:
            if start >= clause.end:
                break
            stop = min(stop, clause.end)
            if guards is not None and _guarded(guards, start, stop):
                continue
            words = self.r.words(start, stop)
            findings.append(Finding(rule, start, stop, f"'{words}' {EXPLAIN[rule]} (rule: {rule})"))
        return findings

    def _guards(self, clause: Clause) -> _Guards:
        """Where the clause says what a system catches or allows ("could have" is blame)."""
        toks = self.toks
        verbs: list[int] = []
        words: list[int] = []
        for i in range(clause.start, clause.end):
            low = toks[i].low
            if low in ("could", "should") and i + 1 < clause.end and toks[i + 1].low == "have":
                continue
            if low in GUARD_VERBS:
                verbs.append(i)
            if low in GUARD_WORDS:
                words.append(i)
        return _Guards(verbs, words)
