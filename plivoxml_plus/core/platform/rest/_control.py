"""What the REST API may ask of the simulation: the narrow control interface
(``Control``) the simulation gives it, in plain values. Every change goes
through the same entry points as the Python API, at the clock's current time;
unknown or ended resources raise ``RestError`` (404)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol

from .._gate import Gate

__all__ = ["CallSound", "Control"]


class CallSound(NamedTuple):
    """A sound the Call API plays into a call: ``kind`` play (``sounds``: URLs) or
    speak (one text, in ``voice`` and ``language``), for at most ``length`` seconds
    (``loop``: over and over), ``mix``: heard with the call's own audio."""

    kind: str
    sounds: list[str]
    length: int
    loop: bool
    mix: bool
    voice: str | None = None
    language: str | None = None


class Control(Protocol):
    @property
    def gate(self) -> Gate: ...

    @property
    def wait_seconds(self) -> float:
        """How long a REST call waits for the running simulation to let it in."""
        ...

    def note(self, text: str) -> None:
        """Add ``text`` to the simulation's notes (a refused REST call says why)."""

    # -- calls --------------------------------------------------------------------

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
        """Place an outbound call to ``to``; its (request UUID, CallUUID). ``app_urls``:
        its ``fallback``, ``hangup`` and ``ring`` URLs, each (url, method) (P1)."""
        ...

    def call_details(self, uuid: str, *, live: bool) -> dict[str, Any]:
        """The call's details (``live``: only while it is up)."""
        ...

    def calls(self, *, live: bool) -> list[str]:
        """The CallUUIDs of the calls (``live``: only those up now), in order."""
        ...

    def hangup_call(self, uuid: str) -> None: ...

    def transfer_call(self, uuid: str, targets: Mapping[str, tuple[str, str]]) -> None:
        """Transfer the live call ``uuid`` (``targets["aleg"]``: its (url, method))
        and/or the B leg its Dial connects it to (``targets["bleg"]``)."""

    def send_digits(self, uuid: str, digits: str) -> None:
        """Send ``digits`` (checked as ``<DTMF>``'s) on the live call ``uuid`` (rule I4)."""

    def record_call(
        self, uuid: str, time_limit: int, file_format: str, callback: tuple[str, str] | None
    ) -> tuple[str, str, str]:
        """Record the live call ``uuid`` (what it hears and says) for at most
        ``time_limit`` seconds; the RecordingID, its URL and the request's api_id
        (the recording's ``callback`` (url, method) carries it) (rule I3)."""
        ...

    def record_call_stop(self, uuid: str, url: str | None) -> None:
        """Stop the recordings the API started on the call (``url``: only that one)."""

    def play_sound(self, uuid: str, sound: CallSound) -> None:
        """Play ``sound`` into the live call ``uuid``."""

    def stop_sound(self, uuid: str, kind: str) -> None:
        """Stop the call's ``kind`` (play or speak) sound."""

    # -- MultiPartyCalls ----------------------------------------------------------

    def mpc_name(self, mpc_id: str, *, live: bool = True) -> str:
        """The MPC that ``uuid_<MPCUUID>`` or ``name_<friendly name>`` names."""
        ...

    def mpc_details(self, name: str) -> dict[str, Any]: ...

    def mpcs(self) -> list[str]: ...

    def participants(self, name: str) -> list[dict[str, Any]]: ...

    def participant_call(self, name: str, member_id: str) -> str:
        """The name of the call that is participant ``member_id`` (or "all")."""
        ...

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
        """Add a participant: a new call to ``to`` or the live call ``call_uuid``;
        the request UUID and the calls (``to``, ``from``, ``call_uuid``)."""
        ...

    def update_participant(
        self, name: str, call: str, hold: bool | None, mute: bool | None, coach_mode: bool | None
    ) -> None: ...

    def kick(self, name: str, call: str) -> None: ...

    def recording(self, name: str, action: str) -> None: ...

    def participant_recording(
        self,
        name: str,
        member_id: str,
        action: str,
        recording: tuple[str, tuple[str, str] | None] | None = None,
    ) -> tuple[str, str] | None:
        """Start, stop, pause or resume the recording of participant ``member_id``
        (rule M7); to start, ``recording`` is its file format and the (url, method)
        its events go to, and the RecordingUUID and its URL are returned."""
        ...

    def participant_play(self, name: str, member_ids: str, sound: CallSound | None) -> list[str]:
        """Play ``sound`` to each participant ``member_ids`` names (an id, ids
        separated by commas, or "all"), heard by that participant only; None: stop
        the one playing. Their member ids."""
        ...

    # -- Conferences (rule C11) ---------------------------------------------------

    def conferences(self) -> list[str]:
        """The names of the conferences in progress, in opening order."""
        ...

    def conference_details(self, name: str) -> dict[str, Any]:
        """The conference ``name`` and its members, as Plivo's Conference object."""
        ...

    def conference_hangup(self, name: str) -> None: ...

    def conference_member_action(self, name: str, member_ids: str, action: str) -> list[str]:
        """Apply ``action`` (mute, unmute, deaf, undeaf, kick, hangup) to the members
        ``member_ids`` names (MemberIDs separated by commas, or "all"); their ids."""
        ...

    def conference_member_sound(self, name: str, member_ids: str, kind: str, sound: CallSound | None) -> list[str]:
        """Play ``sound`` to each member ``member_ids`` names (heard by that member),
        or, with None, stop the ``kind`` sound each hears; their ids."""
        ...

    def conference_record(self, name: str, file_format: str, callback: tuple[str, str] | None) -> tuple[str, str]:
        """Start recording the conference; the RecordingID and its URL."""
        ...

    def conference_record_stop(self, name: str) -> None: ...
