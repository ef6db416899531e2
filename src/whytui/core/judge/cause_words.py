"""The words the cause judge reads a statement's grammar and blame with: verbs and their
helpers, human-error language, what a system guards against, and the connectives that say
what caused what.

A word list like `people_words`, whose `word_set` it uses; kept apart from the rules for the
same reason: a wrong verdict is fixed by a reviewable edit to a word. All entries are lower
case.
"""

from whytui.core.judge.people_words import word_set

# After these, a person is the object of what a system does, not the actor.
OBJECT_MARKERS = word_set(
    """
    lets let allows allowed permits permitted enables tells told shows showed gives gave
    sends sent pages paged notifies notified alerts alerted requires required expects
    expected forces forced asks asked stops prevents prevented blocks blocked warns warned
    makes made leaves left lead leads to for from with without on at about into onto than
    like of
    """
)

# Verb groups that make a person the one something happened to, or describe what they have.
STATE_VERBS = word_set(
    """
    have has had own owns owned need needs needed get gets got receive receives received lack
    lacks lacked rely relies relied depend depends depended belong belongs belonged want wants
    wanted know knows knew see sees saw hold holds held spend spends spent
    """
)
KNOW_VERBS = word_set("know knew knows realise realised realize realized understand understood")
ABILITY_WORDS = word_set("can cannot can't could couldn't unable may might")
OBLIGATION_WORDS = word_set("must need needs needed")
BE_WORDS = word_set("is are was were am be been being isn't aren't wasn't weren't")
PAST_BE = word_set("was were wasn't weren't")
HAVE_WORDS = word_set("has have had hasn't haven't hadn't")
DO_NEGATIONS = word_set("didn't don't doesn't never")
DO_WORDS = word_set("did does do")
NEGATIONS = word_set("not never n't")
COUNTERFACTUAL_MODALS = word_set("should could would ought must shouldn't couldn't wouldn't")

# Adverbs skipped between an actor and its verb ("the engineer then accidentally ran").
ADVERBS = word_set(
    """
    also both then just simply still again directly already ever even once first later
    accidentally mistakenly inadvertently apparently probably clearly only routinely too very
    quite really extremely completely
    """
)

# Irregular past tenses and participles common in incident statements.
IRREGULAR_PAST = word_set(
    """
    ran began broke brought built bought caught chose came cut did drew drove fell felt found
    forgot forgotten gave went got had heard held hid hit kept knew laid led left lent let lost
    made meant met mistook misread misunderstood overlooked overrode overwrote paid put quit
    read rebuilt reran rode rewrote said saw sent set shut sold spent split spun stood stole
    struck swore took taught told thought threw undid understood upheld withdrew won wrote
    wound
    """
)
IRREGULAR_PARTICIPLES = word_set(
    """
    given shown told taken sent woken known seen written done run put set left hidden
    forgotten driven broken chosen spoken stolen thrown worn beaten bitten begun
    """
)
# Base and present forms accepted after a plural actor ("engineers deploy from laptops").
BASE_VERBS = word_set(
    """
    deploy deploys push pushes merge merges delete deletes restart restarts run runs skip
    skips ignore ignores forget forgets approve approves tag tags edit edits bypass bypasses
    disable disables override overrides reboot reboots drop drops type types click clicks
    change changes commit commits copy copies paste pastes rush rushes assume assumes misread
    misreads apply applies update updates use uses rerun reruns silence silences mute mutes
    """
)

# Words that may follow a verb but not a noun: "deploy straight to", "push without".
VERB_FOLLOWERS = word_set("to from into onto on in without by at with straight up down out off")

# Lapses: a person omitted something. They need a person or no subject ("forgot to renew"):
# a system that "ignored the flag" is a defect, not a lapse.
LAPSE_VERBS = word_set(
    """
    forgot forget forgets forgotten forgetting neglected neglect neglects overlooked overlook
    ignored ignore ignores missed skipped skip skips bypassed
    """
)
KNOWLEDGE_VERBS = word_set("misunderstood misinterpreted misjudged")
# Verbs a person fails to do: the ones after "didn't", "failed to", "was not ... ".
HUMAN_VERBS = word_set(
    """
    notice noticed check checked follow followed test tested know known verify verified read
    review reviewed realise realised realize realized understand understood see seen consider
    considered communicate communicated escalate escalated update updated inform informed tell
    ask asked confirm confirmed double-check double-checked validate validated remember
    remembered think thought anticipate anticipated plan planned coordinate coordinated
    document documented report reported try tried run back backed look looked
    monitor monitored watch watched catch caught pay respond responded act acted wait waited
    acknowledge acknowledged answer answered approve approved
    """
)

# Human-error language, whoever the subject. Silenced only where the statement is about
# what a system does with such errors ("nothing catches a typo in the mask").
# "<role> error" ("DBA error", "developer error") is human-error language too.
HUMAN_ERROR_PHRASES = (
    r"(?:human|user|pilot|personnel|engineering|manual)\s+errors?",
    r"mistakes?",
    r"mistakenly",
    r"mistook",
    r"by\s+mistake",
    r"(?<!lack of )(?<!no )(?<!without )oversights?",
    r"typos?",
    r"fat[- ]?finger(?:ed|ing|s)?",
    r"mistyped",
    r"misclick(?:ed)?",
    r"misread",
    r"accidentally",
    r"inadvertently",
    r"(?:poor|bad)\s+judge?ment",
    r"(?:error|lapse)\s+(?:in|of)\s+judge?ment",
    r"blunder(?:ed|s)?",
    r"botched",
    r"(?:screwed|messed)\s+up",
    r"dropped\s+the\s+ball",
    r"incompeten(?:t|ce)",
    r"pebkac",
    r"pebcak",
)
ATTENTION_PHRASES = (
    r"careless(?:ly|ness)?",
    r"negligen(?:t|ce|tly)",
    r"sloppy|sloppily|sloppiness",
    r"lazy|lazily|laziness",
    r"distracted",
    r"rushed|rushing",
    r"in\s+a\s+(?:hurry|rush)",
    r"complacen(?:t|cy)",
    r"inattenti(?:ve|on)",
    r"reckless(?:ly|ness)?",
    r"(?:was|were|wasn't|weren't|is|are|not)\s+(?:not\s+)?paying\s+attention",
    r"(?:wasn't|weren't|was\s+not|were\s+not)\s+careful",
    r"(?:lack|lacking|absence)\s+of\s+(?:attention|care|diligence|focus|rigou?r|discipline"
    r"|vigilance|caution|thoroughness|effort)",
    r"(?:insufficient|not\s+enough|too\s+little|little)\s+(?:attention|care|diligence"
    r"|rigou?r|caution)",
    r"cut(?:ting)?\s+corners",
    r"didn't\s+bother|did\s+not\s+bother",
)
KNOWLEDGE_PHRASES = (
    r"unaware",
    r"unfamiliar",
    r"(?:wasn't|weren't|was\s+not|were\s+not|not)\s+aware",
    r"had\s+no\s+idea",
)

# A person's state or conduct, as in "the reviewer was sloppy", "the operator was fatigued".
ATTENTION_WORDS = word_set(
    """
    tired exhausted fatigued sleepy asleep overconfident careless negligent sloppy lazy
    distracted rushed hurried complacent inattentive reckless
    """
)

# A clause about what a system catches, or lets happen, is not blaming anyone: "nothing
# catches a typo". Guard verbs count anywhere in the clause; the other guard words only
# before the human-error words ("makes a careless click easy", "a typo can take down").
GUARD_VERBS = word_set(
    """
    catch catches caught detect detects detected prevent prevents prevented stop stops
    stopped block blocks blocked flag flags flagged reject rejects rejected validate
    validates guard guards protect protects warn warns warned surface surfaces surfaced
    can could may might
    """
)
GUARD_WORDS = GUARD_VERBS | word_set(
    "against without easy easier possible allows allow lets let permits invites tolerates "
    "accepts makes made make nothing no"
)

# Nouns for something a person did: "Greg's change broke the cache".
ACT_NOUNS = word_set(
    """
    change commit decision choice mistake error fault typo command edit push merge deploy
    deployment action query oversight
    """
)

# What a trailing ", which ..." says when it faults the thing before it.
DEFICIENCY_PHRASES = (
    r"out\s+of\s+date|outdated|stale|wrong|incorrect|inaccurate|missing|broken|misleading",
    r"ambiguous|unclear|confusing|undocumented|obsolete|incomplete|silent|hidden|buried",
    r"no|not|never|without|lacks?|lacked|lacking|nothing|none|isn't|wasn't|doesn't|didn't",
)

# How clauses join. "cause": what follows is the deeper cause; "result": what precedes is;
# "embedded": a subordinate clause that sets context ("when", "that", "although").
CAUSE_CONNECTIVES = (
    "because of",
    "due to",
    "owing to",
    "caused by",
    "as a result of",
    "given that",
    "thanks to",
    "because",
)
RESULT_CONNECTIVES = (
    "which meant",
    "which caused",
    "which led to",
    "leading to",
    "resulting in",
    "as a result",
    "therefore",
    "thus",
    "hence",
)
EMBEDDED_CONNECTIVES = (
    "so that",
    "even though",
    "in order to",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "whenever",
    "while",
    "if",
    "unless",
    "until",
    "once",
    "although",
    "though",
    "whereas",
    "after",
    "before",
    "since",
)
CONNECTIVE_WORDS = frozenset(
    w for phrase in CAUSE_CONNECTIVES + EMBEDDED_CONNECTIVES for w in phrase.split()
)
"""Every word of a connective that opens a cause or an embedded clause: never a name."""
COORDINATORS = ("and", "but", "or", "nor")
LEAD_IN_PREPOSITIONS = word_set("during after before in on at while when yesterday today")

# What only a person does, said after a doer whose name the lists may lack: "Tadeusz forgot",
# "Venkatesh shipped it without testing", "she aimed her query at the wrong table".
HUMAN_GERUNDS = word_set(
    """
    checking testing reading reviewing telling warning asking notifying verifying waiting
    looking confirming consulting informing escalating thinking asking double-checking
    running having getting
    """
)
HUMAN_CUE_PHRASES = (
    r"went\s+(?:to\s+)?(?:lunch|home|sleep|to\s+bed|off\s+shift)",
    r"thinking\s+(?:he|she|they|it)\s+was",
    r"without\s+(?:telling|warning|asking|informing|notifying|consulting|paging)(?:\s+anyone)?",
    r"without\s+(?:reading|reviewing|testing|checking|verifying|double-checking|confirming)",
    r"without\s+(?:a\s+second\s+(?:reviewer|pair\s+of\s+eyes)|a\s+rollback\s+plan)",
    r"unattended",
)
"""What only a person does: enough to read a doer the name lists lack as a person."""
SLIP_PHRASES = (r"instead\s+of", r"the\s+wrong", r"anyway", r"again")
"""What a slip sounds like: with no doer named at all ("Typed 100 instead of 10"), the doer
left out is a person."""
PERSON_PRONOUNS = word_set("he she him her his hers himself herself")

_WORKPLACE = r"(?:the|our|this)\s+(?:company|team|org|organi[sz]ation|project|business|firm|rota)"
DEPARTURE_PHRASE = (
    r"(?:(?:have|has|had|since|all|both|long|then|later)\s+)*(?:"
    r"(?:moved|move|moves)\s+on"
    rf"|(?:left|leave|leaves|quit|resigned|retired|departed)(?:\s+{_WORKPLACE})?"
    r"|(?:changed|switched)\s+(?:teams|roles|jobs)"
    r"|(?:moved|transferred)\s+to\s+(?:another|a\s+different|other)\s+(?:team|role|project)s?"
    r"|went\s+on\s+(?:\w+\s+)?leave"
    r"|(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+reassigned"
    r"|(?:is|are|was|were)\s+(?:gone|no\s+longer\s+(?:here|with\s+us|around))"
    r"|no\s+longer\s+work\s+here"
    r")(?:\s+(?:since|years?\s+ago|long\s+ago|last\s+(?:year|month)|in\s+\d{4}))?"
)
"""Leaving is not a failure: "its designers have moved on", "engineers who have since left"
say what the system lost, not what someone did wrong."""

# What a person wanted: a deeper clause that gives a motive still ends at people ("we skipped
# the review because we wanted to ship").
MOTIVE_VERBS = word_set(
    """
    want wants wanted wish wished prefer preferred thought think believed believe assumed
    assume felt feel hoped hope decided decide chose choose expected hurried rushed
    """
)

# Participles that say who does a job, not who did a failure: "staffed by a technician".
STANDING_PARTICIPLES = word_set(
    """
    staffed owned run maintained managed operated designed built written held covered handled
    used known supported
    """
)

# What systems do, said without a subject ("Timed out after 30 s", "Returned 500s"): not an
# act with its doer left out.
SYSTEM_EVENT_VERBS = word_set(
    """
    timed crashed returned rejected exceeded leaked hung stalled spiked overflowed expired
    failed fell dropped evicted lost reached hit saturated exhausted consumed served retried
    sent wrote took caused triggered blocked locked filled started stopped slowed degraded
    flapped errored panicked deadlocked throttled queued paged fired alerted logged emitted
    """
)
# Words that start what a verb acts on, or where it went: "pushed [straight] to prod",
# "merged [without] waiting", "went [ahead] with the deploy", "copied [it] over".
OBJECT_STARTS = word_set(
    "it them this that these those without straight to into onto ahead back over out off up"
)

# Particles that belong to the verb before them: "signed off", "kicked off", "rolled back".
PARTICLES = word_set("off up out down over back away through")
