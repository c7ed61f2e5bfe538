"""The cloud through PgBouncer in transaction pooling (Debian's pgbouncer): migrations, HQ
writes and reads, and a node's pushes all work with `?pgbouncer=transaction` in the URL
(psycopg then keeps no prepared statements on connections that change hands)."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.harness import Cloud, Edge, free_port, omnistore, paged, wait_for
from tests.pg_cluster import postgres_workdir

CASHIER = ("ana", "1234")


def start_pgbouncer(database_url: str) -> tuple[subprocess.Popen[bytes], str, Path]:
    """PgBouncer refuses to run as root: it runs as `postgres` from a directory of its own."""
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not Path(binary).exists():
        pytest.fail("pgbouncer is missing: `make test` installs it (Debian package pgbouncer)")
    root = postgres_workdir()
    name = database_url.rsplit("/", 1)[1]
    port = free_port()
    (root / "users.txt").write_text('"postgres" ""\n')
    config = root / "pgbouncer.ini"
    config.write_text(
        f"[databases]\n{name} = host=127.0.0.1 port=5432 dbname={name}\n"
        f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\n"
        f"unix_socket_dir =\nauth_type = trust\nauth_file = {root / 'users.txt'}\n"
        "pool_mode = transaction\ndefault_pool_size = 4\nmax_client_conn = 200\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
    )
    for path in (config, root / "users.txt"):
        shutil.chown(path, "postgres", "postgres")
    proc = subprocess.Popen(
        ["runuser", "-u", "postgres", "--", binary, str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, f"postgresql://postgres@127.0.0.1:{port}/{name}?pgbouncer=transaction", root


@pytest.mark.postgres
def test_the_cloud_works_through_pgbouncer_in_transaction_mode(
    pg_database: str, tmp_path: Path
) -> None:
    pooler, url, pooler_dir = start_pgbouncer(pg_database)
    edge = Edge(tmp_path)
    cloud = None
    try:
        wait_for(lambda: _connects(url), 20)
        cloud = Cloud(tmp_path, db=url).start()
        hq = cloud.hq()
        product = {"name": "Tea", "price": 250, "vat_rate_bp": 700, "barcodes": []}
        assert hq.put("/products/TEA", json=product).status_code == 201
        token = omnistore("cloud", "add-store", "B1", "--db", url).strip().splitlines()[-1]
        edge.enroll(cloud.url, "B1", token)
        edge.add_staff(CASHIER[0], "cashier", CASHIER[1])
        edge.start()
        with edge.lane(*CASHIER) as lane:
            for _ in range(20):  # more than psycopg's prepare threshold of 5 per statement
                sale = {
                    "id": str(uuid.uuid4()),
                    "lines": [{"sku": "TEA", "qty": 1}],
                    "payments": [{"method": "cash", "amount": 250}],
                }
                assert lane.post("/sales", json=sale).status_code == 201
            wait_for(lambda: lane.get("/sync/status").json()["outbox_pending"] == 0, 60, 0.3)
        assert len(paged(hq, "/stores/B1/sales")) == 20
        assert hq.get("/stores/B1/stock/TEA").json()["on_hand"] == -20
    finally:
        edge.stop()
        if cloud is not None:
            cloud.stop()
        pooler.terminate()
        pooler.wait(10)
        shutil.rmtree(pooler_dir, ignore_errors=True)


def _connects(url: str) -> bool:
    result = subprocess.run(
        ["psql", url.split("?")[0], "-Atc", "SELECT 1"], capture_output=True, text=True
    )
    return result.returncode == 0
