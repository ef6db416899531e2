"""How whytui talks to a tracker over HTTP: one client, bounded waits, errors for people.

Every call has a timeout. A 429 (and GitHub's 403 with its rate-limit signals, and a 503)
with `Retry-After` is waited out once if the wait is short; a longer one, or a second limit,
is an error that says when to try again. 401 and 403 say the credentials were refused and
which variable holds them; 5xx says the tracker failed. No message carries the token: the
texts of responses are scrubbed of every secret the conduit was given before they are quoted.
"""

import ipaddress
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from whytui.trackers import TrackerError

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
LONGEST_WAIT = 30.0
"""Seconds a rate limit's Retry-After is waited out for, once; longer is an error."""


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_base(url: str, what: str) -> str:
    """`url` without a trailing slash, refused unless HTTPS (or loopback, for local fakes):
    a token must never cross the network in the clear."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise TrackerError(f"{what} '{url}' is not an http(s) URL")
    if parts.scheme == "http" and not is_loopback(url):
        raise TrackerError(
            f"{what} '{url}' is not HTTPS: whytui sends tokens only over HTTPS (or to "
            "127.0.0.1); use the https:// address"
        )
    return url.rstrip("/")


class Conduit:
    """An httpx client bound to one tracker, its secrets and its way of naming itself.

    `sleep` and `timeout` are for tests: a fake tracker's Retry-After is recorded instead of
    slept, and a stalled fake times out in a fraction of a second."""

    def __init__(
        self,
        base: str,
        name: str,
        headers: Mapping[str, str],
        secrets: tuple[str, ...],
        credentials_hint: str,
        auth: httpx.Auth | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        self.base = base
        self.name = name
        self._secrets = tuple(s for s in secrets if s)
        self._hint = credentials_hint
        self._sleep = sleep
        self._timeout = timeout
        self._client = httpx.Client(
            base_url=base,
            headers={"User-Agent": "whytui", **headers},
            auth=auth,
            timeout=timeout,
            follow_redirects=True,
        )

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[token]")
        return text

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The response, 2xx or 404 (the caller decides what missing means); anything else
        a TrackerError."""
        for attempt in (1, 2):
            try:
                response = self._client.request(method, url, **kwargs)
            except httpx.TimeoutException:
                raise TrackerError(
                    f"{self.name} did not answer within {self._timeout.read or 0:.0f} s ({method} "
                    f"{self._path(url)}); try again later"
                ) from None
            except httpx.HTTPError as error:
                raise TrackerError(
                    f"could not reach {self.name} at {self.base}: {self.scrub(str(error))}"
                ) from None
            wait = self._rate_limit_wait(response)
            if wait is None:
                return self._checked(response, method, url)
            if attempt == 1 and wait <= LONGEST_WAIT:
                self._sleep(wait)
                continue
            raise TrackerError(
                f"{self.name} is rate limiting whytui (HTTP {response.status_code}); "
                f"try again in {wait:.0f} s"
            )
        raise AssertionError("unreachable")

    def _rate_limit_wait(self, response: httpx.Response) -> float | None:
        """Seconds to wait when the response is a rate limit, else None."""
        status = response.status_code
        headers = response.headers
        limited = status == 429 or (
            status in (403, 503)
            and ("retry-after" in headers or headers.get("x-ratelimit-remaining") == "0")
        )
        if not limited:
            return None
        if "retry-after" in headers:
            try:
                return max(0.0, float(headers["retry-after"]))
            except ValueError:
                return LONGEST_WAIT + 1
        reset = headers.get("x-ratelimit-reset", "")
        if reset.isdigit():
            return max(0.0, int(reset) - time.time())
        return LONGEST_WAIT + 1

    def _checked(self, response: httpx.Response, method: str, url: str) -> httpx.Response:
        status = response.status_code
        if status < 300 or status == 404:
            return response
        what = f"{method} {self._path(url)}"
        detail = self.scrub(response.text[:300].strip())
        if status == 401:
            raise TrackerError(
                f"{self.name} refused the credentials (HTTP 401 on {what}); {self._hint}"
            )
        if status == 403:
            raise TrackerError(
                f"{self.name} says the token may not do this (HTTP 403 on {what}): {detail}; "
                f"{self._hint}"
            )
        if status >= 500:
            raise TrackerError(f"{self.name} failed (HTTP {status} on {what}); try again later")
        raise TrackerError(f"{self.name} refused {what} (HTTP {status}): {detail}")

    def _path(self, url: str) -> str:
        return self.scrub(urlsplit(url).path or url)

    def close(self) -> None:
        self._client.close()
