"""Session files for the tests that look across sessions (actions, patterns).

`write_session` writes one session with given root causes and action items through the real
model and writer. `plant_corpus` writes a folder of sessions in which five recurring causes are
planted, each paraphrased (other words, same fragility) across two to six sessions, among
many unrelated causes that share words with them (Redis, deploy, certificate, never expire…):
the clustering must find exactly the planted groups and merge nothing else.
"""

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whytui.core.ids import ROOT_ID
from whytui.core.models import ActionItem, Session, WhyNode
from whytui.store.sessionfile import save

PLANTED: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "unsafe-default",
        (
            "Session keys are written to Redis without a TTL, so they never expire.",
            "Redis session keys carry no TTL and never expire.",
            "Nothing sets a TTL on the session keys in Redis, so they never expire.",
            "Keys in the Redis session store never expire because writes set no TTL.",
            "The Redis client writes session keys with no TTL; the keys never expire.",
        ),
    ),
    (
        "capacity-limit",
        (
            "Postgres max_connections is lower than the sum of all connection pool sizes.",
            "The sum of the services' connection pool sizes exceeds Postgres max_connections.",
            "Connection pool sizes across services add up to more than Postgres "
            "max_connections allows.",
            "Postgres max_connections is smaller than the connection pools of all services "
            "combined.",
        ),
    ),
    (
        "monitoring-gap",
        (
            "TLS certificates for the edge proxies are renewed by hand and nothing alerts "
            "before they expire.",
            "Nobody is alerted before edge proxy TLS certificates expire; renewal is manual.",
        ),
    ),
    (
        "missing-check",
        (
            "The deploy pipeline runs database migrations without checking whether they take "
            "table locks.",
            "Database migrations that lock tables pass the deploy pipeline unchecked.",
            "No deploy pipeline check catches a database migration that takes a table lock.",
            "The deploy pipeline does not check migrations for table locks before running them.",
            "Migrations that take table locks run in the deploy pipeline with no check.",
            "Table-locking database migrations are not caught by any check in the deploy pipeline.",
        ),
    ),
    (
        "knowledge-gap",
        (
            "The failover runbook assumes knowledge of the replica promotion steps that new "
            "on-call engineers lack.",
            "The database failover runbook skips the replica promotion steps, assuming on-call "
            "engineers know them.",
            "New on-call engineers don't know the replica promotion steps the failover runbook "
            "leaves out.",
        ),
    ),
)
"""Five fragilities, each written differently in each session that met it."""

UNRELATED: tuple[str, ...] = (
    "No alert fires on Redis memory usage for the session store.",
    "Redis eviction policy defaults to noeviction in our Helm chart.",
    "The Kafka consumer starts from the latest offset by default.",
    "The indexer lag dashboard shows lag per partition but nothing alerts on it.",
    "Postgres autovacuum settings are the defaults, tuned for a small database.",
    "The connection retry loop in the payments client has no backoff or jitter.",
    "Deploys on Friday afternoons have no second reviewer on call.",
    "The deploy tool shows no diff of the feature flags it changes.",
    "Feature flags have no owner or expiry date, so stale flags pile up.",
    "API tokens for the billing provider never expire and are shared across services.",
    "Certificate pinning in the mobile app has no way to rotate keys.",
    "The load balancer health check only checks that the port is open.",
    "The on-call rota has no handover note between time zones.",
    "The escalation policy has no time-based escalation step.",
    "Disk usage on build agents is not monitored.",
    "The backup job reports success even when the upload to object storage fails.",
    "Restores from backup have never been tested on a production-size database.",
    "DNS records are edited by hand in the registrar's web console.",
    "The rate limiter config can diverge from the database with nothing alerting on it.",
    "The CDN caches error pages for 24 hours by default.",
    "The search indexer has no backpressure when Kafka lag grows.",
    "Staging runs a different Postgres major version than production.",
    "The mobile release checklist lives in a wiki page the release tool never links to.",
    "The cron scheduler runs jobs twice when a node fails over.",
    "Secrets are rotated by hand and the rotation steps live in one engineer's notes.",
    "The payment provider changed its API timeout without notice.",
    "Log retention is three days, too short to investigate weekend incidents.",
    "The queue consumer acknowledges messages before processing them.",
    "The gateway's timeout to the auth service is longer than the client's own timeout.",
    "The autoscaler's maximum replica count is lower than peak traffic needs.",
    "Read replicas lag behind the primary with no alert on replication lag.",
    "Schema changes to the events topic are not checked for backward compatibility.",
    "The shared Terraform module creates public storage buckets by default.",
    "The feature flag service is a single instance with no failover.",
    "Config changes to the edge proxies are pushed to all regions at once.",
    "Edge proxy logs are sampled at 1%, hiding rare errors.",
    "Memory limits of the image resizer are lower than a large upload needs.",
    "The charge endpoint accepts retries without an idempotency key.",
    "Alert thresholds for checkout errors were copied from another service and never tuned.",
    "The incident channel is not created automatically, so responders coordinate in direct "
    "messages.",
    "Database migrations run before the new code is deployed, with no compatibility window.",
    "The session cookie is not rotated after a password change.",
    "Redis runs as a single node with no replica for the session store.",
    "The connection pool library opens a new connection per request when the pool is empty.",
    "The TLS library in the mobile app rejects certificates with newer signature algorithms.",
    "Runbooks are stored in a wiki that is down during the same outage.",
    "The on-call engineer's laptop VPN profile expires every 30 days without warning.",
    "Table statistics are stale after bulk loads because analyze never runs.",
    "The deploy pipeline has no automatic rollback when error rates rise.",
    "The load test suite runs against a dataset a tenth of production's size.",
)
"""Causes that share words with the planted ones and each other, but not a fragility."""

CATEGORIES = (
    "missing-check",
    "unsafe-default",
    "knowledge-gap",
    "monitoring-gap",
    "process-gap",
    "tool-hazard",
    "capacity-limit",
    "external-dependency",
)
SERVICES = ("checkout", "payments-api", "search-indexer", "auth", "edge-proxy", "ledger")


def make_session(
    title: str,
    date: dt.date,
    causes: list[tuple[str, str]],
    services: tuple[str, ...] = ("checkout",),
    actions: list[dict[str, Any]] | None = None,
) -> Session:
    """A session whose problem has one why, under which each `(text, category)` is a root
    cause with id ``w-cause<n>``. Each action dict is an `ActionItem`'s fields; `causes`
    given as indexes into `causes` become those root causes' ids."""
    nodes = [WhyNode(id="w-first0", parent=ROOT_ID, text="The service failed its requests.")]
    nodes += [
        WhyNode(id=f"w-cause{n}", parent="w-first0", text=text, category=category)
        for n, (text, category) in enumerate(causes)
    ]
    items = [
        ActionItem.model_validate(
            {**fields, "causes": tuple(f"w-cause{n}" for n in fields.get("causes", ()))}
        )
        for fields in actions or []
    ]
    return Session(
        title=title,
        date=date,
        services=services,
        problem=f"{title}: customers saw errors.",
        nodes=tuple(nodes),
        actions=tuple(items),
    )


def write_session(folder: Path, stem: str, session: Session) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    save(session, path)
    return path


@dataclass(frozen=True)
class Planted:
    clusters: list[frozenset[str]]
    """For each planted fragility, the stems of the sessions it was written in."""
    unrelated: dict[str, str]
    """Unrelated cause text -> the stem of the session holding it."""


def plant_corpus(folder: Path, seed: int) -> Planted:
    """Write sessions with the planted fragilities spread over distinct sessions, in shuffled
    order and dates, each session also holding one or two unrelated causes."""
    rng = random.Random(seed)
    unrelated = list(UNRELATED)
    rng.shuffle(unrelated)
    placements: list[list[tuple[str, str, int | None]]] = []  # (text, category, cluster)
    clusters_of: list[list[int]] = []
    for cluster, (category, texts) in enumerate(PLANTED):
        clusters_of.append([])
        for text in texts:
            clusters_of[cluster].append(len(placements))
            placements.append([(text, category, cluster)])
            if rng.random() < 0.5:  # a planted cause beside an unrelated one
                placements[-1].append((unrelated.pop(), rng.choice(CATEGORIES), None))
    while unrelated:  # the rest in sessions of their own, one or two causes each
        count = min(len(unrelated), rng.choice((1, 2)))
        placements.append([(unrelated.pop(), rng.choice(CATEGORIES), None) for _ in range(count)])
    order = list(range(len(placements)))
    rng.shuffle(order)
    stems: dict[int, str] = {}
    holder: dict[str, str] = {}
    start = dt.date(2025, 1, 1)
    for rank, index in enumerate(order):
        date = start + dt.timedelta(days=7 * rank + rng.randrange(7))
        stem = f"{date.isoformat()}-incident-{index:03d}"
        stems[index] = stem
        causes = [(text, category) for text, category, _ in placements[index]]
        write_session(
            folder,
            stem,
            make_session(f"Incident {index}", date, causes, (rng.choice(SERVICES),)),
        )
        holder.update({text: stem for text, _, cluster in placements[index] if cluster is None})
    clusters = [frozenset(stems[i] for i in members) for members in clusters_of]
    return Planted(clusters, holder)
