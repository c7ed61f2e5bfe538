from enum import StrEnum


class TimelineItemChannel(StrEnum):
    STORE = "store"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
