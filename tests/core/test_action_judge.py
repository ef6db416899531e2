"""The action judge asks for a verifiable end state: an item is specific when it names a change
anyone could check without judgment, and vague otherwise, whatever its verb. Its `done_when`
is judged the same way, and a vague item's hint rewrites the item's own subject.

The statements here are written for these tests, not taken from the labelled corpora.
"""

import re

import pytest

from whytui.core.judge import judge_action

REASON = re.compile(r"^'.*' .+ \(rule: [a-z-]+\)$")
OLD_CANNED = (
    "connection pool exhaustion on the auth service",
    "checkout end-to-end suite",
    "failover steps to the database runbook",
    "cluster name to be typed",
    "10-minute canary with an error-rate check",
    "worker pool to 200",
    "unacknowledged after 10 minutes",
    "migration has no rollback step",
)


def rules(text: str) -> set[str]:
    found = set()
    for reason in judge_action(text).reasons:
        m = re.search(r"\(rule: ([a-z-]+)\)$", reason)
        assert m, reason
        found.add(m.group(1))
    return found


# --- vague, whatever the verb -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Keep working on the flaky deploys.",
        "Sort out the certificate renewals.",
        "Partner with the network team on the edge outage.",
        "Carry out a full review of the paging setup.",
        "Tighten the access rules and the audit trail.",
        "Drive down pager fatigue.",
        "Beef up the search cluster.",
        "Shore up the billing pipeline.",
        "Iterate on the cache invalidation design.",
        "Formalise the on-call handover.",
        "Double down on automation.",
        "Level up our incident response.",
    ],
)
def test_verbs_in_no_list_are_vague_without_an_end_state(text: str) -> None:
    verdict = judge_action(text)
    assert not verdict.is_specific
    assert "no-end-state" in rules(text)
    assert any("names no condition, threshold or place" in r for r in verdict.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Add observability to the search tier.",
        "Put safety nets into the schema migrations.",
        "Add alerts for the payment workers.",
        "Add checks to the refund flow.",
        "Add error handling to every importer.",
        "Reduce incident risk by 40% next year.",
        "Create dashboards for the edge network.",
        "Add validation to the upload service.",
        "Fix the bugs in the exporter.",
    ],
)
def test_an_object_nobody_could_check_is_vague(text: str) -> None:
    assert not judge_action(text).is_specific
    assert "vague-object" in rules(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Add logging somewhere in the auth flow.", "somewhere"),
        ("Put timeouts in the right places.", "in the right places"),
        ("Add retries around the payment calls.", "around"),
        ("Add rate limits everywhere.", "everywhere"),
    ],
)
def test_a_vague_place_is_vague(text: str, words: str) -> None:
    verdict = judge_action(text)
    assert not verdict.is_specific
    assert any(f"'{words}'" in r and "(rule: vague-place)" in r for r in verdict.reasons)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Make the failover quicker.", "no-measure"),
        ("Add more canaries to the release.", "no-measure"),
        ("Add a second approver for big schema changes.", "vague-phrase"),
        ("Set up a proper load-testing environment.", "vague-phrase"),
        ("Roughly half the hosts run the new kernel.", "approximation"),
        ("The SRE team is comfortable with the failover.", "state-of-mind"),
    ],
)
def test_comparatives_hedges_approximations_and_feelings_are_named(text: str, rule: str) -> None:
    assert not judge_action(text).is_specific
    assert rule in rules(text)


def test_a_condition_of_vague_words_is_no_condition() -> None:
    for text in ("Add monitoring when things go wrong.", "Page the on-call if there are issues."):
        assert not judge_action(text).is_specific, text


def test_a_number_of_something_unmeasurable_is_vague() -> None:
    assert not judge_action("Add four more alerts somewhere in the billing path.").is_specific
    assert not judge_action("Cut release risk by half this quarter.").is_specific


# --- a checkable end state wins over a vague leading verb -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ensure the orders table has a unique index on idempotency_key by 2026-05-01.",
        "Ensure the deprecated flag is gone from all nine service configs before the 4.0 release.",
        "Investigate and ensure that max_connections is set to 400 in postgresql.conf on every "
        "replica.",
        "Review the nginx configs and ensure proxy_read_timeout is 60s on all edge hosts.",
        "Make sure the backup bucket has object lock enabled with a 30-day retention.",
        "Ensure the deploy pipeline blocks any release whose migration lacks a down step.",
        "Improve the signup form so that it rejects emails longer than 254 characters.",
        "Look into the 502s and add an alert when the edge 502 rate exceeds 1% for 5 minutes.",
    ],
)
def test_a_checkable_end_state_wins_over_a_vague_lead(text: str) -> None:
    verdict = judge_action(text)
    assert verdict.is_specific, verdict.reasons
    assert verdict.reasons == []
    assert verdict.hint == ""


@pytest.mark.parametrize(
    "text",
    [
        "Ensure the backups are dependable.",
        "Ensure the team follows the paging policy.",
        "Investigate the cache evictions by Friday.",
        "Consider an alert when the queue grows.",
    ],
)
def test_a_vague_lead_without_a_checkable_end_state_stays_vague(text: str) -> None:
    assert not judge_action(text).is_specific


# --- specific: an artefact and where it lives, or a quantity with a date ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Add an alert that pages #payments-oncall when the charge error rate exceeds 2% for 10 "
        "minutes.",
        "Add a CI job that fails when a Terraform plan deletes a production database.",
        "Set replica_timeout = 15s in haproxy.cfg on the edge hosts.",
        "Set LogLevel=warn in /etc/ssh/sshd_config on the bastion hosts.",
        "Add a 'Rolling back a bad migration' section to the database runbook.",
        "Add a 'rollback tested' checkbox to the change request template.",
        "Add a canary step to the release pipeline in Spinnaker that holds for 30 minutes.",
        "Reject kubectl delete namespace in the admission webhook for prod clusters.",
        "Pin the base image to ubuntu:22.04 in the Dockerfile.",
        "Remove the write permission on the audit bucket from the deploy role.",
        "Move the cron jobs from the legacy host to the Kubernetes CronJob controller.",
        "Give the export job a hard timeout of 2 hours.",
        "Schedule a monthly failover drill of the primary database and record the result in the "
        "ops log.",
        "Add a 'Be careful' banner to the deploy form header.",
        "We will cap the import job at 500 rows per batch in importer.yaml.",
    ],
)
def test_a_concrete_change_with_its_place_or_condition_is_specific(text: str) -> None:
    verdict = judge_action(text)
    assert verdict.is_specific, verdict.reasons
    assert verdict.hint == ""


# --- done_when: the same test -----------------------------------------------------------------


@pytest.mark.parametrize(
    "done_when",
    [
        "The nightly restore job has succeeded 5 nights in a row.",
        "The lint step fails on a pull request that removes the owner field.",
        "An alert with the condition queue_depth > 10000 for 5m pages #ingest-oncall.",
        "postgresql.conf on every replica sets max_connections = 400.",
        "The smoke test passes against staging on 2026-06-01.",
        "Error rate for the checkout API stays below 0.5% for 14 days.",
        "The deploy tool refuses a release with no linked ticket.",
        "The failover drill finished in under 10 minutes on 2026-04-12.",
    ],
)
def test_a_checkable_done_when_is_specific(done_when: str) -> None:
    assert judge_action(done_when).is_specific, judge_action(done_when).reasons


@pytest.mark.parametrize(
    "done_when",
    [
        "The queue is healthy.",
        "Restores are dependable now.",
        "The docs are in good shape.",
        "Alerting is less noisy.",
        "Everyone is happy with the new alerts.",
        "The on-call team is comfortable with the runbook.",
        "Most of the services are migrated.",
        "A few more dashboards exist for the CDN.",
        "Deploys feel safer.",
        "The migration is done.",
        "The SRE team signs off.",
    ],
)
def test_a_done_when_that_needs_judgment_is_vague(done_when: str) -> None:
    verdict = judge_action(done_when)
    assert not verdict.is_specific
    assert verdict.reasons and all(REASON.match(r) for r in verdict.reasons), verdict.reasons


# --- reasons and hints ------------------------------------------------------------------------


def test_every_reason_names_its_words_and_its_rule() -> None:
    for text in ("Beef up the search cluster.", "Add alerts for the payment workers.", "x"):
        reasons = judge_action(text).reasons
        assert reasons
        assert all(REASON.match(r) for r in reasons), reasons


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("Improve monitoring of the nightly export", "the nightly export", "alert"),
        ("Look into the database restarts", "the database restarts", "alert"),
        ("Add alerts around the ingest queue", "the ingest queue's depth", "alert"),
        ("Improve the failover documentation", "the failover documentation", "section"),
        ("Add checks to the refund flow", "the refund flow", "test"),
        ("Formalise the on-call handover", "the on-call handover", "step"),
        ("Keep working on the flaky deploys", "the flaky deploys", "canary"),
        ("Be more careful with the firewall rules", "the firewall rules", "refuse"),
        ("Revisit the sharding design", "the sharding design", "By <date>"),
    ],
)
def test_the_hint_rewrites_the_items_own_subject(text: str, subject: str, kind: str) -> None:
    hint = judge_action(text).hint
    assert hint.startswith(f"Instead of '{text}': '"), hint
    example = hint.removeprefix(f"Instead of '{text}': '")
    assert subject in example, hint
    assert kind in example, hint
    assert not any(canned in hint for canned in OLD_CANNED), hint


def test_an_item_with_no_object_gets_placeholders_not_someone_elses_example() -> None:
    hint = judge_action("Improve monitoring").hint
    assert hint.startswith("Instead of 'Improve monitoring': 'Add an alert")
    assert "<the service>" in hint and "<channel>" in hint
    assert not any(canned in hint for canned in OLD_CANNED), hint


def test_the_hint_leaves_out_the_vague_words() -> None:
    hint = judge_action("Build a better restore tool.").hint
    assert "a restore tool" in hint
    assert "better" not in hint.split("': '", 1)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Create a plan for disaster recovery.",
        "Write a roadmap for reducing toil.",
        "Put together a proposal for safer deploys.",
    ],
)
def test_a_plan_is_not_an_end_state(text: str) -> None:
    assert not judge_action(text).is_specific
    assert judge_action("Add a rollback section to docs/runbooks/deploy.md.").is_specific
