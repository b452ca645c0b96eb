"""Is the read replica there and close enough behind the primary? Asked at most every few seconds per process.

The answer is cached in the process so a busy server costs the replica one tiny query per interval, not one per
request. Unreachable or more than DATABASE_REPLICA_MAX_LAG seconds behind: reads go to the primary until the next
check says otherwise. See docs/operations.md, "Read replica".
"""

import contextlib
import logging
import math
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import Error as DatabaseDriverError
from django.db import connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
CHECK_EVERY_SECONDS = 2

# pg_last_xact_replay_timestamp() alone grows while the primary is idle although nothing is missing; a replica that
# has replayed all it received from a live stream is up to date, whatever the timestamp says.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
        AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
END
"""


def measure_lag() -> float:
    """Seconds the replica is behind the primary (0 when it has replayed everything)."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


def take_failure() -> bool:
    """True when a query on the replica failed in this request; closes the broken connection for the retry."""
    replica = connections[REPLICA]
    if not replica.errors_occurred:
        return False
    replica.errors_occurred = False
    with contextlib.suppress(DatabaseDriverError):  # already gone; Django reconnects when it is used again
        replica.close()
    return True


class ReplicaHealth:
    def __init__(self, measure: Callable[[], float] = measure_lag, clock: Callable[[], float] = time.monotonic):
        self.measure = measure
        self.clock = clock
        self.checked_at = -math.inf
        self.fresh = False
        self.last_lag: float | None = None
        self.lock = threading.Lock()

    def is_fresh(self) -> bool:
        if self.clock() - self.checked_at >= CHECK_EVERY_SECONDS:
            with self.lock:
                if self.clock() - self.checked_at >= CHECK_EVERY_SECONDS:
                    self.fresh = self._check()
                    self.checked_at = self.clock()
        return self.fresh

    def mark_down(self) -> None:
        """A query on the replica just failed: use the primary until the next regular check."""
        logger.warning("Read replica failed during a request, reading from the primary")
        self.fresh = False
        self.checked_at = self.clock()

    def _check(self) -> bool:
        try:
            self.last_lag = self.measure()
        except DatabaseDriverError as error:
            self.last_lag = None
            logger.warning("Read replica unreachable, reading from the primary: %s", error)
            return False
        if self.last_lag > settings.DATABASE_REPLICA_MAX_LAG:
            logger.warning("Read replica %.1f s behind, reading from the primary", self.last_lag)
            return False
        return True


health = ReplicaHealth()
