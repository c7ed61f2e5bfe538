"""Every refusal leaves the cloud as SPEC §4's JSON error shape."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from shared.errors import OmnistoreError

log = logging.getLogger("omnistore.cloud")


def json_error(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    """Domain errors, werkzeug errors (404, 405, 413) and anything unexpected, as JSON."""

    @app.errorhandler(OmnistoreError)
    def _domain(exc: OmnistoreError) -> Response:
        response = jsonify(exc.body())
        response.status_code = exc.status
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        code = (exc.name or "error").lower().replace(" ", "_")
        return json_error(exc.code or 500, code, exc.description or code)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unexpected error")
        return json_error(500, "internal_error", "the server failed; retry later")
