import plivoxml_plus as p


def test_basic_conference_serializes():
    assert p.Response().add(p.Conference("room")).to_string() == "<Response><Conference>room</Conference></Response>"
