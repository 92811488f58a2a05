"""Scenario files: ``[[api]]`` entries (MultiPartyCall REST requests) and ``[mpc_options]``.

Loading errors are checked through ``load_scenario`` (FILE and LINE of the
ScenarioError) and once through the CLI. What a valid file schedules is checked
with recorders in place of the Simulation methods, so these tests do not depend
on the MPC runtime's behaviour.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus import ScenarioError, SimulationError
from plivoxml_plus.cli import main
from plivoxml_plus.core import Simulation, load_scenario
from plivoxml_plus.core._options import MpcOptions

AGENT = '"<Response><MultiPartyCall role=\\"Agent\\">support</MultiPartyCall></Response>"'
CUSTOMER = '"<Response><MultiPartyCall role=\\"Customer\\">support</MultiPartyCall></Response>"'

# lines 1-6; an [[api]] written after them starts at line 7
CALLS = f'[[call]]\nname = "cust"\nanswer = {CUSTOMER}\n[[call]]\nname = "agent"\nanswer = {AGENT}\n'

API_METHODS = ("update_participant", "kick", "recording", "end_mpc", "add_participant")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mpc.toml"
    path.write_text(text)
    return path


def refused(path: Path) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value


# -- loading errors, each at its FILE:LINE ----------------------------------------------------


ERRORS = [
    # unknown keys
    (
        'at = 5\ncall = "cust"\nhold = true\ncolour = "red"\n',
        11,
        "unknown key 'colour' in [[api]] #1 (allowed: at, call, mpc, hold, mute, coach_mode, kick, recording, "
        "add, end)",
    ),
    # at
    ('call = "cust"\nhold = true\n', 7, "[[api]] #1 needs at = SECONDS"),
    ('at = -1\ncall = "cust"\nhold = true\n', 8, "[[api]] #1: at must be a finite number of seconds >= 0"),
    ('at = "soon"\ncall = "cust"\nhold = true\n', 8, "[[api]] #1: at must be"),
    # call
    (
        'at = 5\ncall = "zed"\nhold = true\n',
        9,
        '[[api]] #1 names an unknown call \'zed\' (calls: cust, agent; or "all" with mpc = "NAME")',
    ),
    ('at = 5\ncall = "all"\nmute = true\n', 9, '[[api]] #1: call = "all" needs mpc = "NAME"'),
    ("at = 5\nhold = true\n", 7, '[[api]] #1: hold needs call = "NAME" (a call of the file, or "all" with mpc'),
    ("at = 5\nkick = true\n", 7, "[[api]] #1: kick needs call"),
    ('at = 5\ncall = ""\nhold = true\n', 9, "[[api]] #1: call must be a non-empty string"),
    # no action
    ('at = 5\ncall = "cust"\n', 7, "[[api]] #1 needs one of hold, mute, coach_mode, kick, recording, add, end"),
    ('at = 5\nmpc = "support"\n', 7, "needs one of hold, mute, coach_mode, kick, recording, add, end"),
    # mixing actions
    (
        'at = 5\ncall = "cust"\nhold = true\nkick = true\n',
        11,
        "[[api]] #1 mixes hold and kick: one action per [[api]] entry (only hold, mute and coach_mode go together)",
    ),
    ('at = 5\nmpc = "support"\nrecording = "start"\nend = true\n', 11, "[[api]] #1 mixes recording and end"),
    ('at = 5\nmpc = "support"\nend = true\nadd = { name = "x", role = "Agent" }\n', 11, "mixes end and add"),
    ('at = 5\ncall = "cust"\nkick = true\nmute = false\n', 11, "[[api]] #1 mixes kick and mute"),
    (
        'at = 5\nmpc = "support"\nadd = { name = "x", role = "Agent" }\nrecording = "stop"\n',
        11,
        "mixes add and recording",
    ),
    ('at = 5\ncall = "cust"\ncoach_mode = true\nmute = true\nend = true\n', 12, "mixes coach_mode and end"),
    # values
    ('at = 5\ncall = "cust"\nhold = "yes"\n', 10, "[[api]] #1: hold must be true or false, not 'yes'"),
    ('at = 5\ncall = "cust"\nhold = true\nmute = 1\n', 11, "[[api]] #1: mute must be true or false, not 1"),
    ('at = 5\ncall = "cust"\ncoach_mode = "false"\n', 10, "coach_mode must be true or false"),
    (
        'at = 5\ncall = "cust"\nkick = false\n',
        10,
        "[[api]] #1: kick must be true, not False (for no kick, leave kick out)",
    ),
    ('at = 5\ncall = "cust"\nkick = "yes"\n', 10, "[[api]] #1: kick must be true, not 'yes'"),
    (
        'at = 5\nmpc = "support"\nend = false\n',
        10,
        "[[api]] #1: end must be true, not False (for no end, leave end out)",
    ),
    (
        'at = 5\nmpc = "support"\nrecording = "halt"\n',
        10,
        "[[api]] #1: recording must be one of start, stop, pause, resume, not 'halt'",
    ),
    ('at = 5\nmpc = "support"\nrecording = true\n', 10, "recording must be one of start, stop, pause, resume"),
    # mpc
    ('at = 5\nrecording = "start"\n', 7, '[[api]] #1: recording needs mpc = "NAME" (the MultiPartyCall\'s name)'),
    ("at = 5\nend = true\n", 7, "[[api]] #1: end needs mpc"),
    ('at = 5\nadd = { name = "x", role = "Agent" }\n', 7, "[[api]] #1: add needs mpc"),
    (
        'at = 5\nmpc = "support"\ncall = "cust"\nend = true\n',
        10,
        '[[api]] #1: end acts on a MultiPartyCall: name it with mpc = "NAME", not call',
    ),
    ("at = 5\nmpc = 7\nend = true\n", 9, "[[api]] #1: mpc must be a non-empty string, not 7"),
    # add
    (
        'at = 5\nmpc = "support"\nadd = "agent2"\n',
        10,
        '[[api]] #1: add must be a table: add = { name = "CALL", role = "ROLE" }',
    ),
    (
        'at = 5\nmpc = "support"\nadd = { name = "agent2" }\n',
        10,
        '[[api]] #1: add needs name = "CALL" and role = "ROLE" (Agent, Supervisor, Customer or ai-agent)',
    ),
    ('at = 5\nmpc = "support"\nadd = { role = "Agent" }\n', 10, '[[api]] #1: add needs name = "CALL" and role'),
    (
        'at = 5\nmpc = "support"\nadd = { name = "agent", role = "Agent" }\n',
        10,
        "[[api]] #1: add name: there is already a call named 'agent' (line 5); names are unique",
    ),
    (
        'at = 5\nmpc = "support"\nadd = { name = "a2", role = "Boss" }\n',
        10,
        "[[api]] #1: add role = 'Boss' is not allowed",
    ),
    ('at = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent", ring = -3 }\n', 10, "[[api]] #1: add ring must be"),
    ('at = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent", from = 5 }\n', 10, "[[api]] #1: add from"),
    (
        'at = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent", colour = "red" }\n',
        10,
        "unknown key 'colour' in [[api]] #1: add (allowed: name, role, ring, from, to and the MultiPartyCall "
        "attributes by Python name: max_duration, ",
    ),
    (
        'at = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent", endMpcOnExit = true }\n',
        10,
        "unknown key 'endMpcOnExit' in [[api]] #1: add: write end_mpc_on_exit",
    ),
    (
        'at = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent", max_duration = 5 }\n',
        10,
        "[[api]] #1: add max_duration = 5 is not allowed",
    ),
]


@pytest.mark.parametrize(("entry", "line", "message"), ERRORS, ids=[m for _, _, m in ERRORS])
def test_an_api_error_is_reported_at_its_file_and_line(tmp_path: Path, entry: str, line: int, message: str):
    path = write(tmp_path, CALLS + "[[api]]\n" + entry)
    error = refused(path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in str(error)
    assert str(error).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # the second entry is #2, at its own lines
        (
            CALLS + '[[api]]\nat = 5\ncall = "cust"\nhold = true\n[[api]]\nat = 6\ncall = "nobody"\nmute = true\n',
            13,
            "[[api]] #2 names an unknown call 'nobody'",
        ),
        (CALLS + '[[api]]\nat = 5\ncall = "cust"\nhold = true\n[[api]]\nat = 6\n', 11, "[[api]] #2 needs one of"),
        # an added call is a name: not twice, and only later entries know it
        (
            CALLS + '[[api]]\nat = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent" }\n'
            '[[api]]\nat = 6\nmpc = "support"\nadd = { name = "a2", role = "Agent" }\n',
            14,
            "[[api]] #2: add name: there is already a call named 'a2' (line 10)",
        ),
        (
            CALLS + '[[api]]\nat = 5\ncall = "a2"\nhold = true\n'
            '[[api]]\nat = 6\nmpc = "support"\nadd = { name = "a2", role = "Agent" }\n',
            9,
            "[[api]] #1 names an unknown call 'a2' (calls: cust, agent;",
        ),
        (
            CALLS + '[[api]]\nat = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent" }\n'
            '[[digits]]\ncall = "a2"\nat = 9\npress = "1"\n',
            12,
            "[[digits]] names 'a2', a call placed by [[api]] add (line 10): only a [[call]] of the file takes digits",
        ),
        (
            CALLS + '[[api]]\nat = 5\nmpc = "support"\nadd = { name = "a2", role = "Agent" }\n'
            '[[talk]]\ncall = "a2"\nfrom = 9\nto = 10\n',
            12,
            "only a [[call]] of the file takes talk",
        ),
        # add written as an [api.add] table: its keys have their own lines
        (
            CALLS + '[[api]]\nat = 5\nmpc = "support"\n[api.add]\nname = "a2"\nrole = "Agent"\nwait_time = -1\n',
            13,
            "[[api]] #1: add wait_time = -1 is not allowed",
        ),
        (
            CALLS + '[[api]]\nat = 5\nmpc = "support"\n[api.add]\nname = "cust"\nrole = "Agent"\n',
            11,
            "there is already a call named 'cust' (line 2)",
        ),
        (CALLS + '[[api]]\nat = 5\nmpc = "support"\n[api.add]\nname = "a2"\n', 10, "add needs name"),
        # api written as an inline array (top level, so before the first table)
        ('api = [{ at = 5, call = "zed", hold = true }]\n' + CALLS, 1, "[[api]] #1 names an unknown call 'zed'"),
        (
            'api = [\n  { at = 5, call = "cust", hold = true },\n  { at = 6, call = "cust" },\n]\n' + CALLS,
            3,
            "[[api]] #2 needs one of",
        ),
        # not an array of tables
        (CALLS + "[api]\nat = 5\n", 1, "api must be an array of tables"),
        # [mpc_options]
        (CALLS + "[mpc_options]\nbilled_rate = '0.1'\nnope = true\n", 9, "unknown key 'nope' in [mpc_options]"),
        (CALLS + "[mpc_options]\nstay_alone_applies_after_two = true\nbilled_rate = 'cheap'\n", 9, "billed_rate"),
        (CALLS + "[mpc_options]\nmax_duration_from = 'end'\n", 8, "max_duration_from"),
        ("mpc_options = 5\n" + CALLS, 1, "mpc_options must be a table: [mpc_options]"),
    ],
    ids=lambda value: value if isinstance(value, int) else None,
)
def test_more_api_and_mpc_options_errors_at_their_lines(tmp_path: Path, text: str, line: int, message: str):
    path = write(tmp_path, text)
    error = refused(path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in str(error)


def test_the_cli_exits_2_with_file_line_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = write(tmp_path, CALLS + '[[api]]\nat = 5\ncall = "cust"\nkick = false\n')
    assert main(["simulate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{path}:10: [[api]] #1: kick must be true, not False"), captured.err
    assert "Traceback" not in captured.err


# -- what a valid file schedules -----------------------------------------------------------


Recorded = list[tuple[str, tuple[Any, ...], dict[str, Any]]]


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Recorded:
    """Recorders in place of the Simulation API methods: (method, args, keywords) in call order."""
    calls: Recorded = []

    def recorder(method: str) -> Callable[..., None]:
        def fake(self: Simulation, *args: Any, **keywords: Any) -> None:
            calls.append((method, args, keywords))

        return fake

    for method in API_METHODS:
        monkeypatch.setattr(Simulation, method, recorder(method), raising=False)
    return calls


@pytest.fixture
def given_mpc_options(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What Simulation() was given as mpc_options ("not given" if it was not)."""
    original = Simulation.__init__
    seen: list[object] = []

    def init(self: Simulation, *args: Any, **keywords: Any) -> None:
        seen.append(keywords.get("mpc_options", "not given"))
        original(self, *args, **keywords)

    monkeypatch.setattr(Simulation, "__init__", init)
    return seen


def test_every_kind_of_entry_is_scheduled_in_file_order(tmp_path: Path, recorded: Recorded):
    path = write(
        tmp_path,
        CALLS
        + """
[[api]]
at = 40
call = "cust"
hold = true
[[api]]
at = 41
call = "all"
mpc = "support"
mute = false
[[api]]
at = 45
call = "agent"
mpc = "support"
kick = true
[[api]]
at = 50
mpc = "support"
recording = "pause"
[[api]]
at = 20
mpc = "support"
[api.add]
name = "agent2"
role = "Agent"
ring = 3
from = "14155550100"
to = "14155550199"
end_mpc_on_exit = true
max_duration = 600
[[api]]
at = 30
call = "agent2"
coach_mode = false
hold = true
[[api]]
at = 55.5
call = "agent2"
kick = true
[[api]]
at = 60
mpc = "support"
end = true
""",
    )
    scenario = load_scenario(path)
    assert recorded == [
        ("update_participant", ("cust",), {"at": 40, "hold": True}),
        ("update_participant", ("all",), {"at": 41, "mute": False, "mpc": "support"}),
        ("kick", ("agent",), {"at": 45, "mpc": "support"}),
        ("recording", ("support", "pause"), {"at": 50}),
        (
            "add_participant",
            ("support", "agent2"),
            {
                "at": 20,
                "role": "Agent",
                "ring": 3,
                "from_": "14155550100",
                "to": "14155550199",
                "end_mpc_on_exit": True,
                "max_duration": 600,
            },
        ),
        ("update_participant", ("agent2",), {"at": 30, "coach_mode": False, "hold": True}),
        ("kick", ("agent2",), {"at": 55.5}),
        ("end_mpc", ("support",), {"at": 60}),
    ]
    assert scenario.mpc_options is None
    recorded.clear()
    scenario.simulation()  # each simulation() schedules them again
    assert [method for method, _, _ in recorded] == [
        "update_participant",
        "update_participant",
        "kick",
        "recording",
        "add_participant",
        "update_participant",
        "kick",
        "end_mpc",
    ]


def test_add_passes_ring_from_and_to_only_when_given(tmp_path: Path, recorded: Recorded):
    path = write(
        tmp_path,
        CALLS
        + """[[api]]
at = 1
mpc = "support"
add = { name = "sup", role = "supervisor" }
[[api]]
at = 2
mpc = "support"
[api.add]
name = "ai"
role = "ai-agent"
ai_agent_stream_service_url = "wss://example.com/stream"
[[api]]
at = 3
call = "sup"
coach_mode = true
[[api]]
at = 4
mpc = "support"
recording = "start"
""",
    )
    load_scenario(path)
    assert recorded == [
        ("add_participant", ("support", "sup"), {"at": 1, "role": "supervisor"}),
        (
            "add_participant",
            ("support", "ai"),
            {"at": 2, "role": "ai-agent", "ai_agent_stream_service_url": "wss://example.com/stream"},
        ),
        ("update_participant", ("sup",), {"at": 3, "coach_mode": True}),
        ("recording", ("support", "start"), {"at": 4}),
    ]


def test_mpc_options_reach_the_simulation(tmp_path: Path, recorded: Recorded, given_mpc_options: list[object]):
    path = write(tmp_path, CALLS + "[mpc_options]\nbilled_rate = '0.05000'\nstay_alone_applies_after_two = false\n")
    scenario = load_scenario(path)
    expected = MpcOptions(billed_rate="0.05000", stay_alone_applies_after_two=False)
    assert scenario.mpc_options == expected
    assert given_mpc_options == [expected]
    given_mpc_options.clear()
    load_scenario(write(tmp_path, CALLS))  # no table: None, Simulation's own default
    assert given_mpc_options == [None]


def test_a_refused_api_request_is_reported_at_its_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(self: Simulation, *args: Any, **keywords: Any) -> None:
        raise SimulationError("cannot specify coach_mode when updating all participants")

    monkeypatch.setattr(Simulation, "update_participant", refuse, raising=False)
    path = write(tmp_path, CALLS + '[[api]]\nat = 5\ncall = "all"\nmpc = "support"\ncoach_mode = true\n')
    error = refused(path)
    assert (error.path, error.line) == (str(path), 7)
    assert "cannot specify coach_mode when updating all participants" in str(error)
