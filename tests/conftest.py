"""Shared test setup: one hypothesis profile for every test file.

No deadline: a per-example time limit is a timing assertion, and this machine is shared by
parallel jobs (speed targets live in benchmarks/). Under CI (CI=true) runs are derandomised so
a red build can be reproduced from its log.

Session locks go to a runtime folder of the test run's own (XDG_RUNTIME_DIR, inherited by the
processes tests start), never to the user's.
"""

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

_SHARED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", **_SHARED)
settings.register_profile("ci", derandomize=True, **_SHARED)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True, scope="session")
def private_runtime_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    folder = tmp_path_factory.mktemp("runtime")
    folder.chmod(0o700)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_RUNTIME_DIR", str(folder))
        yield


@pytest.fixture
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests that run the app's commands with `run` replaced: pytest's stdin and stdout
    are no terminal, which those commands refuse at once."""
    import whytui.commands.app

    monkeypatch.setattr(whytui.commands.app, "terminal_problem", lambda: None)
