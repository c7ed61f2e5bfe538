"""Time-ordered UUIDv7 ids (RFC 9562)."""

from __future__ import annotations

import itertools
import threading
import time
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.ids import new_id, uuid7, uuid7_time_ms

MAX_MS = 2**48 - 1
ms_values = st.integers(0, MAX_MS)
noise = st.binary(min_size=10, max_size=16)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@given(ms_values, noise)
def test_layout_bits_with_explicit_time(ms: int, rand: bytes) -> None:
    u = uuid7(now_ms=ms, rand=rand)
    assert u.version == 7
    assert u.variant == uuid.RFC_4122
    assert u.int >> 80 == ms == uuid7_time_ms(u)
    assert (u.int >> 76) & 0xF == 0x7
    assert (u.int >> 62) & 0b11 == 0b10
    assert (u.int >> 64) & 0xFFF == int.from_bytes(rand[:2], "big") & 0xFFF  # rand_a
    assert u.int & (2**62 - 1) == int.from_bytes(rand[2:10], "big") & (2**62 - 1)  # rand_b
    assert uuid7(now_ms=ms, rand=rand) == u  # deterministic when both are given


def test_known_layout() -> None:
    u = uuid7(now_ms=0x017F22E279B0, rand=bytes.fromhex("fcc3" + "18c4dc0c0c07398f"))
    # RFC 9562 appendix A.6 example value: 017F22E2-79B0-7CC3-98C4-DC0C0C07398F
    assert str(u) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"


def test_string_form() -> None:
    text = new_id()
    assert len(text) == 36 and text == text.lower()
    assert uuid.UUID(text).version == 7
    assert text[14] == "7" and text[19] in "89ab"


def test_clock_driven_ids_carry_the_current_time() -> None:
    before = now_ms()
    u = uuid7()
    after = now_ms()
    # the counter may borrow the next millisecond after a burst of ids, never more than a few
    assert before <= uuid7_time_ms(u) <= after + 5
    assert u.version == 7 and u.variant == uuid.RFC_4122


def test_ten_thousand_consecutive_ids_strictly_increase() -> None:
    ids = [uuid7() for _ in range(10_000)]
    assert all(a.int < b.int for a, b in itertools.pairwise(ids))
    texts = [str(u) for u in ids]
    assert texts == sorted(texts) and len(set(texts)) == len(texts)


def test_new_id_strictly_increases_as_text() -> None:
    texts = [new_id() for _ in range(10_000)]
    assert all(a < b for a, b in itertools.pairwise(texts))


def test_same_millisecond_and_fixed_random_bits_still_increase(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A frozen clock (or one stepped back) must not repeat or reorder ids. The clock is set
    in the past so that later tests do not inherit ids stamped in the future."""
    frozen = [now_ms() - 60_000]
    monkeypatch.setattr(time, "time_ns", lambda: frozen[0] * 1_000_000)
    ids = [uuid7(rand=b"\xff" * 10) for _ in range(5_000)]  # more than the 12-bit counter holds
    frozen[0] -= 60_000  # clock stepped back a minute
    ids += [uuid7(rand=b"\x00" * 10) for _ in range(100)]
    assert all(a.int < b.int for a, b in itertools.pairwise(ids))
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in ids)


def test_ids_are_unique_and_ordered_per_thread_across_threads() -> None:
    results: dict[int, list[uuid.UUID]] = {}

    def work(n: int) -> None:
        results[n] = [uuid7() for _ in range(2_000)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [u for ids in results.values() for u in ids]
    assert len(set(everything)) == len(everything) == 16_000
    for ids in results.values():
        assert ids == sorted(ids, key=lambda u: u.int)


@given(ms_values)
def test_time_extraction_from_text_and_uuid(ms: int) -> None:
    u = uuid7(now_ms=ms)
    assert uuid7_time_ms(u) == uuid7_time_ms(str(u)) == ms


@given(st.integers(0, MAX_MS - 1), st.integers(1, 1000), noise, noise)
def test_later_milliseconds_sort_later(ms: int, step: int, a: bytes, b: bytes) -> None:
    later = min(ms + step, MAX_MS)
    assert str(uuid7(now_ms=ms, rand=a)) < str(uuid7(now_ms=later, rand=b))


@pytest.mark.parametrize("ms", [-1, 2**48])
def test_time_out_of_range_is_refused(ms: int) -> None:
    with pytest.raises(ValueError):
        uuid7(now_ms=ms)


def test_short_random_bytes_are_refused() -> None:
    with pytest.raises(ValueError):
        uuid7(now_ms=1, rand=b"\x00" * 9)


@pytest.mark.parametrize(
    "value", [uuid.uuid4(), "00000000-0000-0000-0000-000000000000", "not-a-uuid"]
)
def test_time_of_something_else_is_refused(value: uuid.UUID | str) -> None:
    with pytest.raises(ValueError):
        uuid7_time_ms(value)
