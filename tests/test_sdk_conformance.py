"""SDK conformance: what Plivo's official SDKs write, and what plivoxml_plus says of it.

Real users send documents built by plivo-node, plivo-ruby, plivo-java, plivo-go,
plivo-dotnet, plivo-php and plivo-python, not only the documented form. Each
document those SDKs write for a <Conference> or a <MultiPartyCall> gets one of
three verdicts:

- "valid": the documented form (booleans true/false, defaults written out, URLs
  with RFC 3986 user info...): no problem at all.
- "warning": an SDK's own spelling of a documented attribute or value
  (relayDtmfInputs, StartRecordingAudio, recordWhenAlone="True", spaces after list
  commas, a statusCallbackEvents group repeated, a Conference beep): accepted, every
  problem a warning that names the documented form and the SDK that writes it, and
  parse() gives back the documented form.
- "error": a real mistake an SDK lets through (out of range, a typo, a value the
  platform does not document): refused.

The documents of the other SDKs are fixtures (tests/sdk_fixtures/, one manifest
with the source of each: repository, path and function). plivo-python's are built
here, live, with the installed plivo package.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from plivo import plivoxml as plivo_xml

import plivoxml_plus
from plivoxml_plus import ParseError
from tests.conftest import assert_same_xml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FIXTURES = Path(__file__).resolve().parent / "sdk_fixtures"
MANIFEST: dict[str, Any] = tomllib.loads((FIXTURES / "manifest.toml").read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = MANIFEST["fixture"]
SDKS: dict[str, Any] = MANIFEST["sdks"]
VERDICTS = ("valid", "warning", "error")


def _shown(result: Any) -> str:
    return "\n".join(f"  [{p.severity}] {p}" for p in result.problems) or "  (no problem)"


def assert_verdict(
    result: Any, expected: str, *, warnings: list[str] | None = None, sdk_name: str | None = None
) -> None:
    """``result`` (a ValidationResult) gives the verdict ``expected``, as the module docstring defines it."""
    problems = list(result.problems)
    # errors and warnings are the problems of each severity, in document order
    assert list(result.errors) == [p for p in problems if p.severity == "error"], _shown(result)
    assert list(result.warnings) == [p for p in problems if p.severity == "warning"], _shown(result)
    assert all(p.severity in ("error", "warning") for p in problems), _shown(result)
    if expected == "valid":
        assert result.ok and not problems, f"expected a valid document with no problem:\n{_shown(result)}"
    elif expected == "warning":
        assert result.ok, f"expected accepted with warnings:\n{_shown(result)}"
        assert problems, "expected warnings, got no problem at all"
        assert all(p.severity == "warning" for p in problems), _shown(result)
        names = warnings or []
        for problem in problems:
            # each warning names the documented form
            assert any(name in problem.message for name in names), (
                f"warning does not name the documented form (one of {names}): {problem.message}"
            )
            if sdk_name:
                assert sdk_name in problem.message, f"warning does not mention {sdk_name}: {problem.message}"
        for name in names:
            assert any(name in p.message for p in problems), f"no warning names {name!r}:\n{_shown(result)}"
    else:
        assert expected == "error", expected
        assert not result.ok, f"expected refused, but it was accepted:\n{_shown(result)}"
        assert any(p.severity == "error" for p in problems), _shown(result)


def assert_parse(source: Any, expected: str, documented: str | None) -> None:
    """parse() agrees with validate(): it reads what is accepted (in the documented form) and refuses the rest."""
    if expected == "error":
        with pytest.raises(ParseError):
            plivoxml_plus.parse(source)
        return
    parsed = plivoxml_plus.parse(source).to_string()
    if documented is not None:  # (attribute order aside: the classes write plivo-python's order)
        assert_same_xml(parsed, documented)


# -- the manifest ------------------------------------------------------------------------


def test_manifest_lists_every_fixture_once() -> None:
    listed = [entry["file"] for entry in ENTRIES]
    assert len(listed) == len(set(listed)), "a fixture is listed twice"
    on_disk = sorted(path.relative_to(FIXTURES).as_posix() for path in FIXTURES.rglob("*.xml"))
    assert sorted(listed) == on_disk


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_manifest_entry_is_complete(entry: dict[str, Any]) -> None:
    for key in ("file", "sdk", "source", "what", "expected"):
        assert isinstance(entry.get(key), str) and entry[key], f"{entry.get('file')}: no {key}"
    assert entry["expected"] in VERDICTS
    folder = entry["file"].split("/")[0]
    assert entry["sdk"] == f"plivo-{folder}"
    repo, path, function = entry["source"].split(":", 2)
    assert repo == f"plivo/{entry['sdk']}" and path and function, entry["source"]
    assert re.fullmatch(r"[0-9a-f]{40}", SDKS[repo]["commit"]), repo
    assert SDKS[repo]["how"]
    if entry["expected"] == "warning":
        assert entry["documented"].startswith("<Response>"), entry["file"]
        assert entry["warnings"] and all(isinstance(name, str) and name for name in entry["warnings"])
        assert entry["sdk_name"] == entry["sdk"]
    else:
        assert "documented" not in entry and "warnings" not in entry


# -- the documents of plivo-node, -ruby, -java, -go, -dotnet and -php ---------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_sdk_document(entry: dict[str, Any]) -> None:
    path = FIXTURES / entry["file"]
    result = plivoxml_plus.validate(path)
    assert_verdict(result, entry["expected"], warnings=entry.get("warnings"), sdk_name=entry.get("sdk_name"))
    assert_parse(path, entry["expected"], entry.get("documented"))


# -- plivo-python, live --------------------------------------------------------------------

# (id, element class, keywords, expected verdict, what the SDK must write for the case to
# test what it says, documented form or None, names the warnings must give, SDK to mention)
PYTHON_MPC_DEFAULTS_DOCUMENTED = (
    '<Response><MultiPartyCall role="agent" maxDuration="14400" maxParticipants="10" record="false"'
    ' recordFileFormat="mp3" recordMinMemberCount="1" waitMusicMethod="GET" agentHoldMusicMethod="GET"'
    ' customerHoldMusicMethod="GET" statusCallbackMethod="POST" statusCallbackEvents="mpc-state-changes"'
    ' recordingCallbackMethod="POST" stayAlone="false" recordParticipantTrack="false"'
    ' startRecordingAudioMethod="GET" stopRecordingAudioMethod="GET" transcript="false" mute="false"'
    ' hold="false" coachMode="true" startMpcOnEnter="true" endMpcOnExit="false" enterSound="beep:1"'
    ' enterSoundMethod="GET" exitSound="beep:2" exitSoundMethod="GET" onExitActionMethod="POST"'
    ' relayDTMFInputs="false">mpc</MultiPartyCall></Response>'
)

PYTHON_CASES: list[tuple[str, str, dict[str, Any], str, str, str | None, list[str], str | None]] = [
    # valid: the documented form
    ("conference_booleans_ints", "ConferenceElement",
     {"content": "room", "muted": True, "start_conference_on_enter": False, "max_members": 10, "time_limit": 0},
     "valid", 'muted="true" startConferenceOnEnter="false" maxMembers="10" timeLimit="0"', None, [], None),
    ("conference_url_userinfo", "ConferenceElement",
     {"content": "room", "wait_sound": "https://user:pw@example.com/hold.xml",
      "callback_url": "https://user:pw@example.com/events"},
     "valid", 'waitSound="https://user:pw@example.com/hold.xml"', None, [], None),
    ("mpc_defaults", "MultiPartyCallElement", {"content": "mpc", "role": "Agent"},
     "valid", 'role="agent" maxDuration="14400"', None, [], None),
    ("mpc_role_ai_agent", "MultiPartyCallElement", {"content": "mpc", "role": "ai-agent"},
     "valid", 'role="ai-agent"', None, [], None),
    ("mpc_url_userinfo_events_list", "MultiPartyCallElement",
     {"content": "mpc", "role": "customer", "wait_music_url": "https://user:pw@example.com/hold.xml",
      "status_callback_events": "mpc-state-changes,participant-speak-events"},
     "valid", 'waitMusicUrl="https://user:pw@example.com/hold.xml"', None, [], None),
    # warning: plivo-python's own spellings
    ("conference_record_when_alone_true", "ConferenceElement", {"content": "room", "record_when_alone": True},
     "warning", 'recordWhenAlone="True"',
     '<Response><Conference recordWhenAlone="true">room</Conference></Response>', ['"true"'], "plivo-python"),
    ("conference_record_when_alone_false", "ConferenceElement", {"content": "room", "record_when_alone": False},
     "warning", 'recordWhenAlone="False"',
     '<Response><Conference recordWhenAlone="false">room</Conference></Response>', ['"false"'], "plivo-python"),
    ("conference_digits_match_spaces", "ConferenceElement", {"content": "room", "digits_match": "#0, 99"},
     "warning", 'digitsMatch="#0, 99"',
     '<Response><Conference digitsMatch="#0,99">room</Conference></Response>', ['"#0,99"'], None),
    ("mpc_repeated_events", "MultiPartyCallElement",
     {"content": "mpc", "role": "Agent", "status_callback_events": "mpc-state-changes,mpc-state-changes"},
     "warning", 'statusCallbackEvents="mpc-state-changes,mpc-state-changes"',
     PYTHON_MPC_DEFAULTS_DOCUMENTED, ['"mpc-state-changes"'], "plivo-python"),
    # error: real mistakes plivo-python lets through
    ("conference_max_members_50", "ConferenceElement", {"content": "room", "max_members": 50},
     "error", 'maxMembers="50"', None, [], None),
    ("conference_relative_wait_sound", "ConferenceElement", {"content": "room", "wait_sound": "hold-music.mp3"},
     "error", 'waitSound="hold-music.mp3"', None, [], None),
    ("conference_enter_sound_none", "ConferenceElement", {"content": "room", "enter_sound": "none"},
     "error", 'enterSound="none"', None, [], None),
    ("conference_digits_match_list_repr", "ConferenceElement", {"content": "room", "digits_match": ["1", "2"]},
     "error", "digitsMatch=\"['1', '2']\"", None, [], None),
    ("conference_method_lowercase", "ConferenceElement", {"content": "room", "method": "get"},
     "error", 'method="get"', None, [], None),
    ("mpc_wait_music_url_None", "MultiPartyCallElement",
     {"content": "mpc", "role": "Agent", "wait_music_url": "None"},
     "error", 'waitMusicUrl="None"', None, [], None),
]


@pytest.mark.parametrize(
    ("element", "keywords", "expected", "writes", "documented", "warnings", "sdk_name"),
    [case[1:] for case in PYTHON_CASES],
    ids=[case[0] for case in PYTHON_CASES],
)
def test_plivo_python_document(
    element: str,
    keywords: dict[str, Any],
    expected: str,
    writes: str,
    documented: str | None,
    warnings: list[str],
    sdk_name: str | None,
) -> None:
    document = plivo_xml.ResponseElement().add(getattr(plivo_xml, element)(**keywords)).to_string(False)
    assert isinstance(document, str)
    assert writes in document, f"plivo-python no longer writes {writes!r}: {document}"
    result = plivoxml_plus.validate(document)
    assert_verdict(result, expected, warnings=warnings, sdk_name=sdk_name)
    assert_parse(document, expected, documented)
