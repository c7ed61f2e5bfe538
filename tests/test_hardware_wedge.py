"""Keyboard-wedge detection: scanner bursts are scans, people typing are not, and keystrokes
that were not a scan come back."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.wedge import WedgeDetector

GAP = 0.035
DIGITS = st.text(st.sampled_from("0123456789ABCXYZ"), min_size=1, max_size=20)


def feed(detector: WedgeDetector, text: str, gap: float, start: float = 100.0) -> str | None:
    """Type `text` with `gap` seconds between keys; the result of the last key."""
    result = None
    for n, char in enumerate(text):
        result = detector.feed(char, start + n * gap)
    return result


@pytest.mark.parametrize("enter", ["\r", "\n"])
def test_fast_burst_ending_in_enter_is_a_scan(enter: str) -> None:
    detector = WedgeDetector()
    assert feed(detector, "4006381333931" + enter, 0.004) == "4006381333931"
    assert detector.pending() == "" and detector.take_typed() == ""


@pytest.mark.parametrize(
    ("text", "gap", "why"),
    [
        ("4006381333931\r", 0.15, "human typing speed"),
        ("4006381333931\r", 0.036, "just slower than the limit"),
        ("12345\r", 0.004, "too short"),
        ("4006381333931", 0.004, "no Enter"),
    ],
)
def test_not_scans(text: str, gap: float, why: str) -> None:
    detector = WedgeDetector()
    assert feed(detector, text, gap) is None, why
    assert detector.take_typed(now=1e9) == text, "every keystroke comes back"


def test_an_enter_after_a_pause_is_typing_not_a_scan() -> None:
    detector = WedgeDetector()
    assert feed(detector, "4006381333931", 0.004) is None
    assert detector.pending() == "4006381333931"
    assert detector.feed("\r", 200.0) is None
    assert detector.take_typed() == "4006381333931\r"


def test_keys_typed_before_a_scan_are_given_back_and_not_part_of_the_code() -> None:
    detector = WedgeDetector()
    assert detector.feed("2", 10.0) is None
    assert detector.feed("*", 10.3) is None
    assert feed(detector, "96385074\r", 0.003, start=11.0) == "96385074"
    assert detector.take_typed() == "2*"


def test_a_control_key_breaks_a_burst() -> None:
    detector = WedgeDetector()
    assert feed(detector, "123\t45678\r", 0.003) is None  # 5 after the Tab: too short
    assert detector.take_typed() == "123\t45678\r"
    assert feed(detector, "123\t456789\r", 0.003, start=20.0) == "456789"  # a new burst
    assert detector.take_typed() == "123\t"


def test_take_typed_releases_a_stale_burst_only_after_the_gap() -> None:
    detector = WedgeDetector()
    feed(detector, "abc", 0.003, start=5.0)
    assert detector.take_typed(now=5.02) == ""  # may still become a scan
    assert detector.pending() == "abc"
    assert detector.take_typed(now=6.0) == "abc"
    assert detector.pending() == "" and detector.take_typed(now=7.0) == ""


def test_configuration() -> None:
    detector = WedgeDetector(min_length=3, max_gap_s=0.5)
    assert feed(detector, "abc\r", 0.4) == "abc"
    with pytest.raises(ValueError):
        WedgeDetector(min_length=0)
    with pytest.raises(ValueError):
        WedgeDetector(max_gap_s=0)


@given(DIGITS, st.lists(st.floats(0.05, 1.0), min_size=21, max_size=21))
def test_human_typing_is_never_a_scan(text: str, gaps: list[float]) -> None:
    detector = WedgeDetector()
    at = 0.0
    for char, gap in zip(text + "\r", gaps, strict=False):
        at += gap
        assert detector.feed(char, at) is None
    assert detector.take_typed() == text + "\r"


@given(DIGITS, st.lists(st.floats(0.0, GAP * 0.9), min_size=21, max_size=21))
def test_scanner_speed_bursts_of_six_or_more_are_always_scans(text: str, gaps: list[float]) -> None:
    detector = WedgeDetector()
    at, result = 50.0, None
    for char, gap in zip(text + "\r", gaps, strict=False):
        at += gap
        result = detector.feed(char, at)
    assert result == (text if len(text) >= 6 else None)


@given(DIGITS, st.lists(st.floats(0.0, 0.08), min_size=21, max_size=21))
def test_random_delays_a_scan_only_when_every_key_of_it_was_fast(
    text: str, gaps: list[float]
) -> None:
    detector = WedgeDetector()
    times, at, result = [], 0.0, None
    for char, gap in zip(text + "\r", gaps, strict=False):
        at += gap
        times.append(at)
        result = detector.feed(char, at)
    typed = detector.take_typed(now=at + 1)
    if result is None:
        assert typed == text + "\r"
        return
    # the code is the tail of what was typed, at least 6 keys, each key and the Enter fast
    assert len(result) >= 6 and text.endswith(result) and typed + result == text
    tail = times[-(len(result) + 1) :]
    assert all(0 <= b - a <= GAP for a, b in itertools.pairwise(tail))
