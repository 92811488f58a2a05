"""The time format of MultiPartyCall callbacks (M7): Plivo's ``YYYY-MM-DD HH:MM:SS+00:00``,
for every time the clock can reach, including past the year 9999 where ``datetime`` stops."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from plivoxml_plus.core._settings import MAX_MS
from plivoxml_plus.core.rooms.mpc._events import timestamp

LAST_DATETIME_MS = 253402300799999  # 9999-12-31 23:59:59.999 UTC


@given(st.integers(0, LAST_DATETIME_MS), st.integers(0, LAST_DATETIME_MS))
def test_M7_timestamps_agree_with_datetime_where_it_reaches(epoch_ms: int, now_ms: int):
    total = epoch_ms + now_ms
    if total > LAST_DATETIME_MS:
        total %= LAST_DATETIME_MS
        epoch_ms, now_ms = total, 0
    expected = datetime.fromtimestamp(total // 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00:00")
    assert timestamp(epoch_ms, now_ms) == expected


def test_M7_timestamps_go_on_past_the_year_9999():
    assert timestamp(LAST_DATETIME_MS, 1) == "10000-01-01 00:00:00+00:00"
    assert timestamp(MAX_MS, MAX_MS).startswith("584556019-")
    assert timestamp(0, 0) == "1970-01-01 00:00:00+00:00"



def test_M7_timestamps_kept_stay_bounded_over_any_number_of_distinct_seconds() -> None:
    """The callbacks' time texts are cached by second (issue 21, item 5): a run of
    any length keeps at most the cache's bound of them, each still its own."""
    from plivoxml_plus.core.rooms.mpc._events import _second

    texts = {timestamp(1_700_000_000_000, second * 1000) for second in range(5000)}
    assert len(texts) == 5000  # every second its own text
    kept = _second.cache_info()
    assert kept.maxsize is not None and kept.currsize <= kept.maxsize <= 1024
