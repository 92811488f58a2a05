"""Seed, Conference "Entry/Exit Sounds": custom entry audio from a URL.

The URL must return a <Response> of Play, Speak or Wait elements.
"""

from plivoxml_plus import Conference, Response

response = Response().add(Conference("my-conference-room", enter_sound="https://example.com/join-sound.xml"))
print(response.to_string(pretty=True))
