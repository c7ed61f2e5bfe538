"""Real processes on loopback for integration tests: the cloud, store nodes, and a proxy
that loses answers. Every wait is bounded."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

FAST_SYNC_ENV = {
    "OMNISTORE_SYNC_POLL_S": "0.3",
    "OMNISTORE_SYNC_MAX_BACKOFF_S": "1.0",
}


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def omnistore(*args: str, env: dict[str, str] | None = None) -> str:
    """Run one `omnistore` command to completion; returns stdout, raises on failure."""
    result = subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        env=os.environ | (env or {}),
        timeout=120,
    )
    if result.returncode != 0:
        raise AssertionError(f"omnistore {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1].strip()


def wait_for(predicate: Callable[[], Any], timeout: float = 30.0, interval: float = 0.1) -> Any:
    """Poll until `predicate` returns something truthy; fail with the last value otherwise."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
        except (httpx.HTTPError, OSError) as exc:
            last = exc
        else:
            if last:
                return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s; last value: {last!r}")


class Process:
    """A long-running `omnistore … serve` process with its log in a file."""

    def __init__(self, args: list[str], url: str, log: Path, env: dict[str, str] | None = None):
        self.prefix: list[str] = []
        self.args = args
        self.url = url
        self.log = log
        self.env = os.environ | FAST_SYNC_ENV | (env or {})
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, wait: bool = True) -> Process:
        handle = self.log.open("ab")
        self.proc = subprocess.Popen(
            [*self.prefix, sys.executable, "-m", "cli", *self.args],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=self.env,
            start_new_session=True,
        )
        handle.close()
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float = 30.0) -> None:
        def healthy() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"process exited early:\n{self.log.read_text()[-3000:]}")
            return httpx.get(self.url + "/healthz", timeout=2).status_code == 200

        wait_for(healthy, timeout)

    def stop(self) -> None:
        """Graceful stop (SIGTERM to the whole process group)."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """kill -9: no chance to flush or finish anything."""
        self._signal(signal.SIGKILL)

    def _signal(self, sig: int) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.proc = None


class Cloud(Process):
    """`omnistore cloud serve` on a free port with its own SQLite file."""

    def __init__(self, root: Path, db: str | None = None, env: dict[str, str] | None = None):
        self.port = free_port()
        self.db = db or str(root / "cloud.db")
        super().__init__(
            ["cloud", "serve", "--db", self.db, "--host", "127.0.0.1", "--port", str(self.port)],
            f"http://127.0.0.1:{self.port}",
            root / "cloud.log",
            env,
        )
        self.hq_token = last_line(
            omnistore("cloud", "add-token", "hq-admin", "--role", "hq", "--db", self.db)
        )

    def hq(self) -> httpx.Client:
        """An HQ API client with the hq token."""
        return httpx.Client(
            base_url=self.url + "/api/v1",
            headers={"Authorization": f"Bearer {self.hq_token}"},
            timeout=30,
        )

    def add_store(self, store: str) -> str:
        return last_line(
            omnistore("cloud", "add-store", store, "--name", f"Store {store}", "--db", self.db)
        )


class Edge(Process):
    """`omnistore edge serve` for one enrolled data dir."""

    def __init__(self, root: Path, name: str = "edge", env: dict[str, str] | None = None):
        self.port = free_port()
        self.data_dir = root / name
        super().__init__(
            ["edge", "serve", "--data-dir", str(self.data_dir), "--port", str(self.port)],
            f"http://127.0.0.1:{self.port}",
            root / f"{name}.log",
            env,
        )

    def enroll(self, cloud_url: str, store: str, token: str) -> None:
        omnistore(
            "edge",
            "enroll",
            "--data-dir",
            str(self.data_dir),
            "--cloud",
            cloud_url,
            "--store",
            store,
            "--token",
            token,
        )

    def add_staff(self, name: str, role: str, pin: str) -> None:
        omnistore(
            "edge",
            "add-staff",
            "--data-dir",
            str(self.data_dir),
            name,
            "--role",
            role,
            "--pin",
            pin,
        )

    def lane(self, name: str, pin: str, register: str = "1") -> httpx.Client:
        """A lane API client signed in as a staff member."""
        answer = httpx.post(
            self.url + "/api/v1/sessions",
            json={"name": name, "pin": pin, "register": register},
            timeout=30,
        )
        assert answer.status_code == 201, answer.text
        return httpx.Client(
            base_url=self.url + "/api/v1",
            headers={"Authorization": f"Bearer {answer.json()['token']}"},
            timeout=30,
        )


def paged(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paged list endpoint."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = dict(params, limit=1000) | ({"cursor": cursor} if cursor else {})
        answer = client.get(path, params=query)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        items.extend(data["items"])
        cursor = data["next"]
        if not cursor:
            return items
