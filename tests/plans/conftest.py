"""Fixtures of the plans tests: the clock, a plan policy on it, quotas on that."""

from __future__ import annotations

import pytest

from bot.services.plans import PlanPolicy
from bot.services.quotas import Quotas
from bot.settings import Settings
from tests.plans.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def policy(clock: FakeClock) -> PlanPolicy:
    """The default limits and prices, on the test's clock (for service-level tests)."""
    return PlanPolicy.from_settings(Settings.model_construct(), clock=clock)


@pytest.fixture
def quotas(policy: PlanPolicy) -> Quotas:
    return Quotas(policy)
