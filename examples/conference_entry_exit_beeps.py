"""Seed, Conference "Entry/Exit Sounds": beeps when participants join or leave."""

from plivoxml_plus import Conference, Response

response = Response().add(Conference("my-conference-room", enter_sound="beep:1", exit_sound="beep:2"))
print(response.to_string(pretty=True))
