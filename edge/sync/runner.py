"""Background sync inside `edge serve`: push soon after every local write, pull continuously,
back off with jitter while the cloud is away, and retry on its own."""

from __future__ import annotations

import logging
import random
import threading
import time
from pathlib import Path

from sqlite_utils import Database

from edge import node, orders, recovery
from edge.settings import NodeSettings
from edge.storage import state
from edge.storage.db import open_db, write
from edge.sync.client import CloudClient, CloudRefused, CloudUnavailable
from edge.sync.pull import pull_to_head
from edge.sync.push import BATCH, push_pending

log = logging.getLogger("omnistore.edge.sync")


class Backoff:
    """Exponential backoff with full jitter, capped."""

    def __init__(self, base_s: float = 0.5, cap_s: float = 30.0) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self.failures = 0

    def next_delay(self) -> float:
        self.failures += 1
        return random.uniform(self.base_s, min(self.cap_s, self.base_s * 2**self.failures))

    def reset(self) -> None:
        self.failures = 0


def sync_once(
    data_dir: Path, client: CloudClient | None = None, batch: int = BATCH, *, migrate: bool = True
) -> tuple[bool, str]:
    """One push then pull. Returns (ok, message); ok means the outbox is empty of pending
    events and the pull reached the head of the feed."""
    config = node.load(data_dir)
    db = open_db(node.db_path(data_dir), migrate=migrate)
    own = client is None
    client = client or CloudClient(config.cloud_url, config.keyid, node.load_key(data_dir))
    try:
        relearnt = recovery.relearn_if_restored(db, client)
        if relearnt:
            log.info("learnt back %d facts after a restore", relearnt)
        orders.expire_due(db)
        report = push_pending(db, client, batch)
        pulled = pull_to_head(db, config, client)
        _set_online(db, True, None)
        return True, (
            f"pushed {report.accepted} accepted, {report.duplicate} duplicate, "
            f"{report.rejected} rejected; pulled {pulled} changes"
        )
    except (CloudUnavailable, CloudRefused) as exc:
        _set_online(db, False, str(exc))
        return False, str(exc)
    finally:
        if own:
            client.close()
        db.close()


class SyncRunner(threading.Thread):
    """The sync loop; `nudge()` after a commit makes the push start within a second."""

    def __init__(self, data_dir: Path, settings: NodeSettings | None = None) -> None:
        super().__init__(name="omnistore-sync", daemon=True)
        settings = settings or NodeSettings.load()
        self.data_dir = data_dir
        self.poll_s = settings.sync_poll_s
        self.backoff = Backoff(cap_s=settings.sync_max_backoff_s)
        self.batch = settings.push_batch
        self._wake = threading.Event()
        self._stop = threading.Event()

    def nudge(self) -> None:
        """A local write happened: push now, unless the cloud is in backoff."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run(self) -> None:
        config = node.load(self.data_dir)
        client = CloudClient(config.cloud_url, config.keyid, node.load_key(self.data_dir))
        try:
            while not self._stop.is_set():
                ok, message = self._cycle(client)
                if ok:
                    self.backoff.reset()
                    self._sleep(self.poll_s, wakeable=True)
                else:
                    log.warning("sync failed: %s", message)
                    self._sleep(self.backoff.next_delay(), wakeable=False)
        finally:
            client.close()

    def _cycle(self, client: CloudClient) -> tuple[bool, str]:
        try:
            return sync_once(self.data_dir, client, self.batch, migrate=False)
        except Exception as exc:  # the loop must survive anything and retry
            log.exception("sync cycle crashed")
            return False, f"{type(exc).__name__}: {exc}"

    def _sleep(self, seconds: float, *, wakeable: bool) -> None:
        deadline = time.monotonic() + seconds
        while not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if self._wake.wait(left):
                self._wake.clear()
                if wakeable:
                    return


def _set_online(db: Database, online: bool, error: str | None) -> None:
    with write(db):
        state.put(db, "online", "1" if online else "0")
        state.put(db, "last_error", error)
