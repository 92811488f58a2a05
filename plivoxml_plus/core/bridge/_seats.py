"""A member's place in a bridge, and the one rule that says who hears whom.

A seat is what the bridge knows of a member: whether it speaks into the bridge,
whether it hears the bridge, its group, and what it hears instead while it does
not hear the bridge (wait or hold music, or silence). Conference and
MultiPartyCall set these flags from their own rules; this module turns flags
into hearing, the same way for both, live or replayed from the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["NO_RULES", "US_RING", "PairRules", "Seat", "audible", "group_hears"]

# The ring tone a caller hears while its Dial rings, by FreeSWITCH's name: plivoframework
# sets ringback=${us-ring} when the Dial has no dialMusic [oss]. A seat hearing it says
# "ringback:us-ring" (or "earlyMedia:us-ring"); the audio renders it (audio/_music.py).
US_RING = "us-ring"

# (speaker's group, listener's group) pairs that must not be heard, as
# FreeSWITCH's per-pair "nohear" relationships; fixed for the life of a bridge
PairRules = frozenset[tuple[str, str]]
NO_RULES: PairRules = frozenset()


class Seat(NamedTuple):
    """One member's flags (immutable: a change is a new seat, recorded as a delta)."""

    call: str  # the call's name
    speaks: bool  # others may hear it (false: muted, on hold, waiting)
    hears: bool  # it hears the bridge (false: waiting, on hold, alone in a waiting room)
    group: str  # what pair rules match on (a role; "coach" for a coaching supervisor)
    instead: str | None  # what it hears while ``hears`` is false: "silence", "waitSound:URL"...


def group_hears(listener_group: str, speaker_group: str, rules: PairRules) -> bool:
    """Whether members of ``listener_group`` may hear members of ``speaker_group``."""
    return (speaker_group, listener_group) not in rules


def audible(listener: Seat, seats: Iterable[Seat], rules: PairRules) -> frozenset[str]:
    """The calls ``listener`` hears among ``seats``: none if it does not hear the
    bridge; else every other member that speaks, except the groups a pair rule
    keeps from the listener's group. No one hears itself."""
    if not listener.hears:
        return frozenset()
    group = listener.group
    return frozenset(
        seat.call
        for seat in seats
        if seat.speaks and seat.call != listener.call and group_hears(group, seat.group, rules)
    )
