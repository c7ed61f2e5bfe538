from enum import StrEnum


class PointsEntryReason(StrEnum):
    ADJUST = "adjust"
    EARN = "earn"
    EXPIRE = "expire"
    REDEEM = "redeem"
    REVERSE = "reverse"

    def __str__(self) -> str:
        return str(self.value)
