"""``<MultiPartyCall>``: puts the caller into a multi-party call (MPC) with a role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ._base import Element, attribute, content, required, xml_element
from ._checks import Integer
from ._values import BOOL, EVENT_GROUP_LIST, FILE_FORMAT, METHOD, MPC_SOUND, NAME, ROLE, URL

__all__ = ["MultiPartyCall"]

Method = Literal["GET", "POST"]


@xml_element("MultiPartyCall")
@attrs.define(slots=False, repr=False)
class MultiPartyCall(Element):
    """A participant's place in an MPC; the text content is the MPC name.

    The MPC-level attributes of the first participant configure the MPC; the
    participant-level ones apply to this participant. ``role`` is required and
    case-insensitive (stored as written; ``ROLE.canonical(role)`` normalizes).
    """

    content: str = content(NAME)
    role: str = required(ROLE)
    # MPC-level
    max_duration: int | None = attribute(Integer(300, 28800), default=14400)
    max_participants: int | None = attribute(Integer(2, 10), default=10)
    record: bool | None = attribute(BOOL, default=False)
    record_file_format: Literal["mp3", "wav"] | None = attribute(FILE_FORMAT, default="mp3")
    record_min_member_count: int | None = attribute(Integer(1, 2), default=1)
    wait_music_url: str | None = attribute(URL)
    wait_music_method: Method | None = attribute(METHOD, default="GET")
    agent_hold_music_url: str | None = attribute(URL)
    agent_hold_music_method: Method | None = attribute(METHOD, default="GET")
    customer_hold_music_url: str | None = attribute(URL)
    customer_hold_music_method: Method | None = attribute(METHOD, default="GET")
    status_callback_url: str | None = attribute(URL)
    status_callback_method: Method | None = attribute(METHOD, default="POST")
    status_callback_events: Sequence[str] | None = attribute(
        EVENT_GROUP_LIST, default=("mpc-state-changes", "participant-state-changes")
    )
    recording_callback_url: str | None = attribute(URL)
    recording_callback_method: Method | None = attribute(METHOD, default="POST")
    wait_time: int | None = attribute(Integer(0, 1800))
    record_participant_track: bool | None = attribute(BOOL, default=False)
    start_recording_audio: str | None = attribute(URL)
    start_recording_audio_method: Method | None = attribute(METHOD, default="GET")
    stop_recording_audio: str | None = attribute(URL)
    stop_recording_audio_method: Method | None = attribute(METHOD, default="GET")
    transcript: bool | None = attribute(BOOL, default=False)
    transcription_url: str | None = attribute(URL)
    # participant-level
    mute: bool | None = attribute(BOOL, default=False)
    hold: bool | None = attribute(BOOL, default=False)
    coach_mode: bool | None = attribute(BOOL, default=True)
    stay_alone: bool | None = attribute(BOOL, default=False)
    start_mpc_on_enter: bool | None = attribute(BOOL, default=True)
    end_mpc_on_exit: bool | None = attribute(BOOL, default=False)
    enter_sound: str | None = attribute(MPC_SOUND, default="beep:1")
    enter_sound_method: Method | None = attribute(METHOD, default="GET")
    exit_sound: str | None = attribute(MPC_SOUND, default="beep:2")
    exit_sound_method: Method | None = attribute(METHOD, default="GET")
    on_exit_action_url: str | None = attribute(URL)
    on_exit_action_method: Method | None = attribute(METHOD, default="POST")
    relay_dtmf_inputs: bool | None = attribute(BOOL, default=False, xml="relayDTMFInputs")

    @property
    def canonical_role(self) -> str:
        """``Agent``, ``Supervisor``, ``Customer`` or ``ai-agent``, whatever case was written."""
        return ROLE.canonical(self.role)
