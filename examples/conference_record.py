"""Seed, "Record Conference": the seed's own Python, with only the import changed."""

from plivoxml_plus import plivoxml

response = plivoxml.ResponseElement()
response.add(plivoxml.ConferenceElement(
    'recorded-meeting',
    record=True,
    record_file_format='mp3',
    callback_url='https://example.com/recording-ready/'
))
print(response.to_string())
