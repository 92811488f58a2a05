"""What an MPC reports: its event names by statusCallbackEvents group, the
causes it gives for an end or an exit, and the time format of its callbacks."""

from __future__ import annotations

from datetime import datetime, timezone

from ...elements._values import EVENT_GROUPS

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
    moment = datetime.fromtimestamp((epoch_ms + now_ms) // 1000, tz=timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S+00:00")
