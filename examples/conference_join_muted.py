"""Seed, Conference "Join Muted": a participant who can listen but not speak."""

from plivoxml_plus import Conference, Response

response = Response().add(Conference("my-conference-room", muted=True))
print(response.to_string(pretty=True))
