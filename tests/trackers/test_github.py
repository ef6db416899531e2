"""GitHub Issues as push and sync use it, over real HTTP to the fake GitHub on 127.0.0.1.

Filing must be idempotent (a ticket is found by its marker, wherever the listing puts it, and
looking never files one), reading must say what closed a ticket and when, and every failure
must be a TrackerError a person can act on, with the token in no message and in no request
but its Authorization header. Rate limits are waited out through an injected sleep, which
records instead of sleeping; timeouts come from a stalled fake and a short client timeout.
"""

import datetime as dt
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fake_github import FakeGitHub
from fakeserver import serve

from whytui.core.config import TrackerConfig
from whytui.core.tracking import TicketDraft
from whytui.trackers import TrackerError, _http
from whytui.trackers.github import GitHub

TOKEN = "ghp_wHyTuI7357t0k3nNeverPrinted0123456789"
REPO = "acme/payments"
CONFIG = TrackerConfig(kind="github", repository=REPO)


@pytest.fixture
def fake() -> FakeGitHub:
    return FakeGitHub(token=TOKEN, repository=REPO)


@pytest.fixture
def base(fake: FakeGitHub) -> Iterator[str]:
    with serve(fake) as url:
        yield url


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def github(base: str, sleeps: list[float]) -> Iterator[GitHub]:
    client = connect(base, sleeps)
    yield client
    client.close()


def connect(
    base: str,
    sleeps: list[float],
    environ: dict[str, str] | None = None,
    timeout: httpx.Timeout = _http.TIMEOUT,
) -> GitHub:
    environ = {"GH_TOKEN": TOKEN} if environ is None else environ
    return GitHub.from_config(
        CONFIG, {"GITHUB_API_URL": base, **environ}, sleep=sleeps.append, timeout=timeout
    )


def a_draft(action_id: str = "a-1f3c", assignee: str = "octocat") -> TicketDraft:
    return TicketDraft(
        action_id=action_id,
        title="Alert when the payments queue is deeper than 500 for 5 minutes",
        body="Alert when the payments queue is deeper than 500 for 5 minutes.\n\n"
        "**From the review:** Payments outage (2026-02-27), `sessions/payments.toml`\n"
        "**Due:** 2026-04-01",
        due=dt.date(2026, 4, 1),
        assignee=assignee,
        labels=("whytui", "monitoring"),
    )


def set_state(base: str, number: int, **fields: object) -> None:
    """What a person does on github.com: close by hand, reopen, edit."""
    response = httpx.patch(
        f"{base}/repos/{REPO}/issues/{number}",
        json=fields,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    response.raise_for_status()


def number_of(ref: str) -> int:
    return int(ref.rsplit("/", 1)[1])


# -- filing and finding ---------------------------------------------------------------------


def test_a_filed_issue_is_found_again_by_its_marker(github: GitHub, fake: FakeGitHub) -> None:
    draft = a_draft()
    ticket = github.create(draft)
    assert ticket.ref == f"https://github.com/{REPO}/issues/1"
    assert (ticket.closed, ticket.assignee, ticket.due) == (False, "octocat", dt.date(2026, 4, 1))
    assert ticket.marker == "whytui:a-1f3c"
    issue = fake.items[1]
    assert issue.body is not None
    assert issue.body.splitlines()[-1] == "<!-- whytui:a-1f3c -->"
    assert (issue.labels, issue.assignees) == (["whytui", "monitoring"], ["octocat"])
    assert fake.labels["whytui"]["color"] == "5319e7"
    assert github.find(draft.marker) == ticket


def test_find_reads_on_past_the_first_page(github: GitHub, fake: FakeGitHub) -> None:
    ticket = github.create(a_draft())
    for n in range(120):
        fake.add_issue(f"Later item {n}", f"<!-- whytui:a-later{n} -->", ("whytui",))
    assert github.find("whytui:a-1f3c") == ticket
    assert any(r.query.get("page") == ["2"] for r in fake.requests)


def test_find_matches_only_the_exact_marker_line_of_an_issue(
    github: GitHub, fake: FakeGitHub
) -> None:
    fake.add_issue("Another item", "<!-- whytui:a-1f3c9 -->", ("whytui",))
    fake.add_issue("Talks about it", "Like whytui:a-1f3c, but not it", ("whytui",))
    fake.add_issue("A pull request", "Fixes it\n<!-- whytui:a-1f3c -->", ("whytui",), pull=True)
    assert github.find("whytui:a-1f3c") is None


def test_a_next_page_on_another_host_is_not_followed(github: GitHub, fake: FakeGitHub) -> None:
    fake.answer_next(1, 200, {"Link": '<https://elsewhere.example/issues?page=2>; rel="next"'}, [])
    with pytest.raises(TrackerError, match="another host"):
        github.find("whytui:a-1f3c")
    assert len(fake.requests) == 1


def test_find_never_files(github: GitHub, fake: FakeGitHub) -> None:
    assert github.find("whytui:a-1f3c") is None
    assert fake.items == {}
    assert {r.method for r in fake.requests} == {"GET"}


def test_a_label_another_run_made_meanwhile_is_no_failure(github: GitHub, fake: FakeGitHub) -> None:
    fake.add_issue("Filed by another run", "", ("whytui",))
    fake.answer_next(1, 404)  # our look for the label comes before the other run's create
    ticket = github.create(a_draft())
    assert github.find("whytui:a-1f3c") == ticket
    assert sorted(fake.labels) == ["monitoring", "whytui"]


def test_without_push_access_the_issue_is_filed_and_says_who_it_is_assigned_to(
    github: GitHub, fake: FakeGitHub
) -> None:
    fake.add_issue("Existing", "", ("whytui", "monitoring"))
    fake.no_push_access = True
    ticket = github.create(a_draft())
    assert ticket.ref == f"https://github.com/{REPO}/issues/2"
    assert ticket.assignee == ""
    assert fake.items[2].labels == []


def test_a_500_halfway_through_a_batch_leaves_what_was_filed_findable(
    github: GitHub, fake: FakeGitHub
) -> None:
    fake.fail_creates_from = 2
    first = github.create(a_draft("a-0001"))
    with pytest.raises(TrackerError, match=r"failed \(HTTP 500.*try again later"):
        github.create(a_draft("a-0002"))
    assert len(fake.items) == 1
    assert github.find("whytui:a-0001") == first
    assert github.find("whytui:a-0002") is None


# -- reading back ---------------------------------------------------------------------------


def test_an_issue_a_pull_request_closed_reads_closed_with_the_day_and_the_pull(
    github: GitHub, fake: FakeGitHub
) -> None:
    ticket = github.create(a_draft())
    fake.now = dt.datetime(2026, 3, 20, 23, 10, tzinfo=dt.UTC)
    pull = fake.close_by_pull(number_of(ticket.ref))
    for ref in (ticket.ref, f"{REPO}#1"):
        read = github.read(ref)
        assert (read.closed, read.closed_on, read.closed_by) == (True, dt.date(2026, 3, 20), pull)
        assert read.marker == "whytui:a-1f3c"


def test_a_merged_pull_that_mentioned_the_issue_before_it_closed_closed_it(
    github: GitHub, fake: FakeGitHub, base: str
) -> None:
    ticket = github.create(a_draft())
    pull = fake.mention_in_pull(1)
    set_state(base, 1, state="closed")
    assert github.read(ticket.ref).closed_by == pull


def test_an_issue_closed_by_hand_names_no_pull(github: GitHub, fake: FakeGitHub, base: str) -> None:
    ticket = github.create(a_draft())
    set_state(base, 1, state="closed", state_reason="completed")
    read = github.read(ticket.ref)
    assert (read.closed, read.closed_on, read.closed_by) == (True, fake.now.date(), "")


def test_a_reopened_issue_reads_open(github: GitHub, fake: FakeGitHub, base: str) -> None:
    ticket = github.create(a_draft())
    fake.close_by_pull(1)
    set_state(base, 1, state="open")
    read = github.read(ticket.ref)
    assert (read.closed, read.closed_on, read.closed_by) == (False, None, "")


def test_due_date_and_assignee_as_they_are_now_on_github(github: GitHub, base: str) -> None:
    ticket = github.create(a_draft())
    set_state(base, 1, body="Moved.\r\n**Due:** 2026-05-15\r\n", assignees=["hubot", "octocat"])
    read = github.read(ticket.ref)
    assert (read.due, read.assignee, read.marker) == (dt.date(2026, 5, 15), "hubot", "")


def test_an_issue_the_token_cannot_see_is_not_found(github: GitHub) -> None:
    for ref in (f"{REPO}#404", "https://github.com/acme/secret/issues/1"):
        with pytest.raises(TrackerError, match="not found, or the token can't see it"):
            github.read(ref)


def test_a_reference_that_is_no_github_issue_is_refused(github: GitHub, fake: FakeGitHub) -> None:
    with pytest.raises(TrackerError, match=r"owner/repo#123"):
        github.read("PAY-123")
    assert fake.requests == []


# -- credentials and where they go ----------------------------------------------------------


def test_a_refused_token_says_what_to_set(base: str, sleeps: list[float]) -> None:
    github = connect(base, sleeps, {"GH_TOKEN": "ghp_revoked"})
    with pytest.raises(TrackerError, match=r"HTTP 401.*GH_TOKEN") as caught:
        github.find("whytui:a-1f3c")
    assert "GitHub acme/payments" in str(caught.value)


def test_no_token_anywhere_names_what_to_set(
    base: str, sleeps: list[float], fake: FakeGitHub, tmp_path: Path
) -> None:
    with pytest.raises(TrackerError, match=r"GH_TOKEN.*GITHUB_TOKEN.*gh auth login"):
        connect(base, sleeps, {"PATH": str(tmp_path)})  # no gh here
    assert fake.requests == []


def write_gh(folder: Path, exit_code: int) -> None:
    """A `gh` that knows one account, on 127.0.0.1 (the fake's host)."""
    gh = folder / "gh"
    gh.write_text(
        "#!/bin/sh\n"
        f'[ "$*" = "auth token --hostname 127.0.0.1" ] && echo "{TOKEN}" && exit {exit_code}\n'
        "exit 1\n"
    )
    gh.chmod(0o755)


def test_gh_is_asked_for_a_token_when_the_environment_has_none(
    base: str, sleeps: list[float], tmp_path: Path
) -> None:
    write_gh(tmp_path, exit_code=0)
    assert connect(base, sleeps, {"PATH": str(tmp_path)}).find("whytui:a-1f3c") is None


def test_a_failing_gh_is_no_token(base: str, sleeps: list[float], tmp_path: Path) -> None:
    write_gh(tmp_path, exit_code=4)
    with pytest.raises(TrackerError, match="GH_TOKEN"):
        connect(base, sleeps, {"PATH": str(tmp_path)})


def test_gh_token_comes_before_github_token(base: str, sleeps: list[float]) -> None:
    github = connect(base, sleeps, {"GH_TOKEN": TOKEN, "GITHUB_TOKEN": "ghp_other"})
    assert github.find("whytui:a-1f3c") is None


@pytest.mark.parametrize(
    "environ, url",
    [
        ({"GITHUB_API_URL": "http://ghe.example.com/api/v3"}, ""),
        ({}, "http://ghe.example.com/api/v3"),
    ],
)
def test_an_api_url_that_is_not_https_is_refused_before_any_request(
    environ: dict[str, str], url: str
) -> None:
    config = TrackerConfig(kind="github", repository=REPO, url=url)
    with pytest.raises(TrackerError, match="not HTTPS"):
        GitHub.from_config(config, {"GH_TOKEN": TOKEN, **environ})


def test_the_environment_s_api_url_wins_over_the_config_s(base: str, fake: FakeGitHub) -> None:
    config = TrackerConfig(kind="github", repository=REPO, url="https://ghe.example.com/api/v3")
    github = GitHub.from_config(config, {"GITHUB_API_URL": base, "GH_TOKEN": TOKEN})
    assert github.find("whytui:a-1f3c") is None
    assert len(fake.requests) == 1


def test_the_token_goes_only_into_the_authorization_header(
    base: str, fake: FakeGitHub, sleeps: list[float]
) -> None:
    messages: list[str] = []

    def attempt(call: Callable[[], object]) -> None:
        try:
            call()
        except TrackerError as error:
            messages.append("".join(traceback.format_exception(error)))

    github = connect(base, sleeps)
    ticket = github.create(a_draft())
    fake.close_by_pull(1)
    github.read(ticket.ref)
    fake.answer_next(1, 422, body={"message": f"token {TOKEN} is not welcome", "status": "422"})
    attempt(lambda: github.create(a_draft("a-0002")))
    fake.answer_next(1, 403, body={"message": f"{TOKEN} lacks the issues scope"})
    attempt(lambda: github.find("whytui:a-0002"))
    fake.answer_next(2, 429, {"Retry-After": "1"})
    attempt(lambda: github.read(ticket.ref))
    fake.answer_next(1, 500)
    attempt(lambda: github.read(ticket.ref))
    attempt(lambda: github.read(f"{REPO}#99"))
    attempt(lambda: connect(base, sleeps, {"GH_TOKEN": f"{TOKEN}x"}).find("whytui:a-1"))
    assert len(messages) == 6
    assert all(TOKEN not in message for message in messages)
    assert "[token]" in messages[0]
    for request in fake.requests:
        assert TOKEN not in request.path + str(request.query) + request.raw.decode()
        headers = {k: v for k, v in request.headers.items() if k != "authorization"}
        assert TOKEN not in str(headers)
        assert request.headers["authorization"].startswith(f"Bearer {TOKEN}")


# -- rate limits, stalls and failures -------------------------------------------------------


def test_a_short_retry_after_is_waited_out_once(
    github: GitHub, fake: FakeGitHub, sleeps: list[float]
) -> None:
    fake.answer_next(1, 429, {"Retry-After": "2"})
    assert github.find("whytui:a-1f3c") is None
    assert sleeps == [2.0]


def test_a_second_rate_limit_says_when_to_try_again(
    github: GitHub, fake: FakeGitHub, sleeps: list[float]
) -> None:
    fake.answer_next(2, 429, {"Retry-After": "2"})
    with pytest.raises(TrackerError, match=r"rate limiting whytui.*try again in 2 s"):
        github.find("whytui:a-1f3c")
    assert sleeps == [2.0]


def test_a_long_retry_after_is_an_error_without_waiting(
    github: GitHub, fake: FakeGitHub, sleeps: list[float]
) -> None:
    fake.answer_next(1, 429, {"Retry-After": "600"})
    with pytest.raises(TrackerError, match="try again in 600 s"):
        github.find("whytui:a-1f3c")
    assert sleeps == []


def test_an_exhausted_hourly_quota_is_an_error_without_waiting(
    github: GitHub, fake: FakeGitHub, sleeps: list[float]
) -> None:
    reset = int(dt.datetime.now(dt.UTC).timestamp()) + 3600
    fake.answer_next(1, 403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset)})
    with pytest.raises(TrackerError, match="rate limiting whytui"):
        github.create(a_draft())
    assert sleeps == []
    assert fake.items == {}


def test_a_stalled_github_is_a_timeout(base: str, fake: FakeGitHub, sleeps: list[float]) -> None:
    fake.stall = 60.0
    github = connect(base, sleeps, timeout=httpx.Timeout(0.2))
    with pytest.raises(TrackerError, match="did not answer"):
        github.find("whytui:a-1f3c")
    github.close()


def test_a_failing_github_says_so(github: GitHub, fake: FakeGitHub) -> None:
    ticket = github.create(a_draft())
    fake.answer_next(1, 500)
    with pytest.raises(TrackerError, match=r"GitHub acme/payments failed \(HTTP 500"):
        github.read(ticket.ref)
