"""One MultiPartyCall: its participants and the state machine of rules M1-M8.

An MPC is Initialized at its first join, Active once it may start (M1), then
Ended (M5). The states are small objects with the handlers that differ between
them (as Asterisk ConfBridge does); the MPC holds what they share. Who hears
whom is its bridge: the MPC tells it each participant's seat (M2 coach mode as
a pair rule, M3 hold and mute as flags, M1 waiting as not hearing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from ....elements import Element, Response
from ....elements import MultiPartyCall as MultiPartyCallElement
from ....elements._values import MPC_SOUND, ROLE
from ..._clock import Clock, Entry, seconds
from ..._coverage import exit_branch
from ..._world import World
from ...bridge import Bridge, PairRules, Seat
from ...callflow._call import Call
from ...platform._hangup_causes import KICKED, MPC_ENDED
from ...platform._requests import ROUTES, Route
from ._events import EXIT, GROUP_OF, TERMINATION, timestamp
from ._participant import Participant
from ._recording import Recording

__all__ = ["ACTIVE", "COACH_RULES", "ENDED", "INITIALIZED", "MPC_LEVEL", "Mpc"]

# how a participant's leaving is reported as its call's end (P1), by exit cause
_DEPARTURES = {"kicked": KICKED, "ended": MPC_ENDED}
_STATUS = ROUTES["MultiPartyCall.statusCallbackUrl"]
_RECORDING = ROUTES["MultiPartyCall.recordingCallbackUrl"]
_EXIT_ACTION = ROUTES["MultiPartyCall.onExitActionUrl"]
_WAIT_MUSIC = ROUTES["MultiPartyCall.waitMusicUrl"]
_HOLD_MUSIC = {
    "Agent": ROUTES["MultiPartyCall.agentHoldMusicUrl"],
    "Customer": ROUTES["MultiPartyCall.customerHoldMusicUrl"],
}
_ENTER_SOUND = ROUTES["MultiPartyCall.enterSound"]
_EXIT_SOUND = ROUTES["MultiPartyCall.exitSound"]

# the attributes that configure the MPC (the element's own table says which)
MPC_LEVEL = tuple(spec for spec in MultiPartyCallElement.specs.values() if spec.level == "mpc")
# M2: a coaching Supervisor ("coach") is heard by Agents only: by no other role, nor another coach
COACH_RULES: PairRules = frozenset(
    ("coach", group) for group in ("coach", *(role.lower() for role in ROLE.choices if role != "Agent"))
)


class State:
    """What differs between an initialized, an active and an ended MPC."""

    name: ClassVar[str]

    def joined(self, mpc: Mpc, participant: Participant) -> None:
        """``participant`` has just been added."""


class Initialized(State):
    """M1: participants hear the wait music and no one hears them, until it may start."""

    name = "initialized"

    def joined(self, mpc: Mpc, participant: Participant) -> None:
        if mpc.may_start():
            mpc.start()


class Active(State):
    """Participants hear each other as their flags say (M2, M3); the MPC records (M7)."""

    name = "active"

    def joined(self, mpc: Mpc, participant: Participant) -> None:
        mpc.held_two = mpc.held_two or len(mpc.participants) >= 2
        mpc.check_recording()


class Ended(State):
    name = "ended"


INITIALIZED, ACTIVE, ENDED = Initialized(), Active(), Ended()


class Mpc:
    __slots__ = (
        "api_added",
        "api_recordings",
        "api_tracks",
        "auto_recorded",
        "bridge",
        "closed",
        "config",
        "duration_entry",
        "events",
        "held_two",
        "init_ms",
        "name",
        "next_id",
        "participants",
        "recording",
        "recordings",
        "sequence",
        "started_ms",
        "state",
        "synced",
        "tracks",
        "uuid",
        "world",
    )

    def __init__(
        self,
        world: World,
        name: str,
        uuid: str,
        element: Element,
        *,
        closed: Callable[[Mpc], None],
        api_added: set[str],
    ) -> None:
        now = world.clock.now
        self.world = world
        self.name = name
        self.uuid = uuid
        self.closed = closed  # told when the MPC ends (the registry forgets it)
        self.api_added = api_added  # names of calls placed by add_participant (shared with the registry)
        # the first participant's MPC-level attributes configure the MPC
        self.config: dict[str, Any] = {spec.name: element.effective(spec.name) for spec in MPC_LEVEL}
        self.events = frozenset(self.config["status_callback_events"])
        self.bridge = world.history.opened(Bridge(name, uuid, now, COACH_RULES))
        self.state: State = INITIALIZED
        self.synced: State = INITIALIZED  # the state the bridge's seats were last computed for
        self.participants: dict[str, Participant] = {}  # by member id, in join order
        self.next_id = 0
        self.init_ms = now
        self.started_ms: int | None = None
        self.held_two = False  # the active MPC has held two participants (stayAlone, M5)
        self.sequence = 0  # SequenceNumber of the last callback sent
        self.recording: Recording | None = None
        self.recordings = 0
        self.auto_recorded = False  # record=true has started its recording (once)
        self.tracks: dict[str, Recording] = {}  # recordParticipantTrack: by member id
        self.api_tracks: dict[str, Recording] = {}  # the participant recording API's: by member id
        self.api_recordings = 0
        # M5 [doc]: maxDuration counts from the initiation
        self.duration_entry: Entry | None = world.clock.at(now + self.config["max_duration"] * 1000, self._max_duration)
        world.event(None, "start", f"MPC {name!r} initialized")
        self.status("MPCInitialized")

    # -- who hears whom ------------------------------------------------------------

    def seat(self, p: Participant) -> Seat:
        """``p``'s flags in the bridge (M1, M2, M3)."""
        name = p.call.name
        if p.held:
            return Seat(name, False, False, p.group, p.hold_heard)
        if self.state is not ACTIVE:
            return Seat(name, False, False, p.group, p.wait_heard)
        return Seat(name, not p.muted, True, p.group, None)

    def sync(self, p: Participant | None = None) -> None:
        """Tell the bridge what changed: every seat when the state changed, else ``p``'s."""
        if self.state is ENDED:
            return
        now = self.world.clock.now
        if self.state is not self.synced:
            self.synced = self.state
            for each in self.participants.values():
                self.bridge.put(each.member_id, self.seat(each), now)
        elif p is not None and p.member_id in self.participants:
            self.bridge.put(p.member_id, self.seat(p), now)

    def heard(self, p: Participant) -> bool:
        """Whether anyone may hear ``p`` now (its own flags: active, not muted, not held)."""
        return self.state is ACTIVE and not p.muted and not p.held

    # -- joining -------------------------------------------------------------------

    def add(self, call: Call, element: Element) -> bool:
        """``call`` reaches this MPC's ``<MultiPartyCall>``: True if it joined,
        False if the MPC is full (M5) and the call goes on."""
        world = self.world
        cap: int = self.config["max_participants"]
        if len(self.participants) >= cap:
            full = f"MPC {self.name!r} is full ({cap} participants): <MultiPartyCall> skipped"
            world.event(call.name, "overflow", full)
            call.record.overflows.append((seconds(world.clock.now), self.name))
            return False
        if self.participants or self.next_id:
            self._differing(call, element)
        self.next_id += 1
        p = Participant(self, call, element, str(self.next_id))  # M8: every join a new member id
        self.participants[p.member_id] = p
        call.member = p
        call.record.memberships.append(p.membership)
        joined = f"joined MPC {self.name!r} as member {p.member_id} ({p.role}, {self.state.name})"
        world.event(call.name, "join", joined)
        self.status("ParticipantJoin", p)
        if call.name in self.api_added:
            self.api_added.discard(call.name)
            self.status("AddParticipantByAPIActionCompleted", p)
        self.play(p.enter_sound, p.enter_method, _ENTER_SOUND, call)
        if p.held:
            self.fetch_hold(p)
        self.state.joined(self, p)
        if self.state is INITIALIZED and not p.held:
            self.fetch_wait(p)
        self.sync(p)
        if self.recording is not None and self.config["record_participant_track"] and p.member_id not in self.tracks:
            self.start_track(p)
        if call.talking:
            self.talk(p, start=True)
        return True

    def _differing(self, call: Call, element: Element) -> None:
        """A later participant's MPC-level attributes do not reconfigure the MPC: say so."""
        for spec in MPC_LEVEL:
            written = getattr(element, spec.name)
            if written is not None and element.effective(spec.name) != self.config[spec.name]:
                self.world.note(
                    call.name,
                    f"MPC-level {spec.xml}={written!r} ignored: MPC {self.name!r} keeps "
                    f"{self.config[spec.name]!r} (its first participant's)",
                )

    def may_start(self) -> bool:
        """M1: a startMpcOnEnter participant is present (and, with waitForAgent, an Agent)."""
        members = self.participants.values()
        if not any(p.start_on_enter for p in members):
            return False
        return not self.config["wait_for_agent"] or any(p.role == "Agent" for p in members)

    def start(self) -> None:
        world = self.world
        self.state = ACTIVE
        self.started_ms = world.clock.now
        self.held_two = len(self.participants) >= 2
        world.event(None, "start", f"MPC {self.name!r} started")
        self.status("MPCStart")
        self.sync()
        self.check_recording()
        for p in list(self.participants.values()):
            if p.call.talking:
                self.talk(p, start=True)

    def fetch_wait(self, p: Participant) -> None:
        """M1: what a participant waiting for the MPC to start hears."""
        p.wait_heard = self._music(_WAIT_MUSIC, "waitMusic", p)

    def fetch_hold(self, p: Participant) -> None:
        """M3: an Agent or Customer on hold hears its role's hold music; a Supervisor, silence."""
        route = _HOLD_MUSIC.get(p.role)
        p.hold_heard = "silence" if route is None else self._music(route, "holdMusic", p)

    def _music(self, route: Route, label: str, p: Participant) -> str:
        """What the MPC's music at ``route`` sounds like to ``p``: "LABEL:URL" for the
        sound document fetched for it, "LABEL:default" (Plivo's own) with no URL,
        "silence" when the URL gives no valid sound document."""
        url: str | None = self.config[route.url]
        if url is None:
            return f"{label}:default"
        method = route.method_for(self.config.__getitem__, self.world.options)
        sound = self.world.send(route, method, url, {}, p.call)
        return "silence" if sound is None else f"{label}:{url}"

    # -- leaving -------------------------------------------------------------------

    def leave(self, p: Participant, cause: str) -> None:
        """``p`` leaves by itself (hung up) or is kicked; the MPC may end (M5)."""
        if self.state is ENDED or p.member_id not in self.participants:
            return
        document, failed = self.remove(p, cause)
        p.call.go_on(document, failed)
        if p.end_on_exit:
            self.end("end_on_exit", f"{p.call.name} left with endMpcOnExit=true")
        elif not self.participants:
            self.end("empty", "the last participant left")
        elif (
            self.state is ACTIVE
            and not self.config["stay_alone"]
            and len(self.participants) == 1
            and (self.held_two or not self.world.mpc_options.stay_alone_applies_after_two)
        ):
            self.end("alone", "stayAlone=false and one participant left")

    def remove(self, p: Participant, cause: str) -> tuple[Response | None, bool]:
        """Take ``p`` out: exit sound, ParticipantExit, then the exit action (M6).
        Returns the document onExitActionUrl gave and whether it failed to."""
        p.call.branch(exit_branch(cause))
        world = self.world
        now = world.clock.now
        call = p.call
        del self.participants[p.member_id]
        self.bridge.remove(p.member_id, now)
        call.member = None
        if p.speaking:
            p.speaking = False
            self.status("ParticipantSpeakStop", p)
        for tracks in (self.tracks, self.api_tracks):
            track = tracks.pop(p.member_id, None)
            if track is not None:
                self.record_event("ParticipantRecordingCompleted", track, p, done=True)
        p.membership.left_at = seconds(now)
        p.membership.exit_reason = EXIT[cause]
        # kicked, or the MPC ended: the call's end, if its document runs out now (P1)
        call.departure = _DEPARTURES.get(cause)
        world.event(call.name, "leave", f"left MPC {self.name!r} (member {p.member_id}): {EXIT[cause]}")
        if self.participants and self.state is not ENDED:
            self.play(p.exit_sound, p.exit_method, _EXIT_SOUND, call)
        self.status("ParticipantExit", p)
        self.sync()
        return self.exit_action(p)

    def exit_action(self, p: Participant) -> tuple[Response | None, bool]:
        """M6: onExitActionUrl, whose document continues the call (if it is still up)."""
        if p.exit_url is None:
            return None, False
        world = self.world
        params = {
            "MPCUUID": self.uuid,
            "MPCFriendlyName": self.name,
            "MemberID": p.member_id,
            "ParticipantCallUUID": p.call.uuid,
            "ParticipantJoinTime": timestamp(world.epoch_ms, p.joined_ms),
            "ParticipantEndTime": timestamp(world.epoch_ms, world.clock.now),
            "ParticipantRole": p.role,
        }
        follow = p.call.live
        document = world.send(_EXIT_ACTION, p.exit_url_method, p.exit_url, params, p.call, read=follow)
        return document, follow and document is None

    def end(self, why: str, reason: str) -> None:
        """M5: the MPC ends; every remaining participant exits and goes on."""
        if self.state is ENDED:
            return
        world = self.world
        now = world.clock.now
        self.state = ENDED
        Clock.cancel(self.duration_entry)
        world.event(None, "end", f"MPC {self.name!r} ended: {reason}")
        going_on = [(p.call, self.remove(p, "ended")) for p in list(self.participants.values())]
        if self.recording is not None:
            self.stop_recording()
        cause, code = TERMINATION[why]
        duration = -(-(now - self.init_ms) // 1000)
        minutes = max(1, -(-duration // 60))
        rate = Decimal(world.mpc_options.billed_rate)
        amount = (rate * minutes).quantize(Decimal("0.00001"), rounding=ROUND_HALF_UP)
        self.status(
            "MPCEnd",
            extra={
                "MPCDuration": str(duration),
                "MPCBilledDuration": str(minutes * 60),
                "MPCBilledAmount": str(amount),
                "MPCTerminationCause": cause,
                "MPCTerminationCauseCode": code,
            },
        )
        self.bridge.close(now)
        self.closed(self)
        for call, (document, failed) in going_on:
            call.go_on(document, failed)

    def _max_duration(self, _: object) -> None:
        self.duration_entry = None
        self.end("duration", "maxDuration reached")

    # -- talk, digits, sounds ----------------------------------------------------

    def talk(self, p: Participant, *, start: bool) -> None:
        """M7: ParticipantSpeakStart/Stop, for a participant others may hear."""
        if start:
            if not p.speaking and (self.heard(p) or self.world.mpc_options.speak_events_when_unheard):
                p.speaking = True
                self.status("ParticipantSpeakStart", p)
        elif p.speaking:
            p.speaking = False
            self.status("ParticipantSpeakStop", p)

    def digits(self, p: Participant, digits: str) -> None:
        world = self.world
        world.event(p.call.name, "digits", f"pressed {digits!r}")
        for digit in digits:
            self.status("ParticipantDigitInput", p, extra={"DigitInput": digit})
        others = [o.call.name for o in self.participants.values() if o is not p]
        if p.relay_dtmf and others and self.heard(p):
            world.event(p.call.name, "relay", f"DTMF {digits!r} relayed to {', '.join(others)}")

    def play(self, sound: str, method: str, route: Route, call: Call) -> None:
        """An enter or exit sound for the whole MPC: beep:1, beep:2, none, or a URL fetched."""
        if sound == "none":
            return
        played: object = sound
        if sound not in MPC_SOUND.words:
            played = self.world.send(route, method, sound, {}, call)
            if played is None:
                return
        self.bridge.play(played, self.world.clock.now)
        self.world.event(call.name, "sound", f"{route.label} {sound} played to MPC {self.name!r}")

    # -- the REST API (M4) ---------------------------------------------------------

    def update(self, p: Participant, hold: bool | None, mute: bool | None, coach_mode: bool | None) -> None:
        world = self.world
        if mute is not None and mute != p.muted:
            p.muted = mute
            self.status("ParticipantMute" if mute else "ParticipantUnmute", p)
        if hold is not None and hold != p.held:
            p.held = hold
            if hold:
                self.fetch_hold(p)
            elif self.state is INITIALIZED:  # off hold, still waiting: the wait music (M1)
                self.fetch_wait(p)
            self.status("ParticipantHold" if hold else "ParticipantUnhold", p)
        if coach_mode is not None:
            if p.role != "Supervisor":
                world.note(p.call.name, f"coach_mode has no effect on role {p.role} (M2): only a Supervisor coaches")
            elif coach_mode != p.coach_mode:
                p.coach_mode = coach_mode
                self.bridge.play("beep:1", world.clock.now)
                world.event(p.call.name, "sound", f"beep:1 played to MPC {self.name!r} (coach mode changed)")
                self.status("ParticipantCoachModeStart" if coach_mode else "ParticipantCoachModeStop", p)
        self.sync(p)
        if p.speaking and not self.heard(p) and not world.mpc_options.speak_events_when_unheard:
            self.talk(p, start=False)
        elif p.call.talking:
            self.talk(p, start=True)

    def kick(self, p: Participant) -> None:
        self.leave(p, "kicked")

    def record(self, action: str) -> None:
        """The recording API: start, stop, pause, resume."""
        world = self.world
        recording = self.recording
        problem = None
        if action == "start":
            if self.state is not ACTIVE:
                problem = "the MPC has not started"
            elif recording is not None:
                problem = "it is already recording"
            else:
                self.start_recording()
        elif recording is None:
            problem = "it is not recording"
        elif action == "stop":
            self.stop_recording()
        elif action == "pause" and not recording.paused:
            recording.pause(world.clock.now)
            if recording.tape is not None:
                recording.tape.pause(world.clock.now)
            self._recording_events("Paused")
        elif action == "resume" and recording.paused:
            recording.resume(world.clock.now)
            if recording.tape is not None:
                recording.tape.resume(world.clock.now)
            self._recording_events("Resumed")
        else:
            problem = f"the recording is {'already' if recording.paused == (action == 'pause') else 'not'} paused"
        if problem is not None:
            world.note(None, f"recording {action} on MPC {self.name!r} ignored: {problem}")

    # -- recording (M7) ------------------------------------------------------------

    def next_participant_recording(self) -> str:
        """The RecordingUUID of the participant recording API's next recording (M7)."""
        self.api_recordings += 1
        return self.world.ids.recording(f"{self.uuid}/participant/{self.api_recordings}")

    def record_participant(
        self, p: Participant, action: str, recording: tuple[str, str, tuple[str, str] | None] | None = None
    ) -> None:
        """M7: the participant recording API (start, stop, pause, resume) on ``p``: a
        recording of its own, beside the MPC's (whose stop, pause and resume leave it be);
        ``recording`` (to start one): its RecordingUUID, file format and the (url, method)
        its events go to (else to the MPC's recordingCallbackUrl)."""
        world = self.world
        now = world.clock.now
        track = self.api_tracks.get(p.member_id)
        problem = None
        if action == "start":
            if track is not None:
                problem = "it is already being recorded"
            else:
                assert recording is not None
                uuid, file_format, callback = recording
                track = Recording(uuid, world.mpc_options.recording_url_prefix, file_format, now)
                track.callback = callback
                self.api_tracks[p.member_id] = track
                world.event(p.call.name, "record", f"recording of member {p.member_id} of MPC {self.name!r} started")
                self.record_event("ParticipantRecordingInitiated", track, p)
        elif track is None:
            problem = "it is not being recorded"
        elif action == "stop":
            del self.api_tracks[p.member_id]
            length = track.duration_s(now)
            world.event(p.call.name, "record", f"recording of member {p.member_id} stopped ({length} s recorded)")
            self.record_event("ParticipantRecordingCompleted", track, p, done=True)
        elif action == "pause" and not track.paused:
            track.pause(now)
            self.record_event("ParticipantRecordingPaused", track, p)
        elif action == "resume" and track.paused:
            track.resume(now)
            self.record_event("ParticipantRecordingResumed", track, p)
        else:
            problem = f"its recording is {'already' if track.paused == (action == 'pause') else 'not'} paused"
        if problem is not None:
            world.note(
                p.call.name, f"recording {action} of member {p.member_id} of MPC {self.name!r} ignored: {problem}"
            )

    def check_recording(self) -> None:
        """record=true: once recordMinMemberCount participants are in the active MPC."""
        if not self.config["record"] or self.auto_recorded or self.state is not ACTIVE:
            return
        if len(self.participants) >= self.config["record_min_member_count"]:
            self.auto_recorded = True
            self.start_recording()

    def start_recording(self) -> None:
        world = self.world
        self.recordings += 1
        uuid = world.ids.recording(f"{self.uuid}/{self.recordings}")
        self.recording = self._recording(uuid)
        # recordCoachVoice=false leaves the coaching supervisor out; unset or true, in
        excluded = frozenset({"coach"}) if self.config["record_coach_voice"] is False else frozenset()
        self.recording.tape = self.bridge.record(uuid, world.clock.now, self.config["record_file_format"], excluded)
        world.event(None, "record", f"recording of MPC {self.name!r} started")
        self.record_event("MPCRecordingInitiated", self.recording)
        if self.config["record_participant_track"]:
            for p in self.participants.values():
                self.start_track(p)

    def start_track(self, p: Participant) -> None:
        world = self.world
        uuid = world.ids.recording(f"{self.uuid}/{self.recordings}/{p.member_id}")
        track = self._recording(uuid)
        self.tracks[p.member_id] = track
        self.record_event("ParticipantRecordingInitiated", track, p)

    def _recording(self, uuid: str) -> Recording:
        world = self.world
        prefix = world.mpc_options.recording_url_prefix
        return Recording(uuid, prefix, self.config["record_file_format"], world.clock.now)

    def _recording_events(self, what: str) -> None:
        assert self.recording is not None
        now = self.world.clock.now
        self.record_event(f"MPCRecording{what}", self.recording)
        for member_id, track in self.tracks.items():
            (track.pause if what == "Paused" else track.resume)(now)
            self.record_event(f"ParticipantRecording{what}", track, self.participants[member_id])

    def stop_recording(self) -> None:
        recording = self.recording
        assert recording is not None
        length = recording.duration_s(self.world.clock.now)
        self.world.event(None, "record", f"recording of MPC {self.name!r} stopped ({length} s recorded)")
        for member_id, track in list(self.tracks.items()):
            self.record_event("ParticipantRecordingCompleted", track, self.participants.get(member_id), done=True)
        self.tracks.clear()
        self.record_event("MPCRecordingCompleted", recording, done=True)
        if recording.tape is not None:
            recording.tape.stop(self.world.clock.now)
        self.recording = None

    def record_event(
        self, event: str, recording: Recording, p: Participant | None = None, *, done: bool = False
    ) -> None:
        url: str | None = self.config["recording_callback_url"]
        method: str = self.config["recording_callback_method"]
        if recording.callback is not None:
            url, method = recording.callback
        if url is None:
            return
        world = self.world
        now = world.clock.now
        params = self._event(event)
        if p is not None:
            params["MemberID"] = p.member_id
            params["ParticipantCallUUID"] = p.call.uuid
        params["RecordingUUID"] = recording.uuid
        params["RecordingURL"] = recording.url
        params["RecordingResourceURL"] = f"{world.mpc_options.recording_resource_prefix}{recording.uuid}/"
        params["RecordingFormat"] = recording.file_format
        params["RecordingStartTime"] = timestamp(world.epoch_ms, recording.started_ms)
        if done:
            params["RecordingEndTime"] = timestamp(world.epoch_ms, now)
            params["RecordingDuration"] = str(recording.duration_s(now))
        world.send(_RECORDING, method, url, params, None if p is None else p.call)

    # -- status callbacks (M7) -------------------------------------------------------

    def _event(self, event: str) -> dict[str, str]:
        self.sequence += 1
        world = self.world
        return {
            "EventName": event,
            "EventTimestamp": timestamp(world.epoch_ms, world.clock.now),
            "SequenceNumber": str(self.sequence),
            "MPCUUID": self.uuid,
            "MPCName": self.name,
        }

    def status(self, event: str, p: Participant | None = None, *, extra: Mapping[str, str] | None = None) -> None:
        """An MPC event: on the timeline always; to statusCallbackUrl if its group is chosen."""
        world = self.world
        if p is None:
            world.event(None, "mpc", f"{event} {self.name!r}")
        else:
            world.event(p.call.name, "mpc", f"{event} {self.name!r} (member {p.member_id}, {p.role})")
        url: str | None = self.config["status_callback_url"]
        if url is None or GROUP_OF[event] not in self.events:
            return
        if p is None:
            params = self._event(event)
        else:  # (one dict built at once: the MPC's busiest path, a callback per talk spurt)
            self.sequence += 1
            call = p.call
            record = call.record
            params = {
                "EventName": event,
                "EventTimestamp": timestamp(world.epoch_ms, world.clock.now),
                "SequenceNumber": str(self.sequence),
                "MPCUUID": self.uuid,
                "MPCName": self.name,
                "MemberID": p.member_id,
                "ParticipantRole": p.role,
                "ParticipantCallUUID": call.uuid,
                "ParticipantCoachMode": "true" if p.coaching else "false",
                "ParticipantCallFrom": record.from_,
                "ParticipantCallTo": record.to,
                "ParticipantCallDirection": record.direction,
            }
        if extra:
            params.update(extra)
        method: str = self.config["status_callback_method"]
        world.send(_STATUS, method, url, params, None if p is None else p.call)
