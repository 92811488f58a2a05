"""Seed, "Moderated Conference", participant XML: waits with hold music until the moderator joins."""

from plivoxml_plus import Conference, Response

response = Response().add(
    Conference(
        "moderated-meeting",
        start_conference_on_enter=False,
        wait_sound="https://example.com/hold-music.xml",
    )
)
print(response.to_string(pretty=True))
