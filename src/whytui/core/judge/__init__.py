"""The cause judge and the action judge.

`judge_cause` decides whether a causal statement ends at a person or at a structural
condition. It judges who is the actor of the failure, not single words: "the DBA dropped the
index" ends at a person, "the console lets any engineer delete a tenant" does not, though
both name a person. Where a statement says what caused what ("X because Y", "X, so Y"), the
deeper cause decides. Every verdict names the words and the rule, so a wrong one can be
argued with, and fixed in `.whytui.toml` rather than silently overridden.

`judge_action` decides whether an action item (or its `done_when`) is specific enough that
anyone could check it is done without judgment.

Both are rule-based and offline. The modules, each building on those before it:

- `people_words`, `cause_words`, `action_words`: the vocabulary, as word lists;
- `verdicts`: the verdict types, the rule ids and the reframe questions;
- `tokens`: statements read into tokens and sentences; case-blind phrase patterns;
- `verbs`: verb groups, and which of them are a person's failure;
- `people`: who is who, the `Reading` of one statement;
- `clauses`: sentences split into clauses and how each is linked to the one before;
- `findings`: what each clause says that ends the statement at a person;
- `causes`: the cause judge, which decides which clauses' findings count;
- `actions`: the action judge.

This package offers only what is imported here; the rest is the modules' business.
"""

from whytui.core.judge.actions import judge_action
from whytui.core.judge.causes import judge_cause
from whytui.core.judge.verdicts import (
    ATTENTION,
    COUNTERFACTUAL,
    HUMAN_ERROR,
    KNOWLEDGE,
    LAPSE,
    NAMED_PERSON,
    PRONOUN_ACTOR,
    REFRAME_QUESTIONS,
    ROLE_ACTOR,
    ActionVerdict,
    CauseVerdict,
    Match,
)

__all__ = [
    "ATTENTION",
    "COUNTERFACTUAL",
    "HUMAN_ERROR",
    "KNOWLEDGE",
    "LAPSE",
    "NAMED_PERSON",
    "PRONOUN_ACTOR",
    "REFRAME_QUESTIONS",
    "ROLE_ACTOR",
    "ActionVerdict",
    "CauseVerdict",
    "Match",
    "judge_action",
    "judge_cause",
]
