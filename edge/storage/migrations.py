"""Versioned schema of the node's database (sqlite-utils Migrations, applied on open)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("omnistore-edge")


@migrations()
def m001_initial(db: Database) -> None:
    """Catalogue, sales, returns, stock ledger, staff, outbox and sync state."""
    _run(
        db,
        """
        CREATE TABLE products (
            sku TEXT PRIMARY KEY, name TEXT NOT NULL, price INTEGER NOT NULL,
            vat_rate_bp INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1,
            location TEXT, updated_at TEXT NOT NULL
        );
        CREATE INDEX products_name ON products(name);
        CREATE TABLE barcodes (
            code TEXT PRIMARY KEY, sku TEXT NOT NULL REFERENCES products(sku)
        );
        CREATE INDEX barcodes_sku ON barcodes(sku);
        CREATE TABLE registers (register TEXT PRIMARY KEY, last_no INTEGER NOT NULL);
        CREATE TABLE sales (
            id TEXT PRIMARY KEY, register TEXT NOT NULL, receipt_seq INTEGER NOT NULL,
            receipt_no TEXT NOT NULL UNIQUE, occurred_at TEXT NOT NULL, cashier TEXT,
            total INTEGER NOT NULL, change INTEGER NOT NULL, request_hash TEXT NOT NULL,
            voided INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL,
            UNIQUE (register, receipt_seq)
        );
        CREATE INDEX sales_occurred ON sales(occurred_at);
        CREATE TABLE returns (
            id TEXT PRIMARY KEY, sale_id TEXT, register TEXT NOT NULL,
            occurred_at TEXT NOT NULL, cashier TEXT, total INTEGER NOT NULL,
            request_hash TEXT NOT NULL, body TEXT NOT NULL
        );
        CREATE INDEX returns_sale ON returns(sale_id);
        CREATE TABLE return_lines (
            return_id TEXT NOT NULL REFERENCES returns(id), line_no INTEGER NOT NULL,
            sale_id TEXT, sku TEXT NOT NULL, qty INTEGER NOT NULL,
            PRIMARY KEY (return_id, line_no)
        );
        CREATE INDEX return_lines_sale ON return_lines(sale_id, sku);
        CREATE TABLE voids (
            id TEXT PRIMARY KEY, sale_id TEXT NOT NULL UNIQUE REFERENCES sales(id),
            occurred_at TEXT NOT NULL, request_hash TEXT NOT NULL, body TEXT NOT NULL
        );
        CREATE TABLE movements (
            id TEXT PRIMARY KEY, sku TEXT NOT NULL, delta INTEGER NOT NULL,
            reason TEXT NOT NULL, ref TEXT, note TEXT, occurred_at TEXT NOT NULL,
            origin TEXT NOT NULL
        );
        CREATE INDEX movements_sku ON movements(sku);
        CREATE TABLE staff (
            name TEXT PRIMARY KEY, role TEXT NOT NULL, pin_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL
        );
        CREATE TABLE login_failures (name TEXT NOT NULL, at REAL NOT NULL);
        CREATE INDEX login_failures_name ON login_failures(name, at);
        CREATE TABLE lockouts (name TEXT PRIMARY KEY, until REAL NOT NULL);
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
            register TEXT NOT NULL, expires_at REAL NOT NULL
        );
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL, hlc TEXT NOT NULL, occurred_at TEXT NOT NULL,
            device_time TEXT NOT NULL, body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending', reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0, acked_at TEXT
        );
        CREATE INDEX outbox_status ON outbox(status, seq);
        CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
        """,
    )


def _run(db: Database, script: str) -> None:
    """Run statements one by one: executescript would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m002_shifts(db: Database) -> None:
    """Cashier shifts; sales, returns and voids remember the shift they happened in."""
    _run(
        db,
        """
        CREATE TABLE shifts (
            id TEXT PRIMARY KEY, register TEXT NOT NULL, cashier TEXT NOT NULL,
            opened_at TEXT NOT NULL, float_amount INTEGER NOT NULL,
            closed_at TEXT, counted INTEGER, report TEXT
        );
        CREATE UNIQUE INDEX shifts_one_open ON shifts(register) WHERE closed_at IS NULL;
        ALTER TABLE sales ADD COLUMN shift_id TEXT;
        ALTER TABLE returns ADD COLUMN shift_id TEXT;
        ALTER TABLE voids ADD COLUMN shift_id TEXT;
        CREATE INDEX sales_shift ON sales(shift_id);
        CREATE INDEX returns_shift ON returns(shift_id);
        CREATE INDEX voids_shift ON voids(shift_id)
        """,
    )


@migrations()
def m003_orders(db: Database) -> None:
    """Click-and-collect orders at the node and their reservations."""
    _run(
        db,
        """
        CREATE TABLE orders (
            id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL, updated_at TEXT NOT NULL, body TEXT NOT NULL
        );
        CREATE INDEX orders_status ON orders(status, created_at);
        CREATE TABLE order_lines (
            order_id TEXT NOT NULL REFERENCES orders(id), sku TEXT NOT NULL,
            reserved INTEGER NOT NULL, PRIMARY KEY (order_id, sku)
        );
        CREATE INDEX order_lines_sku ON order_lines(sku)
        """,
    )


@migrations()
def m004_customers(db: Database) -> None:
    """The chain's customer index (what a till needs to find a customer and their points)
    and the points this node recorded, until the cloud's balance includes them."""
    _run(
        db,
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY, name TEXT, phone TEXT, email TEXT, card TEXT,
            points INTEGER NOT NULL DEFAULT 0, merged_into TEXT,
            erased INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;
        CREATE INDEX customers_email ON customers(email) WHERE email IS NOT NULL;
        CREATE INDEX customers_card ON customers(card) WHERE card IS NOT NULL;
        CREATE INDEX customers_merged ON customers(merged_into) WHERE merged_into IS NOT NULL;
        CREATE TABLE points_local (
            id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, delta INTEGER NOT NULL,
            reason TEXT NOT NULL, part TEXT NOT NULL, sale_id TEXT NOT NULL,
            event_id TEXT NOT NULL, offline INTEGER NOT NULL DEFAULT 0, occurred_at TEXT NOT NULL
        );
        CREATE INDEX points_local_customer ON points_local(customer_id);
        CREATE INDEX points_local_sale ON points_local(sale_id)
        """,
    )


@migrations()
def m005_pricing(db: Database) -> None:
    """The price book held from the feed (versions, promotions), product categories, and the
    shelf labels queued when a rule changes what a shelf shows."""
    _run(
        db,
        """
        ALTER TABLE products ADD COLUMN category TEXT;
        CREATE TABLE price_versions (
            id TEXT PRIMARY KEY, sku TEXT NOT NULL, body TEXT NOT NULL
        );
        CREATE INDEX price_versions_sku ON price_versions(sku);
        CREATE TABLE promotions (id TEXT PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE labels (
            id TEXT PRIMARY KEY, sku TEXT NOT NULL, effective_at TEXT NOT NULL,
            reason TEXT NOT NULL, queued_at TEXT NOT NULL, printed_at TEXT,
            UNIQUE (sku, effective_at)
        );
        CREATE INDEX labels_waiting ON labels(printed_at, effective_at)
        """,
    )


@migrations()
def m006_transfers(db: Database) -> None:
    """Transfers this store sends or receives, the counts scanned for one before it is
    shipped or received, and the last copy of each SKU's stock in the other stores."""
    _run(
        db,
        """
        CREATE TABLE transfers (
            id TEXT PRIMARY KEY, state TEXT NOT NULL, from_store TEXT NOT NULL,
            to_store TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX transfers_state ON transfers(state, created_at);
        CREATE TABLE transfer_counts (
            transfer_id TEXT NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL,
            PRIMARY KEY (transfer_id, sku)
        );
        CREATE TABLE stock_elsewhere (
            sku TEXT PRIMARY KEY, as_of TEXT NOT NULL, body TEXT NOT NULL
        )
        """,
    )


@migrations()
def m007_tills(db: Database) -> None:
    """The store's tills (enrolled once, seen since) and baskets parked by remote tills."""
    _run(
        db,
        """
        CREATE TABLE tills (
            register TEXT PRIMARY KEY, name TEXT NOT NULL, enrolled_at TEXT NOT NULL,
            enrolled_by TEXT NOT NULL, last_seen TEXT
        );
        CREATE TABLE parked (
            sale_id TEXT PRIMARY KEY, register TEXT NOT NULL, shift_id TEXT NOT NULL,
            cashier TEXT NOT NULL, parked_at TEXT NOT NULL, lines TEXT NOT NULL
        );
        CREATE INDEX parked_shift ON parked(shift_id, parked_at)
        """,
    )


@migrations()
def m008_parked_extras(db: Database) -> None:
    """A basket parked by a remote till keeps its coupons, basket discount and customer."""
    _run(db, "ALTER TABLE parked ADD COLUMN extras TEXT")
