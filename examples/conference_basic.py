"""Seed, Conference "Basic Usage": the seed's own Python, with only the import changed.

``from plivoxml_plus import plivoxml`` replaces ``from plivo import plivoxml``.
(``to_string()`` is compact here; plivo-python's default was pretty: see docs/migration.md.)
"""

from plivoxml_plus import plivoxml

response = plivoxml.ResponseElement()
response.add(plivoxml.ConferenceElement('my-conference-room'))
print(response.to_string())
