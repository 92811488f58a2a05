"""What an MPC reports: its event names by statusCallbackEvents group, the
causes it gives for an end or an exit, and the time format of its callbacks."""

from __future__ import annotations

from functools import lru_cache

from ....elements._values import EVENT_GROUPS

__all__ = ["EXIT", "GROUP_OF", "TERMINATION", "timestamp"]

# event name -> its statusCallbackEvents group (the element's own table: one truth)
GROUP_OF: dict[str, str] = {event: group for group, events in EVENT_GROUPS.items() for event in events}

# M5: MPCTerminationCause and its code (Plivo's MPC object); "Unknown" where no
# documented cause fits (an endMpcOnExit participant leaving) [inf]
TERMINATION: dict[str, tuple[str, str]] = {
    "empty": ("No Active Participants", "1000"),
    "alone": ("Stay Alone Not Permitted", "1010"),
    "duration": ("Max Duration Reached", "2000"),
    "api": ("Hangup API Triggered", "3000"),
    "end_on_exit": ("Unknown", "0"),
}

# a participant's exit causes (Plivo's participant object)
EXIT = {
    "hangup": "Participant Call Hangup",
    "kicked": "Kicked Out of Multiparty Call",
    "ended": "Multiparty Call Ended",
    "transferred": "Participant Call Transferred",
}


def timestamp(epoch_ms: int, now_ms: int) -> str:
    """An MPC callback's time: ``YYYY-MM-DD HH:MM:SS+00:00`` (Plivo's format, in UTC)."""
    return _second((epoch_ms + now_ms) // 1000)


@lru_cache(maxsize=256)
def _second(unix: int) -> str:
    """``timestamp`` of a whole second since the epoch. Cached: an MPC's callbacks
    come a few per second of its time, and a run's clock only moves forward."""
    day, second = divmod(unix, 86400)
    hours, rest = divmod(second, 3600)
    return f"{_date(day)} {hours:02d}:{rest // 60:02d}:{rest % 60:02d}+00:00"


@lru_cache(maxsize=64)
def _date(day: int) -> str:
    """The proleptic Gregorian date of the ``day``-th day since 1970-01-01, for
    any day the clock can reach (``datetime`` stops at the year 9999): Howard
    Hinnant's civil-from-days. Cached: a run's callbacks fall on few days."""
    day += 719468
    era, day_of_era = divmod(day, 146097)
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day_of_month = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    year = year_of_era + era * 400 + (month <= 2)
    return f"{year:04d}-{month:02d}-{day_of_month:02d}"
