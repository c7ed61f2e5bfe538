"""`GET /reports/{name}`: the HQ reports as JSON or CSV, read from the rollups (and from the
read replica when one is set)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from cloud.api.db import reading
from cloud.api.registry import READ, route
from cloud.services import reports
from httpshell.routes import Query
from shared.models import STORE_PATTERN
from shared.reports import COMMON, REPORTS, ReportRow

bp = Blueprint("reports", __name__)
DAY = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
QUERY = (
    Query("from", DAY, description="first local day, included (default: 28 days before `to`)"),
    Query("to", DAY, description="local day after the last one, excluded (default: tomorrow)"),
    Query("store", {"type": "string", "pattern": STORE_PATTERN}, description="one store"),
    Query(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20},
        description="rows of top_products, promotions, stock_cover and sell_through (default 20)",
    ),
    Query("format", {"type": "string", "enum": ["json", "csv"]}, description="csv: text/csv"),
)
DESCRIPTION = (
    "400 `bad_range` when `to` is not after `from` or the range is over 366 days; 404 "
    "`unknown_store` for a store not registered. "
    + COMMON
    + " Reports: "
    + " ".join(f"`{name}` ({', '.join(cols)}): {text}" for name, (_, cols, text) in REPORTS.items())
)


@route(
    bp,
    "GET",
    "/reports/<name>",
    "A report over local days [from, to), for one store or all, as JSON or CSV",
    roles=READ,
    response=ReportRow,
    is_list=True,
    query=QUERY,
    errors=(404,),
    description=DESCRIPTION,
    media=("text/csv",),
)
def report(name: str) -> Response | dict[str, object]:
    args = request.args
    limit = int(args.get("limit") or 20)
    with reading() as conn:
        win = reports.window(
            conn, args.get("from") or None, args.get("to") or None, args.get("store") or None, limit
        )
        rows = reports.run(conn, name, win)
    if args.get("format") == "csv":
        return Response(
            reports.as_csv(name, rows),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return {"items": rows, "next": None}
