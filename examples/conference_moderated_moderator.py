"""Seed, "Moderated Conference", moderator XML: starts the conference on joining and ends it on leaving."""

from plivoxml_plus import Conference, Response

moderator = Conference("moderated-meeting", start_conference_on_enter=True)
moderator.end_conference_on_exit = True  # a later change is checked like a keyword
response = Response().add(moderator)
print(response.to_string(pretty=True))
