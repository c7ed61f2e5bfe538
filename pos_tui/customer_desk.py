"""What the till does with customers, as calls to the node's services (no SQL, no UI):
find one by card, phone or email, sign one up (offline too), their balance and the
program's point value for a points tender."""

from __future__ import annotations

from sqlite_utils import Database

from edge import customers
from edge.node import NodeConfig
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
        contact = contact.strip()
        is_email = "@" in contact
        body = SignupIn(
            id=new_id(),
            name=name.strip(),
            phone=None if is_email or not contact else contact,
            email=contact if is_email else None,
        )
        return customers.signup(self.db, self.config, body)[0]

    def refresh(self, customer: IndexEntry) -> IndexEntry:
        """The customer again, with the points as the node knows them now."""
        return customers.get(self.db, customer.id)

    def program(self) -> LoyaltyProgram:
        return customers.program(self.db)
