"""Time-ordered UUIDs and the hybrid logical clock."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.hlc import ClockDriftError, HybridLogicalClock, Timestamp
from shared.ids import new_id, uuid7, uuid7_time_ms


def test_uuid7_bits_and_time() -> None:
    u = uuid7(now_ms=1_800_000_000_123)
    assert u.version == 7
    assert u.variant == uuid.RFC_4122
    assert uuid7_time_ms(u) >= 1_800_000_000_123


def test_uuid7_strictly_increasing() -> None:
    ids = [new_id() for _ in range(10_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


events = st.lists(
    st.tuples(st.booleans(), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 3)),
    min_size=1,
    max_size=60,
)


@given(events)
def test_hlc_is_monotonic_and_tracks_physical_time(steps: list) -> None:
    clock = HybridLogicalClock("A")
    previous: Timestamp | None = None
    for is_remote, physical, remote_wall, remote_counter in steps:
        if is_remote:
            remote = Timestamp(min(remote_wall, physical + 1000), remote_counter, "B")
            stamp = clock.update(remote, physical)
            assert (stamp.wall_ms, stamp.counter) > (remote.wall_ms, remote.counter)
        else:
            stamp = clock.now(physical)
        assert stamp.wall_ms >= physical
        if previous is not None:
            assert stamp > previous
            assert stamp.encode() > previous.encode()
        previous = stamp


@given(st.integers(0, 10**14), st.integers(0, 999_999), st.text("ABCxyz0123", min_size=1))
def test_timestamp_encoding_round_trips(wall: int, counter: int, node: str) -> None:
    stamp = Timestamp(wall, counter, node)
    assert Timestamp.decode(stamp.encode()) == stamp


@pytest.mark.parametrize("text", ["", "1-2-3", "abc-000001-n", "000000000000001-1-n"])
def test_bad_timestamps(text: str) -> None:
    with pytest.raises(ValueError):
        Timestamp.decode(text)


def test_remote_clock_far_ahead_is_refused() -> None:
    clock = HybridLogicalClock("A")
    with pytest.raises(ClockDriftError):
        clock.update(Timestamp(10_000_000, 0, "B"), 1_000)
