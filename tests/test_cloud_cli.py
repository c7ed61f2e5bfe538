"""`omnistore cloud …` as real processes: serve on a free loopback port (fast start, one
`Date`, graceful stop), and the admin commands that print a token on their last line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.signing import generate_private_key, new_nonce, public_key_to_text, sign_request

pytestmark = pytest.mark.integration
OMNISTORE = [sys.executable, "-m", "cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(*args: str, env: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run(
        [*OMNISTORE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | (env or {}),
        check=True,
    )
    return done.stdout.strip().splitlines()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, float]]:
    """A cloud process on SQLite; yields its URL, database and seconds until healthy."""
    db, port = tmp_path / "var" / "cloud.db", free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        [*OMNISTORE, "cloud", "serve", "--port", str(port)],
        env=os.environ | {"OMNISTORE_CLOUD_DB": str(db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            assert process.poll() is None, process.communicate()
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
            assert time.monotonic() - started < 20, "cloud did not start"
        yield url, db, time.monotonic() - started
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert out.splitlines()[0] == f"omnistore cloud listening on {url}"


def test_serve_starts_and_answers_health(served: tuple[str, Path, float]) -> None:
    url, db, _ = served  # how fast is for benchmarks, not for a test on a shared machine
    health = httpx.get(f"{url}/healthz")
    assert health.json() == {"status": "ok"}
    assert health.headers.get_list("Date") and len(health.headers.get_list("Date")) == 1
    assert db.exists()
    missing = httpx.get(f"{url}/api/v1/nowhere")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_admin_commands_print_the_token_last_and_it_works(
    served: tuple[str, Path, float],
) -> None:
    url, db, _ = served
    env = {"OMNISTORE_CLOUD_DB": str(db)}
    enrolment = run("cloud", "add-store", "S1", "--name", "High Street", env=env)[-1]
    hq = run("cloud", "add-token", "ops", "--role", "hq", "--db", str(db))[-1]
    ro = run("cloud", "add-token", "viewer", "--role", "readonly", "--db", str(db))[-1]
    assert (enrolment[:3], hq[:3], ro[:3]) == ("en_", "hq_", "ro_")
    assert httpx.get(f"{url}/api/v1/stores", headers={"Authorization": f"Bearer {ro}"}).json()[
        "items"
    ][0] == {"code": "S1", "name": "High Street", "enrolled": False, "last_sync_at": None}

    key = generate_private_key()
    enrolled = httpx.post(
        f"{url}/api/v1/sync/enroll",
        json={
            "store": "S1",
            "token": enrolment,
            "public_key": public_key_to_text(key.public_key()),
        },
    )
    assert enrolled.status_code == 201 and enrolled.json()["currency"] == "EUR"
    path = "/api/v1/sync/pull"
    headers = sign_request(
        key, enrolled.json()["keyid"], "GET", path, "", b"", int(time.time()), new_nonce()
    )
    pulled = httpx.get(url + path, headers=headers)
    assert pulled.status_code == 200 and len(pulled.headers.get_list("Date")) == 1
    assert pulled.json() == {"changes": [], "cursor": "c0.s0", "more": False}
    replayed = httpx.get(url + path, headers=headers)
    assert replayed.status_code == 401 and replayed.json()["error"]["code"] == "replayed_nonce"


@pytest.mark.parametrize(
    "args",
    [["cloud", "add-store", "bad store"], ["cloud", "add-token", "x", "--role", "root"]],
    ids=["bad-store-code", "bad-role"],
)
def test_admin_commands_refuse_bad_arguments(tmp_path: Path, args: list[str]) -> None:
    done = subprocess.run(
        [*OMNISTORE, *args, "--db", str(tmp_path / "c.db")], capture_output=True, text=True
    )
    assert done.returncode == 2 and "Error" in done.stderr
