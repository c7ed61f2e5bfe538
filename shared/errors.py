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


class ServiceUnavailable(OmnistoreError):
    status = 503


RETRY_AFTER_S = 5

# What a database driver says when the database, not the request, is the problem (SQLite's
# own messages; PostgreSQL's and psycopg's), matched on the lower-cased message. The first
# hit wins, so disk full comes before the generic I/O and connection failures.
_DATABASE_TROUBLE = (
    ("database or disk is full", "disk_full"),
    ("no space left on device", "disk_full"),
    ("could not extend file", "disk_full"),
    ("database is locked", "database_busy"),
    ("database table is locked", "database_busy"),
    ("queuepool limit", "database_busy"),
    ("disk i/o error", "database_unavailable"),
    ("unable to open database file", "database_unavailable"),
)
_TROUBLE_MESSAGES = {
    "disk_full": "the server's disk is full; nothing was changed, try again later",
    "database_busy": "the database is busy; nothing was changed, try again shortly",
    "database_unavailable": "the database is unavailable; nothing was changed, try again later",
}
# Exception classes (by name: this module imports no driver) whose message is worth reading.
_DATABASE_ERRORS = {"OperationalError", "DatabaseError", "DiskFull", "TimeoutError"}
# psycopg raises these when the server cannot be reached or the connection broke.
_PSYCOPG_UNAVAILABLE = {"OperationalError", "InterfaceError"}


def database_trouble(exc: BaseException) -> OmnistoreError | None:
    """A database that is locked, full or unreachable, as 503 with `Retry-After`: codes
    `database_busy`, `disk_full`, `database_unavailable`. Looks through SQLAlchemy's
    wrapping (`orig`) and the exception chain; matches class names and messages only."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    driver_down = False
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen or len(seen) > 10:
            continue
        seen.add(id(current))
        names = {cls.__name__ for cls in type(current).__mro__}
        if names & _DATABASE_ERRORS:
            text = str(current).lower()
            for needle, code in _DATABASE_TROUBLE:
                if needle in text:
                    return unavailable(code)
        if type(current).__module__.startswith("psycopg") and names & _PSYCOPG_UNAVAILABLE:
            driver_down = True
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]
    return unavailable("database_unavailable") if driver_down else None


def unavailable(code: str) -> OmnistoreError:
    """503 with `Retry-After`: `database_busy`, `disk_full` or `database_unavailable`."""
    return ServiceUnavailable(
        code, _TROUBLE_MESSAGES[code], headers={"Retry-After": str(RETRY_AFTER_S)}
    )


def idempotency_conflict(kind: str, ident: str) -> Unprocessable:
    """The same client-chosen id arrived with another body: never a second record."""
    return Unprocessable(
        "idempotency_conflict",
        f"{kind} {ident} already exists with a different body",
    )


def as_error(exc: BaseException) -> OmnistoreError:
    """Anything raised while serving a request, as the error to answer: domain errors as
    they are, HTTP errors of the framework (anything with an int `code` and a `name`, such
    as werkzeug's 404/405/413) under their own status, a database that is locked, full or
    unreachable as 503 with `Retry-After` (`database_trouble`), the rest as a bare 500."""
    if isinstance(exc, OmnistoreError):
        return exc
    trouble = database_trouble(exc)
    if trouble is not None:
        return trouble
    status, name = getattr(exc, "code", None), getattr(exc, "name", None)
    if isinstance(status, int) and isinstance(name, str):
        code = name.lower().replace(" ", "_")
        return OmnistoreError(code, str(getattr(exc, "description", "") or code), status=status)
    return OmnistoreError("internal_error", "the server failed; nothing was changed", status=500)
