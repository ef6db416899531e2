"""Realistic session files in bulk, for benchmarks: `generate_sessions(folder, count, …)`.

Sessions are built the way the app builds them (through `whytui.core.edits`) and written with
`whytui.store.sessionfile.save`, so they are exactly what a repository full of reviews holds: why
trees a few levels deep, root causes closed under structural categories, specific action
items, answered closing questions. About a quarter are still open, with unfinished branches
and an action item or two that lint will complain about, as real repositories have.

The seed fixes titles, texts and tree shapes; record ids are minted randomly, as in the app.

    uv run python benchmarks/generate.py FOLDER [--count 1000] [--nodes 50] [--seed 0]
"""

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from whytui.core import edits
from whytui.core.ids import ROOT_ID
from whytui.core.models import Session
from whytui.store.sessionfile import save, slugify

SERVICES = (
    "checkout", "search-indexer", "payments-api", "auth", "notifications", "inventory",
    "recommendations", "billing-worker", "image-resizer", "session-store", "api-gateway",
    "order-history", "feature-flags", "rate-limiter", "email-sender", "ledger",
)  # fmt: skip
COMPONENTS = (
    "the Redis cluster", "the Postgres primary", "the Kafka consumer group", "the nginx ingress",
    "the connection pool", "the cron scheduler", "the Helm chart", "the CDN cache",
    "the DNS resolver", "the TLS certificate", "the S3 bucket policy", "the job queue",
)  # fmt: skip
SYMPTOMS = (
    "returned HTTP 500 for a third of requests", "served stale data for hours",
    "dropped messages during a deploy", "timed out under normal load",
    "charged some customers twice", "stopped sending confirmation emails",
)  # fmt: skip
CHANGES = (
    "the Tuesday deploy", "the schema migration", "the config refactor",
    "the library upgrade", "the traffic spike from the sale", "the region failover",
)  # fmt: skip
PEOPLE = (
    "Priya Raman", "Tomasz Nowak", "Ade Okafor", "Mei Chen", "Lena Fischer", "Sam Ortiz",
    "Kofi Mensah", "Ines Duarte", "Yuki Tanaka", "Omar Haddad",
)  # fmt: skip
WHYS = (
    "{component} rejected new work for {minutes} minutes.",
    "{service} retried every failed call immediately, multiplying the load.",
    "{component} ran out of capacity after {change}.",
    "The health check of {service} kept passing while requests failed.",
    "Requests to {service} queued behind a lock held by a slow batch job.",
    "{service} read its settings from a file that {change} had moved.",
    "The fallback path of {service} had never run in production.",
    "Nobody was paged until customers reported errors in {service}.",
)  # fmt: skip
ROOT_CAUSES = {
    "missing-check": (
        "CI has no check that rejects {service} config without a {guard}.",
        "Nothing in the deploy pipeline of {service} compares {component} settings with prod.",
        "Schema migrations for {service} run without a check for locks longer than {seconds}s.",
    ),
    "unsafe-default": (
        "{component} defaults to unlimited retries in the client {service} shares with {other}.",
        "The {service} Helm chart sets no {guard} unless a release overrides it.",
        "New {service} queues are created without a dead-letter queue by default.",
    ),
    "knowledge-gap": (
        "The runbook for {service} assumes knowledge of {component} that new engineers don't have.",
        "The {service} onboarding guide never explains how {component} fails over.",
        "How {other} depends on {service} is written down nowhere outside old chat threads.",
    ),
    "monitoring-gap": (
        "No alert fires when the error rate of {service} passes {percent}%.",
        "The {service} dashboard shows {component} lag but nothing alerts on it.",
        "Health checks of {service} pass while {component} rejects {percent}% of writes.",
    ),
    "process-gap": (
        "The escalation policy for {service} has no time-based escalation step.",
        "Changes to {component} need no review from the {other} owners who depend on it.",
        "The handover between {service} on-call shifts has no list of open incidents.",
    ),
    "tool-hazard": (
        "The deploy tool applies {service} config changes without showing a diff.",
        "The admin console runs {service} bulk jobs against prod without a confirmation.",
        "The {component} CLI uses the same flag to drain and to delete a node.",
    ),
    "capacity-limit": (
        "{component} allows {small} connections while {service} opens {large}.",
        "The {service} worker pool of {small} cannot drain a backlog of {large} jobs a minute.",
        "{component} has one shard for {service}, and it fills at {large} writes a second.",
    ),
    "external-dependency": (
        "The payment provider changed its API timeout to {seconds}s without notice.",
        "The {service} email vendor throttles us at {small} messages a second, undocumented.",
        "The DNS provider's outage took {component} names for {service} offline.",
    ),
}
ACTIONS = {
    "missing-check": (
        (
            "Add a CI rule that fails when {service} config has no {guard}.",
            "A test pull request without a {guard} fails CI with the rule's message.",
        ),
        (
            "Add a pipeline step that diffs {component} settings of {service} with prod.",
            "A staging deploy with a changed setting stops at the diff step.",
        ),
    ),
    "unsafe-default": (
        (
            "Set the default retries of the client {service} uses to 3 with backoff.",
            "The client's unit test shows a fourth retry is never attempted.",
        ),
        (
            "Give the {service} Helm chart a default {guard} in its values file.",
            "helm template with no overrides renders the {guard} for {service}.",
        ),
    ),
    "knowledge-gap": (
        (
            "Add a {component} section to the {service} runbook with the recovery commands.",
            "The runbook page has the section and the on-call rota links to it.",
        ),
        (
            "Write the {other} to {service} dependency into the service catalogue entry.",
            "The catalogue entry for {service} lists {other} with its failure mode.",
        ),
    ),
    "monitoring-gap": (
        (
            "Add a paging alert when the error rate of {service} exceeds {percent}% for 5 min.",
            "The alert rule is in the alerts repository and fired in the staging drill.",
        ),
        (
            "Alert when {component} lag for {service} stays above {large} for 10 minutes.",
            "The rule exists and paged the {service} rota in a {minutes}-minute drill.",
        ),
    ),
    "process-gap": (
        (
            "Add a {minutes}-minute escalation step to the {service} escalation policy.",
            "The policy export lists the step and a test incident escalated on time.",
        ),
        (
            "Require a review from {other} owners on changes to {component} settings.",
            "CODEOWNERS lists the {other} team for the {component} config folder.",
        ),
    ),
    "tool-hazard": (
        (
            "Make the deploy tool print the {service} config diff and ask to confirm.",
            "Deploying a config change in staging shows the diff before applying it.",
        ),
        (
            "Split the {component} CLI's drain and delete into two separate commands.",
            "The CLI's help lists both commands and delete refuses without --node.",
        ),
    ),
    "capacity-limit": (
        (
            "Raise max_connections to {large} and cap the {service} pool at {small}.",
            "The database parameter group and the {service} chart both show the new values.",
        ),
        (
            "Autoscale the {service} workers from {small} to {large} on queue depth.",
            "A load test with {large} jobs a minute keeps the queue under {minutes} minutes.",
        ),
    ),
    "external-dependency": (
        (
            "Pin the provider API version in the {service} client and alert on deprecations.",
            "The client sends a pinned version header, checked by a contract test in CI.",
        ),
        (
            "Add a second DNS provider for the {service} zone with health-checked failover.",
            "Both providers answer for the zone and the failover drill passed.",
        ),
    ),
}
CLOSING = (
    "Every {service} dependency would need a timeout and a bounded retry by default.",
    "{other} uses the same client and the same chart, and has no alert either.",
)


def _words(rng: random.Random, service: str) -> dict[str, object]:
    return {
        "service": service if rng.random() < 0.7 else rng.choice(SERVICES),
        "other": rng.choice(SERVICES),
        "component": rng.choice(COMPONENTS),
        "change": rng.choice(CHANGES),
        "minutes": rng.randrange(5, 240),
        "percent": rng.choice((1, 2, 5, 10)),
        "small": rng.choice((50, 100, 200)),
        "large": rng.choice((400, 800, 1600)),
        "seconds": rng.choice((5, 10, 30, 60)),
        "guard": rng.choice(("timeout", "retry limit", "memory limit", "rate limit", "expiry")),
    }


def _say(template: str, rng: random.Random, service: str) -> str:
    text = template.format(**_words(rng, service))
    return text[0].upper() + text[1:]


def generate_session(rng: random.Random, nodes: int = 50) -> Session:
    """One review with `nodes` whys; closed and lint-clean unless it comes out open."""
    service = rng.choice(SERVICES)
    date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(730))
    people = rng.sample(PEOPLE, rng.randrange(2, 6))
    session = Session(
        title=f"{service} {rng.choice(SYMPTOMS)}",
        date=date,
        facilitator=people[0],
        participants=tuple(people),
        incidents=(f"INC-{rng.randrange(1000, 9999)}",),
        services=(service, rng.choice(SERVICES)),
        problem=_say(
            f"For {rng.randrange(5, 400)} minutes on {date:%d %B}, {service} "
            f"{rng.choice(SYMPTOMS)}, and {rng.randrange(2, 90)}% of requests failed.",
            rng,
            service,
        ),
    )
    depth = {ROOT_ID: 0}
    for _ in range(nodes):
        # Mostly ask "why?" again under the last answer; sometimes branch off an earlier one.
        parent = next(reversed(depth)) if rng.random() < 0.75 else rng.choice(list(depth))
        if depth[parent] >= 7:
            parent = ROOT_ID
        session, node_id = edits.add_why(session, parent, _say(rng.choice(WHYS), rng, service))
        depth[node_id] = depth[parent] + 1
    is_open = rng.random() < 0.25
    for leaf in session.leaves():
        if is_open and rng.random() < 0.3:
            continue  # a branch the room hasn't finished
        category = rng.choice(sorted(ROOT_CAUSES))
        cause = _say(rng.choice(ROOT_CAUSES[category]), rng, service)
        session = edits.edit_text(session, leaf.id, cause)
        session = edits.close_as_root_cause(session, leaf.id, category)
        text, done_when = rng.choice(ACTIONS[category])
        session, _ = edits.add_action(
            session,
            text=_say(text, rng, service),
            owner=rng.choice(people),
            due=date + dt.timedelta(days=rng.randrange(7, 60)),
            done_when=_say(done_when, rng, service),
            causes=(leaf.id,),
            tracker=f"OPS-{rng.randrange(100, 999)}",
        )
    if is_open:
        session, _ = edits.add_action(session, text="Improve monitoring.", owner=people[0])
        return session
    closing = [_say(question, rng, service) for question in CLOSING]
    session = edits.set_closing(session, *closing)
    return edits.set_fields(session, status="closed")


def generate_sessions(folder: Path, count: int, nodes: int = 50, seed: int = 0) -> list[Path]:
    """Write `count` session files of `nodes` whys each into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        session = generate_session(rng, nodes)
        path = folder / f"{session.date}-{slugify(session.title)}-{number:04x}.toml"
        save(session, path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write realistic generated session files.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate_sessions(args.folder, args.count, args.nodes, args.seed)
    print(f"wrote {len(paths)} sessions to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
