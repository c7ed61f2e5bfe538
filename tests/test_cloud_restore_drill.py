"""The cloud's restore drill on PostgreSQL, as the README documents it: `pg_dump -Fc` of a
live cloud database, `pg_restore` into an empty one, and the cloud serves from the copy
with everything in it (catalogue, stock, stores, tokens) and `omnistore doctor` all ok."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from tests.harness import Cloud


@pytest.mark.postgres
def test_pg_dump_and_restore_give_a_working_cloud(
    pg_database: str, postgres_admin: str, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = Cloud(tmp_path / "a", db=pg_database).start()
    try:
        hq = source.hq()
        product = {"name": "Tea", "price": 250, "vat_rate_bp": 700, "barcodes": []}
        assert hq.put("/products/TEA", json=product).status_code == 201
        movement = {"id": str(uuid.uuid4()), "sku": "TEA", "delta": 42, "reason": "receipt"}
        subprocess.run(
            [sys.executable, "-m", "cli", "cloud", "add-store", "D1", "--db", pg_database],
            check=True,
            capture_output=True,
        )
        assert hq.post("/stores/D1/stock-movements", json=movement).status_code == 201
    finally:
        source.stop()
    dump = tmp_path / "cloud.dump"
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), pg_database], check=True, timeout=120)
    copy = _empty_database(postgres_admin)
    try:
        subprocess.run(["pg_restore", "--no-owner", "-d", copy, str(dump)], check=True, timeout=120)
        doctor = subprocess.run(
            [sys.executable, "-m", "cli", "doctor", "--db", copy], capture_output=True, text=True
        )
        assert doctor.returncode == 0, doctor.stdout
        restored = Cloud(tmp_path / "b", db=copy).start()
        try:
            hq = httpx.Client(  # the token made before the dump works on the copy
                base_url=restored.url + "/api/v1",
                headers={"Authorization": f"Bearer {source.hq_token}"},
            )
            assert hq.get("/products/TEA").json()["price"] == 250
            assert hq.get("/stores/D1/stock/TEA").json()["on_hand"] == 42
        finally:
            restored.stop()
    finally:
        _drop(postgres_admin, copy)


def _empty_database(admin_url: str) -> str:
    name = f"omnistore_restore_{uuid.uuid4().hex[:10]}"
    engine = _admin(admin_url)
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def _drop(admin_url: str, url: str) -> None:
    engine = _admin(admin_url)
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    engine.dispose()


def _admin(admin_url: str) -> sa.Engine:
    return sa.create_engine(
        admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
