"""Seed, "Bridge Two Callers", first caller: waits with hold music for the second."""

from plivoxml_plus import Conference, Response

response = Response().add(Conference("private-bridge-123", wait_sound="https://example.com/hold.xml"))
print(response.to_string(pretty=True))
