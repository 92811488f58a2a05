"""An MPC recording (M7): started, paused, resumed, completed; its figures.

RecordingDuration counts the seconds actually recorded (pauses excluded),
rounded half up; the URLs are deterministic (the RecordingUUID and the options'
prefix)."""

from __future__ import annotations

from ...bridge import Tape

__all__ = ["Recording"]


class Recording:
    __slots__ = ("callback", "file_format", "paused_at", "paused_ms", "started_ms", "tape", "url", "uuid")

    def __init__(self, uuid: str, url_prefix: str, file_format: str, started_ms: int) -> None:
        self.uuid = uuid
        self.file_format = file_format
        self.url = f"{url_prefix}{uuid}.{file_format}"
        self.started_ms = started_ms
        self.paused_ms = 0  # time spent paused, so far
        self.paused_at: int | None = None
        self.tape: Tape | None = None  # what the mixer records (the MPC's own recording only)
        # where its events go instead of the MPC's recordingCallbackUrl (a participant
        # recording the API started with its own recording_callback_url, M7)
        self.callback: tuple[str, str] | None = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def pause(self, now: int) -> None:
        self.paused_at = now

    def resume(self, now: int) -> None:
        assert self.paused_at is not None
        self.paused_ms += now - self.paused_at
        self.paused_at = None

    def duration_s(self, now: int) -> int:
        paused = self.paused_ms + (now - self.paused_at if self.paused_at is not None else 0)
        return (now - self.started_ms - paused + 500) // 1000
