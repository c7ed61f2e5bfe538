"""Every refusal leaves the cloud as SPEC §4's JSON error shape."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify

from shared.errors import as_error

log = logging.getLogger("omnistore.cloud")


def register_error_handlers(app: Flask) -> None:
    """Domain errors, werkzeug errors (404, 405, 413) and anything unexpected."""

    @app.errorhandler(Exception)
    def _error(exc: Exception) -> Response:
        """The one place errors become HTTP answers."""
        error = as_error(exc)
        if error.status == 503:  # the database is locked, full or away: no traceback
            log.warning("%s: %s", error.code, exc)
        elif error.status >= 500:
            log.exception("unexpected error")
        response = jsonify(error.body())
        response.status_code = error.status
        response.headers.update(error.headers)
        return response
