"""Seed, "Supervisor Coach Mode", supervisor joining: hears everyone, heard by agents only."""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(MultiPartyCall("support-call-123", "Supervisor", coach_mode=True))
print(response.to_string(pretty=True))
