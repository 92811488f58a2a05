"""A recording's URL, id and figures: a Conference's (record=true, rule C9) and a
``<Record>``'s (rule I3) are described alike.

RecordUrl and RecordingID are deterministic; the epoch-millisecond figures are
the simulation epoch plus virtual time.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["CallTape", "Recording", "api_figures", "transcription_charge"]


class Recording:
    __slots__ = ("file_format", "id", "started_ms", "url")

    def __init__(self, recording_id: str, url_prefix: str, file_format: str, started_ms: int) -> None:
        self.id = recording_id
        self.file_format = file_format
        self.url = f"{url_prefix}{recording_id}.{file_format}"
        self.started_ms = started_ms

    def figures(self, ended_ms: int, epoch_ms: int) -> dict[str, str]:
        """The record event's figures: RecordingDuration is whole seconds, rounded half up."""
        duration_ms = ended_ms - self.started_ms
        return {
            "RecordUrl": self.url,
            "RecordingID": self.id,
            "RecordingDuration": str((duration_ms + 500) // 1000),
            "RecordingDurationMs": str(duration_ms),
            "RecordingStartMs": str(epoch_ms + self.started_ms),
            "RecordingEndMs": str(epoch_ms + ended_ms),
        }


# the Record APIs' callbacks (a call's, a conference's) name the figures their own way
_API_NAMES = {
    "RecordUrl": "record_url",
    "RecordingID": "recording_id",
    "RecordingDuration": "recording_duration",
    "RecordingDurationMs": "recording_duration_ms",
    "RecordingStartMs": "recording_start_ms",
    "RecordingEndMs": "recording_end_ms",
}


def api_figures(figures: dict[str, str]) -> dict[str, str]:
    """``Recording.figures`` as a Record API's callback names them."""
    return {_API_NAMES[name]: value for name, value in figures.items()}


def transcription_charge(rate: str, duration_ms: int) -> str:
    """rate (per minute) x minutes begun, to 5 decimals."""
    minutes = max(1, -(-duration_ms // 60000))
    return str((Decimal(rate) * minutes).quantize(Decimal("0.00001"), rounding=ROUND_HALF_UP))


class CallTape:
    """A ``<Record>``'s recording of one call (rule I3), for the audio: from
    ``started_ms`` to ``ended_ms`` (None while it runs). ``session``: it records
    what the call hears too (recordSession), not only what the caller says."""

    __slots__ = ("call", "ended_ms", "file_format", "id", "session", "started_ms")

    def __init__(self, recording_id: str, call: str, started_ms: int, file_format: str, *, session: bool) -> None:
        self.id = recording_id
        self.call = call
        self.started_ms = started_ms
        self.ended_ms: int | None = None
        self.file_format = file_format
        self.session = session
