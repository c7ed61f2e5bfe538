"""Every refusal leaves the node as SPEC §4's JSON error shape; nothing answers HTML."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from shared.errors import OmnistoreError

log = logging.getLogger("omnistore.edge.web")


def error_response(status: int, code: str, message: str) -> Response:
    """A JSON error answer."""
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    """Map domain errors, werkzeug errors and anything unexpected to JSON."""

    @app.errorhandler(OmnistoreError)
    def _domain(exc: OmnistoreError) -> Response:
        response = jsonify(exc.body())
        response.status_code = exc.status
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        code = (exc.name or "error").lower().replace(" ", "_")
        return error_response(exc.code or 500, code, exc.description or code)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unexpected error")
        return error_response(500, "internal_error", "the node failed; nothing was changed")
