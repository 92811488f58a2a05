"""Issue 7, the simulator's part: what hostile or extreme input does to the core.

* files a scenario names (and the scenario itself) are read safely: regular
  files only, within a size limit, decoded by their XML declaration or BOM;
* the clock never goes back;
* every number the public API takes is checked against what the model holds,
  and only the package's own errors come out (hypothesis);
* ``plivoxml-plus simulate`` never prints a traceback.

Tests that could hang or eat memory on a regression (a FIFO, ``/dev/zero``) run
in a child process with a time and memory limit, so a regression fails instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import (
    Conference,
    ParseError,
    Play,
    PlivoXMLPlusError,
    Redirect,
    Response,
    ScenarioError,
    SimulationError,
    Speak,
    ValidationError,
    Wait,
    validate,
)
from plivoxml_plus.cli import main
from plivoxml_plus.core import ConferenceOptions, DurationModel, Simulation, load_scenario
from plivoxml_plus.core._settings import MAX_MS, MAX_SECONDS
from plivoxml_plus.elements import ELEMENT_CLASSES, Cont, Element
from plivoxml_plus.schema import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
ROOM = "<Response><Conference>room</Conference></Response>"
HOLD = "https://example.com/hold.xml"
NEXT = "https://example.com/next.xml"
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


# 1.5 GiB of address space, where the system lets a process limit it (Linux does)
_MEMORY_LIMIT = """\
import contextlib, resource
with contextlib.suppress(ValueError, OSError):
    resource.setrlimit(resource.RLIMIT_AS, (3 << 29, 3 << 29))
"""


def bounded(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with a memory limit and 60 s: a reader
    that blocks fails on the timeout, one that reads without end fails on the
    memory limit (MemoryError), and neither takes the test run with it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", _MEMORY_LIMIT + code],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the reader blocked (no answer in 60 s)")


def simulate_bounded(scenario: Path) -> subprocess.CompletedProcess[str]:
    return bounded(f"import sys\nfrom plivoxml_plus.cli import main\nsys.exit(main(['simulate', {str(scenario)!r}]))\n")


def scenario_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- 6. files: regular files only, within a limit, decoded as validate decodes them ---------------


@needs_dev_zero
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[[call]]\nname = "a"\nanswer = "/dev/zero"\n', 3),
        (f'[[call]]\nname = "a"\nanswer = \'{ROOM}\'\n[urls]\n"{HOLD}" = "/dev/zero"\n', 5),
    ],
    ids=["answer", "urls"],
)
def test_a_device_named_by_a_scenario_is_refused_unread(tmp_path: Path, text: str, line: int):
    path = scenario_file(tmp_path, text)
    done = simulate_bounded(path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"{path}:{line}: "), done.stderr
    assert "/dev/zero" in done.stderr and "a device" in done.stderr
    assert "Traceback" not in done.stderr


@needs_fifo
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[[call]]\nname = "a"\nanswer = "pipe.xml"\n', 3),
        (f'[[call]]\nname = "a"\nanswer = \'{ROOM}\'\n[urls]\n"{HOLD}" = "pipe.xml"\n', 5),
    ],
    ids=["answer", "urls"],
)
def test_a_fifo_named_by_a_scenario_is_refused_without_blocking(tmp_path: Path, text: str, line: int):
    os.mkfifo(tmp_path / "pipe.xml")
    path = scenario_file(tmp_path, text)
    done = simulate_bounded(path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"{path}:{line}: "), done.stderr
    assert "named pipe" in done.stderr


@needs_fifo
def test_a_fifo_or_device_as_the_scenario_itself_is_refused(tmp_path: Path):
    fifo = tmp_path / "s.toml"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/zero")):
        if not target.exists():
            continue
        done = simulate_bounded(target)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"{target}: cannot read the scenario: "), done.stderr
        assert "only regular files are read" in done.stderr


@needs_fifo
def test_a_fifo_as_an_answer_path_given_to_the_api_is_a_parse_error(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.xml")
    done = bounded(
        "from pathlib import Path\n"
        "from plivoxml_plus import ParseError, Simulation\n"
        "try:\n"
        f"    Simulation().call('a', Path({str(tmp_path / 'pipe.xml')!r}))\n"
        "except ParseError as error:\n"
        "    print('ParseError:', error)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ParseError: cannot read ") and "named pipe" in done.stdout


def test_a_nul_byte_in_a_path_is_a_scenario_error(tmp_path: Path):
    path = scenario_file(tmp_path, '[[call]]\nname = "a"\nanswer = "a\\u0000b.xml"\n')
    with pytest.raises(ScenarioError, match="NUL") as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    with pytest.raises(ScenarioError, match=r"cannot read the scenario: .*NUL"):
        load_scenario(str(tmp_path / "s\x00.toml"))
    with pytest.raises(ScenarioError, match="a scenario is a path"):
        load_scenario(42)  # type: ignore[arg-type]


def test_files_over_the_size_limits_are_refused_with_the_limit(tmp_path: Path):
    big = tmp_path / "big.xml"
    with big.open("wb") as file:  # sparse: the size is refused before anything is read
        file.truncate(MAX_BYTES + 1)
    path = scenario_file(tmp_path, '[[call]]\nname = "a"\nanswer = "big.xml"\n')
    with pytest.raises(ScenarioError, match=f"over the size limit of {MAX_BYTES} bytes") as caught:
        load_scenario(path)
    assert caught.value.line == 3
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:
        file.truncate((8 << 20) + 1)
    with pytest.raises(ScenarioError, match=r"over the size limit of 8388608 bytes \(SCENARIO_MAX_BYTES, 8 MiB\)"):
        load_scenario(huge)


LATIN_1 = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Response><Conference>caf\u00e9</Conference></Response>\n'
UTF_16 = '<?xml version="1.0" encoding="UTF-16"?>\n<Response><Conference>caf\u00e9</Conference></Response>\n'
SOUND_LATIN_1 = '<?xml version="1.0" encoding="ISO-8859-1"?><Response><Speak>d\u00e9j\u00e0 vu</Speak></Response>'


@pytest.mark.parametrize("data", [LATIN_1.encode("latin-1"), UTF_16.encode("utf-16")], ids=["latin-1", "utf-16"])
def test_answer_and_url_files_are_decoded_as_validate_decodes_them(tmp_path: Path, data: bytes):
    (tmp_path / "a.xml").write_bytes(data)
    (tmp_path / "hold.xml").write_bytes(SOUND_LATIN_1.encode("latin-1"))
    assert validate(tmp_path / "a.xml").ok and validate(tmp_path / "hold.xml", kind="sound").ok
    path = scenario_file(
        tmp_path,
        '[[call]]\nname = "a"\nanswer = "a.xml"\nhangup = 5\n'
        '[[call]]\nname = "b"\nanswer = \'<Response><Conference waitSound="https://example.com/hold.xml">'
        "lobby</Conference></Response>'\nhangup = 5\n"
        f'[urls]\n"{HOLD}" = "hold.xml"\n[[probe]]\nat = 1\n',
    )
    sim = load_scenario(path).run()
    assert sim.probes[0].audibility.room("a") == "caf\u00e9"
    assert sim.probes[0].audibility.instead("b") == "waitSound:" + HOLD  # the Latin-1 sound document was read
    assert sim.notes == ()


# -- 7. the clock never goes back ----------------------------------------------------------------


def test_run_after_running_past_the_horizon_goes_on_from_there():
    sim = Simulation(options=ConferenceOptions(horizon=100))
    sim.call("a", ROOM, at=0, hangup=300)
    sim.run(until=200)  # past the horizon
    assert sim.now == 200
    sim.run()  # before the fix: the clock went back to t=100
    assert sim.now == 300 and sim.calls["a"].ended_at == 300
    with pytest.raises(SimulationError, match="in the past: the clock is at t=300"):
        sim.call("late", ROOM, at=150)


def test_the_horizon_counts_from_where_the_run_starts():
    sim = Simulation(options=ConferenceOptions(horizon=100))
    sim.call("a", ROOM, at=0)
    sim.call("b", ROOM, at=0, hangup=1000)  # an event due long after the horizon
    sim.run(until=150)
    sim.run()
    assert sim.now == 250  # 100 s from t=150, not back to t=100
    assert sim.notes[-1].text.startswith("stopped at the horizon, t=250")
    with pytest.raises(SimulationError, match="in the past"):
        sim.press("b", "1", at=200)


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["run", "until", "advance", "call"]), st.integers(0, 400)), min_size=1, max_size=8
)


@settings(max_examples=60)
@given(OPERATIONS)
def test_the_clock_and_the_record_never_go_back(operations: list[tuple[str, int]]):
    sim = Simulation(options=ConferenceOptions(horizon=50))
    cb = "https://example.com/cb"
    room = Response().add(Conference("room", callback_url=cb, time_limit=30)).add(Speak("bye"))
    sim.call("first", room, at=0, hangup=500)
    clock = sim.now
    for number, (kind, value) in enumerate(operations):
        try:
            if kind == "run":
                sim.run()
            elif kind == "until":
                sim.run(until=value)
            elif kind == "advance":
                sim.advance(value // 4)
            else:
                sim.call(f"c{number}", room, at=value, hangup=value + 40)
        except SimulationError as error:  # only a time in the past is refused
            assert "the clock is" in str(error)
            assert value < sim.now
        assert sim.now >= clock
        clock = sim.now
    times = [r.at for r in sim.requests]
    assert times == sorted(times)
    assert [e.at for e in sim.timeline] == sorted(e.at for e in sim.timeline)


def test_a_probe_at_the_clocks_time_waits_for_the_events_due_then():
    sim = Simulation()
    sim.call("a", ROOM, at=0, hangup=10)
    sim.call("b", ROOM, at=0, hangup=10)
    sim.probe(0)  # before the fix: taken at once, before anyone was answered
    sim.run()
    assert sim.probes[0].hears == {"a": {"b"}, "b": {"a"}}


# -- 8. numbers: bounded by what the model holds, refused with the package's errors ---------------


BOUND = MAX_SECONDS.replace(".", r"\.")


@pytest.mark.parametrize(
    "action",
    [
        lambda: Simulation().call("a", ROOM, at=1e306),
        lambda: Simulation().call("a", ROOM, at=0, hangup=10**400),
        lambda: Simulation().run(until=1e306),
        lambda: Simulation().advance(1e306),
        lambda: Simulation().probe(1e306),
        lambda: Simulation().hears(at=1e306),
        lambda: ConferenceOptions(horizon=1e308),
        lambda: ConferenceOptions(dtmf_interdigit_timeout=2**70),
        lambda: ConferenceOptions(transcription_delay=1e300),
        lambda: DurationModel(play_default_seconds=1e308),
        lambda: DurationModel(play_seconds={"https://example.com/a.mp3": 1e308}),
        lambda: DurationModel(speak_min_seconds=10**400),
        lambda: DurationModel(speak_words_per_second=5e-324),
        lambda: DurationModel(speak_words_per_second=1e-17),
        lambda: Simulation(epoch_ms=10**5000),
    ],
)
def test_numbers_past_the_clock_are_refused_naming_the_bound(action: Callable[[], object]):
    # the bound's digits: in seconds (9223372036854775.807) or, for epoch_ms, in ms
    with pytest.raises(SimulationError, match=MAX_SECONDS.split(".")[0]):
        action()


def test_the_bound_is_exact_at_the_last_millisecond():
    last = MAX_MS // 1000  # whole seconds: exact as an int, 9223372036854775000 ms
    sim = Simulation()
    sim.call("a", Response().add(Speak("one")).add(Play("https://example.com/a.mp3", loop=5)), at=last)
    sim.run(until=last)  # the Speak would end after the clock's end: it never does
    assert sim.now == last and sim.calls["a"].executed == ["Speak"] and sim.calls["a"].ended_at is None
    with pytest.raises(SimulationError, match=BOUND):
        sim.advance(1)
    with pytest.raises(SimulationError, match=BOUND):
        Simulation().call("a", ROOM, at=last + 1)
    with pytest.raises(SimulationError, match=BOUND):
        Simulation().run(until=float(MAX_MS) / 1000)  # the float nearest the bound is past it


def test_extreme_but_allowed_settings_run_without_overflow():
    slowest = DurationModel(speak_words_per_second=1.1e-16, play_default_seconds=9e15)
    options = ConferenceOptions(horizon=9e15, dtmf_interdigit_timeout=9e15, transcription_delay=9e15)
    sim = Simulation(durations=slowest, options=options, epoch_ms=MAX_MS)
    words = " ".join(["word"] * 10_000)
    sim.call("a", Response().add(Speak(words, loop=2**31 - 1)), at=0)
    sim.call("b", Response().add(Play("https://example.com/a.mp3", loop=2**31 - 1)), at=0)
    recorded = Conference("r", record=True, record_when_alone=True, callback_url="https://example.com/cb",
                          transcription_type="auto", transcription_url="https://example.com/t",
                          digits_match="12", time_limit=2**31 - 1)  # fmt: skip
    sim.call("c", Response().add(recorded), at=0, hangup=10)
    sim.press("c", "1", at=5)
    sim.run()
    assert sim.calls["c"].ended_at == 10
    assert sim.callbacks("record")[0].params["RecordingStartMs"] == str(MAX_MS)
    assert json.loads(sim.report("json"))["calls"]["a"]["ended_at"] is None


def test_an_integer_attribute_names_the_xs_int_bound():
    with pytest.raises(ValidationError, match="allowed: an integer from 0 to 2147483647") as caught:
        Conference("room", time_limit=99999999999)
    assert caught.value.allowed == "an integer from 0 to 2147483647"
    with pytest.raises(ValidationError, match="an integer from 1 to 2147483647"):
        Wait(length=2**31)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("until = 1e306\n", 1, f"until must be a finite number of seconds >= 0, at most {MAX_SECONDS}"),
        ("until = inf\n", 1, "until must be a finite number"),
        (f"[[call]]\nname = 'a'\nanswer = '{ROOM}'\nat = 1e306\n", 4, MAX_SECONDS),
        (f"[[call]]\nname = 'a'\nanswer = '{ROOM}'\nhangup = 9223372036854775807\n", 4, MAX_SECONDS),
        (f"[[call]]\nname = 'a'\nanswer = '{ROOM}'\ntalk = [{{ from = 1, to = 1e300 }}]\n", 4, MAX_SECONDS),
        ("[[probe]]\nat = nan\n", 2, "probe at must be a finite number"),
        (
            "[options]\nhorizon = 1e308\n",
            2,
            f"ConferenceOptions.horizon = 1e+308 is not allowed; allowed: a finite number of seconds > 0, at most "
            f"{MAX_SECONDS}",
        ),
        ("[options]\ntranscription_delay = 1e300\n", 2, MAX_SECONDS),
        ("[durations]\nspeak_words_per_second = 5e-324\n", 2, "speak_words_per_second = 5e-324 is not allowed"),
        ("[durations]\nplay_default_seconds = 1e308\n", 2, MAX_SECONDS),
        ("until = 0\n\nuntil2 = " + "9" * 5000 + "\n", 3, "invalid TOML: a number too long to read"),
    ],
    ids=lambda value: value if isinstance(value, int) else None,
)
def test_numbers_in_scenario_files_are_refused_at_their_line(tmp_path: Path, capsys, text: str, line: int, message):
    path = scenario_file(tmp_path, text)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line}: "), err
    assert message in err, err


# Anything a caller might pass: every kind of number (nan, inf, huge, tiny, negative,
# ints past 64 bits and past what Python prints), bools, strings, None, containers.
NUMBERS = st.one_of(
    st.floats(),
    st.integers(),
    st.sampled_from([2**63 - 1, 2**63, -(2**63), 10**400, 10**5000, 5e-324, 1e308, -0.0]),
)
ANYTHING = st.one_of(
    NUMBERS,
    st.none(),
    st.booleans(),
    st.text(max_size=12),
    st.text(st.characters(categories=["Cs", "Ll"]), min_size=1, max_size=3),  # lone surrogates
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), NUMBERS, max_size=2),
)
# element values: the same, but ints Python can print (an element's refusal shows
# the value with repr(), which Python refuses for an int of over 4300 digits)
ELEMENT_VALUES = st.one_of(
    st.floats(), st.integers(), st.sampled_from([2**63, 10**400, 5e-324]), st.none(), st.booleans(),
    st.text(max_size=12), st.binary(max_size=8), st.lists(st.text(max_size=3), max_size=2),
)  # fmt: skip


def only_the_packages_errors(action: Callable[[], object]) -> object:
    """Run ``action``; the package's errors are expected, anything else fails the test."""
    try:
        return action()
    except PlivoXMLPlusError:
        return None


@settings(max_examples=150)
@given(st.sampled_from(ConferenceOptions.names()), ANYTHING)
def test_conference_options_raise_only_the_packages_errors(name: str, value: Any):
    only_the_packages_errors(lambda: ConferenceOptions(**{name: value}))


DURATION_FIELDS = ("speak_words_per_second", "speak_min_seconds", "play_default_seconds", "play_seconds")


@settings(max_examples=150)
@given(st.sampled_from(DURATION_FIELDS), ANYTHING, st.dictionaries(st.text(max_size=5), ANYTHING, max_size=2))
def test_duration_models_raise_only_the_packages_errors(name: str, value: Any, mapping: dict[str, Any]):
    only_the_packages_errors(lambda: DurationModel(**{name: value}))
    only_the_packages_errors(lambda: DurationModel(play_seconds=mapping))


ELEMENTS = tuple(cls for cls in (*ELEMENT_CLASSES.values(), Cont) if cls is not Response)


@st.composite
def element_calls(draw: st.DrawFn) -> tuple[type[Element], list[Any], dict[str, Any]]:
    cls: type[Element] = draw(st.sampled_from(ELEMENTS))
    # at most one positional more than the class takes: that one is the guard's to
    # refuse. (A second one lands on the first attribute's parameter, and giving
    # that attribute by keyword too is then Python's own TypeError.)
    positional = draw(st.lists(ELEMENT_VALUES, max_size=len(cls._positional) + 1))
    taken = set(cls._positional[: len(positional)])  # given by position: not by keyword as well
    free = [spec.keyword for spec in cls.specs.values() if spec.keyword not in taken]
    names = st.sampled_from(["bogus", "maxMembers", "children"])
    if free:
        names = st.one_of(st.sampled_from(free), names)
    keywords = draw(st.dictionaries(names, ELEMENT_VALUES, max_size=4))
    return cls, positional, keywords


@settings(max_examples=300)
@given(element_calls())
def test_element_classes_raise_only_the_packages_errors(call: tuple[type[Element], list[Any], dict[str, Any]]):
    cls, positional, keywords = call
    only_the_packages_errors(lambda: cls(*positional, **keywords))


def _valid_or(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # half the time a value that passes, so the checks after it are reached too
    return st.one_of(valid, ANYTHING)


TIMES = _valid_or(st.floats(0, 200))
NAMES = _valid_or(st.just("a"))
METHODS = ("call", "hangup", "press", "talk", "probe", "run", "advance", "hears", "audibility")


def apply(method: str, data: st.DataObject, sim: Simulation) -> None:
    """One call of ``method`` with drawn arguments."""
    draw = data.draw
    if method == "call":
        answer = draw(_valid_or(st.sampled_from([ROOM, Response().add(Speak("hello"))])))
        numbers = {key: draw(_valid_or(st.none() | st.just("15550000099"))) for key in ("from_", "to")}
        direction = draw(_valid_or(st.sampled_from(["inbound", "outbound"])))
        name = draw(_valid_or(st.sampled_from(["new", "a"])))
        sim.call(name, answer, at=draw(TIMES), hangup=draw(TIMES), direction=direction, **numbers)
    elif method == "hangup":
        sim.hangup(draw(NAMES), at=draw(TIMES))
    elif method == "press":
        sim.press(draw(NAMES), draw(_valid_or(st.just("12"))), at=draw(TIMES))
    elif method == "talk":
        sim.talk(draw(NAMES), start=draw(TIMES), end=draw(TIMES))
    elif method == "probe":
        sim.probe(draw(TIMES))
    elif method == "run":
        sim.run(draw(_valid_or(st.none() | st.floats(0, 200))))
    elif method == "advance":
        sim.advance(draw(TIMES))
    elif method == "hears":
        sim.hears(draw(_valid_or(st.none())))
    else:
        sim.audibility(draw(_valid_or(st.none()))).hears(draw(ANYTHING))


@settings(max_examples=300)
@given(st.data())
def test_simulation_methods_raise_only_the_packages_errors(data: st.DataObject):
    sim = Simulation(urls={NEXT: "<Response><Speak>next</Speak></Response>"})
    sim.call("a", Response().add(Conference("room", digits_match="12", callback_url="https://example.com/cb")))
    for _ in range(data.draw(st.integers(1, 4))):
        method: str = data.draw(st.sampled_from(METHODS))
        only_the_packages_errors(partial(apply, method, data, sim))
    only_the_packages_errors(sim.run)
    assert sim.report("json")


RECORDED = Response().add(
    Conference("room", record=True, record_when_alone=True, callback_url="https://example.com/cb")
)


def _record_a_call(sim: Simulation) -> None:
    sim.call("a", RECORDED, hangup=5)  # IDs from the seed, epoch figures from epoch_ms
    sim.run()
    assert sim.report("json")


@settings(max_examples=100)
@given(ANYTHING, ANYTHING, ANYTHING)
def test_simulation_constructor_raises_only_the_packages_errors(urls: Any, seed: Any, epoch_ms: Any):
    only_the_packages_errors(lambda: Simulation(urls=urls))
    keywords: dict[str, Any]
    for keywords in ({"seed": seed}, {"epoch_ms": epoch_ms}):
        sim = only_the_packages_errors(partial(Simulation, **keywords))
        if isinstance(sim, Simulation):
            _record_a_call(sim)


def test_a_lone_surrogate_in_a_name_or_seed_is_the_packages_error():
    with pytest.raises(SimulationError, match="lone surrogates"):
        Simulation().call("\ud800", ROOM)
    with pytest.raises(SimulationError, match="lone surrogates"):
        Simulation(seed="\udfff")


# -- 9. the simulate command never prints a traceback ------------------------------------------------


NON_ASCII_CALL = (
    '[[call]]\nname = "zo\u00eb"\nanswer = "<Response><Speak>caf\u00e9 \u2615</Speak>'
    '<Conference>salle-\u00e0-manger</Conference></Response>"\nhangup = 20\n'
)


@pytest.mark.parametrize("output", ["text", "json"])
def test_non_ascii_names_print_escaped_on_an_ascii_terminal(tmp_path: Path, output: str):
    path = scenario_file(tmp_path, NON_ASCII_CALL + "[[probe]]\nat = 5\n")
    done = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(path), "--format", output],
        check=False,
        capture_output=True,
        text=True,
        encoding="ascii",
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "zo\\xeb" in done.stdout  # in the probes and the calls
    if output == "text":  # (the JSON report names no room)
        assert "joined 'salle-\\xe0-manger'" in done.stdout


def test_an_error_naming_a_non_ascii_call_prints_escaped(tmp_path: Path):
    path = scenario_file(tmp_path, NON_ASCII_CALL + 'digits = [{ at = 30, press = "1" }]\n')
    done = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(path)],
        check=False,
        capture_output=True,
        text=True,
        encoding="ascii",
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "call 'zo\\xeb' presses '1' at t=30, after the caller hangs up" in done.stderr


XSI_ATTRIBUTES = [
    f'<Response {XSI}><Speak xsi:schemaLocation="a b">hello</Speak></Response>',
    f'<Response {XSI}><Speak xsi:noNamespaceSchemaLocation="a.xsd">hello</Speak></Response>',
    f'<Response {XSI}><Speak xsi:type="x">hello</Speak></Response>',
    f'<Response {XSI} xsi:schemaLocation="a b"><Speak>hello</Speak></Response>',
]


@pytest.mark.parametrize("document", XSI_ATTRIBUTES)
def test_xsi_attributes_are_the_readers_refusal_never_a_key_error(document: str, tmp_path: Path, capsys):
    # (relies on the reader refusing xsi: attributes, in plivoxml_plus/schema)
    with pytest.raises(ParseError):
        Simulation().call("a", document)
    sim = Simulation(urls={NEXT: document})
    sim.call("a", Response().add(Redirect(NEXT)).add(Speak("after")))
    sim.run()
    assert sim.calls["a"].executed == ["Redirect", "Speak"]
    assert [n.text.split(": ")[1] for n in sim.notes] == ["invalid document"]
    quoted = document.replace('"', "'")
    answer = scenario_file(tmp_path, f'[[call]]\nname = "a"\nanswer = "{quoted}"\n')
    assert main(["simulate", str(answer)]) == 2
    assert capsys.readouterr().err.startswith(f"{answer}:3: call 'a': answer: invalid XML")
    urls = scenario_file(
        tmp_path, f"[[call]]\nname = 'a'\nanswer = '<Response><Redirect>{NEXT}</Redirect></Response>'\n"
        f'[urls]\n"{NEXT}" = "{quoted}"\n',
    )  # fmt: skip
    assert main(["simulate", str(urls), "--format", "json"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert [note["text"].split(": ")[1] for note in notes] == ["invalid document"]
