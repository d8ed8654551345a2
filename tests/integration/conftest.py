"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.fake_graph import FakeGraph


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    """A scripted fake Graph server on loopback, stopped after the test."""
    with FakeGraph() as server:
        yield server
