"""The console's transfers between stores: every transfer by state (requested, shipped =
in transit, received, cancelled), with the units on the road, and HQ's cancel of one not
yet shipped. The same services as `/api/v1/transfers`."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from werkzeug.wrappers.response import Response as AnyResponse

from cloud.console.access import allowed
from cloud.console.views import _arg, _engine, bp
from cloud.services import transfers
from shared.errors import Conflict, NotFound
from shared.models import STORE_PATTERN
from shared.transfers import with_transit

STATES = ("requested", "shipped", "received", "cancelled")


@bp.get("/transfers")
@allowed("transfers")
def transfers_page(error: str = "", status: int = 200) -> tuple[str, int]:
    state = request.args.get("state", "shipped")
    if state not in STATES:
        abort(400, description="bad state")
    store = _arg("store", STORE_PATTERN)
    with _engine().connect() as conn:
        found = transfers.list_transfers(conn, state, store, None, 1000)
    rows = [with_transit(t) for t in reversed(found)]
    page = render_template(
        "console/transfers.html",
        rows=rows,
        states=STATES,
        state=state,
        store=store or "",
        units=sum(line.in_transit for t in rows for line in t.lines),
        error=error,
    )
    return page, status


@bp.post("/transfers/<transfer_id>/cancel")
@allowed("transfers.edit")
def cancel_transfer(transfer_id: str) -> AnyResponse | tuple[str, int]:
    try:
        with _engine().begin() as conn:
            transfers.cancel(conn, transfer_id)
    except NotFound:
        abort(404)
    except Conflict as exc:
        return transfers_page(error=exc.message, status=409)
    return redirect(url_for("console.transfers_page", state="cancelled"))
