"""Shared test setup: the Hypothesis profiles.

Profiles:

- ``dev`` (the default): Hypothesis' usual number of examples, no deadline.
- ``ci`` (chosen when the ``CI`` environment variable is set): derandomized,
  so a run is reproducible, no deadline, and a failing example's blob printed.
- ``thorough`` (``HYPOTHESIS_PROFILE=thorough``): 2,000 examples per test.
- ``quick`` (chosen for the inner loop, ``-m "not slow"``, unless ``CI`` is set
  or a profile is named): 20 examples per test, no deadline.

``HYPOTHESIS_PROFILE`` names a profile explicitly and wins over ``CI``.
Doctests (in the package, ``docs/*.md`` and ``README.md``) import what they
use themselves, so they need no namespace set up here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

#: The folder beside the checkout that holds the seed articles and SIPRI's exports.
#: A user's clone has none; CI has it. Tests that need it skip with a stated reason.
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.register_profile("quick", max_examples=20, deadline=None)


def _profile() -> str:
    """Return the Hypothesis profile this run asks for."""
    if explicit := os.environ.get("HYPOTHESIS_PROFILE"):
        return explicit
    return "ci" if os.environ.get("CI") else "dev"


settings.load_profile(_profile())


def pytest_configure(config: pytest.Config) -> None:
    """Use the ``quick`` profile for the inner loop (``-m "not slow"``) outside CI."""
    inner_loop = "not slow" in (config.getoption("markexpr", "") or "")
    if inner_loop and not os.environ.get("HYPOTHESIS_PROFILE") and not os.environ.get("CI"):
        os.environ["HYPOTHESIS_PROFILE"] = "quick"  # as if named: the profile test agrees
        settings.load_profile("quick")


def shared_dir(name: str) -> Path:
    """Return ``../shared/<name>`` beside the checkout, or skip the calling test if absent."""
    folder = SHARED / name
    if not folder.is_dir():
        reason = f"needs ../shared/{name} beside the checkout (CI has it; a clone alone does not)"
        pytest.skip(reason)
    return folder


# Slow cases of tests whose other cases are quick, and docs pages that draw
# markets: marked here, since a docs page or one parameter has no decorator.
SLOW_CASES = (
    "docs/strategies.md::",
    "::test_every_strategy_yields_valid_objects[markets]",
    "::test_every_public_type_round_trips_exactly_through_json[Market]",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the cases named in SLOW_CASES slow, as if decorated ``@pytest.mark.slow``."""
    for item in items:
        if any(case in item.nodeid for case in SLOW_CASES):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def seeds() -> Path:
    """The seed articles' folder, ``../shared/seeds``; the test skips when it is absent."""
    return shared_dir("seeds")
