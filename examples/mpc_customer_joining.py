"""Seed, "Supervisor Coach Mode", customer joining: never hears a coaching supervisor."""

from plivoxml_plus import Response

response = Response().add_multi_party_call("support-call-123", "Customer")
print(response.to_string(pretty=True))
