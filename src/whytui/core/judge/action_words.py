"""The action judge's vocabulary: what kind of verb leads an item, which objects cannot be
checked without a condition, the phrases that hedge or ask for effort, the shapes a checkable
end state takes, and the templates a rewrite hint is built from.

The judge decides by structure (what is changed, where, under what condition, measured how);
these lists only tell it what a word or a shape is. A verb that is in no list is not trusted:
an item it leads needs a checkable end state of its own. Word lists like `people_words`, whose
`word_set` they use; entries are lower case, and phrases and shapes are regex alternations
over lower-case text.
"""

from whytui.core.judge.people_words import word_set

# Leading verbs that name a study or an intention: only a concrete change after them counts
# ("investigate and ensure that ... is set to 30s in pgbouncer.ini").
STUDY_VERBS = word_set(
    """
    investigate consider explore evaluate assess reassess re-evaluate re-assess research study
    examine analyse analyze understand discuss brainstorm think plan aim strive endeavour
    endeavor revisit rethink prioritise prioritize determine identify scope spike learn
    """
)
# Leading verbs that name an outcome: what follows them is judged as a state to check.
OUTCOME_VERBS = word_set("ensure verify confirm guarantee assure")
# Leading verbs that change something without saying what: vague unless the item also names a
# condition, threshold or value ("improve the deletion API so that it returns HTTP 400 when").
SOFT_VERBS = word_set(
    """
    improve enhance optimise optimize strengthen streamline revamp refine modernise modernize
    review audit check monitor address handle tackle clarify communicate harden tighten
    stabilise stabilize refactor rework simplify overhaul redesign rearchitect re-architect
    clean revise formalise formalize educate train remind encourage emphasise emphasize stress
    reinforce socialise socialize align sync standardise standardize consolidate test
    validate support adopt evolve mature
    """
)
REFRAIN_WORDS = word_set("don't never avoid")
# Verbs that only say "more" or "less": checkable with a target ("to 60 seconds").
MEASURE_VERBS = word_set(
    """
    reduce increase decrease lower raise minimise minimize maximise maximize cut shorten
    lengthen extend boost speed tune adjust double halve shrink grow trim
    """
)
# Verbs that make a concrete change: with a concrete object and a place they are checkable.
CHANGE_VERBS = word_set(
    """
    add set remove delete drop revoke grant disable enable re-enable pin cap limit restrict
    block reject require forbid deny move migrate replace rename run deploy publish send
    record create write link give put make rewrite schedule colour color show display alert
    page change configure install uninstall upgrade downgrade roll rotate archive expire fix
    document list tag label route gate lock freeze alias expose emit store back restore retire
    decommission turn switch convert wrap cordon drain build provision allocate attach include
    exclude allowlist whitelist denylist blocklist bump default automate split separate
    isolate mark flag print post notify email assign shard replicate encrypt sign exercise
    register enforce stop start kill purge prune reserve backfill quarantine throttle
    introduce implement ship release mount upload copy generate fail abort refuse prevent
    redirect mirror pause delay defer deprecate hide truncate use hold call update
    """
)
# Words after a leading verb that belong to it: "shore up", "carry out", "partner with".
PARTICLES = word_set("up down out off on in into over back away through around towards with")
DETERMINERS = word_set(
    "a an the our their its this that these those some any all every each no my your another"
)
# Words that end a noun phrase: prepositions, conjunctions, relatives, auxiliaries.
BOUNDARIES = word_set(
    """
    to in on for from of with at into onto around across between behind via by under over
    within without about through after before until when whenever if unless while because
    as so that which who whose where than and or but then is are was were be been being has
    have had will should can must not do does did it them whether why how off somewhere
    everywhere anywhere
    """
)
# Nouns whose phrase goes on after "of": "a second pair of eyes", "half of the fleet".
CONTAINERS = word_set("pair set lot kind sort bit couple number layer level half third most")
# Objects nobody could check are there, whatever is added: only a condition rescues them.
ABSTRACT_NOUNS = word_set(
    """
    risk risks culture awareness communication collaboration ownership accountability
    discipline hygiene rigour rigor scrutiny governance posture maturity readiness excellence
    reliability stability resilience robustness safety security quality performance
    scalability efficiency visibility observability toil noise friction pain debt confidence
    trust understanding knowledge experience process processes procedures practices practice
    approach strategy improvements improvement changes fixes issue issues problem problems bug
    bugs things stuff work everything something anything eyes attention care focus effort
    investment capabilities capability options solutions measures mechanisms controls
    safeguards guardrails nets handling tooling automation documentation docs drift logic
    architecture behaviour behavior oversight redundancy hardening defaults runbooks playbooks
    guides expectations guidelines principles standards plan plans roadmap roadmaps proposal
    proposals initiative initiatives framework vision strategies
    """
)
# Artefacts checkable only with their condition, threshold, schedule or parameter:
# "an alert when lag > 30s", "a 30-second timeout", "a quarterly restore test".
NEEDS_CONDITION = word_set(
    """
    alert alerts alarm alarms alerting monitoring monitor monitors dashboard dashboards metric
    metrics check checks test tests testing canary canaries probe probes gate gates guard
    guards limit limits timeout timeouts quota quotas threshold thresholds backoff retry
    retries throttling limiting logging logs validation validations verification review
    reviews coverage
    """
)
# Of those, the ones a named kind and a place make checkable: "a pool-size check in the linter".
NAMED_CHECKS = word_set("check test rule lint")
COMPARATIVES = word_set(
    """
    better worse safer easier faster quicker clearer simpler smoother stronger tighter
    improved enhanced more less fewer greater robust reliable resilient stable secure
    """
)
HEDGE_ADJECTIVES = word_set(
    "proper appropriate adequate sufficient necessary relevant various gracefully reasonable"
)
# Adjectives that leave it to the reader to say which or how much: "for big changes".
JUDGEMENT_ADJECTIVES = word_set(
    """
    risky big large small important critical significant sensitive dangerous bad wrong good
    nice solid healthy useful meaningful sensible suitable acceptable unusual abnormal weird
    odd suspicious problematic excessive extra
    """
)
STATE_OF_MIND = word_set(
    """
    know knows understand understands understood aware familiar comfortable confident feel
    feels felt happy satisfied agree agrees trust trusts trusted ok okay aligned informed
    """
)
STOPWORDS = word_set(
    """
    the a an to for of in on at with and or by from that this these those it its our their
    all be is are was were will should can must we some when if after before as so not than
    then into onto about which who whose also only just there any each every go goes going
    went happen happens occur occurs arise arises wrong bad off break breaks
    """
)
NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred"
# Words that let a quantity or schedule be there without a digit: "three", "nightly", "every".
UNIT_WORDS = word_set(
    NUMBER_WORDS.replace("|", " ")
    + " hourly daily nightly weekly fortnightly monthly quarterly yearly annually every per"
)

# Hard: phrases that ask for effort or make the change optional, vague whatever follows.
EFFORT_PHRASES = (
    r"be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|cautious|diligent|mindful|aware"
    r"|proactive|thorough|attentive)|pay\s+(?:more\s+|closer\s+|better\s+)?attention|try\s+to"
    r"|keep\s+in\s+mind|remember\s+to|(?:don't|do\s+not)\s+forget|double[- ]check|etc\.?"
    r"|and\s+so\s+on|as\s+(?:needed|necessary|appropriate|required)"
    r"|(?:where|when|if)\s+(?:(?:they|it)\s+(?:are|is)\s+)?(?:possible|needed|necessary"
    r"|appropriate|feasible|it\s+makes\s+sense)"
    r"|regularly|periodically|properly|appropriately|adequately|sufficiently|somehow|ideally"
    r"|(?:does\s+not|doesn't|do\s+not|don't|won't|never)\s+(?:happen|recur)\s+again"
    r"|raise\s+awareness|best\s+practices?|lessons\s+learned"
    r"|(?:things|something|anything|stuff)\s+(?:go(?:es)?|looks?|seems?)\s+(?:wrong|off|bad)"
    r"|looks?\s+(?:off|wrong|weird|odd)"
)
EFFORT_STARTS = word_set(
    """
    be pay try keep remember don't do double double-check etc and as where when if regularly
    periodically properly appropriately adequately sufficiently somehow ideally does doesn't
    won't never raise best lessons things something anything stuff look looks
    """
)
# Hard: quantities nobody could count.
APPROXIMATIONS = (
    r"(?:around|roughly|approximately|nearly|almost|circa)\s+(?:half|a\s+third|a\s+quarter|\d"
    rf"|{NUMBER_WORDS})|a\s+few|several|a\s+couple\s+of|a\s+(?:bit|lot)|most\s+of|many"
)
APPROXIMATION_WORDS = word_set(
    "around roughly approximately nearly almost circa few several couple bit lot most many"
)
# Soft, like the lists below: vague unless a condition, threshold or value says how to tell.
VAGUE_STATES = (
    r"good\s+enough|works?\s+(?:well|fine|properly|as\s+expected)|up\s+to\s+date|under\s+control"
    r"|in\s+(?:good|better|great)\s+shape|no\s+longer\s+an?\s+(?:issue|problem)"
    r"|(?:is|are)\s+(?:solid|fixed|resolved|done|handled|sorted|addressed|in\s+place|healthy)"
)
VAGUE_STATE_WORDS = word_set(
    "enough well fine properly expected date control shape longer solid fixed resolved done "
    "handled sorted addressed place healthy"
)
VAGUE_PLACES = (
    r"somewhere|everywhere|anywhere|around|in\s+the\s+right\s+places?|where\s+it\s+matters"
    r"|across\s+the\s+board"
)
VAGUE_PLACE_WORDS = word_set("somewhere everywhere anywhere around right matters board")
# Leading phrases that promise attention or talk, not a change: vague unless a change follows.
LEAD_PHRASES = (
    r"look\s+(?:into|at)|keep\s+(?:an?\s+)?(?:close\s+|closer\s+)?eyes?\s+on|keep\s+track\s+of"
    r"|keep\s+working\s+on|work\s+(?:towards?|on)|think\s+about|talk\s+(?:to|with|about)"
    r"|reach\s+out(?:\s+to)?|follow[- ]up(?:\s+(?:on|with))?|circle\s+back|touch\s+base"
    r"|loop\s+in|get\s+(?:a\s+handle\s+on|feedback|buy-in|alignment|input)"
    r"|take\s+a\s+(?:\w+\s+)?look\s+at"
    r"|carry\s+out\s+(?:an?\s+)?(?:\w+\s+)?(?:review|audit|assessment)\s+of"
    r"|(?:have|hold|run|organi[sz]e|schedule)\s+an?\s+(?:conversation|discussion|meeting|chat"
    r"|talk|sync|retro(?:spective)?|post-?mortem|brainstorm)"
)

# The shapes of a checkable end state, each with the substrings one of which it needs, "#"
# for a number (a cheap test before the pattern runs); `{num}` is a number, `{value}` a value.
CHECKABLE_SHAPES = (
    ("< > =", r"[\w)%]\s*(?:>=|<=|==|!=|>|<|=)\s*[\w$'\"-]"),  # replica_lag > 30s, key=value
    (":", r"\b[a-z0-9]+(?:_[a-z0-9]+)+\s*:\s*[\w$'\"-]"),  # auto_bootstrap: true
    (
        "set default",
        r"\bset(?:s|ting)?\s+(?!up\b)(?:\S+\s+){{0,6}}?to\s+{value}|\b(?:is|are|be|been)\s+set"
        r"\s+to\s+{value}|\bdefaults?\s+to\b|\bby\s+default\b"
        r"|\bthe\s+default\s+(?:target|value|in|of)\b",
    ),
    (
        "#",
        r"\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+\s+\d"  # maximum-prefix 10000
        r"|\b(?:to|at|under|below|above|over|within|exceeds?|exceeding|exceeded|beyond|than"
        r"|least|most|past|reaches|hits?|passes)\s+(?:an?\s+)?{num}",  # thresholds and targets
    ),
    (
        "fail block reject refus abort den disallow exit return pag green requir stop",
        r"\bfail(?:s|ed|ing)?\s+(?:the\s+build|ci|on|if|when|whenever|unless|any|every|a|an"
        r"|the|with)\b|\b(?:(?:block|reject|abort|disallow)(?:s|ed|ing)?|refus(?:e|es|ed|ing)"
        r"|den(?:y|ies|ied))\b|\bexit(?:s|ed)?\s+(?:with|non-?zero)\b"
        r"|\breturn(?:s|ed)?\s+(?:http\s+|an?\s+|status\s+|code\s+)?(?:\d|error|non-?zero)"
        r"|\b(?:pages?|paged|paging)\s+(?:the\s+|a\s+)?(?:#|@|(?:[\w-]+\s+){{0,2}}on-?call\b"
        r"|primary\b|secondary\b|oncall\b)|\b(?:is|are|stays?|stayed)\s+green\b"
        r"|\brequir(?:es|ing)\s+(?:--|an?\s|two|\d)|\bstops?\s+if\b",
    ),
)
CONFIG_VALUE = (
    r"(?:\d|true\b|false\b|yes\b|no\b|on\b|off\b|none\b|null\b|zero\b|\w+[-_.:/][\w\-.:/]*|')"
)
# Results an observer can see: "the alert fires", "the job passed", "the dashboard shows".
OBSERVABLE = (
    r"fires?|fired|pages?|paged|passe[sd]|pass|fail(?:s|ed)?|returns?|returned|exits?|exited"
    r"|renders?|rendered|shows?|showed|lists?|listing|reports?|reported|rejects?|rejected"
    r"|blocks?|blocked|contains?|includes?|prints?|printed|logs?|logged|triggers?|triggered"
    r"|launched|stays?|stayed"
)
# Quantities with a unit, and schedules: "30s", "a 24-hour schedule", "nightly".
UNITS = (
    r"\d[\d,.:]*\s*-?\s*(?:%|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|d|weeks?"
    r"|months?|years?|b|kb|mb|gb|tb|k|m|x|rps|qps|per|times|consecutive|nights?|runs?)\b|\$\d"
    rf"|\b(?:{NUMBER_WORDS})[\s-]+(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|consecutive|times|per)\b|\b(?:hourly|daily|nightly|weekly|fortnightly|monthly"
    r"|quarterly|yearly|annually)\b|\b(?:on|for|at)\s+every\s+\w+"
    r"|\bper\s+(?:hour|day|week|minute|second|run|request)\b"
)
# Dates, deadlines and versions: "by 2026-03-01", "before the 3.0 release", "on day one".
DATES = (
    r"\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d+\.\d+(?:\.\d+)?\b|\bon\s+day\s+\w+"
    r"|\bby\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|q[1-4]|(?:the\s+)?end\s+of)\b"
)
# Where a change lives, over the text as written: identifiers, paths, flags, channels, quoted
# names (blanked to q's) and proper names.
IDENTIFIERS = r"[_/#@`]|\w\.\w|[a-z][A-Z]|\b[A-Z]{2,}\b|--\w|\(\)|'q+'|\"q+\"|(?<=[\w,] )[A-Z]\w"
# Words after the object that say where it lives ("to the runbook"); conditions are
# judged on their own (`when things go wrong` is none).
PLACE_WORDS = (
    r"\b(?:to|in|on|from|into|onto|inside|behind|via|across|for|at|under|within|through|with"
    r"|between|before|after|until|that|which|whose)\s+\S"
)

# Hint topics, first match wins: (template, word beginnings that pick it). `{x}` in a template
# is the item's own object; the <...> placeholders are the facilitator's to fill in.
HINT_TOPICS = {
    "careful": "careful vigilant attention caution mistake manual eyes typo",
    "monitoring": "alert monitor observab dashboard metric visib noise logging tracing telemetry "
    "restarts crash spikes outage failures",
    "restore": "backup restore recover failover disaster snapshot",
    "testing": "test coverage qa validat regression chaos check",
    "docs": "doc runbook wiki onboard guide educat train know aware playbook changelog culture",
    "process": "review approv sign-off process handover rigour rigor governance formal policy",
    "deploy": "deploy release rollout rollback ship upgrade canar image",
    "capacity": "capacity scale scaling load latency performance limit pool queue rate throttl "
    "backoff provision memory disk cpu timeout shedding query",
    "talk": "communicat escalat on-call incident vendor status team",
}
HINT_TEMPLATES = {
    "careful": "Make <the tool> refuse {x} unless <condition>, and show the target before it runs",
    "monitoring": "Add an alert on {x} with the condition <metric> > <N> for <M> minutes, "
    "paging <channel>",
    "monitoring-own": "Give {x} the condition <metric> > <N> for <M> minutes and make them "
    "page <channel>",
    "monitoring-queue": "Add an alert when {x}'s depth stays above <N> for <M> minutes, "
    "paging <channel>",
    "monitoring-lag": "Add an alert when {x} stays above <N> seconds for <M> minutes, "
    "paging <channel>",
    "monitoring-job": "Add an alert that pages <channel> when a run of {x} fails or has not "
    "finished by <time>",
    "monitoring-event": "Add an alert that pages <channel> when {x} happen more than <N> times "
    "in <M> minutes",
    "restore": "Add a <nightly> restore or failover test of {x} that pages <channel> when it "
    "fails or takes longer than <N> minutes",
    "testing": "Add a test for {x} that fails when <condition>, run in CI on every pull request",
    "testing-own": "Make {x} run in CI on every pull request and fail the build when <condition>",
    "docs": "Add a '<section>' section on {x} to <the runbook>, listing <the steps>, and link it "
    "from <the alert>",
    "docs-to": "Add a '<section>' section to {x}, listing <the steps>, and link it from "
    "<the alert>",
    "process": "Add a step '<step>' to the checklist for {x} in <tool>, signed off by <role> "
    "before <event>",
    "process-to": "Add a step '<step>' to {x} in <tool>, signed off by <role> before <event>",
    "deploy": "Make <the deploy pipeline> for {x} hold each release on a <N>% canary for <M> "
    "minutes and roll back when the error rate exceeds <threshold>",
    "capacity": "Set the <limit> of {x} to <N> in <config file> and alert when its usage stays "
    "above <P>% for <M> minutes",
    "talk": "Add a runbook step that posts an update on {x} to <channel> every <N> minutes "
    "during an incident",
    "study": "By <date>, decide what changes in {x} and record each change as an action item "
    "with a condition or threshold anyone could check",
    "generic": "Change {x} so that <observable result>, checked by <a test or alert> that fails "
    "when it is not",
}
NO_SUBJECT = "<the service>"  # what {x} is when the item names no object of its own
# Heads of the item's object that pick a variant of a template.
QUEUE_NOUNS = word_set("queue queues backlog backlogs topic topics stream streams")
LAG_NOUNS = word_set("lag latency delay")
JOB_NOUNS = word_set(
    "job jobs export exports import imports backup backups cron batch sync build builds "
    "pipeline pipelines task tasks report reports dump dumps snapshot snapshots indexer"
)
EVENT_NOUNS = word_set(
    "restarts failures errors crashes spikes timeouts outages evictions drops failovers"
)
DOC_NOUNS = word_set("documentation docs doc runbook runbooks guide wiki page playbook handbook")
PROCESS_NOUNS = word_set(
    "process processes procedure procedures checklist review reviews policy handover approvals"
)
# Words that are no one's subject in a hint ("everyone is happy", "in the right places"), and
# words that end a statement's subject ("the services use ...").
NOT_A_SUBJECT = word_set(
    "everyone everybody nobody someone we they it this things people places place right "
    "somewhere everywhere anywhere"
)
# Quantities in front of a subject that the hint leaves out: "most of the services".
QUANTITIES = word_set("most half third lot bit couple few several many")
SUBJECT_STOPS = word_set(
    "use uses feel feels trust trusts run runs work works look looks seem seems need needs has "
    "have get gets keep keeps cover covers follow follows sign signs"
)
# Where the object goes on after a vague noun: "monitoring of the nightly export".
FOLLOW_WORDS = word_set(
    "of for on off around in to into across at about between with from within behind when if"
)

# How the leading verb is read, first match wins; how the hint's template varies with the
# head noun of the item's object.
LEAD_KINDS = (
    ("outcome", OUTCOME_VERBS),
    ("study", STUDY_VERBS),
    ("refrain", REFRAIN_WORDS),
    ("soft", SOFT_VERBS),
    ("measure", MEASURE_VERBS),
    ("change", CHANGE_VERBS),
)
HINT_VARIANTS = {
    "monitoring": ((QUEUE_NOUNS, "-queue"), (LAG_NOUNS, "-lag"), (JOB_NOUNS, "-job")),
    "docs": ((DOC_NOUNS, "-to"),),
    "process": ((PROCESS_NOUNS, "-to"),),
}
# What a reason says: the rule id and why the quoted words make the item vague.
WHY = {
    "effort": ("vague-phrase", "asks for effort or hedges the change"),
    "approximation": ("approximation", "is a quantity nobody could count"),
    "state": ("vague-state", "is a state that needs judgment to call true"),
    "place": ("vague-place", "is no place anyone could find"),
    "judgement": ("vague-phrase", "leaves it to the reader to say which"),
    "hedge": ("vague-phrase", "leaves it to the reader to say how much"),
    "comparative": ("no-measure", "says better without saying how to tell"),
    "state-of-mind": ("state-of-mind", "needs someone's judgment of what people think"),
    "phrase": ("vague-phrase", "promises attention or talk, not a change"),
    "study": ("vague-verb", "names a study or an intention, not a change"),
    "soft": ("vague-verb", "does not say what will change"),
    "unknown": ("vague-verb", "does not say what will change"),
    "refrain": ("vague-verb", "asks people to refrain instead of changing a thing"),
    "measure": ("no-measure", "has no target anyone could check"),
    "outcome": ("vague-verb", "names an outcome without a state anyone could check"),
    "abstract": ("vague-object", "is nothing anyone could check without a condition"),
    "needs": ("vague-object", "is nothing anyone could check without a condition or schedule"),
    "no-end-state": ("no-end-state", "names no condition, threshold or place anyone could check"),
    "too-short": ("too-short", "is too short to say what will change"),
}
# Unions the judge reads often, made once.
VERBS = STUDY_VERBS | OUTCOME_VERBS | SOFT_VERBS | MEASURE_VERBS | CHANGE_VERBS
TAIL_VERBS = CHANGE_VERBS | MEASURE_VERBS | OUTCOME_VERBS | SOFT_VERBS
VAGUE_WORDS = COMPARATIVES | HEDGE_ADJECTIVES | JUDGEMENT_ADJECTIVES
UNCHECKABLE = STOPWORDS | ABSTRACT_NOUNS | VAGUE_WORDS  # a condition of only these says nothing
NOT_A_KIND = VAGUE_WORDS | {"new", "additional"}  # "a new check" names no kind of check
VAGUE_HEADS = ABSTRACT_NOUNS | NEEDS_CONDITION | COMPARATIVES
NO_SUBJECT_WORDS = UNCHECKABLE | NEEDS_CONDITION | NOT_A_SUBJECT
SKIP_BEFORE_SUBJECT = BOUNDARIES | VAGUE_WORDS
LEFT_OUT_OF_SUBJECT = VAGUE_WORDS | NOT_A_SUBJECT | {"full"} | set(NUMBER_WORDS.split("|"))
AFTER_A_VERB = DETERMINERS | COMPARATIVES | JUDGEMENT_ADJECTIVES | {"up", "down", "off", "out"}
