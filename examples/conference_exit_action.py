"""Seed, "Exit with Action URL": * leaves the conference; the action URL is then requested."""

from plivoxml_plus import Conference, Response

response = Response().add(
    Conference("my-conference", action="https://example.com/conference-ended/", hangup_on_star=True)
)
print(response.to_string(pretty=True))
