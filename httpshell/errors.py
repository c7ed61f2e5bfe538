"""Every refusal leaves an app as the JSON error shape `{"error": {"code", "message"}}`;
nothing answers HTML, and a 405 names the methods that are allowed (RFC 9110 `Allow`)."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import MethodNotAllowed

from shared.errors import as_error


def register_error_handlers(app: Flask, logger: str) -> None:
    """Domain errors, werkzeug errors (404, 405, 413, CSRF 400) and anything unexpected."""
    log = logging.getLogger(logger)

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
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
        return response
