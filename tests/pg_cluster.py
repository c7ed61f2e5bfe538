"""Throw-away PostgreSQL clusters for tests that need more than the machine's server: a
primary of their own and a streaming replica of it (initdb and pg_basebackup from Debian's
PostgreSQL binaries, run as the `postgres` user, on free loopback ports)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.harness import free_port


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail(f"{name} is missing: PostgreSQL's server binaries are needed")
    return found[-1]


def _as_postgres(*args: str) -> None:
    subprocess.run(
        ["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120
    )


@dataclass
class Cluster:
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> Cluster:
        _as_postgres(
            _bin("pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.data / "server.log"),
            "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1", "start",
        )  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        command = [_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *command], capture_output=True, timeout=60
        )

    def sql(self, statement: str) -> str:
        result = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-Atc", statement],
            capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        return result.stdout.strip()


def postgres_workdir() -> Path:
    """A directory the postgres user may use (pytest's tmp dirs are root's, mode 0700)."""
    path = Path(tempfile.mkdtemp(prefix="omnistore-pg-", dir="/tmp"))
    shutil.chown(path, "postgres", "postgres")
    os.chmod(path, 0o700)
    return path


def primary() -> Cluster:
    """A fresh cluster with trust auth on loopback (replication included)."""
    data = postgres_workdir() / "primary"
    _as_postgres(_bin("initdb"), "-D", str(data), "--auth=trust", "-U", "postgres")
    return Cluster(data, free_port()).start()


def replica_of(source: Cluster) -> Cluster:
    """A hot standby streaming from `source`."""
    data = postgres_workdir() / "replica"
    _as_postgres(
        _bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(source.port), "-U", "postgres",
        "-D", str(data), "-R", "-X", "stream",
    )  # fmt: skip
    return Cluster(data, free_port()).start()


def remove(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.data.parent, ignore_errors=True)
