"""The simulation's control interface for its REST API (``platform.rest.Control``):
what a REST call may do, in plain values, through the same entry points as the
Python API (``Simulation.call``, ``add_participant``, ``update_participant``,
``kick``, ``recording``; a conference's rooms through ``rooms.conference._api``; the
keys of ``<DTMF>``), always at the clock's current time.

It lives beside the simulation, not in ``platform``: it knows calls and rooms,
which the platform does not."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, Protocol

import attrs

from ..elements import DTMF, Element, Play, Response, Speak
from ..elements import MultiPartyCall as MultiPartyCallElement
from ._clock import Clock, seconds
from ._world import Fetched, World
from .callflow._application import Application, ring_request
from .callflow._call import HANGUP, Call, CallRecord
from .callflow._call_recording import ApiRecording
from .callflow._call_sounds import start_sound, stop_sound
from .callflow._dial import Dialer, Dialing
from .callflow._signals import send_keys
from .platform._gate import Gate
from .platform._hangup_causes import API_HANGUP, BUSY, CALL_TIME_LIMIT, FAILED, NO_ANSWER
from .platform._requests import ROUTES
from .platform.rest import CallSound, RestError
from .rooms.conference import Conferences, Member, Room
from .rooms.conference._api import (
    MEMBER_ACTIONS,
    act,
    ask_hangup,
    ask_recording,
    is_open,
    members_named,
    on_members,
    on_members_sound,
    records,
)
from .rooms.mpc import Mpc, MultiPartyCalls, Participant
from .rooms.mpc._api import on_participants, participants_named

__all__ = ["SimulationControl"]

_ANSWER = ROUTES["Call.answerUrl"]
# the MultiPartyCall attributes add_participant passes on (Python names, as the REST
# API's parameter names are); the others plivo-python sends are the new call's own
_MPC_ATTRIBUTES = frozenset(a.name for a in attrs.fields(MultiPartyCallElement)) - {"content", "role"}
# how an API call's callee refuses: in words, and as Plivo reports it (P1)
_REFUSED = {"busy": ("busy", BUSY), "no-answer": ("no answer", NO_ANSWER), "failed": ("failed", FAILED)}


class Simulation(Protocol):
    """What of ``Simulation`` the control uses (named here: the simulation imports this module)."""

    _world: World
    _calls: dict[str, Call]
    _dialer: Dialer
    _mpcs: MultiPartyCalls
    _conferences: Conferences

    @property
    def call(self) -> Callable[..., CallRecord]: ...

    @property
    def callee(self) -> Callable[..., CallRecord]: ...

    @property
    def add_participant(self) -> Callable[..., CallRecord]: ...

    @property
    def update_participant(self) -> Callable[..., None]: ...

    @property
    def kick(self) -> Callable[..., None]: ...

    @property
    def recording(self) -> Callable[..., None]: ...


def _sound_elements(sound: CallSound) -> list[Element]:
    """The ``<Play>`` or ``<Speak>`` elements of ``sound``: each is checked as in XML
    (a bad URL, voice or language refuses the request: a 400)."""
    if sound.kind == "play":
        return [Play(url) for url in sound.sounds]
    voice, language = sound.voice or "WOMAN", sound.language or "en-US"
    return [Speak(text, voice=voice, language=language) for text in sound.sounds]


def _b_leg_dial(call: Call) -> Dialing | None:
    """The Dial connecting ``call`` to a B leg, if it is connected by one."""
    dialing = call.member
    return dialing if isinstance(dialing, Dialing) and dialing.state == "connected" else None


def _not_found(why: str) -> RestError:
    return RestError(404, "not found", why)


class SimulationControl:
    """What ``Simulation.rest_client``'s API may do to ``sim``."""

    def __init__(self, sim: Simulation, wait_seconds: float) -> None:
        self.sim = sim
        self.world = sim._world
        self.wait_seconds = wait_seconds
        self.made = 0  # calls placed by the API: each is named "rest-call-N"
        self.recordings: dict[str, list[ApiRecording]] = {}  # by call name: the Call Record API's (I3)

    @property
    def gate(self) -> Gate:
        return self.world.gate

    def note(self, text: str) -> None:
        self.world.note(None, text)

    @property
    def _now(self) -> float:
        return seconds(self.world.clock.now)

    # -- calls --------------------------------------------------------------------

    def _call(self, uuid: str, *, live: bool) -> Call:
        for call in self.sim._calls.values():
            if call.uuid == uuid:
                if live and not call.live:
                    raise _not_found(f"call {call.name!r} ({uuid}) is not live")
                return call
        raise _not_found(f"no call has CallUUID {uuid!r}")

    def _fresh_name(self) -> str:
        while True:
            self.made += 1
            name = f"rest-call-{self.made}"
            if name not in self.sim._calls:
                return name

    def create_call(
        self,
        from_: str,
        to: str,
        answer_url: str,
        answer_method: str,
        time_limit: int | None,
        *,
        app_urls: Mapping[str, tuple[str, str]] | None = None,
    ) -> tuple[str, str]:
        sim, world = self.sim, self.world
        app = Application(**(app_urls or {}))
        callee, busy = sim._dialer.find(to)
        if callee is not None:  # the registered callee is the call: it answers or refuses as it says
            callee.state = "done"
            call = callee.call
            call.answer = (answer_url, answer_method)
            record = call.record
            record.from_ = call.request_params["From"] = call.request_params["CallerName"] = from_
            call.request_params["ALegUUID"] = call.uuid
            call.request_params["ALegRequestUUID"] = world.ids.request(call.name)
            call.app = app
            ring_ms, refuse, after_ms = callee.ring_ms, callee.refuse, callee.hangup_after_ms
        else:
            name = self._fresh_name()
            ring_ms = round(world.mpc_options.add_participant_ring * 1000)
            refuse, after_ms = ("busy" if busy else None), None
            if refuse is None:
                at = seconds(world.clock.now + ring_ms)
                sim.call(
                    name,
                    answer_url=answer_url,
                    answer_method=answer_method,
                    at=at,
                    from_=from_,
                    to=to,
                    direction="outbound",
                )
            else:
                sim.callee(name, to, refuse="busy")
                sim._dialer.callees[to].pop()  # (a party of this call only: no Dial rings it)
            call = sim._calls[name]
            call.app = app
        now = world.clock.now
        call.start_ms = now
        if refuse not in {"busy", "failed"}:  # it rings [doc: ring_url, the callbacks page]
            ring_request(call, world)
        if refuse is not None:
            world.clock.at(now + (ring_ms if refuse == "no-answer" else 0), self._refused, (call, refuse))
        else:
            answer_ms = now + ring_ms
            call.answer_ms = answer_ms
            call.record.answer_at = seconds(answer_ms)
            if callee is not None:
                world.clock.at(answer_ms, call.on_answer)
            if after_ms is not None:
                call.schedule(answer_ms + after_ms, HANGUP, call.party_hung_up())
            if time_limit is not None:
                call.schedule(answer_ms + time_limit * 1000, HANGUP, ("time_limit reached", CALL_TIME_LIMIT))
        world.event(call.name, "api", f"REST call placed to {to} (answer_url {answer_url})")
        return world.ids.request(call.name), call.uuid

    def _refused(self, what: tuple[Call, str]) -> None:
        call, refuse = what
        call.not_answered(*_REFUSED[refuse])

    def call_details(self, uuid: str, *, live: bool) -> dict[str, Any]:
        call = self._call(uuid, live=live)
        record = call.record
        if live:
            return {
                "call_status": "in-progress",
                "call_uuid": call.uuid,
                "caller_name": record.from_,
                "direction": record.direction,
                "from": record.from_,
                "to": record.to,
                "session_start": self._time(call.answer_ms),
            }
        ended = call.ended_ms
        duration = None if ended is None or not call.started else -(-(ended - call.answer_ms) // 1000)
        return {
            "answer_time": self._time(call.answer_ms) if call.started else None,
            "bill_duration": duration,
            "call_direction": record.direction,
            "call_duration": duration,
            "call_state": "in-progress" if call.live else ("completed" if call.started else record.end_reason),
            "call_uuid": call.uuid,
            "end_time": None if ended is None else self._time(ended),
            "from_number": record.from_,
            "to_number": record.to,
        }

    def _time(self, ms: int) -> str:
        when = datetime.fromtimestamp((self.world.epoch_ms + ms) / 1000, tz=timezone.utc)
        return when.strftime("%Y-%m-%d %H:%M:%S+00:00")

    def calls(self, *, live: bool) -> list[str]:
        return [
            c.uuid for c in self.sim._calls.values() if (c.live if live else c.started or c.record.ended_at is not None)
        ]

    def hangup_call(self, uuid: str) -> None:
        self._call(uuid, live=True).schedule(self.world.clock.now, HANGUP, ("hung up by the REST API", API_HANGUP))

    def transfer_call(self, uuid: str, targets: Mapping[str, tuple[str, str]]) -> None:
        call = self._call(uuid, live=True)
        if "bleg" in targets and _b_leg_dial(call) is None:
            raise RestError(400, f"call {call.name!r} has no B leg to transfer: it is not connected by a <Dial>")
        for leg, (url, _) in targets.items():
            self.world.event(call.name, "api", f"REST transfer{' of the B leg' if leg == 'bleg' else ''} to {url}")
        self.world.clock.at(self.world.clock.now, self._transfer_legs, (call, dict(targets)))

    def _transfer_legs(self, what: tuple[Call, dict[str, tuple[str, str]]]) -> None:
        """The B leg leaves the Dial first (the caller's own transfer would hang it
        up), then each leg fetches its URL and goes on there (I5)."""
        call, targets = what
        bleg = targets.get("bleg")
        if bleg is not None:
            dialing = _b_leg_dial(call)
            if dialing is None:
                self.world.note(call.name, "REST transfer: the Dial's B leg left first; it is not transferred")
            else:
                self._transfer((dialing.transfer_b(caller_too="aleg" in targets), bleg))
        aleg = targets.get("aleg")
        if aleg is not None:
            self._transfer((call, aleg))

    def send_digits(self, uuid: str, digits: str) -> None:
        call = self._call(uuid, live=True)
        DTMF(digits)  # (refuses keys <DTMF> does not send: a 400)
        world = self.world

        def send(_: object) -> None:
            if call.live:
                world.event(call.name, "api", f"REST send_digits {digits!r}")
                send_keys(call, digits)
            else:
                world.note(call.name, "REST send_digits: the call ended first; nothing is sent")

        world.clock.at(world.clock.now, send)

    def record_call(
        self, uuid: str, time_limit: int, file_format: str, callback: tuple[str, str] | None
    ) -> tuple[str, str, str]:
        call = self._call(uuid, live=True)
        world = self.world
        call.records_made += 1  # (numbered with its <Record>s: one RecordingID each)
        recording_id = world.ids.record(call.name, call.records_made)
        api_id = world.ids.request(f"{call.name}/record/{call.records_made}")
        recording = ApiRecording(call, recording_id, file_format, api_id, callback)
        self.recordings.setdefault(call.name, []).append(recording)

        def start(_: object) -> None:
            if call.live:
                recording.start(time_limit * 1000)
            else:
                world.note(call.name, "REST record: the call ended first; nothing is recorded")

        world.clock.at(world.clock.now, start)
        return recording_id, recording.recording.url, api_id

    def record_call_stop(self, uuid: str, url: str | None) -> None:
        call = self._call(uuid, live=True)
        # the recordings started (or about to start at this time) and not yet stopped
        chosen = [
            r
            for r in self.recordings.get(call.name, [])
            if (r.tape is None or r.running) and url in (None, r.recording.url)
        ]
        if not chosen:
            raise _not_found(
                f"call {call.name!r} has no recording the API started{'' if url is None else ' at ' + url}"
            )

        def stop(_: object) -> None:
            for recording in chosen:
                recording.stop("stopped by the REST API")

        self.world.clock.at(self.world.clock.now, stop)

    def play_sound(self, uuid: str, sound: CallSound) -> None:
        call = self._call(uuid, live=True)
        kind = sound.kind
        elements = _sound_elements(sound)
        world = self.world

        def play(_: object) -> None:
            if call.live:
                start_sound(call, kind, elements, length_ms=sound.length * 1000, loop=sound.loop, mix=sound.mix)
            else:
                world.note(call.name, f"REST {kind}: the call ended first; nothing plays")

        world.clock.at(world.clock.now, play)

    def stop_sound(self, uuid: str, kind: str) -> None:
        call = self._call(uuid, live=True)
        world = self.world

        def stop(_: object) -> None:
            if not stop_sound(call, kind) and call.live:
                world.note(call.name, f"REST stop {kind}: nothing was playing; nothing changes")

        world.clock.at(world.clock.now, stop)

    def _transfer(self, what: tuple[Call, tuple[str, str] | Response]) -> None:
        """The call stops what it runs, leaves its room, Dial or listening element
        (as on a hangup: the room goes on without it), and goes on with the new
        document: fetched from a transfer URL, or given (add_participant's)."""
        call, target = what
        if not call.live:
            self.world.note(call.name, "REST transfer: the call ended first; nothing changes")
            return
        listener = call.listener
        if listener is not None:
            call.listener = None
            listener.hung_up()
        if call.member is not None:
            call.member.hung_up()
        Clock.cancel(call.pending)
        Clock.cancel(call.silence_entry)
        call.pending = call.silence_entry = None
        call.silence_ms = None
        if not call.live:  # (the room's exit action ended it)
            return
        if isinstance(target, Response):
            fetched = Fetched(target)
        else:
            url, method = target
            fetched = self.world.fetch(_ANSWER, method, url, call.call_params(), call.name, document="answer")
        if fetched.document is None:
            call.fetch_failed("transfer", fetched)
            return
        call.replace_document(fetched.document)
        call.step()

    # -- MultiPartyCalls ----------------------------------------------------------

    def mpc_name(self, mpc_id: str, *, live: bool = True) -> str:
        rooms = self.sim._mpcs.rooms
        kind, _, value = mpc_id.partition("_")
        if kind == "name" and value in rooms:
            return value
        if kind == "uuid":
            for name, room in rooms.items():
                if room.uuid == value:
                    return name
        raise _not_found(f"no live MultiPartyCall is {mpc_id!r} (uuid_<MPCUUID> or name_<friendly name>)")

    def mpc_details(self, name: str) -> dict[str, Any]:
        room = self.sim._mpcs.rooms[name]
        return {
            "friendly_name": name,
            "mpc_uuid": room.uuid,
            "status": room.state.name.capitalize(),
            "start_time": self._time(room.init_ms),
            "recording_status": "in-progress" if room.recording is not None else "not-started",
        }

    def mpcs(self) -> list[str]:
        return list(self.sim._mpcs.rooms)

    def participants(self, name: str) -> list[dict[str, Any]]:
        return [
            {
                "member_id": p.member_id,
                "call_uuid": p.call.uuid,
                "role": p.role,
                "coach_mode": p.coach_mode,
                "mute": p.muted,
                "hold": p.held,
                "join_time": self._time(p.joined_ms),
            }
            for p in self.sim._mpcs.rooms[name].participants.values()
        ]

    def participant_call(self, name: str, member_id: str) -> str:
        if member_id == "all":
            return "all"
        participant = self.sim._mpcs.rooms[name].participants.get(member_id)
        if participant is None:
            raise _not_found(f"MPC {name!r} has no participant with member id {member_id!r}")
        return participant.call.name

    def add_participant(
        self,
        name: str,
        role: str,
        *,
        from_: str | None,
        to: str | None,
        call_uuid: str | None,
        attributes: Mapping[str, Any],
    ) -> tuple[str, list[dict[str, str]]]:
        kept = {key: value for key, value in attributes.items() if key in _MPC_ATTRIBUTES}
        world = self.world
        if call_uuid is not None:
            call = self._call(call_uuid, live=True)
            element = MultiPartyCallElement(name, role, **kept)  # (refuses a bad value now: a 400)
            world.event(call.name, "api", f"REST add_participant: into MPC {name!r}")
            world.clock.at(world.clock.now, self._transfer, (call, Response().add(element)))
            return world.ids.request(f"{call.name}>{name}"), [{"call_uuid": call.uuid}]
        assert from_ is not None and to is not None
        placed = []
        for target in to.split("<"):
            call_name = self._fresh_name()
            record = self.sim.add_participant(name, call_name, at=self._now, role=role, from_=from_, to=target, **kept)
            placed.append({"to": target, "from": from_, "call_uuid": record.uuid})
        return world.ids.request(str(placed[0]["call_uuid"])), placed

    def update_participant(
        self, name: str, call: str, hold: bool | None, mute: bool | None, coach_mode: bool | None
    ) -> None:
        self.sim.update_participant(call, at=self._now, hold=hold, mute=mute, coach_mode=coach_mode, mpc=name)

    def kick(self, name: str, call: str) -> None:
        self.sim.kick(call, at=self._now, mpc=name)

    def recording(self, name: str, action: str) -> None:
        if action not in ("start", "stop", "pause", "resume"):
            raise RestError(404, "not found")
        self.sim.recording(name, action, at=self._now)

    def _participants(self, name: str, member_ids: str) -> tuple[Mpc, list[Participant]]:
        room = self.sim._mpcs.rooms[name]
        chosen = participants_named(room, member_ids)
        if chosen is None:
            raise _not_found(
                f"MPC {name!r} has no participant {member_ids!r} (members: {', '.join(room.participants)})"
            )
        return room, chosen

    def participant_recording(
        self,
        name: str,
        member_id: str,
        action: str,
        recording: tuple[str, tuple[str, str] | None] | None = None,
    ) -> tuple[str, str] | None:
        room, chosen = self._participants(name, member_id)
        if len(chosen) != 1:
            raise RestError(400, f"member_id = {member_id!r} is not allowed; allowed: one participant's member id")
        started = None
        if recording is not None:
            file_format, callback = recording
            uuid = room.next_participant_recording()
            started = (uuid, file_format, callback)
        what = f"recording {action} of member {member_id}"
        on_participants(self.sim._mpcs, room, chosen, what, lambda room, p: room.record_participant(p, action, started))
        if started is None:
            return None
        return started[0], f"{self.world.mpc_options.recording_url_prefix}{started[0]}.{started[1]}"

    def participant_play(self, name: str, member_ids: str, sound: CallSound | None) -> list[str]:
        room, chosen = self._participants(name, member_ids)
        elements = None if sound is None else _sound_elements(sound)  # (a bad URL refuses the request: a 400)
        length_ms = 0 if sound is None else sound.length * 1000
        world = self.world

        def play(_: Mpc, p: Participant) -> None:
            if elements is not None:
                start_sound(
                    p.call, "play", elements, length_ms=length_ms, loop=sound is not None and sound.loop, mix=True
                )
            elif not stop_sound(p.call, "play"):
                world.note(p.call.name, "REST stop play audio: nothing was playing; nothing changes")

        on_participants(self.sim._mpcs, room, chosen, "stop play audio" if sound is None else "play audio", play)
        return [p.member_id for p in chosen]

    # -- Conferences (rule C11) ----------------------------------------------------
    # each change is run through the clock at its current time, as the other
    # operations are: after the request the app is answering, if it is answering one

    def _room(self, name: str) -> Room:
        room = self.sim._conferences.rooms.get(name)
        if room is None or not is_open(room):
            raise _not_found(f"no conference named {name!r} is in progress")
        return room

    def _at_now(self, room: Room, what: str, action: Callable[[Room], None]) -> None:
        where = (self.sim._conferences, room.name, room.uuid, what, action)
        self.world.clock.at(self.world.clock.now, lambda _: act(*where))

    def conferences(self) -> list[str]:
        return [name for name, room in self.sim._conferences.rooms.items() if is_open(room)]

    def conference_details(self, name: str) -> dict[str, Any]:
        room = self._room(name)
        now = self._now
        members = [
            {
                "muted": m.muted,
                "member_id": m.member_id,
                "deaf": m.deaf,
                "from": m.call.record.from_,
                "to": m.call.record.to,
                "caller_name": m.call.request_params.get("CallerName", ""),
                "direction": m.call.record.direction,
                "call_uuid": m.call.uuid,
                "join_time": str(int(now - m.membership.joined_at)),
            }
            for m in room.members.values()
            if not m.leaving
        ]
        return {
            "conference_name": name,
            "conference_run_time": str(int(now - seconds(room.bridge.opened_ms))),
            "conference_member_count": str(len(members)),
            "members": members,
        }

    def _members(self, name: str, member_ids: str) -> tuple[Room, list[Member]]:
        room = self._room(name)
        members = members_named(room, member_ids)
        if members is None:
            raise _not_found(f"conference {name!r} has no member {member_ids!r} (members: {', '.join(room.members)})")
        return room, members

    def conference_hangup(self, name: str) -> None:
        room = self._room(name)
        self._at_now(room, "hangup", ask_hangup(room))

    def conference_member_action(self, name: str, member_ids: str, action: str) -> list[str]:
        room, members = self._members(name, member_ids)
        kind = next(a for a in MEMBER_ACTIONS if a == action)
        self._at_now(room, f"{action} member {member_ids}", on_members(members, kind))
        return [m.member_id for m in members]

    def conference_member_sound(self, name: str, member_ids: str, kind: str, sound: CallSound | None) -> list[str]:
        room, members = self._members(name, member_ids)
        elements = None if sound is None else _sound_elements(sound)
        length_ms = 0 if sound is None else sound.length * 1000
        what = f"{kind if sound else 'stop ' + kind} member {member_ids}"
        self._at_now(room, what, on_members_sound(members, kind, elements, length_ms))
        return [m.member_id for m in members]

    def conference_record(self, name: str, file_format: str, callback: tuple[str, str] | None) -> tuple[str, str]:
        room = self._room(name)
        if records(room):
            raise RestError(400, f"conference {name!r} is already being recorded")
        recording_id = room.next_api_recording()
        start = ask_recording(room, True, lambda room: room.record_by_api(recording_id, file_format, callback))
        self._at_now(room, "record", start)
        return recording_id, f"{self.world.options.record_url_prefix}{recording_id}.{file_format}"

    def conference_record_stop(self, name: str) -> None:
        room = self._room(name)
        if not records(room):
            raise _not_found(f"conference {name!r} is not being recorded")
        stop = ask_recording(room, False, lambda room: room.stop_recording() if room.recording else None)
        self._at_now(room, "record stop", stop)
