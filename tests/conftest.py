"""Shared test setup: one hypothesis profile for every test file.

No deadline: a per-example time limit is a timing assertion, and this machine is shared by
parallel jobs (speed targets live in benchmarks/). Under CI (CI=true) runs are derandomised so
a red build can be reproduced from its log.
"""

import os

from hypothesis import HealthCheck, settings

_SHARED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", **_SHARED)
settings.register_profile("ci", derandomize=True, **_SHARED)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
