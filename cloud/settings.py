"""The cloud's settings: one object, read from the environment (`OMNISTORE_*`) and an
optional dotenv file named by `OMNISTORE_ENV_FILE`, built once by the CLI and passed to the
app factory and the server. The README's configuration table is checked against it."""

from __future__ import annotations

import os

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CloudSettings(BaseSettings):
    """Everything an operator may set for `omnistore cloud …`."""

    model_config = SettingsConfigDict(env_prefix="OMNISTORE_", extra="ignore")

    cloud_db: str = Field(
        "./var/cloud.db", description="cloud database: a SQLite path or a postgresql:// URL"
    )
    read_db: str | None = Field(
        None,
        description="a PostgreSQL streaming replica for reports and HQ list reads "
        "(`cloud serve --read-db`); the primary answers when it is away",
    )
    currency: str = Field(
        "EUR", pattern=r"^[A-Za-z]{3}$", description="the deployment's currency (ISO 4217)"
    )
    order_hold_s: int = Field(
        72 * 3600, ge=1, description="how long a click-and-collect order waits for its customer"
    )
    default_region: str = Field(
        "DE",
        pattern=r"^[A-Za-z]{2}$",
        description="the country (ISO 3166 alpha-2) whose numbering plan reads a customer "
        "phone written without +country code",
    )
    points_hold_s: int = Field(
        120,
        ge=5,
        le=86400,
        description="how long points held for a redemption at a till stay held",
    )

    hq_rate_per_s: float = Field(
        50.0, gt=0, description="HQ API requests per second per token, on average"
    )
    hq_rate_burst: int = Field(
        200, ge=1, description="HQ API requests one token may send at once before the rate applies"
    )
    stock_webhook_window_s: float = Field(
        5.0,
        ge=0.1,
        le=3600,
        description="`stock.changed` webhooks: at most one per store and SKU within this many "
        "seconds (the changes in between coalesce into it)",
    )

    webhook_allow: str = Field(
        "",
        description="networks (CIDR), addresses or host names, comma or space separated, that "
        "webhooks may go to although they are not public (e.g. `10.20.0.0/16, hooks.internal`)",
    )

    hq_offline_after_s: float = Field(
        120.0,
        gt=0,
        description="the HQ console's fleet page shows a store offline when its node has not "
        "called for this many seconds",
    )
    hq_secure_cookie: bool = Field(
        False,
        description="mark the HQ console's cookies `Secure` (browsers then send them over "
        "HTTPS only): set it to `1` where TLS is in front of the cloud",
    )

    @classmethod
    def load(cls) -> CloudSettings:
        """Environment first, then the file `OMNISTORE_ENV_FILE` names (if any)."""
        return cls(_env_file=os.environ.get("OMNISTORE_ENV_FILE"))  # type: ignore[call-arg]
