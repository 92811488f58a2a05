"""The run as lanes in time: the part of the report's data the HTML draws
(``lanes``, ``rooms``, ``hearing``), added to the JSON so that every consumer
gets the same facts.

``hearing`` is who hears whom as a list of changes: at each instant where
audibility changes (a call answered or ended, a member joining, leaving, muted,
on hold, coached: the bridges' logs, ``bridge._history``), the calls whose
answer changed, with their new one. Replaying the changes up to ``t`` gives
exactly what ``Simulation.hears(at=t)`` gives (rules C2, C8, M2, M3): the same
seats, the same rule (``bridge.audible``), after every event due at ``t``. The
sweep touches only the rooms that changed at each instant, so a 4,000-call run
costs about as much as its bridge logs are long.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from .._clock import seconds
from .._world import World
from ..bridge._bridge import Bridge
from ..bridge._seats import Seat, audible
from ..callflow._call import Call
from ..platform._requests import TimelineEvent

__all__ = ["timeline_data"]

# element tags a lane shows as their own state (the rest: "ivr", in element X)
_ELEMENT_STATES = {"Dial": "dial", "Record": "recording", "Conference": "room", "MultiPartyCall": "room"}
# the timeline event kinds drawn as marks on a call's lane
MARK_KINDS = frozenset({"join", "leave", "digits", "speech", "note", "ended", "dial", "record", "api"})

# a listener no call can be (a call's name is never blank): one that hears whom its group hears
_NO_CALL = ""
# (heard, the seat, the bridge's name and uuid); an up call in no room: ((), None, None, None)
Hearing = tuple[tuple[str, ...], "Seat | None", "str | None", "str | None"]
_NO_ROOM: Hearing = ((), None, None, None)


def _seat_state(seat: Seat) -> str:
    """What a member's flags mean on its lane: the hold, waiting, coaching and muted states."""
    if not seat.hears:
        instead = seat.instead or ""
        return "hold" if instead.startswith("holdMusic") or instead == "hold" else "waiting"
    if seat.group == "coach":
        return "coaching"
    return "muted" if not seat.speaks else "in-room"


class _Sweep:
    """Who hears whom, replayed through time one changed room at a time."""

    def __init__(self, bridges: Sequence[Bridge]) -> None:
        self.bridges = bridges
        self.seats: list[dict[str, Seat]] = [{} for _ in bridges]
        self.positions = [0] * len(bridges)
        self.open = [False] * len(bridges)
        self.where: dict[str, set[int]] = defaultdict(set)  # call -> open bridges it has a seat in
        self.by_call: dict[int, dict[str, Seat]] = {}  # the seats by call of the rooms asked at this instant
        self.heard: dict[tuple[int, str], tuple[str, ...]] = {}  # (room, group) -> who it hears, at this instant

    def instant(self) -> None:
        """A new instant: what was worked out of the rooms at the last one is stale."""
        self.by_call.clear()
        self.heard.clear()

    def advance(self, index: int, when: int) -> set[str]:
        """Bridge ``index`` brought to ``when`` (after every change due then); the calls it touched."""
        bridge, seats = self.bridges[index], self.seats[index]
        touched = {seat.call for seat in seats.values()}
        log, position = bridge.log, self.positions[index]
        while position < len(log) and log[position][0] <= when:
            _, key, seat = log[position]
            if seat is None:
                seats.pop(key, None)
            else:
                seats[key] = seat
            position += 1
        self.positions[index] = position
        self.open[index] = bridge.opened_ms <= when and (bridge.closed_ms is None or bridge.closed_ms > when)
        for seat in seats.values():
            touched.add(seat.call)
        for call in touched:
            self.where[call].discard(index)
        if self.open[index]:
            for seat in seats.values():
                self.where[seat.call].add(index)
        return touched

    def hearing(self, call: str) -> Hearing | None:
        """As ``Audibility``: the last open bridge (in opening order) seating ``call`` decides."""
        rooms = self.where.get(call)
        if not rooms:
            return None
        index = max(rooms)
        bridge, seats = self.bridges[index], self.seats[index]
        by_call = self.by_call.get(index)
        if by_call is None:  # (once per room and instant: its last seat per call wins, as in Audibility)
            by_call = self.by_call[index] = {s.call: s for s in seats.values()}
        seat = by_call[call]
        heard: tuple[str, ...] = ()
        if seat.hears:
            # (audible depends on the listener's group, and on its name only to leave it
            # out: worked out once per room, group and instant, not once per member)
            group = self.heard.get((index, seat.group))
            if group is None:
                anyone = Seat(_NO_CALL, False, True, seat.group, None)
                group = self.heard[index, seat.group] = tuple(sorted(audible(anyone, seats.values(), bridge.rules)))
            heard = group
            if call in group:
                at = group.index(call)
                heard = group[:at] + group[at + 1 :]
        return heard, seat, bridge.name, bridge.uuid


def _state(states: list[Any], when: int, state: str | None, instead: str | None) -> None:
    """A call's seat state from ``when`` on, if it is a new one."""
    if (states[-1][1:] if states else [None, None]) != [state, instead]:
        states.append([when, state, instead])


def _up(call: Call | None, when: int) -> bool:
    """As ``Simulation.hears``: answered by ``when`` and not ended by then."""
    if call is None or not call.started:
        return False
    return call.answer_ms <= when and (call.ended_ms is None or call.ended_ms > when)


def _hearing(
    world: World, calls: Mapping[str, Call], rooms: set[str]
) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    """The changes of who hears whom, and each call's seat states ([start ms, state, detail] in order);
    ``rooms``: the uuids of the bridges that are rooms (a Dial's bridges are not: their seat is "dial")."""
    bridges = world.history.bridges
    due: dict[int, set[int]] = defaultdict(set)
    for index, bridge in enumerate(bridges):
        due[bridge.opened_ms].add(index)
        if bridge.closed_ms is not None:
            due[bridge.closed_ms].add(index)
        for at, _, _ in bridge.log:
            due[at].add(index)
    ups: dict[int, set[str]] = defaultdict(set)
    for name, call in calls.items():
        if call.started:
            ups[call.answer_ms].add(name)
            if call.ended_ms is not None:
                ups[call.ended_ms].add(name)
    sweep = _Sweep(bridges)
    current: dict[str, Hearing | None] = {}
    changes: list[dict[str, Any]] = []
    states: dict[str, list[Any]] = defaultdict(list)
    now = world.clock.now
    for when in sorted(due.keys() | ups.keys()):
        if when > now:
            break
        sweep.instant()
        touched = set(ups.get(when, ()))
        for index in sorted(due.get(when, ())):
            touched |= sweep.advance(index, when)
        changed: dict[str, Any] = {}
        gone: list[str] = []
        for name in sorted(touched):
            value = sweep.hearing(name)
            if value is None and _up(calls.get(name), when):  # (up, in no room: hears no one)
                value = _NO_ROOM
            if value is None:
                if name in current:
                    del current[name]
                    gone.append(name)
                continue
            if current.get(name) != value:
                current[name] = value
                heard, seat, room, uuid = value
                instead = None if seat is None else seat.instead
                coach = seat is not None and seat.group == "coach"
                changed[name] = {"hears": list(heard), "instead": instead, "room": room, "coach": coach}
                seat_state = None if seat is None else _seat_state(seat)
                if seat is not None and uuid not in rooms:
                    seat_state = "dial"  # (connected by a Dial, or hearing its ringing or confirmSound)
                _state(states[name], when, seat_state, instead)
        for name in gone:
            _state(states[name], when, None, None)
        if changed or gone:
            changes.append({"at": seconds(when), "set": changed, "gone": gone})
    return changes, states


def _segments(call: Call, seat_states: list[Any], end: int) -> list[list[Any]]:
    """The call's lane: [start, end, state, label] spans, from its ringing, the
    elements it ran and, while in a room, its seat's state."""
    spans: list[list[Any]] = []
    if call.start_ms < call.answer_ms:
        spans.append([call.start_ms, call.answer_ms, "ringing", "ringing"])
    if not call.started:
        return [[seconds(a), seconds(b), s, label] for a, b, s, label in spans]
    stop = end if call.ended_ms is None else min(call.ended_ms, end)
    steps = call.steps
    for position, (at, tag) in enumerate(steps):
        until = steps[position + 1][0] if position + 1 < len(steps) else stop
        state = _ELEMENT_STATES.get(tag, "ivr")
        if until > at and state != "room":  # (a room's span comes from its seat, below)
            spans.append([at, until, state, tag])
    for position, (at, state, instead) in enumerate(seat_states):
        until = seat_states[position + 1][0] if position + 1 < len(seat_states) else stop
        if state is not None and until > at:
            spans.append([at, until, state, instead or state])
    spans.sort(key=lambda span: (span[0], span[1]))
    return [[seconds(a), seconds(b), s, label] for a, b, s, label in spans]


def _spans(spans: Sequence[Sequence[int | None]], now: int) -> list[list[float | int]]:
    """A tape's spans in seconds (one still recording: until now)."""
    return [[seconds(start or 0), seconds(now if stop is None else stop)] for start, stop in spans]


def _room_uuids(calls: Mapping[str, Call]) -> set[str]:
    """The ConferenceUUID or MPCUUID of every room a call joined (a Dial's bridges are not rooms)."""
    return {m.uuid for call in calls.values() for m in call.record.memberships}


def _rooms(world: World, calls: Mapping[str, Call]) -> list[dict[str, Any]]:
    """One band per Conference/MultiPartyCall: its state over time, its members and recordings."""
    room_uuids = _room_uuids(calls)
    events = [e for e in world.log if isinstance(e, TimelineEvent) and e.call is None and e.kind in ("start", "end")]
    members_of: dict[str, set[str]] = defaultdict(set)  # room uuid -> the calls that were in it
    for name, call in calls.items():
        for membership in call.record.memberships:
            members_of[membership.uuid].add(name)
    bands = []
    now = world.clock.now
    for bridge in world.history.bridges:
        if bridge.uuid not in room_uuids:  # (a Dial's bridges are not rooms)
            continue
        states: list[list[Any]] = []
        quoted = repr(bridge.name)
        for event in events:  # "MPC 'x' initialized", "conference 'x' started", "... ended: why"
            if quoted in event.text and event.text.split(quoted, 1)[0] in ("MPC ", "conference "):
                word = event.text.split(quoted, 1)[1].split(":", 1)[0].strip()
                states.append([seconds(round(event.at * 1000)), word])
        if not states or states[0][0] > seconds(bridge.opened_ms):
            states.insert(0, [seconds(bridge.opened_ms), "waiting"])
        members = sorted(members_of.get(bridge.uuid, ()))
        bands.append(
            {
                "name": bridge.name,
                "uuid": bridge.uuid,
                "opened_at": seconds(bridge.opened_ms),
                "closed_at": None if bridge.closed_ms is None else seconds(bridge.closed_ms),
                "states": states,
                "members": members,
                "recordings": [{"id": tape.id, "spans": _spans(tape.spans, now)} for tape in bridge.tapes],
            }
        )
    return bands


def timeline_data(
    world: World, calls: Mapping[str, Call], talk: Mapping[str, Sequence[tuple[int, int]]]
) -> dict[str, Any]:
    """``lanes`` (per call: its spans, talk spurts and recordings), ``rooms`` and ``hearing``."""
    changes, states = _hearing(world, calls, _room_uuids(calls))
    now = world.clock.now
    tapes: dict[str, list[list[Any]]] = defaultdict(list)
    for tape in world.call_tapes:  # a <Record>'s or the REST API's recording of one call
        tape_end = now if tape.ended_ms is None else tape.ended_ms
        tapes[tape.call].append([seconds(tape.started_ms), seconds(tape_end), tape.id])
    lanes = {
        name: {
            "segments": _segments(call, states.get(name, []), now),
            "spurts": [[seconds(a), seconds(min(b, now))] for a, b in talk.get(name, ()) if a < now],
            "start_at": seconds(call.start_ms),
            "recordings": tapes.get(name, []),
        }
        for name, call in calls.items()
    }
    return {"lanes": lanes, "rooms": _rooms(world, calls), "hearing": changes}
