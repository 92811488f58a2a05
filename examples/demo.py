"""Placeholder demo; replaced below."""

from plivoxml_plus import Conference, Response

print(Response().add(Conference("my-conference-room")).to_string(pretty=True))
