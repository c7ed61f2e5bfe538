"""Endless aisle (SPEC §11): a till places a click-and-collect order at another store for a
customer in front of it; the node forwards it, signed, to the cloud."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from shared.models import CustomerIn, Id, Input, Name, OrderIn, OrderLineIn, StoreCode

Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ().-]{3,38}$")]


class AisleCustomerIn(Input):
    """The customer at the till: a name and a phone the pickup store can call."""

    name: Name
    phone: Phone
    email: Annotated[str, StringConstraints(max_length=200)] | None = None


class AisleOrderIn(Input):
    """An order for another store; `customer_id` names a known customer (the customers
    part links it; the order always carries the name and phone)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0192f0c4-8e1a-7c3b-9d2e-000000000004",
                    "store": "S2",
                    "customer": {"name": "Kim Lee", "phone": "+33 6 12 34 56 78"},
                    "lines": [{"sku": "MILK", "qty": 1}],
                }
            ]
        },
    )
    id: Id
    store: StoreCode
    customer: AisleCustomerIn
    customer_id: Id | None = None
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _distinct(self) -> AisleOrderIn:
        if len({line.sku for line in self.lines}) != len(self.lines):
            raise ValueError("each SKU may appear on one line only")
        return self

    def order_in(self) -> OrderIn:
        """The order as HQ and web shops place it."""
        customer = CustomerIn(
            name=self.customer.name, phone=self.customer.phone, email=self.customer.email
        )
        return OrderIn(id=self.id, store=self.store, customer=customer, lines=self.lines)
