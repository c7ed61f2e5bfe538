"""Query parameters checked against the very schema the OpenAPI document declares for them,
so the document and the server cannot disagree: a value the schema allows is taken, any
other is 400 `bad_<name>`. Optional parameters may be sent empty (`?limit=`), which means
absent; the document says so with `allowEmptyValue`.

The JSON Schema subset used for query parameters: `type` string or integer, `enum`,
`pattern`, `minLength`/`maxLength`, `minimum`/`maximum`, `format: date-time` (RFC 3339)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from shared.clock import format_ts
from shared.errors import BadRequest

INTEGER = re.compile(r"^-?[0-9]{1,18}$")
RFC3339 = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))$"
)


def check(name: str, raw: str, schema: dict[str, Any], code: str = "") -> None:
    """Refuse (400 `code`, by default `bad_<name>`) a value the schema does not allow."""
    problem = _problem(raw, schema)
    if problem:
        raise BadRequest(code or f"bad_{name}", f"{name} {problem}")


def _problem(raw: str, schema: dict[str, Any]) -> str | None:
    if schema.get("type") == "integer":
        if not INTEGER.match(raw):
            return "must be an integer"
        value = int(raw)
        if "minimum" in schema and value < schema["minimum"]:
            return f"must be at least {schema['minimum']}"
        if "maximum" in schema and value > schema["maximum"]:
            return f"must be at most {schema['maximum']}"
        return None
    if "enum" in schema and raw not in schema["enum"]:
        return "must be one of " + ", ".join(str(v) for v in schema["enum"] if v != "")
    if len(raw) < schema.get("minLength", 0) or len(raw) > schema.get("maxLength", 10**9):
        return "has the wrong length"
    if "pattern" in schema and not _pattern(schema["pattern"]).search(raw):
        return f"must match {schema['pattern']}"
    if schema.get("format") == "date-time" and rfc3339(raw) is None:
        return "must be an RFC 3339 instant (2026-12-01T10:00:00Z)"
    return None


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def rfc3339(raw: str) -> datetime | None:
    """An RFC 3339 date-time as an aware UTC datetime, or None when it is not one. A leap
    second (:60) is read as the last instant of its minute; an instant that falls outside
    the years 1..9999 once in UTC is clamped to the nearest end."""
    match = RFC3339.match(raw)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(match[i]) for i in range(1, 7))
    micro = int((match[7] or ".0")[1:7].ljust(6, "0"))
    if second == 60:
        second, micro = 59, 999_999
    try:
        local = datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)
    except ValueError:
        return None
    if match[8] is None:
        hours, minutes = int(match[10]), int(match[11])
        if hours > 23 or minutes > 59:
            return None
        offset = timedelta(hours=hours, minutes=minutes)
        try:
            local = local - offset if match[9] == "+" else local + offset
        except OverflowError:
            local = datetime.min.replace(tzinfo=UTC) if match[9] == "+" else _MAX
    return local


_MAX = datetime.max.replace(tzinfo=UTC)


def instant_text(raw: str) -> str:
    """The stored text form of a checked RFC 3339 value."""
    moment = rfc3339(raw)
    assert moment is not None
    return format_ts(moment)
