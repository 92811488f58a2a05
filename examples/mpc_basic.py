"""Seed, MultiPartyCall "Basic Usage": the seed's own Python, with only the import changed."""

from plivoxml_plus import plivoxml

response = plivoxml.ResponseElement()
response.add(plivoxml.MultiPartyCallElement(
    content='my-mpc-name',
    role='customer',
    max_duration=10000
))
print(response.to_string())
