"""One conference: its members and the state machine of rules C1-C11.

A room is Waiting until it may start (C2), then Started, then Ended (C1: a room
exists from its first join to its end; a later join with the same name opens a
new conference with a new ConferenceUUID). The states are small objects with the
handlers that differ between them (as Asterisk ConfBridge does); the room holds
what they share: members, floor, recording, time limit.

Who hears whom is the room's bridge (``..bridge``): the room tells it each
member's seat (C8: muted -> does not speak; C2: a room that is not started, or
holds one member, is not heard, and its members hear their waitSound instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from ....elements import Element, Response
from ....elements._values import CONFERENCE_SOUND
from ..._clock import Clock, Entry, seconds
from ..._coverage import exit_branch
from ..._recording import Recording, api_figures, transcription_charge
from ..._world import World
from ...bridge import Bridge, Seat
from ...callflow._call import Call, Membership
from ...platform._hangup_causes import CONFERENCE_ENDED
from ...platform._requests import ROUTES, Route
from ._digits import DigitMatcher
from ._floor import Floor

__all__ = ["ENDED", "STARTED", "WAITING", "Member", "Room"]

_CALLBACK = ROUTES["Conference.callbackUrl"]
_ACTION = ROUTES["Conference.action"]
_TRANSCRIPTION = ROUTES["Conference.transcriptionUrl"]
_WAIT_SOUND = ROUTES["Conference.waitSound"]
_ENTER_SOUND = ROUTES["Conference.enterSound"]
_EXIT_SOUND = ROUTES["Conference.exitSound"]

class Member:
    """A call's stay in a room, with the attributes of its ``<Conference>``
    element that apply (read once, at the join, through ``effective``)."""

    __slots__ = (
        "action",
        "base",
        "call",
        "callback_method",
        "callback_url",
        "deaf",
        "digit_entry",
        "end_on_exit",
        "enter_method",
        "enter_sound",
        "exit_method",
        "exit_sound",
        "floor_event",
        "hangup_on_star",
        "leaving",
        "limit_ms",
        "matcher",
        "member_id",
        "membership",
        "method",
        "muted",
        "record",
        "record_file_format",
        "record_when_alone",
        "redirect",
        "relay_dtmf",
        "room",
        "send_digits",
        "start_on_enter",
        "stay_alone",
        "transcription_method",
        "transcription_type",
        "transcription_url",
        "wait_heard",
        "wait_method",
        "wait_sound",
    )

    def __init__(self, room: Room, call: Call, element: Element, member_id: str) -> None:
        get = element.effective
        options = room.world.options
        self.room = room
        self.call = call
        self.member_id = member_id
        self.muted: bool = get("muted")
        self.deaf = False  # C11: only the Conference API deafens a member
        self.leaving = False  # C11: the API was asked to kick or hang it up (it leaves at once)
        self.start_on_enter: bool = get("start_conference_on_enter")
        self.end_on_exit: bool = get("end_conference_on_exit")
        self.stay_alone: bool = get("stay_alone")
        self.hangup_on_star: bool = get("hangup_on_star")
        self.relay_dtmf: bool = get("relay_dtmf")
        self.floor_event: bool = get("floor_event")
        self.enter_sound: str = get("enter_sound")
        self.exit_sound: str = get("exit_sound")
        self.wait_sound: str | None = get("wait_sound")
        self.record: bool = get("record")
        self.record_file_format: str = get("record_file_format")
        self.record_when_alone: bool = get("record_when_alone")
        self.transcription_type: str | None = get("transcription_type")
        self.transcription_url: str | None = get("transcription_url")
        self.transcription_method = _TRANSCRIPTION.method_for(get, options)
        self.action: str | None = get("action")
        self.method = _ACTION.method_for(get, options)
        self.redirect: bool = get("redirect")
        self.callback_url: str | None = get("callback_url")
        self.callback_method = _CALLBACK.method_for(get, options)
        self.wait_method = _WAIT_SOUND.method_for(get, options)
        self.enter_method = _ENTER_SOUND.method_for(get, options)
        self.exit_method = _EXIT_SOUND.method_for(get, options)
        self.send_digits: str | None = get("send_digits")
        limit: int = get("time_limit")
        self.limit_ms: int | None = None if limit == 0 and options.time_limit_zero_is_unlimited else limit * 1000
        patterns: tuple[str, ...] | None = get("digits_match")
        self.matcher: DigitMatcher | None = None
        if patterns and (self.callback_url is not None or not options.digits_match_needs_callback):
            self.matcher = DigitMatcher(tuple(patterns), round(options.dtmf_interdigit_timeout * 1000))
        self.digit_entry: Entry | None = None
        self.wait_heard = "silence"  # what it hears while it cannot hear the room
        self.base = {
            "ConferenceName": room.name,
            "ConferenceUUID": room.uuid,
            "ConferenceMemberID": member_id,
            "CallUUID": call.uuid,
        }
        self.membership = Membership(room.name, room.uuid, member_id, seconds(room.world.clock.now))

    # -- what the call tells its room (the call's Place) --------------------------

    def talk_start(self) -> None:
        self.room.talk_start(self)

    def talk_stop(self) -> None:
        self.room.talk_stop(self)

    def digits(self, digits: str) -> None:
        self.room.digits(self, digits)

    def hung_up(self) -> None:
        self.room.leave(self, "the caller hung up")


class State:
    """What differs between a waiting and a started room."""

    name: ClassVar[str]

    def joined(self, room: Room, member: Member) -> None:
        """``member`` has just been added."""

    def talk_start(self, room: Room, member: Member) -> None:
        """``member`` starts talking."""


class Waiting(State):
    """C2: members hear waitSound (or nothing) and no one hears them."""

    name = "waiting"

    def joined(self, room: Room, member: Member) -> None:
        if room.moderators and (len(room.members) >= 2 or not room.world.options.start_requires_two):
            room.start()
        else:
            room.check_recording()  # recordWhenAlone records a waiting room


class Started(State):
    """Members hear each other (C8), talk moves the floor (C7), the room records (C9)."""

    name = "started"

    def joined(self, room: Room, member: Member) -> None:
        options = room.world.options
        if options.time_limit_from == "start" and member.limit_ms is not None and room.started_ms is not None:
            deadline = room.started_ms + member.limit_ms
            if room.deadline is None or deadline < room.deadline:
                room.arm_time_limit(deadline)
        if member.call.talking:
            self.talk_start(room, member)
        room.check_recording()

    def talk_start(self, room: Room, member: Member) -> None:
        if not member.muted and room.floor.start(member) is member:
            room.floor_changed(member)


class Ended(State):
    name = "ended"


WAITING, STARTED, ENDED = Waiting(), Started(), Ended()


class Room:
    __slots__ = (
        "bridge",
        "closed",
        "closing",
        "deadline",
        "enforce_min",
        "floor",
        "heard",
        "limit_entry",
        "max_members",
        "members",
        "min_two",
        "moderators",
        "name",
        "next_id",
        "planned_recording",
        "recorded",
        "recording",
        "recording_callback",
        "recording_owner",
        "recording_plans",
        "recordings_by_api",
        "started_ms",
        "state",
        "uuid",
        "world",
    )

    def __init__(
        self, world: World, name: str, uuid: str, max_members: int, closed: Callable[[Room], None]
    ) -> None:
        self.world = world
        self.closed = closed  # told when the room ends (the registry forgets it)
        self.bridge = world.history.opened(Bridge(name, uuid, world.clock.now))
        self.heard = False  # what the bridge was last told of ``hearing``
        self.name = name
        self.uuid = uuid
        self.max_members = max_members
        self.state: State = WAITING
        self.members: dict[str, Member] = {}  # by member id, in join order
        self.next_id = 0
        self.moderators = 0  # members with startConferenceOnEnter=true
        self.started_ms: int | None = None
        self.min_two = False  # a stayAlone=false member has joined (C4)
        self.enforce_min = False  # ... and the room has held two members since
        self.floor: Floor[Member] = Floor()
        self.recording: Recording | None = None
        self.recording_owner: Member | None = None  # None: started by the Conference API (C11)
        self.recording_callback: tuple[str, str] | None = None  # the API's callback_url and method
        # C11: what the API was asked and has not done yet (it acts through the clock):
        # the room is to end; it is to record or not (None: nothing asked), how many asks
        self.closing = False
        self.planned_recording: bool | None = None
        self.recording_plans = 0
        self.recordings_by_api = 0
        self.recorded = False  # the record attribute has started its one recording (C9)
        self.deadline: int | None = None
        self.limit_entry: Entry | None = None

    @property
    def hearing(self) -> bool:
        """Whether members hear each other now (C2: started, and not alone)."""
        return self.state is STARTED and len(self.members) >= 2

    def seat(self, member: Member) -> Seat:
        """``member``'s flags in the bridge (C2, C8)."""
        hearing = self.hearing
        if member.deaf:  # C11: a deaf member hears nothing of the room, not even its waitSound
            return Seat(member.call.name, not member.muted, False, "member", "silence")
        return Seat(member.call.name, not member.muted, hearing, "member", None if hearing else member.wait_heard)

    def sync(self, member: Member | None = None) -> None:
        """Tell the bridge what changed: every seat when ``hearing`` flipped, else
        ``member``'s (a change costs the room's size at most, never the world's)."""
        now = self.world.clock.now
        if self.hearing != self.heard:
            self.heard = self.hearing
            for each in self.members.values():
                self.bridge.put(each.member_id, self.seat(each), now)
        elif member is not None and member.member_id in self.members:
            self.bridge.put(member.member_id, self.seat(member), now)

    # -- joining -------------------------------------------------------------------

    def add(self, call: Call, element: Element) -> None:
        world = self.world
        options = world.options
        self.next_id += 1
        member = Member(self, call, element, str(self.next_id))
        if member.wait_sound is not None:
            # fetched as the caller enters, as plivoframework prepares it before entering [oss]
            sound = world.send(_WAIT_SOUND, member.wait_method, member.wait_sound, {}, call)
            if sound is not None:
                member.wait_heard = "waitSound:" + member.wait_sound
        self.members[member.member_id] = member
        self.moderators += member.start_on_enter
        call.member = member
        call.record.memberships.append(member.membership)
        world.event(call.name, "join", f"joined {self.name!r} as member {member.member_id} ({self.state.name})")
        self.callback(member, "enter")
        self.play(member.enter_sound, member.enter_method, _ENTER_SOUND, call)
        if member.send_digits:
            world.event(call.name, "digits", f"sendDigits {member.send_digits!r} sent on the caller's line")
        if not member.stay_alone:
            self.min_two = True
            if not options.stay_alone_applies_after_two:
                self.enforce_min = True
        if self.min_two and len(self.members) >= 2:
            self.enforce_min = True
        if options.time_limit_from == "last_join" and member.limit_ms is not None:
            self.arm_time_limit(world.clock.now + member.limit_ms)
        self.state.joined(self, member)
        self.sync(member)
        if self.enforce_min and len(self.members) < 2 and self.state is not ENDED:
            self.end("stayAlone=false and only one member")

    def start(self) -> None:
        world = self.world
        now = world.clock.now
        self.state = STARTED
        self.started_ms = now
        world.event(None, "start", f"conference {self.name!r} started")
        if world.options.time_limit_from == "start":
            limits = [m.limit_ms for m in self.members.values() if m.limit_ms is not None]
            if limits:
                self.arm_time_limit(now + min(limits))
        talkers = sorted(
            (m for m in self.members.values() if m.call.talking and not m.muted), key=lambda m: m.call.talk_since
        )
        holder = self.floor.reset(talkers)
        if holder is not None:
            self.floor_changed(holder)
        self.check_recording()
        self.sync()

    def check_recording(self) -> None:
        """C9: record once a record=true member is in a started room of two or
        more, or at once for a member with recordWhenAlone=true."""
        if self.recording is not None or self.recorded or self.state is ENDED:
            return
        hearing = self.hearing
        for member in self.members.values():
            if member.record and (hearing or member.record_when_alone):
                self.recorded = True
                self.start_recording(self.world.ids.recording(self.uuid), member.record_file_format, member)
                return

    def start_recording(self, recording_id: str, file_format: str, owner: Member | None) -> Recording:
        """Record the room from now on (C9; ``owner`` None: the Conference API, C11)."""
        world = self.world
        now = world.clock.now
        self.recording = Recording(recording_id, world.options.record_url_prefix, file_format, now)
        self.recording_owner = owner
        self.bridge.record(recording_id, now, file_format)
        world.event(None if owner is None else owner.call.name, "record", f"recording of {self.name!r} started")
        return self.recording

    # -- leaving -------------------------------------------------------------------

    def leave(self, member: Member, reason: str) -> None:
        """``member`` leaves by itself (hung up, pressed *); the room may end (C3, C4)."""
        if self.state is ENDED:
            return
        call = member.call
        if len(self.members) > 1:
            # plivoframework plays the exit sound before the exit callback [oss]
            self.play(member.exit_sound, member.exit_method, _EXIT_SOUND, call)
        document, failed = self.remove(member, reason)
        call.go_on(document, failed)
        if member.end_on_exit:
            self.end(f"{call.name} left with endConferenceOnExit=true")
        elif not self.members:
            self.end("the last member left")
        elif self.enforce_min and len(self.members) < 2:
            self.end("stayAlone=false and only one member left")

    def remove(self, member: Member, reason: str) -> tuple[Response | None, bool]:
        """Take ``member`` out: exit callback, then the action request (C6).
        Returns the document the action URL gave and whether it failed to."""
        member.call.branch(exit_branch(reason))
        world = self.world
        call = member.call
        del self.members[member.member_id]
        self.bridge.remove(member.member_id, world.clock.now)
        self.sync()
        self.moderators -= member.start_on_enter
        Clock.cancel(member.digit_entry)  # held digits are dropped
        call.member = None
        member.membership.left_at = seconds(world.clock.now)
        member.membership.exit_reason = reason
        world.event(call.name, "leave", f"left {self.name!r} (member {member.member_id}): {reason}")
        self.callback(member, "exit")
        result = self.action(member)
        holder = self.floor.remove(member)
        if holder is not None and self.state is not ENDED:
            self.floor_changed(holder)
        return result

    def action(self, member: Member, member_id: str | None = None) -> tuple[Response | None, bool]:
        """The action request (C6): with redirect=true and the call still up, the
        document it returns continues the call."""
        if member.action is None:
            return None, False
        params = {
            "ConferenceName": self.name,
            "ConferenceUUID": self.uuid,
            "ConferenceMemberID": member.member_id if member_id is None else member_id,
        }
        if self.recording is not None:
            params["RecordUrl"] = self.recording.url
            params["RecordingID"] = self.recording.id
        call = member.call
        # the request is made in any case; its document is read only to go on with
        follow = call.live and member.redirect
        document = self.world.send(_ACTION, member.method, member.action, params, call, read=follow)
        return document, follow and document is None

    def end(self, reason: str) -> None:
        """C3: the conference ends; every remaining member exits and goes on."""
        if self.state is ENDED:
            return
        world = self.world
        self.state = ENDED
        Clock.cancel(self.limit_entry)
        world.event(None, "end", f"conference {self.name!r} ended: {reason}")
        going_on = [(m.call, self.remove(m, "the conference ended")) for m in list(self.members.values())]
        if self.recording is not None:
            self.stop_recording()
        self.bridge.close(world.clock.now)
        self.closed(self)
        continue_calls = world.options.remaining_calls_continue
        for call, (document, failed) in going_on:
            if continue_calls:
                call.go_on(document, failed)
            else:
                call.end("the conference ended", CONFERENCE_ENDED)

    def stop_recording(self) -> None:
        recording, owner = self.recording, self.recording_owner
        assert recording is not None
        world = self.world
        now = world.clock.now
        figures = recording.figures(now, world.epoch_ms)
        length = seconds(now - recording.started_ms)
        self.recording = self.recording_owner = None
        for tape in self.bridge.tapes:
            if tape.id == recording.id:
                tape.stop(now)
        who = None if owner is None else owner.call.name
        world.event(who, "record", f"recording of {self.name!r} stopped ({length} s)")
        if owner is None:
            self._api_recording_callback(figures)
            return
        if owner.callback_url is not None:
            params = {"ConferenceAction": "record", **owner.base, **figures}
            world.send(_CALLBACK, owner.callback_method, owner.callback_url, params, owner.call)
        if owner.transcription_type is not None and owner.transcription_url is not None:
            options = world.options
            params = {
                "transcription": options.transcription_text,
                "transcription_charge": transcription_charge(options.transcription_rate, now - recording.started_ms),
                "transcription_rate": options.transcription_rate,
                "duration": figures["RecordingDuration"],
                "call_uuid": owner.call.uuid,
                "recording_id": recording.id,
                "error": "",
            }
            request = (owner.transcription_method, owner.transcription_url, params, owner.call)
            world.clock.at(now + round(options.transcription_delay * 1000), self._transcribe, request)

    def _transcribe(self, request: tuple[str, str, dict[str, str], Call]) -> None:
        method, url, params, call = request
        # (the call's parameters, if added, are those of when the request is made)
        self.world.send(_TRANSCRIPTION, method, url, params, call)

    # -- the Conference API (C11) ----------------------------------------------------

    def set_muted(self, member: Member, muted: bool) -> None:
        """C11: mute or unmute ``member``: who hears it changes now (C8); a muted
        member lets the floor go, an unmuted one talking may take it (C7)."""
        if member.muted == muted:
            return
        member.muted = muted
        if muted:
            holder = self.floor.stop(member)
            if holder is not None:
                self.floor_changed(holder)
        elif member.call.talking:
            self.state.talk_start(self, member)
        self.sync(member)

    def set_deaf(self, member: Member, deaf: bool) -> None:
        """C11: a deaf member hears nothing of the room; others still hear it."""
        member.deaf = deaf
        self.sync(member)

    def next_api_recording(self) -> str:
        """The RecordingID of the Record API's next recording of this room (C11)."""
        self.recordings_by_api += 1
        return self.world.ids.recording(f"{self.uuid}/api/{self.recordings_by_api}")

    def record_by_api(self, recording_id: str, file_format: str, callback: tuple[str, str] | None) -> None:
        """C11: the Record API starts a recording of the room now (none may run)."""
        if self.recording is not None:
            self.world.note(None, f"Conference API record: {self.name!r} is already being recorded; nothing changes")
            return
        self.recording_callback = callback
        self.start_recording(recording_id, file_format, None)

    def _api_recording_callback(self, figures: dict[str, str]) -> None:
        """The Record API's callback_url, with the parameters Plivo lists for it (C11)."""
        if self.recording_callback is None:
            return
        url, method = self.recording_callback
        params = {"conference_name": self.name, **api_figures(figures)}
        self.world.send(_CALLBACK, method, url, params, None)

    # -- time limit (C7) -----------------------------------------------------------

    def arm_time_limit(self, deadline: int) -> None:
        Clock.cancel(self.limit_entry)
        self.deadline = deadline
        self.limit_entry = self.world.clock.at(deadline, self._time_up)

    def _time_up(self, _: object) -> None:
        self.limit_entry = None
        self.end("timeLimit reached")

    # -- sounds, callbacks ---------------------------------------------------------

    def callback(self, member: Member, action: str, digits: str | None = None) -> None:
        if member.callback_url is None:
            return
        params = {"ConferenceAction": action, **member.base}
        if digits is not None:
            params["ConferenceDigitsMatch"] = digits
        self.world.send(_CALLBACK, member.callback_method, member.callback_url, params, member.call)

    def play(self, sound: str, method: str, route: Route, call: Call) -> None:
        """C10: enterSound/exitSound play to the whole room; a URL is fetched for
        the call whose join or leave plays it."""
        if not sound:
            return
        world = self.world
        # a built-in word of the Sound kind (beep:1, beep:2) plays as is; a URL is fetched
        played: object = sound
        if sound not in CONFERENCE_SOUND.words:
            played = world.send(route, method, sound, {}, call)
            if played is None:
                return
        self.bridge.play(played, world.clock.now)
        world.event(call.name, "sound", f"{route.label} {sound} played to the room")

    # -- talk and digits -----------------------------------------------------------

    def talk_start(self, member: Member) -> None:
        self.state.talk_start(self, member)

    def talk_stop(self, member: Member) -> None:
        holder = self.floor.stop(member)
        if holder is not None:
            self.floor_changed(holder)

    def floor_changed(self, holder: Member) -> None:
        self.world.event(holder.call.name, "floor", f"has the floor in {self.name!r}")
        if holder.floor_event:
            self.callback(holder, "floor")

    def digits(self, member: Member, digits: str) -> None:
        """C7: hangupOnStar, digitsMatch and relayDTMF, digit by digit."""
        world = self.world
        now = world.clock.now
        world.event(member.call.name, "digits", f"pressed {digits!r}")
        matcher = member.matcher
        relay: list[str] = []
        for index, digit in enumerate(digits):
            if digit == "*" and member.hangup_on_star:
                self.relay(member, "".join(relay))
                rest = digits[index + 1 :]
                self.leave(member, "pressed * (hangupOnStar)")
                if rest:
                    world.note(member.call.name, f"digits {rest!r} after * ignored: the caller left the conference")
                return
            if matcher is None:
                relay.append(digit)
                continue
            matched, held, pending = matcher.feed(digit, now)
            for pattern in matched:
                self.callback(member, "digits", pattern)
            relay.append(held)
            Clock.cancel(member.digit_entry)
            member.digit_entry = (
                world.clock.at(now + matcher.timeout_ms, self._digits_timeout, member) if pending else None
            )
        self.relay(member, "".join(relay))

    def _digits_timeout(self, member: Member) -> None:
        member.digit_entry = None
        assert member.matcher is not None
        matched, held = member.matcher.resolve()
        for pattern in matched:
            self.callback(member, "digits", pattern)
        self.relay(member, held)

    def relay(self, member: Member, digits: str) -> None:
        """relayDTMF: digits no pattern took are played to the other members
        (only where they can hear each other)."""
        if not digits or not member.relay_dtmf or not self.hearing:
            return
        others = ", ".join(m.call.name for m in self.members.values() if m is not member)
        self.world.event(member.call.name, "relay", f"DTMF {digits!r} relayed to {others}")
