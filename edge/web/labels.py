"""Shelf label routes: what waits to be printed, and marking labels printed."""

from __future__ import annotations

from flask import Blueprint

from edge import labels
from edge.web.context import config, db
from edge.web.registry import STAFF, route
from httpshell.paging import PAGED, limit_arg, whole
from shared.pricing.models import LabelsPrinted, LabelsPrintedIn, ShelfLabel

bp = Blueprint("labels", __name__)


@route(
    bp,
    "GET",
    "/labels",
    "Shelf labels waiting to be printed, soonest price change first",
    roles=STAFF,
    response=ShelfLabel,
    is_list=True,
    query=(PAGED[0],),
)
def list_labels() -> dict[str, object]:
    return whole(labels.waiting(db(), config().store, limit_arg()))


@route(
    bp,
    "POST",
    "/labels/printed",
    "Mark shelf labels printed",
    roles=STAFF,
    body=LabelsPrintedIn,
    response=LabelsPrinted,
)
def labels_printed(body: LabelsPrintedIn) -> LabelsPrinted:
    return LabelsPrinted(printed=labels.mark_printed(db(), body.ids))
