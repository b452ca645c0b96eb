"""A replica that exists only as far as the router can tell: no second database is needed."""

import pytest
from django.db import OperationalError

from lotsendienst import db_routing, replica_lag


class FakeReplica:
    """The lag the health check measures, and a clock the test moves."""

    def __init__(self):
        self.lag: float | Exception = 0.2
        self.now = 1000.0
        self.measured = 0
        self.failed_queries = 0  # failures a request's queries on the replica left behind

    def measure(self) -> float:
        self.measured += 1
        if isinstance(self.lag, Exception):
            raise self.lag
        return self.lag

    def unreachable(self) -> None:
        self.lag = OperationalError('connection to server at "192.0.2.12", port 5432 failed: Connection refused')

    def wait(self, seconds: float) -> None:
        self.now += seconds

    def take_failure(self) -> bool:
        failed, self.failed_queries = self.failed_queries > 0, 0
        return failed


@pytest.fixture
def replica(monkeypatch) -> FakeReplica:
    fake = FakeReplica()
    monkeypatch.setattr(replica_lag, "take_failure", fake.take_failure)
    monkeypatch.setattr(db_routing, "replica_configured", lambda: True)
    monkeypatch.setattr(replica_lag, "health", replica_lag.ReplicaHealth(measure=fake.measure, clock=lambda: fake.now))
    return fake
