"""`omnistore doctor --data-dir D`: is this node fit to sell and sync? Database integrity,
free disk, key and file modes, clock offset, the cloud reachable and the key accepted, the
printer, and how long the oldest unpushed event has waited."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from edge import clock, node
from edge.storage import outbox
from edge.storage.db import open_db
from edge.sync.client import CloudClient, CloudRefused, CloudUnavailable
from hardware.printer import open_printer
from shared.checks import Check, private_mode
from shared.clock import parse_ts, utc_now

MIN_FREE_BYTES = 500 * 1024 * 1024
MAX_OFFSET_S = 300
MAX_OUTBOX_AGE_S = 600


def run(data_dir: Path, client: CloudClient | None = None) -> list[Check]:
    """Every check, in the order an operator would fix them."""
    try:
        config = node.load(data_dir)
    except Exception as exc:  # a doctor reports, it does not crash
        return [Check("enrolment", False, f"{exc}: run `omnistore edge enroll`")]
    checks = [Check("enrolment", True, f"store {config.store}, cloud {config.cloud_url}")]
    checks += [_files(data_dir), _disk(data_dir)]
    db = open_db(node.db_path(data_dir), migrate=False)
    try:
        checks += [_integrity(db), _clock(db), _outbox(db)]
    finally:
        db.close()
    checks.append(_cloud(data_dir, config, client))
    checks.append(_guarded("printer", lambda: _printer(config.printer)))
    return checks


def _files(data_dir: Path) -> Check:
    loose = [
        path.name
        for path in [data_dir, *data_dir.iterdir()]
        if path.exists() and not private_mode(path.stat().st_mode)
    ]
    if loose:
        return Check("file modes", False, f"readable by others: {', '.join(loose)}; chmod go-rwx")
    return Check("file modes", True, "data dir 0700, files 0600")


def _disk(data_dir: Path) -> Check:
    free = shutil.disk_usage(data_dir).free
    text = f"{free // (1024 * 1024)} MiB free"
    if free < MIN_FREE_BYTES:
        return Check("disk", False, f"{text}: free space (under 500 MiB sales may stop)")
    return Check("disk", True, text)


def _integrity(db: Database) -> Check:
    result = db.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        return Check("database", False, f"{result}: restore from the last backup")
    return Check("database", True, "integrity ok")


def _clock(db: Database) -> Check:
    offset = clock.offset_s(db)
    if abs(offset) > MAX_OFFSET_S:
        return Check("clock", False, f"off by {offset:+.0f} s from the cloud: set the PC's clock")
    return Check("clock", True, f"offset {offset:+.1f} s")


def _outbox(db: Database) -> Check:
    oldest = outbox.oldest_pending_at(db)
    if oldest is None:
        return Check("outbox", True, "nothing waiting to be pushed")
    age = (utc_now() - parse_ts(oldest)).total_seconds()
    if age > MAX_OUTBOX_AGE_S:
        return Check("outbox", False, f"oldest event waiting {age:.0f} s: check the cloud link")
    return Check("outbox", True, f"oldest event waiting {age:.0f} s")


def _cloud(data_dir: Path, config: node.NodeConfig, client: CloudClient | None) -> Check:
    own = client is None
    client = client or CloudClient(config.cloud_url, config.keyid, node.load_key(data_dir))
    try:
        client.call("GET", "/api/v1/sync/pull", offset_s=0.0, params={"limit": "1"})
    except CloudRefused as exc:
        return Check(
            "cloud",
            False,
            f"{exc.code}: the key is not accepted (ask HQ to reset-store, then enrol again)",
        )
    except CloudUnavailable as exc:
        return Check("cloud", False, f"unreachable ({exc}): check the network or the cloud URL")
    finally:
        if own:
            client.close()
    return Check("cloud", True, "reachable, key accepted")


def _printer(spec: str) -> Check:
    printer = open_printer(spec, timeout=2.0)
    printer.close()
    return Check("printer", True, spec)


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as exc:  # a doctor reports, it does not crash
        return Check(name, False, f"{exc}: check the cable, power and paper")
