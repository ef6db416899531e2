"""The cause judge decides who acts: a person however they are named, roles and groups, their
motives; and people who are only context stay structural. Statements of our own, one kind of
rule per test, each with the words its explanation must name.

Whole-corpus agreement (real postmortems, dev and test split) is `test_judge_corpus.py`.
"""

import pytest

from whytui.core.config import Config
from whytui.judge import judge_cause


def person(text: str, config: Config | None = None) -> bool:
    return judge_cause(text, config).ends_at_person


def reasons(text: str) -> str:
    return " | ".join(judge_cause(text).reasons)


# -- a person, however named ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deepika forgot to rotate the signing key", "Deepika"),
        ("Sigrún skipped the canary stage", "Sigrún"),
        ("Sigrun skipped the canary stage", "Sigrun"),
        ("Nurlan misread the replication dashboard", "Nurlan"),
        ("Tadeusz forgot to rotate the signing key", "Tadeusz"),
        ("Łukasz restarted the cluster without warning anyone", "Łukasz"),
        ("Oluwaseun signed off on the change without a test plan", "Oluwaseun"),
        ("Zoltán misjudged how much load the replica could take", "Zoltán"),
        ("Nguyễn Thị Hoa overlooked the disk alert", "Nguyễn Thị Hoa"),
        ("王伟 forgot to renew the certificate", "王伟"),
        ("Дмитрий forgot to renew the certificate", "Дмитрий"),
        ("Dr. Okonkwo approved the migration without reading the plan", "Okonkwo"),
        ("@jdoe skipped the review", "@jdoe"),
        ("team-member-1 deleted the wrong directory", "team-member-1"),
    ],
)
def test_a_name_no_english_list_holds_is_still_a_person(text: str, name: str) -> None:
    assert person(text)
    assert f"'{name}' is a person's name" in reasons(text)


def test_the_lapse_verb_decides_with_or_without_a_known_name() -> None:
    """The issue's own example: the name list used to switch the lapse verb off."""
    for text in (
        "Bob forgot to rotate the key",
        "Forgot to rotate the key",
        "Tadeusz forgot to rotate the key",
    ):
        assert person(text), text
        assert "'forgot'" in reasons(text).lower()


def test_an_unknown_capitalised_word_is_a_person_only_by_what_it_does() -> None:
    assert person("Kestrel aimed his query at the wrong table")
    assert "'his'" in reasons("Kestrel aimed his query at the wrong table")
    assert person("Mirela restarted the cluster without warning anyone")
    assert not person("Kestrel rejected writes once the disk filled")
    assert not person("Vortex timed out under load")


def test_blame_typed_in_capitals_is_still_blame() -> None:
    assert person("SOMEONE DELETED THE PROD DATABASE")
    assert person("PRIYA FORGOT TO RENEW THE CERT")
    assert not person("THE CERT RENEWAL JOB HAS NO ALERT")


# -- roles and groups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The team member ran the cleanup script against production", "team member"),
        ("The supervisor signed off without checking the diff", "supervisor"),
        ("The person responsible for the rota forgot the public holiday", "person"),
        ("The new hire ran the migration twice", "new hire"),
        ("A contractor misconfigured the firewall", "contractor"),
        ("Management chose to skip the load test", "Management"),
        ("Reviewers approved the change without running it", "Reviewers"),
    ],
)
def test_roles_and_groups_act(text: str, role: str) -> None:
    assert person(text)
    assert f"'{role}' is a role that acts in the failure" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody checked that the backups could be restored",
        "Someone left the admin console unattended",
        "Whoever deployed last did not check the logs",
    ],
)
def test_nobody_someone_and_whoever_are_people_not_roles(text: str) -> None:
    assert person(text)
    assert "is a person who acts in the failure" in reasons(text)
    assert "is a role" not in reasons(text)


# -- the deeper clause -------------------------------------------------------------------------


def test_a_deeper_clause_decides_only_when_it_is_a_condition_of_the_system() -> None:
    assert not person("We skipped the review because the pipeline has no review gate for config")
    motive = "We skipped the review because we wanted to ship before the weekend"
    assert person(motive)
    assert "'wanted' gives a person's motive" in reasons(motive)
    assert person("The operator bypassed the check since he thought it was flaky")


# -- people who are not the cause ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The sharding scheme was never written down and its designers have moved on",
        "The billing job was built by engineers who have since left the company",
        "The only engineer who knew the ledger format retired in 2023",
        "The console invites human error: the purge and archive buttons look the same",
        "Operator error is likely because the CLI takes a free-text region with no check",
        "The deploy tool lets any engineer push to production without a review",
        "The on-call rota pages new hires in their first week",
        "The runbook tells operators to restart the primary first",
        "The restore procedure was never tested",
    ],
)
def test_people_as_context_or_as_what_the_tooling_made_likely_stay_structural(text: str) -> None:
    assert not person(text), reasons(text)


def test_leaving_is_context_but_what_someone_left_behind_is_not() -> None:
    assert not person("Priya left the company and the cron job had no owner")
    assert person("Priya left the console unattended")
    assert person("Greg left early and skipped the handover")


def test_a_one_time_omission_is_a_lapse_a_standing_one_is_the_systems() -> None:
    assert person("The checklist was not followed during the cutover")
    assert person("The page was not acknowledged for forty minutes")
    assert not person("The cutover checklist was never followed")


# -- systems with names ------------------------------------------------------------------------


def test_no_system_with_a_persons_name_is_refused() -> None:
    config = Config(system_names=("Hermes", "Greta"))
    for text in (
        "Hermes dropped the messages under load",
        "Greta timed out under load",
        "Greta forgot the session keys after the restart",
    ):
        assert not person(text, config), text
    assert not person("Jenkins skipped the integration stage after the plugin update")
    assert not person("Oscar, the release tool, skipped the canary")


# -- explanations name the right words -----------------------------------------------------------


def test_explanations_name_the_words_that_carry_the_blame() -> None:
    assert "'misread'" in reasons("The operator misread the gauge")
    assert "'unattended'" in reasons("Someone left the admin console unattended")
    assert "'without reading'" in reasons("Dr. Okonkwo approved the migration without reading it")
    tired = reasons("The engineer was exhausted after a 14-hour shift and ran the wrong command")
    assert "'was exhausted'" in tired


def test_everyone_named_is_named_in_the_explanation() -> None:
    text = reasons("Ana, Bartosz and Chidi skipped the checklist")
    for name in ("Ana", "Bartosz", "Chidi"):
        assert f"'{name}' is a person's name" in text


# -- the doer left out, and people as chat and code hosts name them ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pushed the config straight to prod.",
        "Merged without waiting for CI.",
        "Left the debug flag on.",
        "Went ahead with the deploy despite the failing check.",
        "Ran the cleanup job on production instead of staging.",
    ],
)
def test_an_act_with_its_doer_left_out_ends_at_a_person(text: str) -> None:
    assert person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Timed out after 30 seconds.",
        "Returned 500s for every request.",
        "Hit the connection limit at 16:02.",
        "Expired certificate on the load balancer.",
        "Unattended upgrades ran in the same window in every region.",
    ],
)
def test_what_a_system_does_said_without_a_subject_stays_structural(text: str) -> None:
    assert not person(text), reasons(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("<@U024BE7LH> dropped the orders table", "'<@U024BE7LH>' is a person's name"),
        ("ops_bot_admin forgot to renew the domain", "'ops_bot_admin' is a person's name"),
        ("SRE-1 forgot to drain the node", "'SRE-1' is a person's name"),
        ("Engineer B skipped the canary", "'Engineer B' is a role"),
        ("SRE 2 misread the graph", "'SRE 2' is a role"),
    ],
)
def test_handles_and_numbered_stand_ins_are_people(text: str, who: str) -> None:
    assert person(text)
    assert who in reasons(text)


def test_a_handle_shaped_system_name_is_a_system_until_it_does_what_people_do() -> None:
    assert not person("node42 crashed under load")
    assert not person("redis_primary rejected writes")
    assert not person("db01 ran out of disk")
