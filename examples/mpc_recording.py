"""Seed, "MPC Recording": records the MPC and posts the recording events to a URL."""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(
    MultiPartyCall(
        "recorded-call",
        "Agent",
        record=True,
        record_file_format="mp3",
        recording_callback_url="https://example.com/recording-ready/",
    )
)
print(response.to_string(pretty=True))
