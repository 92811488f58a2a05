"""What mypy sees of the element classes: the typed constructor, and no way to
assign an unknown name or a value of the wrong type (the validating __setattr__
exists at run time only, so it does not make mypy accept every assignment)."""

from __future__ import annotations

from pathlib import Path

from mypy import api

SNIPPET = """
from plivoxml_plus import Conference, MultiPartyCall

conference = Conference("room", max_members=5, muted=True)
conference.max_members = 10
conference.mutted = True
conference.muted = "yes"
Conference("room", max_member=5)
MultiPartyCall("mpc", "Agent", coach_mode="true")
"""


def test_mypy_catches_typos_and_wrong_types_in_user_code(tmp_path: Path):
    source = tmp_path / "user_code.py"
    source.write_text(SNIPPET)
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)])
    errors = [line for line in out.splitlines() if ": error:" in line]
    lines = {int(line.split(":")[1]) for line in errors}
    assert status == 1
    # the valid lines (4, 5) pass; each wrong one (6 to 9) is flagged
    assert lines == {6, 7, 8, 9}, out
    assert 'has no attribute "mutted"; maybe "muted"?' in out


def _mypy(tmp_path: Path, code: str, *, plugin: bool) -> tuple[str, set[int]]:
    source = tmp_path / "user_code.py"
    source.write_text(code)
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\n" + ("plugins = plivoxml_plus.mypy\n" if plugin else ""))
    out, _, _ = api.run(
        ["--config-file", str(config), "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    return out, {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}


CHAINS = """
from plivoxml_plus import Conference, MultiPartyCall
from plivoxml_plus import plivoxml

conference: Conference = Conference("room").set_muted(True).set_max_members(5)
mpc: MultiPartyCall = plivoxml.MultiPartyCallElement("m", "Agent").set_coach_mode(False).set_hold(True)
Conference("room").set_muted("yes")
Conference("room").set_mutted(True)
"""


def test_the_mypy_plugin_types_the_chained_setters(tmp_path: Path):
    out, lines = _mypy(tmp_path, CHAINS, plugin=True)
    assert lines == {7, 8}, out  # the chains type-check; a wrong type and a typo do not
    assert 'maybe "set_muted"?' in out
    # without the plugin, mypy cannot see any setter: the plugin is what makes the difference
    _, without = _mypy(tmp_path, CHAINS, plugin=False)
    assert {5, 6} <= without


def test_the_mypy_plugin_declares_exactly_the_setters_the_classes_make(tmp_path: Path):
    import plivoxml_plus as p
    from plivoxml_plus.elements import ELEMENT_CLASSES, Cont
    from plivoxml_plus.elements._base import setter_name

    classes: list[type[p.Element]] = [*ELEMENT_CLASSES.values(), Cont]
    lines = ["import plivoxml_plus as p", "from plivoxml_plus import elements as e"]
    expected_errors = set()
    for cls in classes:
        made = sorted(name for name in dir(cls) if name.startswith("set_"))
        assert made == sorted(setter_name(name) for name in cls.specs)
        lines += [f"e.{cls.__name__}.{name}" for name in made]
        lines.append(f"e.{cls.__name__}.set_children")  # no such setter: mypy must say so
        expected_errors.add(len(lines))
    out, errors = _mypy(tmp_path, "\n".join(lines) + "\n", plugin=True)
    assert errors == expected_errors, out


HELPERS = """
from plivoxml_plus import Response
from plivoxml_plus import plivoxml

response: Response = Response().add_conference("room", muted=True).add_speak("hi", loop=2).add_hangup()
plivoxml.ResponseElement().add_multi_party_call("mpc", "Agent", coach_mode=False).add_wait(length=3)
Response().add_conference("room", mutd=True)
Response().add_conference("room", max_members="5")
Response().add_multi_party_call("mpc", "Agent", coach_mode="false")
Response().add_hangup(reason="later")
Response().add_redirect("https://example.com/next", methd="GET")
"""


def test_the_add_helpers_take_exactly_what_their_classes_take(tmp_path: Path):
    # (issue 12, item 3) a helper's signature is its class's: a typo or a wrong type is caught
    out, lines = _mypy(tmp_path, HELPERS, plugin=False)
    assert lines == {7, 8, 9, 10, 11}, out
    assert 'Unexpected keyword argument "mutd"; did you mean "muted"?' in out
