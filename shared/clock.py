"""One text form for instants on the wire and in both databases, so they sort as strings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_ts(moment: datetime) -> str:
    """UTC, microseconds, trailing Z: fixed width, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_FORMAT)


def parse_ts(text: str) -> datetime:
    """Accept any ISO 8601 instant; a value without offset is taken as UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "T", 1))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def from_epoch(seconds: float) -> datetime:
    """An epoch second count as an aware UTC datetime."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


def to_epoch(moment: datetime) -> float:
    """Seconds since the epoch for an aware datetime."""
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()


def now_text() -> str:
    """The current instant in the wire/database text form."""
    return format_ts(datetime.now(UTC))


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)
