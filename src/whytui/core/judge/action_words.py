"""The words the action judge finds vague: leading verbs that wish, soften or refrain, hedging
phrases, comparatives, states of mind, and nouns too general to name a change.

A word list like `people_words`, whose `word_set` it uses; the action judge needs no other.
All entries are lower case.
"""

from whytui.core.judge.people_words import word_set

# Leading verbs that name an intention, a study or a talk, not a change. No rescue.
WISH_VERBS = word_set(
    """
    investigate consider ensure explore evaluate assess reassess re-evaluate re-assess
    research study examine analyse analyze understand discuss brainstorm educate train
    remind encourage emphasise emphasize stress reinforce socialise socialize align sync
    strive aim endeavour endeavor plan think rethink revisit prioritise prioritize
    """
)
# Leading verbs that are vague unless a concrete change follows: "review the rules and
# delete those that ...", "improve alerting by adding an alert for ...".
SOFT_VERBS = word_set(
    """
    improve enhance optimise optimize strengthen streamline revamp refine modernise modernize
    review audit check monitor address handle tackle clarify communicate harden tighten
    stabilise stabilize refactor rework simplify overhaul redesign rearchitect clean revise
    """
)
# Leading words that ask people to refrain: "don't deploy on Fridays", "avoid manual steps".
REFRAIN_WORDS = word_set("don't never avoid")
# Verbs that only say "more" or "less" and need a target: "reduce alert noise".
MEASURE_VERBS = word_set(
    """
    reduce increase decrease lower raise minimise minimize maximise maximize limit cut
    shorten lengthen extend boost speed tune adjust
    """
)
# Phrases that ask people to try harder or hedge what will happen.
VAGUE_PHRASES = (
    r"be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|cautious|diligent|mindful|aware"
    r"|proactive|thorough|attentive)",
    r"pay\s+(?:more\s+|closer\s+|better\s+)?attention",
    r"look\s+(?:into|at)",
    r"keep\s+(?:an?\s+)?(?:close\s+|closer\s+)?eyes?\s+on",
    r"keep\s+track\s+of",
    r"work\s+(?:towards?|on)",
    r"try\s+to",
    r"etc\.?",
    r"and\s+so\s+on",
    r"(?:better|more|improved|clearer)\s+communication",
    r"raise\s+awareness",
    r"make\s+sure",
    r"have\s+an?\s+(?:conversation|discussion|meeting|chat|talk|sync)",
    r"(?:does\s+not|doesn't|do\s+not|don't|won't|never)\s+happen\s+again",
    r"follow[- ]up",
    r"think\s+about",
    r"as\s+(?:needed|necessary|appropriate|required)",
    r"(?:where|when|if)\s+(?:possible|needed|necessary|appropriate|feasible)",
    r"going\s+forward",
    r"in\s+the\s+future",
    r"from\s+now\s+on",
    r"asap",
    r"best\s+practices?",
    r"lessons\s+learned",
    r"regularly|periodically|properly|appropriately|adequately|sufficiently|somehow",
    r"(?:do|hold|run|have|organi[sz]e|schedule)\s+an?\s+(?:retro(?:spective)?|post-?mortem"
    r"|meeting|discussion|workshop|session|sync|brainstorm)",
    r"talk\s+(?:to|with|about)",
    r"share\s+(?:the\s+|our\s+)?(?:learnings?|lessons|knowledge|findings|context)",
    r"reach\s+out",
    r"circle\s+back",
    r"touch\s+base",
    r"loop\s+in",
    r"get\s+(?:feedback|buy-in|alignment|input)",
)
# Adjectives that leave the reader to decide what is enough: "add proper error handling".
# Vague unless a number or an exact name says it anyway.
HEDGE_ADJECTIVES = word_set(
    "proper appropriate adequate sufficient necessary relevant various gracefully reasonable"
)
# Saying something is better without saying how to tell.
COMPARATIVES = word_set(
    """
    better worse safer easier faster quicker clearer simpler smoother stronger tighter
    improved enhanced more less fewer greater robust reliable resilient stable secure
    """
)
# A criterion that needs someone's judgment of a state of mind.
STATE_OF_MIND = word_set(
    """
    know knows understand understands understood aware familiar comfortable confident feel
    feels happy satisfied agree agrees
    """
)
# Nouns too general to say what changes: "add monitoring", "fix the issue".
GENERIC_NOUNS = word_set(
    """
    monitoring alerting alerts observability documentation docs logging tests testing
    process processes things stuff issue issues problem problems bug bugs system systems
    code quality reliability stability security communication awareness culture visibility
    coverage tooling practices procedures improvements changes fix fixes it this that them
    everything something anything work
    """
)
STOPWORDS = word_set(
    """
    the a an to for of in on at with and or by from that this these those it its our their
    all be is are was were will should can must we some when if after before as so not than
    then into onto about which who whose also only just there any each every
    """
)
