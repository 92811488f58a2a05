"""Attribute names that Plivo's own SDKs write otherwise than its docs, and the
platform accepts: each is read as the documented attribute, with a warning.

(Value spellings, such as ``True`` for ``true``, belong to the kind of value:
see ``Check.variant``.) A name here that is not in this table is a mistake, and
stays an error: ``relayDtmfInput`` gets "did you mean relayDTMFInputs?".
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["SPELLINGS", "Spelling"]


class Spelling(NamedTuple):
    element: str
    written: str  # the name as the SDK writes it
    documented: str | None  # the documented attribute it stands for; None: none (left out when parsed)
    who: str  # which SDKs write it


SPELLINGS: dict[tuple[str, str], Spelling] = {
    (s.element, s.written): s
    for s in (
        Spelling("MultiPartyCall", "relayDtmfInputs", "relayDTMFInputs", "plivo-java and plivo-go"),
        # plivo-go capitalises all four recording-audio names
        Spelling("MultiPartyCall", "StartRecordingAudio", "startRecordingAudio", "plivo-go"),
        Spelling("MultiPartyCall", "StartRecordingAudioMethod", "startRecordingAudioMethod", "plivo-go"),
        Spelling("MultiPartyCall", "StopRecordingAudio", "stopRecordingAudio", "plivo-go"),
        Spelling("MultiPartyCall", "StopRecordingAudioMethod", "stopRecordingAudioMethod", "plivo-go"),
        # plivo-node, plivo-ruby and plivo-php accept it on <Conference>; Plivo's
        # Conference reference has no such attribute, and what the platform does with it is unknown
        Spelling("Conference", "beep", None, "plivo-node, plivo-ruby and plivo-php"),
        # plivo-java writes legs="aleg" on every <Speak>: legs belongs to Plivo's Speak REST
        # API (aleg/bleg/both); Plivo's Speak XML reference has no such attribute
        Spelling("Speak", "legs", None, "plivo-java"),
        # plivo-dotnet capitalises the A of the documented sendOnPreanswer
        Spelling("Number", "sendOnPreAnswer", "sendOnPreanswer", "plivo-dotnet"),
        Spelling("User", "sendOnPreAnswer", "sendOnPreanswer", "plivo-dotnet"),
        # plivo-node accepts them on <Number>; Plivo documents them on <Dial> only
        Spelling("Number", "callerId", None, "plivo-node"),
        Spelling("Number", "callerName", None, "plivo-node"),
        # plivo-node's Wait takes the snake_case name of the documented minSilence
        Spelling("Wait", "min_silence", "minSilence", "plivo-node"),
        # plivo-go's Dial has it; Plivo documents machine detection for the Call API only
        Spelling("Dial", "machineDetection", None, "plivo-go"),
    )
}
