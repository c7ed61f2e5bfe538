"""Wire models of where stores are and what stock each holds (stock elsewhere, SPEC §11)."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from shared.models import Input, Instant, Name, Output

Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
TzName = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_+/-]+$")
]


def valid_tz(name: str) -> bool:
    """An IANA time zone name this machine's zone database knows."""
    if ".." in name or name.startswith("/"):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


class StorePlaceIn(Input):
    """A store's name, where it is (both coordinates or neither) and its time zone."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {"name": "Lyon Part-Dieu", "lat": 45.76, "lon": 4.86, "tz": "Europe/Paris"}
            ]
        },
    )
    name: Name
    lat: Latitude | None = None
    lon: Longitude | None = None
    tz: TzName = "UTC"

    @model_validator(mode="after")
    def _check(self) -> StorePlaceIn:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if not valid_tz(self.tz):
            raise ValueError(f"tz {self.tz!r} is not an IANA time zone name")
        return self


class StorePlace(Output):
    code: str
    name: str
    lat: float | None = None
    lon: float | None = None
    tz: str = "UTC"


class StoreStock(Output):
    """One store's level of a SKU; `in_transit`: units shipped to it, not yet received."""

    store: str
    name: str
    on_hand: int
    reserved: int
    available: int
    in_transit: int = 0
    distance_km: float | None = None


class StockElsewhere(Output):
    """Every store's level of a SKU, nearest first; `live: false` is a node's last copy
    (taken at `as_of`) while the cloud is away."""

    sku: str
    as_of: Instant
    live: bool
    items: list[StoreStock]
