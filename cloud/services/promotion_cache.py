"""The promotions of a span of time, parsed and indexed once per change, per process: a
chain may run ten thousand promotions, and parsing them all for every push (the cloud
prices each pushed sale again) cost more than storing the sales.

Every call still asks the database which promotions (id, updated_at) the span holds, so a
change made by another instance is seen at once; only bodies not seen before are read and
parsed, and the index is rebuilt only when that set changed."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from cloud.storage import pricing as rows
from shared.pricing.index import PromotionIndex
from shared.pricing.models import Promotion

Stamp = tuple[str, str]  # (promotion id, updated_at)


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.parsed: dict[str, tuple[str, Promotion]] = {}  # id → (updated_at, it)
        self.key: frozenset[Stamp] | None = None
        self.index = PromotionIndex(())

    def index_for(self, conn: sa.Connection, first: str, last: str) -> PromotionIndex:
        stamps = frozenset(rows.promotion_stamps(conn, first, last))
        with self.lock:
            if stamps == self.key:
                return self.index
            known = dict(self.parsed)
        stale = sorted(pid for pid, at in stamps if known.get(pid, ("",))[0] != at)
        known.update((p.id, (at, p)) for at, p in rows.promotions_by_id(conn, stale))
        index = PromotionIndex(known[pid][1] for pid, _ in sorted(stamps) if pid in known)
        with self.lock:
            self.parsed, self.key, self.index = known, stamps, index
        return index


_CACHE = _Cache()


def promotions_index(conn: sa.Connection, first: str, last: str) -> PromotionIndex:
    """The promotions in force at some moment from `first` to `last`, indexed (the engine
    then checks each sale's own time, store, coupons and member)."""
    return _CACHE.index_for(conn, first, last)
