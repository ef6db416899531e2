"""GitHub Issues (REST, API version 2022-11-28) as the team's tracker.

An issue carries its item's marker as an HTML comment on the body's last line, which GitHub
keeps verbatim and does not render, and the `whytui` label, so `find` can list the labelled
issues (the primary store, consistent at once) instead of the search API, whose index lags
behind a create by seconds to minutes. GitHub has no due-date field: the `**Due:**` line the
draft writes is the due date, read back from the body.
"""

import datetime as dt
import re
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from whytui.core.config import TrackerConfig
from whytui.core.tracking import UMBRELLA_LABEL, Ticket, TicketDraft
from whytui.trackers import TrackerError, _http

DEFAULT_API = "https://api.github.com"
API_VERSION = "2022-11-28"
TOKEN_VARIABLES = ("GH_TOKEN", "GITHUB_TOKEN")
GH_TIMEOUT = 10.0
"""Seconds `gh auth token` may take: it may ask the OS keyring, but must not hang whytui."""
LABEL_COLOR = "5319e7"

_SHORT_REF = re.compile(r"([\w.-]+)/([\w.-]+)#(\d+)")
_URL_REF = re.compile(r"https?://[^/\s]+/([\w.-]+)/([\w.-]+)/issues/(\d+)/?(?:[?#]\S*)?")
_MARKER = re.compile(r"^<!-- (whytui:\S+) -->[ \t\r]*$", re.MULTILINE)
_DUE = re.compile(r"^\*\*Due:\*\* (\d{4}-\d{2}-\d{2})[ \t\r]*$", re.MULTILINE)

Issue = dict[str, Any]


class GitHub:
    """One repository's issues, through one conduit."""

    def __init__(self, conduit: _http.Conduit, repository: str) -> None:
        self._conduit = conduit
        self._repository = repository
        self.name = f"GitHub {repository}"

    @classmethod
    def from_config(
        cls,
        config: TrackerConfig,
        environ: Mapping[str, str],
        *,
        sleep: Callable[[float], None] = time.sleep,
        timeout: httpx.Timeout = _http.TIMEOUT,
    ) -> "GitHub":
        """The base URL is checked before any token is looked up, so a token is neither
        fetched for, nor sent to, an address that would carry it in the clear."""
        base = _http.checked_base(
            environ.get("GITHUB_API_URL") or config.url or DEFAULT_API, "the GitHub API URL"
        )
        token = _token(environ, _web_host(base))
        if not token:
            raise TrackerError(
                f"no GitHub token for {config.repository}: set GH_TOKEN (or GITHUB_TOKEN) to a "
                "token that can read and write its issues, or sign in with `gh auth login`"
            )
        conduit = _http.Conduit(
            base,
            f"GitHub {config.repository}",
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": API_VERSION,
            },
            secrets=(token,),
            credentials_hint=(
                "check the token in GH_TOKEN (or GITHUB_TOKEN, or `gh auth token`): it needs "
                f"read and write access to {config.repository}'s issues"
            ),
            sleep=sleep,
            timeout=timeout,
        )
        return cls(conduit, config.repository)

    def find(self, marker: str) -> Ticket | None:
        line = f"<!-- {marker} -->"
        issues = self._pages(
            f"/repos/{self._repository}/issues",
            {"labels": UMBRELLA_LABEL, "state": "all", "per_page": 100},
        )
        for issue in issues:
            body = issue.get("body") or ""
            if "pull_request" not in issue and line in (s.strip() for s in body.splitlines()):
                return self._ticket(self._repository, issue)
        return None

    def create(self, draft: TicketDraft) -> Ticket:
        for label in draft.labels:
            self._ensure_label(label)
        payload: dict[str, Any] = {
            "title": draft.title,
            "body": f"{draft.body.rstrip()}\n\n<!-- {draft.marker} -->",
            "labels": list(draft.labels),
        }
        if draft.assignee:
            payload["assignees"] = [draft.assignee]
        response = self._conduit.request("POST", f"/repos/{self._repository}/issues", json=payload)
        if response.status_code == 404:
            raise self._repository_missing()
        return self._ticket(self._repository, response.json())

    def read(self, ref: str) -> Ticket:
        repository, number = _parse_ref(ref)
        response = self._conduit.request("GET", f"/repos/{repository}/issues/{number}")
        if response.status_code == 404:
            raise TrackerError(
                f"{self.name}: issue {repository}#{number} not found, or the token can't see it"
            )
        return self._ticket(repository, response.json())

    def close(self) -> None:
        self._conduit.close()

    def _ensure_label(self, name: str) -> None:
        """Labels are made first, with whytui's colour, rather than left to the create, whose
        making of unknown labels GitHub does not document. A 422 `already_exists` means another
        run made it meanwhile: the label is there, which the second look confirms."""
        path = f"/repos/{self._repository}/labels/{quote(name, safe='')}"
        if self._conduit.request("GET", path).status_code != 404:
            return
        label = {"name": name, "color": LABEL_COLOR, "description": "Filed by whytui"}
        try:
            self._conduit.request("POST", f"/repos/{self._repository}/labels", json=label)
        except TrackerError:
            if self._conduit.request("GET", path).status_code == 404:
                raise

    def _ticket(self, repository: str, issue: Issue) -> Ticket:
        body = issue.get("body") or ""
        closed = issue.get("state") == "closed"
        assignees = issue.get("assignees") or []
        markers = _MARKER.findall(body)
        return Ticket(
            ref=str(issue["html_url"]),
            closed=closed,
            closed_on=_date(issue.get("closed_at")) if closed else None,
            closed_by=self._closed_by(repository, issue["number"]) if closed else "",
            due=_due(body),
            assignee=str(assignees[0]["login"]) if assignees else "",
            marker=markers[-1] if markers else "",
        )

    def _closed_by(self, repository: str, number: int) -> str:
        """The pull request that closed the issue: the commit of its last `closed` event (a
        merged PR's merge commit, when its description said "fixes #N"), else the last merged
        PR that mentioned the issue before it was closed; "" when it was closed by hand."""
        events = list(
            self._pages(f"/repos/{repository}/issues/{number}/timeline", {"per_page": 100})
        )
        closes = [i for i, event in enumerate(events) if event.get("event") == "closed"]
        if not closes:
            return ""
        closing = events[closes[-1]]
        if closing.get("commit_id"):
            pull = self._pull_of(repository, closing)
            if pull:
                return pull
        for event in reversed(events[: closes[-1]]):
            source = (event.get("source") or {}).get("issue") or {}
            if event.get("event") == "cross-referenced" and _merged(source):
                return str(source["html_url"])
        return ""

    def _pull_of(self, repository: str, closing: Issue) -> str:
        """The pull request of a closing commit, in the repository the commit is in (a fork's
        commit names its own in `commit_url`)."""
        where = re.search(r"/repos/([^/]+/[^/]+)/commits/", closing.get("commit_url") or "")
        path = f"/repos/{where[1] if where else repository}/commits/{closing['commit_id']}/pulls"
        response = self._conduit.request("GET", path)
        if response.status_code == 404:
            return ""
        pulls: list[Issue] = response.json()
        merged = [p for p in pulls if p.get("merged_at")] or pulls
        return str(merged[0]["html_url"]) if merged else ""

    def _pages(self, path: str, params: dict[str, str | int]) -> Iterator[Issue]:
        """Every element of a listing, following the Link header's next URL: GitHub's next
        links are opaque (some listings page by cursor), so they are followed, never built."""
        url: str | None = path
        query: dict[str, str | int] | None = params
        while url is not None:
            response = self._conduit.request("GET", url, params=query)
            if response.status_code == 404:
                raise self._repository_missing()
            yield from response.json()
            url, query = self._next_page(response), None

    def _next_page(self, response: httpx.Response) -> str | None:
        """The next page's URL, only on the API's own origin: the token goes wherever the
        request goes, and a link is the server's word, not ours."""
        url = response.links.get("next", {}).get("url")
        if url is None:
            return None
        here, there = urlsplit(self._conduit.base), urlsplit(url)
        if (there.scheme, there.netloc) != (here.scheme, here.netloc):
            raise TrackerError(
                f"{self.name} sent a next-page link to another host ({there.hostname}); "
                f"whytui sends its token only to {here.netloc}"
            )
        return str(url)

    def _repository_missing(self) -> TrackerError:
        return TrackerError(
            f"{self.name}: the repository was not found, or the token can't see it; check "
            "`repository` in .whytui.toml and the token's access"
        )


def _token(environ: Mapping[str, str], host: str) -> str:
    """The gh CLI's order: GH_TOKEN, GITHUB_TOKEN, then what `gh auth token` prints (it reads
    the OS keyring, which whytui should not). gh runs in the environment whytui was given."""
    for variable in TOKEN_VARIABLES:
        if environ.get(variable, "").strip():
            return environ[variable].strip()
    try:
        done = subprocess.run(
            ["gh", "auth", "token", "--hostname", host],
            capture_output=True,
            text=True,
            timeout=GH_TIMEOUT,
            env=dict(environ),
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _web_host(base: str) -> str:
    """The host `gh` knows the account by: github.com for api.github.com, SUB.ghe.com for
    api.SUB.ghe.com, and an Enterprise Server's own host (its API lives under /api/v3)."""
    return (urlsplit(base).hostname or "").removeprefix("api.")


def _parse_ref(ref: str) -> tuple[str, int]:
    """owner/repo and the issue number of `owner/repo#123` or an issue's URL."""
    text = ref.strip()
    match = _SHORT_REF.fullmatch(text) or _URL_REF.fullmatch(text)
    if match is None:
        raise TrackerError(
            f"'{ref}' is not a GitHub issue reference (owner/repo#123, or the issue's URL)"
        )
    return f"{match[1]}/{match[2]}", int(match[3])


def _merged(issue: Issue) -> bool:
    return bool((issue.get("pull_request") or {}).get("merged_at"))


def _date(stamp: object) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(str(stamp)).date() if stamp else None
    except ValueError:
        return None


def _due(body: str) -> dt.date | None:
    match = _DUE.search(body)
    try:
        return dt.date.fromisoformat(match[1]) if match else None
    except ValueError:
        return None
