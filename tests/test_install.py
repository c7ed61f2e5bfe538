"""Install on a store PC: the wheel built from this repository, installed by
`packaging/install-node.sh` into a fresh virtual environment under a staging root, runs
`omnistore --help` and `omnistore doctor`, with the data dir 0700 and the unit in place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_built_wheel_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(REPO)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    wheel = next(dist.glob("omnistore-*.whl"))
    root = tmp_path / "root"
    env = os.environ | {"ROOT": str(root), "PYTHON": sys.executable}
    installed = subprocess.run(
        ["bash", str(REPO / "packaging" / "install-node.sh"), str(wheel)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    omnistore = root / "opt/omnistore/.venv/bin/omnistore"
    helped = subprocess.run([str(omnistore), "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "doctor" in helped.stdout
    data_dir = root / "var/lib/omnistore"
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    unit = (root / "etc/systemd/system/omnistore-edge.service").read_text()
    assert "/opt/omnistore/.venv/bin/omnistore edge serve" in unit
    doctor = subprocess.run(
        [str(omnistore), "doctor", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert doctor.returncode == 1
    assert "FAIL  enrolment" in doctor.stdout and "omnistore edge enroll" in doctor.stdout
