"""The picker page's Transfers tab: the transfers this store must ship or receive; a
transfer's page counts units by scan (or +1 / −1 taps) and ships or receives what was
counted. Counts are kept on the node until the transfer is shipped or received, so a
tablet that reloads or changes hands loses nothing. Pickers and managers only (§8)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers.response import Response as Redirect

from edge import catalog, transfers
from edge.web.context import config, db
from edge.web.picker import _signed_in, bp, picker_required, shelf_place
from httpshell.routes import committed
from shared.errors import OmnistoreError
from shared.transfers import Transfer, TransferCountsIn

MAY_MOVE_STOCK = {"picker", "manager"}


def _stock_staff() -> None:
    who = _signed_in()
    if who is None or who.role not in MAY_MOVE_STOCK:
        abort(403, description="only pickers and managers ship and receive transfers")


@bp.get("/transfers")
@picker_required
def transfers_page() -> str:
    _stock_staff()
    store = config().store
    found = transfers.list_transfers(db(), None)
    to_ship = [_summary(t) for t in found if t.from_ == store and t.shipped_at is None]
    to_receive = [_summary(t) for t in found if t.to == store and t.received_at is None]
    return render_template("picker/transfers.html", to_ship=to_ship, to_receive=to_receive)


@bp.get("/transfers/<transfer_id>")
@picker_required
def transfer_page(transfer_id: str) -> str:
    _stock_staff()
    transfer = transfers.get(db(), transfer_id)
    action = _action(transfer)
    counted = transfers.scanned(db(), transfer_id)
    return render_template(
        "picker/transfer.html",
        transfer=_summary(transfer),
        action=action,
        lines=_lines(transfer, counted),
    )


@bp.post("/transfers/<transfer_id>/scan")
@picker_required
def transfer_scan(transfer_id: str) -> Redirect:
    _stock_staff()
    code = request.form.get("barcode", "").strip()

    def add_one() -> str:
        sku = catalog.lookup_barcode(db(), code).product.sku
        return f"scanned {sku}: {transfers.count(db(), config(), transfer_id, sku, 1)} counted"

    return _act(transfer_id, add_one)


@bp.post("/transfers/<transfer_id>/count")
@picker_required
def transfer_count(transfer_id: str) -> Redirect:
    _stock_staff()
    sku = request.form.get("sku", "")
    delta = 1 if request.form.get("delta") != "-1" else -1
    return _act(
        transfer_id,
        lambda: f"{sku}: {transfers.count(db(), config(), transfer_id, sku, delta)} counted",
    )


@bp.post("/transfers/<transfer_id>/ship")
@picker_required
def transfer_ship(transfer_id: str) -> Redirect:
    _stock_staff()
    return _act(
        transfer_id,
        lambda: _done(transfers.ship(db(), config(), transfer_id, _counted(transfer_id))),
    )


@bp.post("/transfers/<transfer_id>/receive")
@picker_required
def transfer_receive(transfer_id: str) -> Redirect:
    _stock_staff()
    return _act(
        transfer_id,
        lambda: _done(transfers.receive_goods(db(), config(), transfer_id, _counted(transfer_id))),
    )


def _counted(transfer_id: str) -> TransferCountsIn:
    """Every line of the transfer with what was counted (0 where nothing was scanned)."""
    counted = transfers.scanned(db(), transfer_id)
    lines = [
        {"sku": line.sku, "qty": counted.get(line.sku, 0)}
        for line in transfers.get(db(), transfer_id).lines
    ]
    return TransferCountsIn.model_validate({"lines": lines})


def _done(transfer: Transfer) -> str:
    units = sum(
        line.shipped if transfer.state == "shipped" else line.received for line in transfer.lines
    )
    return f"transfer {transfer.id[:8]} {transfer.state}: {units} units"


def _act(transfer_id: str, change: Callable[[], str]) -> Redirect:
    try:
        done = change()
    except OmnistoreError as exc:
        flash(exc.message, "error")
    else:
        committed()
        flash(done, "ok")
    return redirect(url_for("picker.transfer_page", transfer_id=transfer_id))


def _action(transfer: Transfer) -> str | None:
    """What this store can still do with the transfer: ship, receive, or nothing."""
    if transfer.state == "cancelled":
        return None
    store = config().store
    if transfer.from_ == store and transfer.shipped_at is None:
        return "ship"
    if transfer.to == store and transfer.received_at is None:
        return "receive"
    return None


def _summary(transfer: Transfer) -> dict[str, Any]:
    return {
        "id": transfer.id,
        "short_id": transfer.id[:8],
        "from": transfer.from_,
        "to": transfer.to,
        "state": transfer.state,
        "units": sum(line.qty for line in transfer.lines),
        "shipped": sum(line.shipped for line in transfer.lines),
    }


def _lines(transfer: Transfer, counted: dict[str, int]) -> list[dict[str, Any]]:
    """Lines in shelf order, with what was asked, shipped and counted here."""
    lines = []
    for line in transfer.lines:
        name, location = shelf_place(line.sku)
        lines.append(
            {
                "sku": line.sku,
                "name": name,
                "location": location,
                "qty": line.qty,
                "shipped": line.shipped,
                "received": line.received,
                "counted": counted.get(line.sku, 0),
            }
        )
    return sorted(lines, key=lambda item: (item["location"], item["name"]))
