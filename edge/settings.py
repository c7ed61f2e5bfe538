"""The node's settings: one object, read from the environment (`OMNISTORE_*`) and an
optional dotenv file named by `OMNISTORE_ENV_FILE`, built once by the CLI and passed to the
app factory, the sync runner and the printer. The README's configuration table is checked
against it. What enrolment decides (store, cloud URL, key id, printer) lives in node.json."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class NodeSettings(BaseSettings):
    """Everything an operator may set for `omnistore edge …` and `omnistore pos`."""

    model_config = SettingsConfigDict(env_prefix="OMNISTORE_", extra="ignore")

    data_dir: Path | None = Field(None, description="node data dir for `edge` and `pos` commands")
    sync_poll_s: float = Field(1.0, gt=0, description="pause between sync cycles while online")
    sync_max_backoff_s: float = Field(
        30.0, gt=0, description="longest wait between retries while the cloud is away"
    )
    push_batch: int = Field(200, ge=1, le=1000, description="events per push request")
    mdns: bool = Field(True, description="`0`: the node does not advertise itself on the LAN")
    paper_mm: int = Field(80, description="receipt paper width in mm (58 or 80)")
    till_config: Path | None = Field(
        None,
        description="a remote till's own config file (its node, register, enrolment, "
        "printer); default `~/.config/omnistore/till.json`",
    )

    @classmethod
    def load(cls) -> NodeSettings:
        """Environment first, then the file `OMNISTORE_ENV_FILE` names (if any)."""
        return cls(_env_file=os.environ.get("OMNISTORE_ENV_FILE"))  # type: ignore[call-arg]
