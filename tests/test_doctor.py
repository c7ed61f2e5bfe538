"""`omnistore doctor` on a real node and cloud: all ok when healthy; a loose file mode, a
cloud that is away and an unmigrated database each give a FAIL line that says what to do,
and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.system import System


def doctor(*args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "cli", "doctor", *args], capture_output=True, text=True, timeout=60
    )
    return result.returncode, result.stdout.strip().splitlines()


def test_a_healthy_node_and_cloud_pass_then_faults_are_named(system: System) -> None:
    code, lines = doctor("--data-dir", str(system.edge.data_dir))
    assert code == 0, lines
    names = [line.split(":")[0].split()[-1] for line in lines]
    assert names == [
        "enrolment",
        "modes",
        "disk",
        "database",
        "clock",
        "outbox",
        "cloud",
        "printer",
    ]
    assert all(line.startswith("ok") for line in lines)
    code, lines = doctor("--db", system.cloud.db)
    assert code == 0 and any("migrations: at head" in line for line in lines), lines

    os.chmod(system.edge.data_dir / "node.json", 0o644)
    system.cloud.stop()
    code, lines = doctor("--data-dir", str(system.edge.data_dir))
    assert code == 1
    failed = [line for line in lines if line.startswith("FAIL")]
    assert any("file modes" in line and "node.json" in line for line in failed), failed
    assert any("cloud: unreachable" in line for line in failed), failed


def test_an_unmigrated_cloud_database_is_named(tmp_path: Path) -> None:
    import sqlite3

    sqlite3.connect(tmp_path / "empty.db").close()
    code, lines = doctor("--db", str(tmp_path / "empty.db"))
    assert code == 1 and any(line.startswith("FAIL  migrations") for line in lines), lines


def test_doctor_needs_exactly_one_target() -> None:
    code, _ = doctor()
    assert code == 2
