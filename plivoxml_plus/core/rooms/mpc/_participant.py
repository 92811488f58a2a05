"""One participant of an MPC: a call's stay there, with the participant-level
attributes of its ``<MultiPartyCall>`` (read once, at the join) and the flags
the REST API changes (mute, hold, coach mode)."""

from __future__ import annotations

from typing import Protocol

from ....elements import Element
from ....elements._values import ROLE
from ..._clock import seconds
from ..._world import World
from ...callflow._call import Call, Membership
from ...platform._requests import ROUTES

__all__ = ["Host", "Participant"]


class Host(Protocol):
    """What a participant needs of its MPC (the MPC class is one; this module
    does not import it, so that the two do not import each other)."""

    @property
    def world(self) -> World: ...

    @property
    def name(self) -> str: ...

    @property
    def uuid(self) -> str: ...

    def talk(self, participant: Participant, *, start: bool) -> None: ...

    def digits(self, participant: Participant, digits: str) -> None: ...

    def leave(self, participant: Participant, cause: str) -> None: ...

_EXIT_ACTION = ROUTES["MultiPartyCall.onExitActionUrl"]
_ENTER_SOUND = ROUTES["MultiPartyCall.enterSound"]
_EXIT_SOUND = ROUTES["MultiPartyCall.exitSound"]


class Participant:
    __slots__ = (
        "call",
        "coach_mode",
        "end_on_exit",
        "enter_method",
        "enter_sound",
        "exit_method",
        "exit_sound",
        "exit_url",
        "exit_url_method",
        "held",
        "hold_heard",
        "joined_ms",
        "member_id",
        "membership",
        "mpc",
        "muted",
        "relay_dtmf",
        "role",
        "speaking",
        "start_on_enter",
        "wait_heard",
    )

    def __init__(self, mpc: Host, call: Call, element: Element, member_id: str) -> None:
        get = element.effective
        options = mpc.world.options
        self.mpc = mpc
        self.call = call
        self.member_id = member_id
        self.role: str = ROLE.canonical(get("role"))
        self.muted: bool = get("mute")
        self.held: bool = get("hold")
        self.coach_mode: bool = get("coach_mode")  # M2: meaningful for a Supervisor only
        self.start_on_enter: bool = get("start_mpc_on_enter")
        self.end_on_exit: bool = get("end_mpc_on_exit")
        self.enter_sound: str = get("enter_sound")
        self.enter_method = _ENTER_SOUND.method_for(get, options)
        self.exit_sound: str = get("exit_sound")
        self.exit_method = _EXIT_SOUND.method_for(get, options)
        self.exit_url: str | None = get("on_exit_action_url")
        self.exit_url_method = _EXIT_ACTION.method_for(get, options)
        self.relay_dtmf: bool = get("relay_dtmf_inputs")
        self.joined_ms = mpc.world.clock.now
        self.wait_heard = "silence"  # what it hears while the MPC waits (M1)
        self.hold_heard = "silence"  # what it hears on hold (M3)
        self.speaking = False  # a ParticipantSpeakStart was sent, its Stop not yet
        self.membership = Membership(mpc.name, mpc.uuid, member_id, seconds(self.joined_ms), kind="MultiPartyCall")

    @property
    def coaching(self) -> bool:
        """M2: a Supervisor in coach mode (coachMode has no effect on other roles)."""
        return self.coach_mode and self.role == "Supervisor"

    @property
    def group(self) -> str:
        """Its group in the bridge: "coach" for a coaching Supervisor, else its role."""
        return "coach" if self.coaching else self.role.lower()

    # -- what the call tells its MPC (the call's Place) -----------------------------

    def talk_start(self) -> None:
        self.mpc.talk(self, start=True)

    def talk_stop(self) -> None:
        self.mpc.talk(self, start=False)

    def digits(self, digits: str) -> None:
        self.mpc.digits(self, digits)

    def hung_up(self) -> None:
        self.mpc.leave(self, "hangup")
