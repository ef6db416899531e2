"""The cause judge and the action judge, rule by rule, as the app and `whytui lint` use them."""

import pytest

from whytui.core.config import Config
from whytui.core.judge import REFRAME_QUESTIONS, CauseVerdict, judge_action, judge_cause

SEAT, DEFAULT, KNOWLEDGE = REFRAME_QUESTIONS[:3]


def _matched(verdict: CauseVerdict) -> set[tuple[str, str]]:
    return {(m.rule, m.words) for m in verdict.matches}


# --- each rule fires, and its reason names the words ---------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("Priya dropped the queued jobs during the restart.", "named-person", "Priya"),
        ("Tomás rebooted the primary instead of the replica.", "named-person", "Tomás"),
        ("The night operator restarted the primary too early.", "role-actor", "night operator"),
        ("The new hire pushed a schema change on Friday.", "role-actor", "new hire"),
        ("Someone on the data team truncated the events table.", "role-actor", "Someone"),
        ("The release captain should have paused the rollout.", "role-actor", "release captain"),
        ("She deleted the tenant from the admin console.", "pronoun-actor", "She"),
        ("They didn't run the migration on a copy first.", "pronoun-actor", "They"),
        ("The developer forgot to bump the schema version.", "lapse", "forgot"),
        ("Our SRE never ran the restore drill.", "lapse", "never ran"),
        ("The backup alert was ignored for a week.", "lapse", "was ignored"),
        ("Failure to verify the checksum before the upload.", "lapse", "Failure to verify"),
        ("The analyst should have used the read replica.", "counterfactual", "should have used"),
        ("The rollout plan should've been reviewed.", "counterfactual", "should've been reviewed"),
        ("The new SRE did not know the replica was read-only.", "knowledge", "did not know"),
        ("Nobody knew the certificate was pinned in the app.", "knowledge", "knew"),
        ("The admin was unaware that the flag disables TLS.", "knowledge", "was unaware"),
        ("The reviewer was careless with the approval.", "attention", "was careless"),
        ("Lack of attention during the cut-over.", "attention", "Lack of attention"),
        ("The team rushed the launch.", "attention", "rushed"),
        ("Operator error during the failover.", "human-error", "Operator error"),
        ("A typo in the hostname took down checkout.", "human-error", "typo"),
        ("The storage admin fat-fingered the volume size.", "human-error", "fat-fingered"),
    ],
)
def test_each_rule_fires_and_names_the_words(text: str, rule: str, words: str) -> None:
    verdict = judge_cause(text)
    assert verdict.ends_at_person
    assert (rule, words) in _matched(verdict)
    assert any(f"'{words}'" in r and f"(rule: {rule})" in r for r in verdict.reasons)


def test_a_named_person_is_explained_as_a_name() -> None:
    verdict = judge_cause("Kwame restarted the broker during the sale.")
    assert "'Kwame' is a person's name (rule: named-person)" in verdict.reasons


def test_matches_point_at_the_matched_words() -> None:
    text = "After the restore, the storage admin fat-fingered the zone; Dave's typo broke DNS."
    verdict = judge_cause(text)
    for match in verdict.matches:
        assert text[match.start : match.end] == match.words
    assert _matched(verdict) == {
        ("role-actor", "storage admin"),
        ("human-error", "fat-fingered"),
        ("named-person", "Dave"),
        ("human-error", "typo"),
    }


def test_curly_apostrophes_are_read_like_straight_ones() -> None:
    verdict = judge_cause("Greg didn\u2019t check the replica lag before the switch.")
    assert verdict.ends_at_person
    assert ("lapse", "didn\u2019t check") in _matched(verdict)


# --- systems with human names ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jenkins forgot the build parameters after the restart.",
        "Cassandra didn't repair the token range in time.",
        "Kafka dropped the oldest segments when the disk filled.",
        "Hudson failed to archive the artifacts.",
        "Ansible skipped the handler because the task reported no change.",
        "Ada missed the heartbeat and marked the node dead.",
        "Celery ran the task twice after the broker failover.",
        "Jasmine and Karma never ran the admin specs in CI.",
        "Sidekiq retried the job 25 times and flooded the mailer.",
        "Hermes ignored the rate limit header from the SMS gateway.",
        "Redis evicted the session keys under memory pressure.",
        "Postgres refused new connections at the pool limit.",
        "The Postgres operator failed to promote the replica.",
    ],
)
def test_systems_with_human_names_are_not_people(text: str) -> None:
    verdict = judge_cause(text)
    assert not verdict.ends_at_person, verdict.reasons


def test_a_system_is_said_to_be_a_system() -> None:
    verdict = judge_cause("Jenkins forgot the build parameters after the restart.")
    assert "'Jenkins' is a system, not a person (rule: system-name)" in verdict.reasons


def test_configured_system_names_win_over_the_name_list() -> None:
    text = "Priya dropped the queued jobs during the restart."
    assert judge_cause(text).ends_at_person
    config = Config(system_names=("Priya",))
    verdict = judge_cause(text, config)
    assert not verdict.ends_at_person
    assert "'Priya' is a system, not a person (rule: system-name)" in verdict.reasons


def test_configured_system_names_may_be_several_words() -> None:
    text = "Sam Bot merged the dependency bump."
    assert judge_cause(text).ends_at_person
    assert not judge_cause(text, Config(system_names=("Sam Bot",))).ends_at_person


def test_configured_system_names_win_over_configured_people_names() -> None:
    config = Config(system_names=("Zorblax",), people_names=("Zorblax",))
    assert not judge_cause("Zorblax restarted the broker.", config).ends_at_person


# --- people names from the repository --------------------------------------------------------


def test_configured_people_names_are_people() -> None:
    text = "Zorblax restarted the broker without draining it."
    assert not judge_cause(text).ends_at_person
    verdict = judge_cause(text, Config(people_names=("Zorblax",)))
    assert verdict.ends_at_person
    assert ("named-person", "Zorblax") in _matched(verdict)


def test_configured_people_names_override_a_built_in_system_name() -> None:
    text = "Hugo deleted the staging bucket."
    assert not judge_cause(text).ends_at_person
    assert judge_cause(text, Config(people_names=("Hugo",))).ends_at_person


# --- names that are also words, and capitalised first words -----------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Will deleted the old snapshots.", True),
        ("Will the cache expire before the job runs? The dashboard can't tell.", False),
        ("Mark restarted the cache without draining it.", True),
        ("Mark the node as drained is the runbook's first step.", False),
        ("Bill didn't rotate the key.", True),
        ("Bill runs are scheduled in the backup window.", False),
        ("Grant requests are approved automatically by a bot.", False),
        ("Page routing sends database alerts to a disbanded team.", False),
        ("May releases are frozen, so hotfixes pile up.", False),
        ("Austin datacenter lost power and the generator did not start.", False),
    ],
)
def test_names_that_are_also_words(text: str, person: bool) -> None:
    assert judge_cause(text).ends_at_person is person


# --- people as context of a structural condition ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The runbook assumes steps new engineers have never been shown.",
        "The wiki does not tell new hires which clusters are production.",
        "The admin console lets any developer delete a tenant without approval.",
        "Nothing stops an engineer from committing secrets to the repository.",
        "On-call engineers receive about 300 pages a week, so real incidents get buried.",
        "Operators have to edit the routing table by hand.",
        "New engineers cannot find the failover runbook.",
        "The on-call engineer was paged 60 times overnight.",
        "The intern was given production access on day one.",
        "Only one person knows how to rotate the signing keys.",
        "Nobody owns the billing gateway.",
        "Secrets can be deleted by anyone with console access.",
        "Nothing catches a typo in the subnet mask before it is applied.",
        "The UI makes it easy to mistake staging for production.",
        "We don't have an alert for certificate expiry.",
        "Deploys are approved automatically by the release bot.",
        "Merging without waiting for CI is allowed by the branch rules.",
    ],
)
def test_people_as_context_are_structural(text: str) -> None:
    verdict = judge_cause(text)
    assert not verdict.ends_at_person, verdict.reasons


# --- where the statement ends -------------------------------------------------------------------


def test_a_deeper_structural_cause_decides() -> None:
    verdict = judge_cause(
        "The engineer deleted the wrong table because the console shows prod and staging alike."
    )
    assert not verdict.ends_at_person
    assert any("(rule: ends-structural)" in r and "'engineer'" in r for r in verdict.reasons)


def test_a_deeper_cause_at_a_person_decides() -> None:
    verdict = judge_cause("The cluster lost quorum because an engineer restarted every pod.")
    assert verdict.ends_at_person
    assert ("role-actor", "engineer") in _matched(verdict)


def test_a_cause_given_as_a_person_alone() -> None:
    assert judge_cause("The outage was caused by Greg.").ends_at_person
    assert not judge_cause("The outage was caused by a missing alert.").ends_at_person


def test_a_past_omission_with_the_person_left_out_is_a_lapse() -> None:
    assert judge_cause("The checklist was not followed.").ends_at_person
    assert not judge_cause("The checklist is not followed in CI.").ends_at_person


# --- reframing questions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Priya dropped the queued jobs during the restart.", SEAT),
        ("The on-call SRE should have escalated to storage.", DEFAULT),
        ("The developer forgot to bump the schema version.", DEFAULT),
        ("Kwame didn't know the job runs twice a day.", KNOWLEDGE),
    ],
)
def test_the_reframe_fits_what_matched(text: str, question: str) -> None:
    verdict = judge_cause(text)
    assert verdict.ends_at_person
    assert verdict.reframe == question


def test_every_person_verdict_has_a_reframing_question() -> None:
    for text in ("Carelessness in the cut-over.", "Human error.", "He misread the graph."):
        verdict = judge_cause(text)
        assert verdict.ends_at_person
        assert verdict.reframe in REFRAME_QUESTIONS


def test_a_long_statement_is_read_to_its_end() -> None:
    text = "The cache is cold after a deploy. " * 300 + "Then Greg restarted it by hand."
    verdict = judge_cause(text)
    assert verdict.ends_at_person
    assert _matched(verdict) == {("named-person", "Greg")}


def test_empty_and_odd_input_is_structural_and_does_not_raise() -> None:
    for text in ("", "   ", "...", "Why?", "\u2014", "a" * 5000, "[@click=app.quit]"):
        assert not judge_cause(text).ends_at_person


# --- the action judge -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Improve monitoring.", "Improve"),
        ("Be more careful when editing firewall rules.", "Be more careful"),
        ("Look into the queue backlog.", "Look into"),
        ("Investigate the latency spikes.", "Investigate"),
        ("Consider a circuit breaker for the search client.", "Consider"),
        ("Ensure certificates don't expire again.", "Ensure"),
        ("Try to avoid manual failovers.", "Try to"),
        ("Review the paging policy.", "Review"),
        ("Educate developers about the cache keys.", "Educate"),
        ("Make the deploy process safer.", "safer"),
        ("Keep an eye on disk usage.", "Keep an eye on"),
        ("Reduce alert noise.", "Reduce"),
        ("Work towards better tracing etc.", "Work towards"),
        ("Better communication between teams.", "Better"),
        ("Add alerts.", "Add alerts"),
        ("Fix the bug.", "Fix the bug"),
        ("Add proper error handling to the importer.", "proper"),
        ("Talk to the vendor about the outage.", "Talk to"),
        ("Refactor the deployment scripts.", "Refactor"),
    ],
)
def test_vague_actions_are_refused_with_words_and_a_hint(text: str, words: str) -> None:
    verdict = judge_action(text)
    assert not verdict.is_specific
    assert any(f"'{words}'" in r and "(rule: " in r for r in verdict.reasons), verdict.reasons
    assert verdict.hint.startswith("Instead of '")
    assert "': '" in verdict.hint


@pytest.mark.parametrize(
    "text",
    [
        "Add a CI job that fails the build when a migration has no down step.",
        "Pin the Kafka client library to 3.6.1 in the orders service lockfile.",
        "Require two approvals on pull requests that touch the firewall module.",
        "Lower the DNS TTL for api.example.com to 60 seconds.",
        "Enable branch protection on main.",
        "Improve alerting by adding an alert for pool exhaustion that pages on-call.",
        "Review every alert rule and delete those that fired more than 10 times unacknowledged.",
        "Make the upgrade job cordon each node and stop if pods remain after 5 minutes.",
        "Limit tenant deletion to members of the platform-admins group.",
    ],
)
def test_specific_actions_pass(text: str) -> None:
    verdict = judge_action(text)
    assert verdict.is_specific, verdict.reasons
    assert verdict.hint == ""


@pytest.mark.parametrize(
    ("done_when", "specific"),
    [
        ("A unit test shows set() without ttl stores a 24 hour expiry", True),
        ("The on-call dashboard shows consumer lag for every Kafka topic", True),
        ("Running the failover command with an unknown host exits with code 2", True),
        ("monitoring is better", False),
        ("Everyone understands the new process", False),
        ("Deployments are safer", False),
        ("Stakeholders are informed", False),
    ],
)
def test_done_when_criteria(done_when: str, specific: bool) -> None:
    assert judge_action(done_when).is_specific is specific


def test_a_long_chain_of_soft_verbs_is_judged() -> None:
    assert not judge_action("Review the alerts and " * 40).is_specific


def test_empty_action_is_vague() -> None:
    verdict = judge_action("")
    assert not verdict.is_specific
    assert verdict.reasons
