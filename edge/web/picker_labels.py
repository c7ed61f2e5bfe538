"""The picker page's shelf labels: how many wait, and printing them on the node's printer."""

from __future__ import annotations

from flask import current_app, flash, redirect, url_for
from werkzeug.wrappers.response import Response as Redirect

from edge import labels
from edge.web.context import config, db
from edge.web.picker import bp, picker_required


@bp.post("/labels/print")
@picker_required
def print_labels() -> Redirect:
    """Print every waiting shelf label (queued before each price change)."""
    count = labels.print_waiting(db(), config().store, current_app.extensions["printing"])
    flash(f"{count} shelf label{'s' if count != 1 else ''} sent to the printer", "ok")
    return redirect(url_for("picker.home"))


def waiting_count() -> int:
    """How many labels wait, for the queue page."""
    return len(labels.waiting(db(), config().store))
