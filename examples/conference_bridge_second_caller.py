"""Seed, "Bridge Two Callers", second caller: joins the same room, which connects the two."""

from plivoxml_plus import Conference, Response

response = Response().add(Conference("private-bridge-123"))
print(response.to_string(pretty=True))
