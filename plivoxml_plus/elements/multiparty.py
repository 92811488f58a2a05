"""``<MultiPartyCall>``: puts the caller into a multi-party call (MPC) with a role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ._base import Element, attribute, content, required, xml_element
from ._checks import Integer
from ._values import BOOL, EVENT_GROUP_LIST, FILE_FORMAT, METHOD, MPC_SOUND, NAME, ROLE, STREAM_URL, TEXT, URL

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
    role: str = required(ROLE, level="participant")
    max_duration: int | None = attribute(Integer(300, 28800), default=14400, level="mpc")
    max_participants: int | None = attribute(Integer(2, 10), default=10, level="mpc")
    record_min_member_count: int | None = attribute(Integer(1, 2), default=1, level="mpc")
    wait_music_url: str | None = attribute(URL, level="mpc")
    wait_music_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    wait_time: int | None = attribute(Integer(0, 1800), level="mpc")
    agent_hold_music_url: str | None = attribute(URL, level="mpc")
    agent_hold_music_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    customer_hold_music_url: str | None = attribute(URL, level="mpc")
    customer_hold_music_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    record: bool | None = attribute(BOOL, default=False, level="mpc")
    record_participant_track: bool | None = attribute(BOOL, default=False, level="mpc")
    record_file_format: Literal["mp3", "wav"] | None = attribute(FILE_FORMAT, default="mp3", level="mpc")
    recording_callback_url: str | None = attribute(URL, level="mpc")
    recording_callback_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    status_callback_events: Sequence[str] | None = attribute(
        EVENT_GROUP_LIST, default=("mpc-state-changes", "participant-state-changes"), level="mpc"
    )
    status_callback_url: str | None = attribute(URL, level="mpc")
    status_callback_method: Method | None = attribute(METHOD, default="POST", level="mpc")
    stay_alone: bool | None = attribute(BOOL, default=False, level="mpc")  # (an MPC property in Plivo's REST object)
    coach_mode: bool | None = attribute(BOOL, default=True, level="participant")
    mute: bool | None = attribute(BOOL, default=False, level="participant")
    hold: bool | None = attribute(BOOL, default=False, level="participant")
    start_mpc_on_enter: bool | None = attribute(BOOL, default=True, level="participant")
    end_mpc_on_exit: bool | None = attribute(BOOL, default=False, level="participant")
    enter_sound: str | None = attribute(MPC_SOUND, default="beep:1", level="participant")
    enter_sound_method: Method | None = attribute(METHOD, default="GET", level="participant")
    exit_sound: str | None = attribute(MPC_SOUND, default="beep:2", level="participant")
    exit_sound_method: Method | None = attribute(METHOD, default="GET", level="participant")
    on_exit_action_url: str | None = attribute(URL, level="participant")
    on_exit_action_method: Method | None = attribute(METHOD, default="POST", level="participant")
    relay_dtmf_inputs: bool | None = attribute(BOOL, default=False, xml="relayDTMFInputs", level="participant")
    start_recording_audio: str | None = attribute(URL, level="mpc")
    start_recording_audio_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    stop_recording_audio: str | None = attribute(URL, level="mpc")
    stop_recording_audio_method: Method | None = attribute(METHOD, default="GET", level="mpc")
    transcript: bool | None = attribute(BOOL, default=False, level="mpc")
    transcription_url: str | None = attribute(URL, level="mpc")
    wait_for_agent: bool | None = attribute(BOOL, default=False, level="mpc")
    record_coach_voice: bool | None = attribute(BOOL, level="mpc")
    ai_agent_stream_service_url: str | None = attribute(STREAM_URL, level="participant")
    ai_agent_stream_content_type: str | None = attribute(TEXT, default="audio/x-l16;rate=8000", level="participant")
    ai_agent_stream_status_callback_url: str | None = attribute(URL, level="participant")
    ai_agent_stream_status_callback_method: Method | None = attribute(METHOD, default="POST", level="participant")
    ai_agent_stream_sampling_rate: int | None = attribute(Integer(1), level="participant")
    ai_agent_stream_extra_headers: str | None = attribute(TEXT, level="participant")

    @property
    def canonical_role(self) -> str:
        """``Agent``, ``Supervisor``, ``Customer`` or ``ai-agent``, whatever case was written."""
        return ROLE.canonical(self.role)
