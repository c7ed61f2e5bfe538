from enum import StrEnum


class SessionOutRole(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    PICKER = "picker"

    def __str__(self) -> str:
        return str(self.value)
