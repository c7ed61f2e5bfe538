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

    webhook_allow: str = Field(
        "",
        description="networks (CIDR), addresses or host names, comma or space separated, that "
        "webhooks may go to although they are not public (e.g. `10.20.0.0/16, hooks.internal`)",
    )

    @classmethod
    def load(cls) -> CloudSettings:
        """Environment first, then the file `OMNISTORE_ENV_FILE` names (if any)."""
        return cls(_env_file=os.environ.get("OMNISTORE_ENV_FILE"))  # type: ignore[call-arg]
