"""What the till does with customers, as calls to the node's services (no SQL, no UI):
find one by card, phone or email, sign one up (offline too), their balance and the
program's point value for a points tender."""

from __future__ import annotations

from typing import Protocol

from sqlite_utils import Database

from edge import customers
from edge.node import NodeConfig
from pos_tui.lane_client import LaneClient, segment
from shared.customers import IndexEntry, LoyaltyProgram, SignupIn
from shared.ids import new_id


class CustomerDesk:
    """Customers at one till (the session's database and node)."""

    def __init__(self, db: Database, config: NodeConfig) -> None:
        self.db = db
        self.config = config

    def find(self, text: str) -> IndexEntry:
        """By card scan, phone or email; 404 `unknown_customer`."""
        return customers.lookup(self.db, text)

    def sign_up(self, name: str, contact: str) -> IndexEntry:
        """A new customer with a phone or an email (a contact with `@` is an email)."""
        return customers.signup(self.db, self.config, signup_body(name, contact))[0]

    def refresh(self, customer: IndexEntry) -> IndexEntry:
        """The customer again, with the points as the node knows them now."""
        return customers.get(self.db, customer.id)

    def program(self) -> LoyaltyProgram:
        return customers.program(self.db)


class Customers(Protocol):
    """What a till does with customers, whichever side of the LAN it runs on."""

    def find(self, text: str) -> IndexEntry: ...

    def sign_up(self, name: str, contact: str) -> IndexEntry: ...

    def refresh(self, customer: IndexEntry) -> IndexEntry: ...

    def program(self) -> LoyaltyProgram: ...


class RemoteCustomers:
    """Customers through the node's lane API (a till on another machine of the LAN)."""

    def __init__(self, lane: LaneClient) -> None:
        self.lane = lane

    def find(self, text: str) -> IndexEntry:
        found = self.lane.call("GET", "/customers/lookup", params={"q": text.strip()})
        return IndexEntry.model_validate(found)

    def sign_up(self, name: str, contact: str) -> IndexEntry:
        body = signup_body(name, contact).model_dump(mode="json", exclude_none=True)
        return IndexEntry.model_validate(self.lane.call("POST", "/customers", body=body))

    def refresh(self, customer: IndexEntry) -> IndexEntry:
        return self.find_by_id(customer.id)

    def find_by_id(self, customer_id: str) -> IndexEntry:
        found = self.lane.call("GET", f"/customers/{segment(customer_id)}")
        return IndexEntry.model_validate(found)

    def program(self) -> LoyaltyProgram:
        return LoyaltyProgram.model_validate(self.lane.call("GET", "/loyalty/program"))


def signup_body(name: str, contact: str) -> SignupIn:
    """A new customer with a phone or an email (a contact with `@` is an email)."""
    contact = contact.strip()
    is_email = "@" in contact
    return SignupIn(
        id=new_id(),
        name=name.strip(),
        phone=None if is_email or not contact else contact,
        email=contact if is_email else None,
    )
