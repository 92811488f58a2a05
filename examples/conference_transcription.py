"""Seed, "With Transcription": a recorded conference whose transcription is posted to a URL."""

from plivoxml_plus import Response

response = Response().add_conference(
    "transcribed-meeting",
    record=True,
    transcription_type="auto",
    transcription_url="https://example.com/transcription/",
)
print(response.to_string(pretty=True))
