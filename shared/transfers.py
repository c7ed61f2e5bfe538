"""Wire models of stock transfers between stores (requested → shipped → received, or
cancelled before shipping): HQ's and the nodes' requests, the transfer both sides store,
and the event a node pushes when it requests, ships or receives one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from shared.models import (
    MAX_QTY,
    Id,
    Input,
    Instant,
    Output,
    Qty,
    Sku,
    StockMovement,
    StoreCode,
    Text,
)

TransferState = Literal["requested", "shipped", "received", "cancelled"]
TRANSFER_STATES: tuple[str, ...] = TransferState.__args__  # type: ignore[attr-defined]
# How far a transfer has gone: a fact at a store (ship, receive) outranks a remote cancel.
STATE_RANK = {"requested": 0, "cancelled": 1, "shipped": 2, "received": 3}
Counted = Annotated[int, Field(ge=0, le=MAX_QTY)]


class TransferLineIn(Input):
    sku: Sku
    qty: Qty


def _distinct(lines: list[TransferLineIn] | list[TransferCountIn]) -> None:
    if len({line.sku for line in lines}) != len(lines):
        raise ValueError("each SKU may appear on one line only")


class TransferIn(Input):
    """A request to move stock from one store to another."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        validate_by_name=True,
        serialize_by_alias=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-000000000003",
                    "from": "S1",
                    "to": "S2",
                    "lines": [{"sku": "MILK", "qty": 10}],
                }
            ]
        },
    )
    id: Id
    from_: StoreCode = Field(alias="from")
    to: StoreCode
    lines: Annotated[list[TransferLineIn], Field(min_length=1, max_length=100)]
    note: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> TransferIn:
        _distinct(self.lines)
        if self.from_ == self.to:
            raise ValueError("a transfer goes from one store to another")
        return self


class TransferCountIn(Input):
    sku: Sku
    qty: Counted


class TransferCountsIn(Input):
    """What was shipped or what arrived, per SKU (a SKU not listed counts 0)."""

    lines: Annotated[list[TransferCountIn], Field(min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _check(self) -> TransferCountsIn:
        _distinct(self.lines)
        return self


class TransferLine(Output):
    sku: str
    qty: Qty
    shipped: Counted = 0
    received: Counted = 0
    in_transit: Counted = 0


class Transfer(Output):
    """A transfer as both sides store it; `in_transit` per line is shipped minus received
    while the goods travel. `queued` (node answers only): a request the node keeps in its
    outbox until the cloud is back."""

    model_config = ConfigDict(extra="ignore", validate_by_name=True, serialize_by_alias=True)
    id: str
    from_: str = Field(alias="from")
    to: str
    state: TransferState
    lines: list[TransferLine]
    note: str | None = None
    created_at: Instant
    updated_at: Instant
    shipped_at: Instant | None = None
    received_at: Instant | None = None
    queued: bool = False

    def wire(self) -> dict[str, object]:
        """The JSON shape (`from`, not `from_`), with the quantities in transit."""
        return with_transit(self).model_dump(mode="json")


def _from(store: str) -> dict[str, Any]:
    """`from` is a Python keyword: the field is `from_`, aliased on the wire."""
    return {"from": store}


def with_transit(transfer: Transfer) -> Transfer:
    """Units on the road: shipped and not yet received."""
    moving = transfer.state == "shipped"
    lines = [
        line.model_copy(update={"in_transit": line.shipped if moving else 0})
        for line in transfer.lines
    ]
    return transfer.model_copy(update={"lines": lines})


def new_transfer(body: TransferIn, now: datetime) -> Transfer:
    """A freshly requested transfer."""
    return Transfer(
        id=body.id,
        to=body.to,
        state="requested",
        lines=[TransferLine(sku=line.sku, qty=line.qty) for line in body.lines],
        note=body.note,
        created_at=now,
        updated_at=now,
        **_from(body.from_),
    )


def request_of(transfer: Transfer) -> TransferIn:
    """The request a transfer was made from (a queued request replays it)."""
    return TransferIn(
        id=transfer.id,
        to=transfer.to,
        lines=[TransferLineIn(sku=line.sku, qty=line.qty) for line in transfer.lines],
        note=transfer.note,
        **_from(transfer.from_),
    )


class TransferEvent(Input):
    """A node's fact: its manager's request (queued offline), a shipment (with its
    `transfer_out` movements) or a receipt (with its `transfer_in` movements)."""

    action: Literal["request", "ship", "receive"]
    transfer: Transfer
    movements: list[StockMovement] = []
