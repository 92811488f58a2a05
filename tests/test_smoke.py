import subprocess
import sys

import plivoxml_plus as p


def test_basic_conference_serializes():
    assert p.Response().add(p.Conference("room")).to_string() == "<Response><Conference>room</Conference></Response>"


def test_every_public_name_is_importable_and_listed():
    for name in p.__all__:
        assert getattr(p, name) is not None
        assert name in dir(p)
    # the lazy ones come from their layer (checked in a fresh interpreter, where they are not loaded yet)
    code = (
        "import plivoxml_plus as p, sys; "
        "assert 'validate' in dir(p); assert 'plivoxml_plus.schema' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
