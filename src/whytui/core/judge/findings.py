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
    ADVERBS,
    BASE_VERBS,
    BE_WORDS,
    CONNECTIVE_WORDS,
    DEPARTURE_PHRASE,
    DO_NEGATIONS,
    GUARD_VERBS,
    GUARD_WORDS,
    HAVE_WORDS,
    HUMAN_VERBS,
    LAPSE_VERBS,
    LEAD_IN_PREPOSITIONS,
    MOTIVE_VERBS,
    OBJECT_MARKERS,
    PARTICLES,
    PAST_BE,
    PERSON_PRONOUNS,
    STANDING_PARTICIPLES,
)
from whytui.core.judge.clauses import COORD, EMBEDDED, PLAIN, RELATIVES, Clause
from whytui.core.judge.people import (
    ACTOR_POSSESSIVES,
    AMBIGUOUS_NAME,
    CANDIDATE,
    NAME,
    NEGATIVE,
    PRONOUN,
    ROLE,
    WEAK_PRONOUN,
    Mention,
    Reading,
    handle_shaped,
    human_cue,
    human_cue_spans,
    opens_with_an_act,
)
from whytui.core.judge.people_words import (
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    STAND_INS,
    SUBJECT_PREPOSITIONS,
)
from whytui.core.judge.tokens import CaseBlind
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
    MOTIVE,
    NAMED_PERSON,
    PRONOUN_ACTOR,
    ROLE_ACTOR,
    UNNAMED_DOER,
)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    start: int  # token indices
    end: int
    reason: str


_DEPARTURE = CaseBlind(rf"^{DEPARTURE_PHRASE}$")

_NOT_NAMES = (
    DETERMINERS
    | POSSESSIVE_PRONOUNS
    | SUBJECT_PREPOSITIONS
    | LEAD_IN_PREPOSITIONS
    | OBJECT_MARKERS
    | BE_WORDS
    | HAVE_WORDS
    | DO_NEGATIONS
    | ADVERBS
    | CONNECTIVE_WORDS
    | frozenset({"there", "it", "nothing", "none", "everything", "something", "once", "if"})
)
"""Capitalised words that open a clause without being anyone's name."""

MENTION_RULE = {
    NAME: NAMED_PERSON,
    AMBIGUOUS_NAME: NAMED_PERSON,
    CANDIDATE: NAMED_PERSON,
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
            at_start = start <= mention.np_start <= first or (
                mention.kind == ROLE  # "rollout owner forgot": a role's words, no article
                and mention.np_start - first <= 2
                and all(toks[k].low.isalpha() for k in range(first, mention.np_start))
            )
            after_lead_in = (
                lead_in
                and mention.np_start > first
                and toks[mention.np_start - 1].low not in OBJECT_MARKERS
                and (toks[mention.np_start].low in DETERMINERS or mention.kind in (NAME, PRONOUN))
            )
            if at_start or after_lead_in:
                after = self._after_coordinated(head + 1, end)
                apposed = self._apposed_name(after, end) if mention.kind == ROLE else None
                if apposed is not None:  # "the owner @tanaka_k forgot"
                    mention, after = apposed
                return mention, self._after_modifier(after, end)
            break
        candidate = self._candidate(first, end)
        if candidate is not None:
            return candidate, first + 1
        if first >= end:
            return None, first
        verb = verb_group(toks, first, end)
        if verb.kind != NONE or toks[first].low == "never":
            return None, first
        return False, first

    def _with_others(self, subject: Mention, verb_at: int) -> list[Mention]:
        """The subject and anyone named with it before the verb: "Ngozi and Greg skipped"."""
        others = [
            m
            for head, m in self.r.mentions.items()
            if subject.end <= head < verb_at and m.kind != WEAK_PRONOUN
        ]
        return [subject, *others]

    def _after_coordinated(self, i: int, end: int) -> int:
        """Past others named with the subject: "Ngozi [and Greg] skipped"."""
        toks, mentions = self.toks, self.r.mentions
        while i + 1 < end and toks[i].low in ("and", "or", ","):
            head = next((h for h in range(i + 1, min(i + 4, end)) if h in mentions), None)
            if head is None or mentions[head].np_start != i + 1:
                break
            i = head + 1
        return i

    def _apposed_name(self, i: int, end: int) -> tuple[Mention, int] | None:
        """A name or handle right after a role names the same person: "owner @tanaka_k",
        "the primary on-call (@rk)"."""
        toks = self.toks
        j = i + 1 if i < end and toks[i].text == "(" else i
        for head in range(j, min(j + 2, end)):
            mention = self.r.mentions.get(head)
            if mention is not None and mention.np_start == j and mention.kind == NAME:
                after = head + 1
                if after < end and toks[after].text == ")":
                    after += 1
                return mention, after
        return None

    def _candidate(self, first: int, end: int) -> Mention | None:
        """A capitalised word the lists don't know, opening a clause before its verb: maybe a
        name ("Tadeusz forgot"); a person only if what it does is a person's (`_acts`)."""
        toks = self.toks
        if first + 1 >= end or first in self.r.system_at:
            return None
        tok = toks[first]
        shaped = tok.capitalised and tok.text.isalpha()
        if not (shaped or handle_shaped(tok.text)) or tok.low in _NOT_NAMES:
            return None
        if verb_group(toks, first, end).kind != NONE:
            return None
        if verb_group(toks, first + 1, end).kind == NONE:
            return None
        return Mention(CANDIDATE, first, first, first + 1)

    def _human_cue(self, clause: Clause, after: int, slips: bool = False) -> bool:
        """Does the clause say something only a person does ("without telling anyone",
        "instead of", "the wrong table", "his query"), or name the doer again as he or she?"""
        toks = self.toks
        if any(t.low in PERSON_PRONOUNS for t in toks[after : clause.end]):
            return True
        if after >= clause.end:
            return False
        return human_cue(self.r.text[toks[after].start : toks[clause.end - 1].end], slips)

    def _after_modifier(self, i: int, end: int) -> int:
        """Skip a phrase describing the subject: "someone [on the data team] pushed",
        "whoever [was on call] ignored", "the person [responsible for the release] pushed"."""
        toks = self.toks
        if i < end and (toks[i].low in RELATIVES or toks[i - 1].low == "whoever"):
            return self._after_relative(i if toks[i].low in RELATIVES else i - 1, end)
        if i < end and toks[i].low in ("responsible", "accountable", "in") and i + 1 < end:
            i += 1  # "responsible for", "in charge of": a preposition follows
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
            if verb.kind == NONE and subject.kind in (PRONOUN, WEAK_PRONOUN):
                k = skip_adverbs(toks, verb_at, end)  # no participle follows a pronoun:
                if k < end and is_past(toks[k].low):  # "they deployed on a Friday"
                    verb = Verb(ACT, k, k + 1)
            if subject.kind == NEGATIVE:  # "nobody checked" is "didn't check"
                verb = for_negative_subject(verb, toks)
            describes = verb.kind == STATE and toks[verb.start].low in BE_WORDS
            motive = self._motive(subject, verb_at, end)
            if motive is not None:
                findings.append(motive)
            if self._acts(subject, verb, embedded, clause) and not self._departs(verb_at, end):
                if subject.start < verb_at:  # the actors are in this clause
                    shown = verb.end + (verb.end < end and toks[verb.end].low in PARTICLES)
                    what = f"acts in the failure: '{self.r.words(verb.start, shown)}'"
                    for actor in self._with_others(subject, verb_at):
                        findings.append(self._actor(MENTION_RULE[actor.kind], actor, what))
                findings += self._verb_finding(verb)
                findings += self._cue_findings(clause, verb.end)
        elif subject is None and not embedded:
            verb = verb_group(toks, verb_at, end)
            if verb.kind in FAILURE_KINDS and reads_as_verb(toks, verb, end):
                findings += self._verb_finding(verb)
            elif (
                verb.kind == ACT
                and clause.start == 0
                and verb.start == verb_at
                and self._human_cue(clause, verb.end, slips=True)
            ):  # "Typed 100 instead of 10": the doer left out, what they did a person's
                findings += self._verb_finding(Verb(LAPSE, verb.start, verb.end))
            elif clause.start == 0 and self._done_by_someone_unnamed(verb, end):
                words = self.r.words(verb.start, verb.end)
                reason = f"'{words}' {EXPLAIN[UNNAMED_DOER]} (rule: {UNNAMED_DOER})"
                findings.append(Finding(UNNAMED_DOER, verb.start, verb.end, reason))
        if subject is False:
            findings += self._passive_omission(clause)
        findings += self._agents(clause)
        findings += self._phrases(clause, subject)
        return subject, findings, describes

    def _done_by_someone_unnamed(self, verb: Verb, end: int) -> bool:
        """ "Pushed the config straight to prod", "Left the debug flag on": a statement that
        opens with a past act done to something, its doer left out, was written by the room
        about someone; what systems do without a subject ("Timed out after 30 s") is not."""
        toks = self.toks
        return (
            verb.kind == ACT
            and verb.start == 0
            and verb.end < end
            and opens_with_an_act(toks[0].low, toks[verb.end].low)
        )

    def _departs(self, verb_at: int, end: int) -> bool:
        """Does the clause only say its people left ("its designers have moved on")?"""
        toks = self.toks
        words = [t for t in toks[verb_at:end] if t.is_word]
        if not words or len(words) > 8:
            return False
        return _DEPARTURE.search(self.r.text[words[0].start : words[-1].end]) is not None

    def _acts(self, mention: Mention, verb: Verb, embedded: bool, clause: Clause) -> bool:
        kind = verb.kind
        if kind not in PERSON_KINDS or (embedded and kind == ACT):
            return False
        if mention.kind == CANDIDATE:
            return kind in FAILURE_KINDS or self._human_cue(clause, verb.start)
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

    def _cue_findings(self, clause: Clause, after: int) -> list[Finding]:
        """The words that make an act a person's slip, named in the reasons: "without reading
        the diff", "left unattended"."""
        if after >= clause.end:
            return []
        toks = self.toks
        base = toks[after].start
        text = self.r.text[base : toks[clause.end - 1].end]
        found: list[Finding] = []
        for start, stop in human_cue_spans(text):
            first = next(n for n in range(after, clause.end) if toks[n].end > base + start)
            last = next(
                n for n in range(clause.end - 1, after - 1, -1) if toks[n].start < base + stop
            )
            words = self.r.words(first, last + 1)
            found.append(
                Finding(LAPSE, first, last + 1, f"'{words}' {EXPLAIN[LAPSE]} (rule: {LAPSE})")
            )
        return found

    def _motive(self, subject: Mention, verb_at: int, end: int) -> Finding | None:
        """ "because we wanted to ship", "because nobody wanted to touch it": what a person
        wanted (or didn't) is where the statement ends."""
        toks = self.toks
        j = skip_adverbs(toks, verb_at, end)
        while j < end and toks[j].low in DO_NEGATIONS | {"did", "do", "does", "not", "n't"}:
            j += 1
        if j >= end or toks[j].low not in MOTIVE_VERBS:
            return None
        words = self.r.words(verb_at, j + 1)
        return Finding(MOTIVE, verb_at, j + 1, f"'{words}' {EXPLAIN[MOTIVE]} (rule: {MOTIVE})")

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
        elif rule == ROLE_ACTOR and self.toks[mention.end - 1].base not in STAND_INS:
            reason = f"'{words}' is a role that {what} (rule: {rule})"
        else:
            reason = f"'{words}' is a person who {what} (rule: {rule})"
        return Finding(rule, mention.start, mention.end, reason)

    def _passive_omission(self, clause: Clause) -> list[Finding]:
        """ "The restore was not tested": a past omission with the person left out. "The
        restore was never tested" is not one: it says what the system has always lacked."""
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
            standing = False  # "was never tested": how the system has always been
            while k < clause.end and toks[k].low in ("not", "never"):
                negated, standing, k = True, toks[k].low == "never", k + 1
            k = skip_adverbs(toks, k, clause.end)
            if k >= clause.end:
                return []
            verb = toks[k].low
            omitted = verb in LAPSE_VERBS or (negated and not standing and verb in HUMAN_VERBS)
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
            by_agent = (
                prep == "by"
                and before > clause.start
                and not self._standing(clause)
                and toks[before - 1].low not in STANDING_PARTICIPLES
            )
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
