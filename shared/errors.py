"""Errors are values with codes: raised once in a service, mapped to HTTP in one place per app."""

from __future__ import annotations

from typing import Any


class OmnistoreError(Exception):
    """A refusal the caller can act on; `code` is stable, `message` is for humans."""

    status = 400

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        detail: Any = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if status is not None:
            self.status = status
        self.headers = headers or {}
        self.detail = detail

    def body(self) -> dict[str, Any]:
        """The JSON error shape of SPEC §4: {"error": {"code", "message"}}."""
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.detail is not None:
            error["detail"] = self.detail
        return {"error": error}


class BadRequest(OmnistoreError):
    status = 400


class Unauthorized(OmnistoreError):
    status = 401


class Forbidden(OmnistoreError):
    status = 403


class NotFound(OmnistoreError):
    status = 404


class Conflict(OmnistoreError):
    status = 409


class PayloadTooLarge(OmnistoreError):
    status = 413


class Unprocessable(OmnistoreError):
    status = 422


class TooManyRequests(OmnistoreError):
    status = 429


def idempotency_conflict(kind: str, ident: str) -> Unprocessable:
    """The same client-chosen id arrived with another body: never a second record."""
    return Unprocessable(
        "idempotency_conflict",
        f"{kind} {ident} already exists with a different body",
    )


def as_error(exc: BaseException) -> OmnistoreError:
    """Anything raised while serving a request, as the error to answer: domain errors as
    they are, HTTP errors of the framework (anything with an int `code` and a `name`, such
    as werkzeug's 404/405/413) under their own status, the rest as a bare 500."""
    if isinstance(exc, OmnistoreError):
        return exc
    status, name = getattr(exc, "code", None), getattr(exc, "name", None)
    if isinstance(status, int) and isinstance(name, str):
        code = name.lower().replace(" ", "_")
        return OmnistoreError(code, str(getattr(exc, "description", "") or code), status=status)
    return OmnistoreError("internal_error", "the server failed; nothing was changed", status=500)
