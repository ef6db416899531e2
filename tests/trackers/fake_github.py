"""An in-memory GitHub (REST, 2022-11-28) for one repository, served by `fakeserver.serve`.

It implements what whytui calls, as GitHub documents it: issues created, read, patched
(closing sets `closed_at` and adds a `closed` timeline event, reopening clears it and adds
`reopened`), listed by `labels` (AND), `state`, `per_page` and `page` newest first with a
`Link` header of absolute URLs; labels read and created (422 `already_exists`); an issue's
timeline; a commit's pull requests. Pull requests live in the issues' number space and show in
the issue listing with a `pull_request` key, as on GitHub.

It is strict where GitHub is: `Authorization: Bearer <token>` exactly (401 "Bad credentials"
otherwise), a User-Agent, a known API version, 404 for any other repository. Every request is
kept in `requests`, answered or not. Faults are switches: `answer_next` (any status and
headers: 429 with Retry-After, 403 with x-ratelimit-remaining 0, 500), `fail_creates_from`,
`stall`, `no_push_access`; `close_by_pull` and `mention_in_pull` are a pull request's doing.
"""

import datetime as dt
import hashlib
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urlencode

from fakeserver import Reply, Request

DOCS = "https://docs.github.com/rest"
VERSIONS = ("2022-11-28", "2026-03-10")
MESSAGES = {
    401: "Bad credentials",
    403: "Forbidden",
    404: "Not Found",
    422: "Validation Failed",
    429: "API rate limit exceeded",
    500: "Server Error",
}

Json = dict[str, Any]
Handler = Callable[[Request, re.Match[str]], Reply]


def error(status: int, message: str = "", **extra: Any) -> Reply:
    """GitHub's error body."""
    body = {"message": message or MESSAGES.get(status, "Error"), "documentation_url": DOCS}
    return Reply(status, {**body, "status": str(status), **extra})


@dataclass
class Item:
    """An issue, or a pull request (`is_pull`; merged when `pull_merged_at` is set)."""

    number: int
    title: str
    body: str | None
    labels: list[str]
    assignees: list[str]
    created_at: str
    state: str = "open"
    state_reason: str | None = None
    closed_at: str | None = None
    is_pull: bool = False
    pull_merged_at: str | None = None
    timeline: list[Json] = field(default_factory=list)


class FakeGitHub:
    def __init__(
        self,
        token: str,
        repository: str = "acme/payments",
        web: str = "https://github.com",
        login: str = "whytui-bot",
        collaborators: tuple[str, ...] = ("octocat", "hubot"),
    ) -> None:
        self.token = token
        self.repository = repository
        self.web = web
        self.login = login
        self.collaborators = set(collaborators)
        self.now = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
        """The fake's clock: stamps `created_at`, `closed_at` and timeline events."""
        self.items: dict[int, Item] = {}
        self.labels: dict[str, Json] = {}
        """By lowercased name: GitHub's label names are case-insensitive."""
        self.commit_pulls: dict[str, list[int]] = {}
        self.requests: list[Request] = []
        self.creates = 0
        self.fail_creates_from: int | None = None
        """The K-th issue create (1-based) and every later one answer 500."""
        self.stall = 0.0
        """Seconds every reply waits before it is sent (longer than the client's timeout)."""
        self.no_push_access = False
        """GitHub's way with a token without push access: labels and assignees on a new issue
        are dropped silently, and labels can't be created (403)."""
        self._faults: list[Reply] = []
        self._api = ""
        self._lock = threading.Lock()
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = [
            ("POST", re.compile(r"/issues"), self._create_issue),
            ("GET", re.compile(r"/issues"), self._list_issues),
            ("GET", re.compile(r"/issues/(\d+)"), self._get_issue),
            ("PATCH", re.compile(r"/issues/(\d+)"), self._patch_issue),
            ("GET", re.compile(r"/issues/(\d+)/timeline"), self._timeline),
            ("GET", re.compile(r"/labels/([^/]+)"), self._get_label),
            ("POST", re.compile(r"/labels"), self._create_label),
            ("GET", re.compile(r"/commits/([0-9a-f]{7,40})/pulls"), self._commit_pulls),
        ]

    # -- switches and a pull request's doings, for tests ---------------------------------------

    def answer_next(
        self,
        count: int,
        status: int,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
    ) -> None:
        """Answer the next `count` requests with `status`, `headers` and `body` (GitHub's
        error body when None), whatever they ask."""
        for _ in range(count):
            reply = error(status) if body is None else Reply(status, body)
            reply.headers = dict(headers or {})
            self._faults.append(reply)

    def add_issue(
        self, title: str, body: str | None = "", labels: tuple[str, ...] = (), pull: bool = False
    ) -> int:
        """An issue (or an open pull request) someone filed, its labels made as GitHub does."""
        with self._lock:
            return self._add(title, body, list(labels), [], pull).number

    def close_by_pull(self, number: int) -> str:
        """Merge a pull request whose description said "fixes #number": the merge commit
        closes the issue (a `closed` event with its `commit_id`) and has the pull request."""
        with self._lock:
            pull = self._merged_pull(f"Fix #{number}")
            sha = hashlib.sha1(f"merge of {pull.number}".encode()).hexdigest()
            self.commit_pulls[sha] = [pull.number]
            self._set_state(self.items[number], "closed", "completed", sha)
            return self._html(pull)

    def mention_in_pull(self, number: int) -> str:
        """Merge a pull request that mentions the issue (a `cross-referenced` event) without
        closing it."""
        with self._lock:
            pull = self._merged_pull(f"Work towards #{number}")
            self.items[number].timeline.append(
                self._event("cross-referenced", source={"type": "issue", "issue": self._json(pull)})
            )
            return self._html(pull)

    # -- the HTTP face ------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            self._api = f"http://{request.headers.get('host', '127.0.0.1')}"
            reply = self._faults.pop(0) if self._faults else self._answer(request)
            reply.headers = {**self._rate_headers(), **reply.headers}
            reply.delay = max(reply.delay, self.stall)
            return reply

    def _answer(self, request: Request) -> Reply:
        if not request.headers.get("user-agent"):
            return error(403, "Request forbidden by administrative rules.")
        if request.headers.get("x-github-api-version", VERSIONS[0]) not in VERSIONS:
            return error(400, "Invalid API version")
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return error(401)
        prefix = f"/repos/{self.repository}".lower()
        if not request.path.lower().startswith(prefix):
            return error(404)
        rest = request.path[len(prefix) :]
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(rest)
            if match and method == request.method:
                return handler(request, match)
        return error(404)

    def _rate_headers(self) -> dict[str, str]:
        reset = int(self.now.timestamp()) + 3600
        return {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": str(max(0, 5000 - len(self.requests))),
            "x-ratelimit-reset": str(reset),
            "x-ratelimit-resource": "core",
            "x-github-api-version-selected": VERSIONS[0],
        }

    # -- issues -------------------------------------------------------------------------------

    def _create_issue(self, request: Request, _: re.Match[str]) -> Reply:
        self.creates += 1
        if self.fail_creates_from is not None and self.creates >= self.fail_creates_from:
            return error(500)
        data = request.body if isinstance(request.body, dict) else {}
        title = data.get("title")
        if not isinstance(title, str | int) or str(title) == "":
            return _invalid("Issue", "title", "missing_field")
        labels = [str(x["name"] if isinstance(x, dict) else x) for x in data.get("labels") or []]
        assignees = [str(x) for x in data.get("assignees") or []]
        for login in assignees:
            if login not in self.collaborators:
                return _invalid("Issue", "assignees", "invalid", value=login)
        if self.no_push_access:
            labels, assignees = [], []
        item = self._add(str(title), data.get("body"), labels, assignees)
        return Reply(201, self._json(item), {"Location": self._api_url(item)})

    def _list_issues(self, request: Request, _: re.Match[str]) -> Reply:
        query = {k: v[-1] for k, v in request.query.items()}
        wanted = {n.strip().lower() for n in query.get("labels", "").split(",") if n.strip()}
        state = query.get("state", "open")
        if state not in ("open", "closed", "all"):
            return _invalid("Issue", "state", "invalid")
        items = [
            item
            for item in self.items.values()
            if state in ("all", item.state) and wanted <= {n.lower() for n in item.labels}
        ]
        items.sort(key=lambda item: item.number, reverse=query.get("direction") != "asc")
        return self._page(request, [self._json(item) for item in items])

    def _get_issue(self, _: Request, match: re.Match[str]) -> Reply:
        item = self.items.get(int(match[1]))
        return error(404) if item is None else Reply(200, self._json(item))

    def _patch_issue(self, request: Request, match: re.Match[str]) -> Reply:
        item = self.items.get(int(match[1]))
        if item is None:
            return error(404)
        data = request.body if isinstance(request.body, dict) else {}
        state = data.get("state", item.state)
        if state not in ("open", "closed"):
            return _invalid("Issue", "state", "invalid")
        for name in ("title", "body"):
            if name in data:
                setattr(item, name, data[name])
        if "labels" in data:
            item.labels = [str(x) for x in data["labels"]]
            for name in item.labels:
                self._label(name)
        if "assignees" in data:
            item.assignees = [str(x) for x in data["assignees"] if x in self.collaborators]
        if state != item.state:
            self._set_state(item, state, data.get("state_reason"), None)
        return Reply(200, self._json(item))

    def _timeline(self, request: Request, match: re.Match[str]) -> Reply:
        item = self.items.get(int(match[1]))
        return error(404) if item is None else self._page(request, list(item.timeline))

    def _commit_pulls(self, _: Request, match: re.Match[str]) -> Reply:
        numbers = self.commit_pulls.get(match[1])
        if numbers is None:
            return error(422, f"No commit found for SHA: {match[1]}")
        return Reply(200, [self._pull_json(self.items[n]) for n in numbers])

    # -- labels -------------------------------------------------------------------------------

    def _get_label(self, _: Request, match: re.Match[str]) -> Reply:
        name = unquote(match[1])
        return error(404) if name.lower() not in self.labels else Reply(200, self._label(name))

    def _create_label(self, request: Request, _: re.Match[str]) -> Reply:
        if self.no_push_access:
            return error(403, "Resource not accessible by personal access token")
        data = request.body if isinstance(request.body, dict) else {}
        name = data.get("name")
        if not isinstance(name, str) or not name:
            return _invalid("Label", "name", "missing_field")
        if name.lower() in self.labels:
            return _invalid("Label", "name", "already_exists")
        return Reply(201, self._label(name, data.get("color"), data.get("description")))

    def _label(self, name: str, color: str | None = None, description: str | None = None) -> Json:
        """The label `name`, made when missing (as a create or patch naming it does)."""
        key = name.lower()
        if key not in self.labels:
            self.labels[key] = {
                "id": len(self.labels) + 1,
                "name": name,
                "color": color or "ededed",
                "default": False,
                "description": description,
            }
        label = self.labels[key]
        url = f"{self._api}/repos/{self.repository}/labels/{quote(label['name'], safe='')}"
        return {**label, "url": url}

    # -- the model ----------------------------------------------------------------------------

    def _add(
        self,
        title: str,
        body: str | None,
        labels: list[str],
        assignees: list[str],
        pull: bool = False,
    ) -> Item:
        number = len(self.items) + 1
        for name in labels:
            self._label(name)
        item = Item(number, title, body, labels, assignees, _stamp(self.now), is_pull=pull)
        self.items[number] = item
        return item

    def _merged_pull(self, title: str) -> Item:
        pull = self._add(title, "", [], [], pull=True)
        pull.state, pull.closed_at = "closed", _stamp(self.now)
        pull.pull_merged_at = pull.closed_at
        return pull

    def _set_state(self, item: Item, state: str, reason: str | None, commit: str | None) -> None:
        item.state = state
        if state == "closed":
            item.state_reason, item.closed_at = reason or "completed", _stamp(self.now)
            commit_url = f"{self._api}/repos/{self.repository}/commits/{commit}" if commit else None
            item.timeline.append(
                self._event(
                    "closed",
                    commit_id=commit,
                    commit_url=commit_url,
                    state_reason=item.state_reason,
                )
            )
        else:
            item.state_reason, item.closed_at = "reopened", None
            item.timeline.append(self._event("reopened", commit_id=None, commit_url=None))

    def _event(self, kind: str, **fields: Any) -> Json:
        return {
            "id": sum(len(item.timeline) for item in self.items.values()) + 1,
            "event": kind,
            "actor": {"login": self.login},
            "created_at": _stamp(self.now),
            **fields,
        }

    def _page(self, request: Request, elements: list[Any]) -> Reply:
        """One page of a listing, and GitHub's Link header to the others."""
        query = {k: v[-1] for k, v in request.query.items()}
        size = min(100, max(1, int(query.get("per_page", "30"))))
        page = max(1, int(query.get("page", "1")))
        last = max(1, -(-len(elements) // size))
        links = {"next": page + 1, "last": last} if page < last else {}
        if page > 1:
            links |= {"first": 1, "prev": page - 1}
        header = ", ".join(
            f'<{self._api}{request.path}?{urlencode({**query, "page": n})}>; rel="{rel}"'
            for rel, n in links.items()
        )
        start = (page - 1) * size
        return Reply(200, elements[start : start + size], {"Link": header} if header else {})

    def _json(self, item: Item) -> Json:
        closer = {"login": self.login} if item.state == "closed" else None
        issue: Json = {
            "id": 1000 + item.number,
            "number": item.number,
            "url": self._api_url(item),
            "repository_url": f"{self._api}/repos/{self.repository}",
            "timeline_url": f"{self._api_url(item)}/timeline",
            "html_url": self._html(item),
            "title": item.title,
            "body": item.body,
            "state": item.state,
            "state_reason": item.state_reason,
            "labels": [self._label(name) for name in item.labels],
            "assignee": {"login": item.assignees[0]} if item.assignees else None,
            "assignees": [{"login": login} for login in item.assignees],
            "user": {"login": self.login},
            "created_at": item.created_at,
            "updated_at": item.closed_at or item.created_at,
            "closed_at": item.closed_at,
            "closed_by": closer,
        }
        if item.is_pull:
            issue["pull_request"] = {
                "url": f"{self._api}/repos/{self.repository}/pulls/{item.number}",
                "html_url": self._html(item),
                "merged_at": item.pull_merged_at,
            }
        return issue

    def _pull_json(self, item: Item) -> Json:
        return {
            "number": item.number,
            "url": f"{self._api}/repos/{self.repository}/pulls/{item.number}",
            "html_url": self._html(item),
            "state": item.state,
            "title": item.title,
            "merged_at": item.pull_merged_at,
        }

    def _html(self, item: Item) -> str:
        kind = "pull" if item.is_pull else "issues"
        return f"{self.web}/{self.repository}/{kind}/{item.number}"

    def _api_url(self, item: Item) -> str:
        return f"{self._api}/repos/{self.repository}/issues/{item.number}"


def _invalid(resource: str, field_name: str, code: str, **extra: Any) -> Reply:
    return error(422, errors=[{"resource": resource, "field": field_name, "code": code, **extra}])


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
