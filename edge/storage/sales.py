"""Sales, returns and voids at the node. Each is stored whole as its wire JSON beside the
columns that queries need; none is ever updated except a sale's `voided` flag."""

from __future__ import annotations

from sqlite_utils import Database

from shared.clock import format_ts
from shared.models import Return, Sale, Void


def next_receipt_seq(db: Database, register: str) -> int:
    """Take the next receipt number of a register; inside the sale's transaction it is gapless."""
    db.execute(
        "INSERT INTO registers(register, last_no) VALUES (?, 1) "
        "ON CONFLICT(register) DO UPDATE SET last_no = last_no + 1",
        [register],
    )
    row = db.execute("SELECT last_no FROM registers WHERE register = ?", [register]).fetchone()
    return int(row[0])


def insert_sale(
    db: Database, sale: Sale, receipt_seq: int, request_hash: str, shift_id: str | None
) -> None:
    """Store a committed sale."""
    db.execute(
        "INSERT INTO sales(id, register, receipt_seq, receipt_no, occurred_at, cashier, total, "
        "change, request_hash, body, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            sale.id,
            sale.register,
            receipt_seq,
            sale.receipt_no,
            format_ts(sale.occurred_at),
            sale.cashier,
            sale.total,
            sale.change,
            request_hash,
            sale.model_dump_json(),
            shift_id,
        ],
    )


def get_sale(db: Database, sale_id: str) -> tuple[Sale, str] | None:
    """A sale and the hash of the request that made it."""
    row = db.execute(
        "SELECT body, request_hash, voided FROM sales WHERE id = ?", [sale_id]
    ).fetchone()
    if row is None:
        return None
    sale = Sale.model_validate_json(row[0])
    sale.voided = bool(row[2])
    return sale, str(row[1])


def sale_id_for_receipt(db: Database, receipt_no: str) -> str | None:
    """The sale id behind a receipt number printed at this node."""
    row = db.execute("SELECT id FROM sales WHERE receipt_no = ?", [receipt_no]).fetchone()
    return None if row is None else str(row[0])


def list_sales(db: Database, after: tuple[str, str] | None, limit: int) -> list[Sale]:
    """Sales in (occurred_at, id) order after a position."""
    start = after or ("", "")
    rows = db.execute(
        "SELECT body, voided FROM sales WHERE (occurred_at, id) > (?, ?) "
        "ORDER BY occurred_at, id LIMIT ?",
        [start[0], start[1], limit],
    ).fetchall()
    sales = []
    for body, voided in rows:
        sale = Sale.model_validate_json(body)
        sale.voided = bool(voided)
        sales.append(sale)
    return sales


def mark_voided(db: Database, sale_id: str) -> None:
    """Flag a sale as voided; the void itself is its own record."""
    db.execute("UPDATE sales SET voided = 1 WHERE id = ?", [sale_id])


def returned_qty(db: Database, sale_id: str) -> dict[str, int]:
    """Units already returned against a sale, per SKU."""
    rows = db.execute(
        "SELECT sku, sum(qty) FROM return_lines WHERE sale_id = ? GROUP BY sku", [sale_id]
    )
    return {sku: int(qty) for sku, qty in rows.fetchall()}


def insert_return(db: Database, ret: Return, request_hash: str, shift_id: str | None) -> None:
    """Store a return and its lines (the lines feed `returned_qty`)."""
    db.execute(
        "INSERT INTO returns(id, sale_id, register, occurred_at, cashier, total, request_hash, "
        "body, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            ret.id,
            ret.sale_id,
            ret.register,
            format_ts(ret.occurred_at),
            ret.cashier,
            ret.total,
            request_hash,
            ret.model_dump_json(),
            shift_id,
        ],
    )
    for n, line in enumerate(ret.lines):
        db.execute(
            "INSERT INTO return_lines(return_id, line_no, sale_id, sku, qty) "
            "VALUES (?, ?, ?, ?, ?)",
            [ret.id, n, ret.sale_id, line.sku, line.qty],
        )


def get_return(db: Database, return_id: str) -> tuple[Return, str] | None:
    """A return and the hash of the request that made it."""
    row = db.execute("SELECT body, request_hash FROM returns WHERE id = ?", [return_id]).fetchone()
    return None if row is None else (Return.model_validate_json(row[0]), str(row[1]))


def list_returns(db: Database, after: tuple[str, str] | None, limit: int) -> list[Return]:
    """Returns in (occurred_at, id) order after a position."""
    start = after or ("", "")
    rows = db.execute(
        "SELECT body FROM returns WHERE (occurred_at, id) > (?, ?) ORDER BY occurred_at, id "
        "LIMIT ?",
        [start[0], start[1], limit],
    ).fetchall()
    return [Return.model_validate_json(row[0]) for row in rows]


def insert_void(db: Database, void: Void, request_hash: str, shift_id: str | None) -> None:
    """Store the void of a whole sale."""
    db.execute(
        "INSERT INTO voids(id, sale_id, occurred_at, request_hash, body, shift_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            void.id,
            void.sale_id,
            format_ts(void.occurred_at),
            request_hash,
            void.model_dump_json(),
            shift_id,
        ],
    )


def get_void(
    db: Database, *, void_id: str | None = None, sale_id: str | None = None
) -> tuple[Void, str] | None:
    """A void by its id or by the sale it voids."""
    column, value = ("id", void_id) if void_id is not None else ("sale_id", sale_id)
    row = db.execute(f"SELECT body, request_hash FROM voids WHERE {column} = ?", [value]).fetchone()
    return None if row is None else (Void.model_validate_json(row[0]), str(row[1]))


def raise_receipt_seq(db: Database, register: str, seq: int) -> None:
    """The register's counter is at least `seq` (a receipt learnt back from the cloud)."""
    db.execute(
        "INSERT INTO registers(register, last_no) VALUES (?, ?) "
        "ON CONFLICT(register) DO UPDATE SET last_no = max(last_no, excluded.last_no)",
        [register, seq],
    )


def newest_fact_at(db: Database) -> str | None:
    """When the newest sale, return or movement recorded here happened."""
    row = db.execute(
        "SELECT max(at) FROM (SELECT max(occurred_at) AS at FROM sales "
        "UNION ALL SELECT max(occurred_at) FROM returns "
        "UNION ALL SELECT max(occurred_at) FROM movements)"
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])
