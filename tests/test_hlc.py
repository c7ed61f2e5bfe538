"""The hybrid logical clock: monotonic, never behind physical time, after every remote stamp."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.hlc import MAX_DRIFT_MS, ClockDriftError, HybridLogicalClock, Timestamp

nodes = st.text("ABCxyz019_.-", min_size=1, max_size=12)
walls = st.integers(0, 10**15 - 1)
counters = st.integers(0, 999_999)
stamps = st.builds(Timestamp, walls, counters, nodes)


@dataclass(frozen=True)
class Local:
    physical: int


@dataclass(frozen=True)
class Remote:
    physical: int
    offset: int  # remote wall = physical + offset (never more than MAX_DRIFT_MS ahead)
    counter: int


physical_times = st.integers(0, 10**13)  # arbitrary: jumps back and forth


def event_lists(remote_counters: st.SearchStrategy[int]) -> st.SearchStrategy[list[Local | Remote]]:
    offsets = st.one_of(st.integers(-(10**6), MAX_DRIFT_MS), st.integers(-3, 3))
    local = st.builds(Local, physical_times)
    remote = st.builds(Remote, physical_times, offsets, remote_counters)
    return st.lists(st.one_of(local, remote), min_size=1, max_size=80)


events = event_lists(st.one_of(st.integers(0, 5), counters))


def apply(clock: HybridLogicalClock, event: Local | Remote) -> tuple[Timestamp, Timestamp | None]:
    if isinstance(event, Local):
        return clock.now(event.physical), None
    remote = Timestamp(max(0, event.physical + event.offset), event.counter, "REMOTE")
    return clock.update(remote, event.physical), remote


@given(events, st.one_of(st.none(), st.builds(Timestamp, st.integers(0, 10**14), counters, nodes)))
def test_stamps_increase_track_physical_time_and_follow_remotes(
    steps: list[Local | Remote], restored: Timestamp | None
) -> None:
    clock = HybridLogicalClock("A", restored)
    previous = clock.last
    for event in steps:
        stamp, remote = apply(clock, event)
        assert stamp.node == "A"
        assert stamp == clock.last
        assert (stamp.wall_ms, stamp.counter) > (previous.wall_ms, previous.counter)
        assert stamp > previous
        assert stamp.encode() > previous.encode()
        assert stamp.wall_ms >= event.physical
        if remote is not None:
            assert (stamp.wall_ms, stamp.counter) > (remote.wall_ms, remote.counter)
        previous = stamp


@given(event_lists(st.integers(0, 5)))
def test_wall_time_stays_at_the_largest_time_seen(steps: list[Local | Remote]) -> None:
    """HLC stays close to physical time: its wall part is the largest physical or remote wall
    time seen (no drift of its own while counters stay within their width)."""
    clock = HybridLogicalClock("A")
    largest = 0
    for event in steps:
        stamp, remote = apply(clock, event)
        largest = max(largest, event.physical, remote.wall_ms if remote else 0)
        assert stamp.wall_ms == largest


node_clock = st.integers(0, 2)
skews = st.integers(-2 * MAX_DRIFT_MS, 2 * MAX_DRIFT_MS)


@given(st.lists(st.tuples(node_clock, node_clock, physical_times, skews), max_size=60))
def test_messages_between_nodes_preserve_happens_before(
    messages: list[tuple[int, int, int, int]],
) -> None:
    """Three nodes with unrelated clocks: a receive is stamped after its send, always, unless
    the sender is too far ahead, which is refused without touching the receiver's clock."""
    clocks = [HybridLogicalClock(name) for name in ("n0", "n1", "n2")]
    for sender, receiver, physical, skew in messages:
        sent = clocks[sender].now(physical)
        before = clocks[receiver].last
        receiver_physical = max(0, physical + skew)
        if sent.wall_ms > receiver_physical + MAX_DRIFT_MS:
            with pytest.raises(ClockDriftError):
                clocks[receiver].update(sent, receiver_physical)
            assert clocks[receiver].last == before
            continue
        received = clocks[receiver].update(sent, receiver_physical)
        assert (received.wall_ms, received.counter) > (sent.wall_ms, sent.counter)
        assert received > before


def test_local_events() -> None:
    clock = HybridLogicalClock("A")
    assert clock.last == Timestamp(0, 0, "A")
    assert clock.now(1000) == Timestamp(1000, 0, "A")
    assert clock.now(1000) == Timestamp(1000, 1, "A")  # same millisecond
    assert clock.now(900) == Timestamp(1000, 2, "A")  # physical clock stepped back
    assert clock.now(1001) == Timestamp(1001, 0, "A")
    assert clock.last == Timestamp(1001, 0, "A")


@pytest.mark.parametrize(
    ("last", "remote", "physical", "expected"),
    [
        ((100, 5), (100, 9), 50, (100, 10)),  # same wall: max counter + 1
        ((100, 5), (100, 2), 50, (100, 6)),
        ((100, 5), (90, 9), 50, (100, 6)),  # ours is ahead
        ((100, 5), (120, 3), 50, (120, 4)),  # remote is ahead
        ((100, 5), (120, 3), 200, (200, 0)),  # physical time is ahead of both
        ((100, 5), (100, 7), 100, (100, 8)),  # all three equal
    ],
)
def test_receive_events(
    last: tuple[int, int],
    remote: tuple[int, int],
    physical: int,
    expected: tuple[int, int],
) -> None:
    clock = HybridLogicalClock("A", Timestamp(*last, "A"))
    assert clock.update(Timestamp(*remote, "B"), physical) == Timestamp(*expected, "A")


def test_a_restored_clock_continues_after_its_last_stamp() -> None:
    clock = HybridLogicalClock("A", Timestamp(5_000, 7, "A"))
    assert clock.now(4_000) == Timestamp(5_000, 8, "A")


@pytest.mark.parametrize("counter", [999_999, 5_000_000])
def test_a_full_counter_carries_into_the_wall_time(counter: int) -> None:
    clock = HybridLogicalClock("A", Timestamp(5_000, counter, "A"))
    stamp = clock.now(4_000)
    assert stamp == Timestamp(5_001, 0, "A")
    assert stamp.encode() > Timestamp(5_000, 999_999, "A").encode()
    remote = Timestamp(5_001, 999_999, "B")
    assert clock.update(remote, 0) == Timestamp(5_002, 0, "A")


def test_drift_limit() -> None:
    clock = HybridLogicalClock("A", Timestamp(1_000, 3, "A"))
    accepted = clock.update(Timestamp(1_000 + MAX_DRIFT_MS, 0, "B"), 1_000)
    assert accepted == Timestamp(1_000 + MAX_DRIFT_MS, 1, "A")
    before = clock.last
    with pytest.raises(ClockDriftError, match="ahead"):
        clock.update(Timestamp(2_000 + MAX_DRIFT_MS + 1, 0, "B"), 2_000)
    assert clock.last == before  # a refused stamp changes nothing
    assert issubclass(ClockDriftError, ValueError)


@given(st.integers(0, 10**13), st.integers(1, 10**9))
def test_any_remote_beyond_the_drift_limit_is_refused(physical: int, extra: int) -> None:
    clock = HybridLogicalClock("A")
    with pytest.raises(ClockDriftError):
        clock.update(Timestamp(physical + MAX_DRIFT_MS + extra, 0, "B"), physical)
    assert clock.last == Timestamp(0, 0, "A")


@given(stamps)
def test_encode_decode_round_trip(stamp: Timestamp) -> None:
    text = stamp.encode()
    assert len(text) == 15 + 1 + 6 + 1 + len(stamp.node)
    assert Timestamp.decode(text) == stamp


@given(stamps, stamps)
def test_encoded_order_matches_timestamp_order(a: Timestamp, b: Timestamp) -> None:
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())


def test_encoding_literal() -> None:
    assert Timestamp(1_700_000_000_123, 42, "store-1").encode() == "001700000000123-000042-store-1"
    assert Timestamp.decode("001700000000123-000042-store-1") == Timestamp(
        1_700_000_000_123, 42, "store-1"
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "1-2-3",
        "000000000000001-000001",  # no node separator
        "00000000000001-000001-n",  # 14 wall digits
        "0000000000000001-000001-n",  # 16 wall digits
        "000000000000001-00001-n",  # 5 counter digits
        "000000000000001-1-n",
        "abc000000000001-000001-n",
        "-00000000000001-000001-n",
        "000000000000001_000001-n",
        "٠٠٠٠٠٠٠٠٠٠٠٠٠٠١-000001-n",  # non-ASCII digits
    ],
)
def test_bad_encodings_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Timestamp.decode(text)


@pytest.mark.parametrize(
    "stamp", [Timestamp(-1, 0, "A"), Timestamp(10**15, 0, "A"), Timestamp(0, 10**6, "A")]
)
def test_unencodable_timestamps_are_refused(stamp: Timestamp) -> None:
    with pytest.raises(ValueError):
        stamp.encode()
