"""The structural categories a root cause can be closed under.

A root cause names a condition of the system, not of a person; the category says which kind,
so that `whytui patterns` can count what keeps recurring. Repositories add their own in
`.whytui.toml`; these are the built-in ones.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    description: str
    example: str


BUILTIN_CATEGORIES: tuple[Category, ...] = (
    Category(
        "missing-check",
        "Missing check or guardrail",
        "Nothing stopped the harmful action or caught it before it landed.",
        "Direct pushes to main are not blocked by branch protection.",
    ),
    Category(
        "unsafe-default",
        "Unsafe default",
        "The path of least resistance was the dangerous one.",
        "Redis eviction policy defaults to noeviction in our Helm chart.",
    ),
    Category(
        "knowledge-gap",
        "Documentation or knowledge gap",
        "A process assumed knowledge that people in that seat did not have.",
        "The onboarding guide assumes familiarity with the legacy routing table.",
    ),
    Category(
        "monitoring-gap",
        "Monitoring or alerting blind spot",
        "The system was failing and nothing told anyone.",
        "No alert fires when the rate limiter config diverges from the database.",
    ),
    Category(
        "process-gap",
        "Process or coordination gap",
        "Handover, review, escalation or prioritisation did not carry the work.",
        "The escalation policy has no time-based escalation step.",
    ),
    Category(
        "tool-hazard",
        "Tool or interface hazard",
        "The tool made the wrong action easy or the right one hard.",
        "The deploy checklist lives in a wiki page that the deploy tool never shows.",
    ),
    Category(
        "capacity-limit",
        "Capacity or design limit",
        "The design could not carry the load or the case it met.",
        "Postgres max_connections is lower than the sum of all pool sizes.",
    ),
    Category(
        "external-dependency",
        "External dependency",
        "A provider or upstream we rely on failed or changed.",
        "The payment provider's API changed its timeout without notice.",
    ),
)
