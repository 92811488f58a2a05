"""Scenario files: a conference or MultiPartyCall test written as TOML, run by ``plivoxml-plus simulate``.

::

    until = 600                      # optional; default: until every call has ended
    sample_rate = 8000               # optional: audio is mixed at 8000 (default), 16000 or 48000 Hz
    app = "answer_app:app"           # optional: your WSGI or ASGI app, "module:attribute"
    base_url = "https://app.example" # the URL its routes are under (needed with app; without
                                     # app: real HTTP to a server running there)
    auth_token = "..."               # optional: what requests are signed with (with base_url)
    auth_id = "MA..."                # optional: the account simulate --serve-api answers for
    timeout = 5                      # optional: seconds to wait for a reply (with base_url)
    strict = false                   # optional (default: true with base_url): true, the first
                                     # failed request stops the run; false, it is a note
    [[call]]
    name = "alice"                   # unique label
    answer = "alice.xml"             # a path relative to this file, or inline XML starting with "<"
    # answer_url = "https://app.example/answer"   # ... or the URL the platform asks (one of the two)
    # answer_method = "POST"         # GET or POST (default), with answer_url
    # hangup_url = "https://app.example/hangup"   # optional: requested once when the call ends
    # hangup_method = "POST"         # GET or POST (default), with hangup_url
    # fallback_answer_url = "https://app.example/fallback"  # optional, with answer_url: asked
    # fallback_method = "POST"       # when answer_url fails (docs/rules.md, P1)
    # answers = "15551230000"        # ... or a callee: answered when a <Dial> rings this
                                     # number or SIP URI, not at a time (no at, answer,
                                     # answer_url, from, to or direction); then
    # ring = 3                       #   seconds it rings before answering (default 3)
    # refuse = "busy"                #   or it never answers: "busy", "no-answer", "failed"
                                     #   (and hangup = seconds after it answers)
    at = 0                           # when the call is answered, seconds (default 0)
    hangup = 300                     # optional
    from = "14155550100"             # optional: the From, To and Direction its requests carry
    to = "14155550199"               # (defaults: see Simulation.call)
    direction = "inbound"            # or "outbound"
    digits = [{ at = 30, press = "99" }]   # optional (a callee's: how it presses a
                                     # <Dial>'s confirmKey, once it has answered)
    speech = [{ at = 8, text = "sales", confidence = 0.9 }]  # optional: what a <GetInput>
                                     # recognises (said by at; confidence 0-1, default 0.9)
    talk = [{ from = 10, to = 20 }]        # optional: when this caller speaks
    tone = 500                       # optional: what it says, a sine (Hz, -12 dBFS) ...
    # audio = "alice.wav"            # ... or a mono 16-bit WAV at sample_rate (relative to
                                     # this file); at most one of tone and audio
    # talk_from = "energy"           # optional, with audio and no talk: derive its talk
                                     # spurts from the audio itself
    [urls]                           # what the app returns for each URL the platform fetches
    "https://example.com/hold.xml" = "<Response><Play>https://example.com/m.mp3</Play></Response>"
    [audio]                          # optional: the audio a <Play> URL plays (a WAV, relative
    "https://example.com/m.mp3" = "music.wav"   # to this file; else a placeholder tone)
    [[probe]]
    at = 25                          # report who hears whom at this time
    [[api]]                          # a REST API request at a time (MultiPartyCall)
    at = 40                          # seconds (required)
    call = "alice"                   # the participant, by call name ("all" with mpc = "...")
    hold = true                      # any of hold, mute, coach_mode (true or false)
    [[api]]
    at = 45
    call = "alice"
    kick = true                      # the participant leaves the MPC
    [[api]]
    at = 50
    mpc = "support"                  # the MultiPartyCall's name
    recording = "pause"              # start, stop, pause or resume
    [[api]]
    at = 20
    mpc = "support"
    add = { name = "agent2", role = "Agent", ring = 3 }   # also from, to and any
                                     # MultiPartyCall attribute (Python names: end_mpc_on_exit)
    [[api]]
    at = 60
    mpc = "support"
    end = true                       # end the MPC
    [[rest]]                         # any REST API request, at a time (_scenario_rest)
    at = 70
    method = "POST"                  # GET, POST or DELETE
    path = "Call/{uuid:alice}/DTMF/" # under /v1/Account/{auth_id}/; {uuid:NAME}, {member:NAME}
    params = { digits = "1" }        # optional: Plivo's parameter names
    expect = 202                     # optional: the status the API must answer
    [mpc_options]                    # the fields of MpcOptions
    billed_rate = "0.00500"

Also accepted: top-level ``[[digits]]``, ``[[talk]]`` and ``[[speech]]`` tables naming their call
(``call = "alice"``), ``[options]`` (the fields of ConferenceOptions) and
``[durations]`` (the fields of DurationModel; ``play`` maps audio URLs to seconds).

Audio (``sample_rate``, ``tone``, ``audio``, ``talk_from``, ``[audio]``) goes
through Simulation.voice and register_audio, scheduled after the calls; what
every call heard is written by ``simulate --audio-out DIR``. It needs the audio
extra (NumPy), imported only when a scenario uses audio: without it such a
scenario is a ScenarioError naming ``pip install 'plivoxml-plus[audio]'``; a
scenario without audio keys never imports NumPy.

Each ``[[api]]`` entry has one action: hold, mute and coach_mode (together or
alone) or kick, with ``call``; recording, add or end, with ``mpc``. They run
through Simulation.update_participant, kick, recording, add_participant and
end_mpc, scheduled in file order. A call an ``add`` places may be named by a
later ``[[api]]`` entry (hold it, kick it...), not by ``[[digits]]`` or
``[[talk]]``: inputs are for the ``[[call]]`` calls of the file. ``[[api]]`` is the
short form of the MultiPartyCall ``[[rest]]`` entries: both reach the same
Simulation methods. ``[[rest]]`` entries are sent through the simulation's REST
API (its route table and handlers), each at its time; what it answered is a
timeline event of kind "rest", and a refusal the entry does not ``expect`` stops
the run with a ScenarioError at the entry's line (plivoxml_plus.core.scenario._scenario_rest).

``app = "module:attribute"`` is imported when the scenario is loaded, with the
scenario's own folder first on ``sys.path`` (so ``answer_app.py`` next to the
scenario is found whatever the working directory); the attribute may be dotted,
and ``"module:create_app()"`` calls a factory for the app: with
``auth_token=`` the scenario's ``auth_token`` if it has a parameter of that
name (so that the app checks the signatures it is sent), else with no
arguments. A module that does not import, raises while importing, or lacks
the attribute, a factory needing another argument, and an app that is not
callable, are ScenarioErrors at the ``app`` line. A scenario with ``base_url``
(driving an app) is strict unless it says ``strict = false``, as the pytest
plugin's ``plivo_sim`` is: a failed request during the run raises
:class:`~plivoxml_plus.StrictModeError` (not a ScenarioError: the scenario is
fine, the app is not); ``simulate`` exits 1 for it.

The keys of every table, their defaults and their values are declared once in
``_format`` (which also gives ``schemas/scenario.schema.json`` and
docs/scenario-reference.md); an unknown key names the closest known one ("did
you mean hangup?"). Every problem is a :class:`~plivoxml_plus.ScenarioError` that reads
``FILE:LINE: message``: TOML syntax errors take their line from the TOML reader;
for everything else the line is found by scanning the file for the table header
and the key concerned (one pass, made once: plivoxml_plus.core.scenario._toml_layout). A
referenced XML file that is invalid is reported at its own ``FILE:LINE``. Arrays
and tables nested deeper than ``MAX_DEPTH`` (32) are a ScenarioError at their
line, found before the TOML reader (which recurses once per level) reads them.

Files are read safely (``plivoxml_plus._files``): regular files only, never more
than a limit (``SCENARIO_MAX_BYTES`` for the scenario, the reader's ``MAX_BYTES``
for an XML file). An XML file is kept as bytes and decoded by the reader from
its XML declaration or byte-order mark, exactly as ``validate`` reads it.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import inspect
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import attrs

from ..._errors import MissingExtra, ParseError, ScenarioError, SimulationError
from ..._files import FileRefused, FileTooLarge, read_file
from ..._progress import Progress
from ...elements import Response
from ...elements._checks import Check, Refused
from ...elements._values import METHOD, URL
from ...elements.multiparty import MultiPartyCall
from .._clock import to_ms
from .._durations import DurationModel
from .._options import ConferenceOptions, MpcOptions
from .._settings import AUDIO_RATES, AUTH_ID, CONFIDENCE, DIRECTION, PHONE_NUMBER, POSITIVE, admit, shown
from .._simulation import DEFAULT_AUTH_ID, Simulation, _answer_document
from .._world import StrictModeError
from ..callflow._dial import DIAL_TARGET, REFUSALS
from ..platform._app import DEFAULT_AUTH_TOKEN
from ..platform._documents import read_xml_file
from ._format import DIGITS, FORMAT, admits, unknown_key
from ._scenario_rest import REST_KEYS, RestEntry, RestRunner, check_rest
from ._toml_layout import MAX_DEPTH, Layout, deepest, scan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["SCENARIO_KEYS", "SCENARIO_MAX_BYTES", "CallSpec", "Scenario", "load_scenario"]

# A scenario is read whole, then scanned for line numbers: 8 MiB is thousands of
# calls, and bounds the memory and time a file can take.
SCENARIO_MAX_BYTES = 8 << 20

_TOO_DEEP = (
    f"arrays and tables nest more than {MAX_DEPTH} deep here; a scenario needs at most 4 "
    f"(MAX_DEPTH, {MAX_DEPTH}: deeper nesting is refused before it is read)"
)
# The format's keys, from its one declaration (_format), which also gives the
# published JSON Schema and docs/scenario-reference.md.
_CALL = FORMAT["[[call]]"]
TOP_KEYS = FORMAT[""].names()
CALL_KEYS = _CALL.names()
# the rest of a call's Application URL set (P1): each URL key with its method key
APP_URL_KEYS = (("hangup_url", "hangup_method"), ("fallback_answer_url", "fallback_method"))
# the keys a callee ([[call]] with answers) may not have: it is answered when dialled
NOT_FOR_CALLEES = _CALL.excludes["answers"]
CALLEE_ONLY = tuple(key for key, needed in _CALL.requires.items() if needed == ("answers",))
TALK_FROM = tuple(_CALL.key("talk_from").schema["enum"])  # (declared talk is the talk key, or no key)
INPUT_KEYS = {kind: FORMAT[f"[[call]] {kind}"].names() for kind in ("digits", "talk", "speech")}  # by kind
DIGITS_KEYS, TALK_KEYS, SPEECH_KEYS = INPUT_KEYS.values()
DURATION_KEYS = FORMAT["[durations]"].names()
API_KEYS = FORMAT["[[api]]"].names()
API_ACTIONS = FORMAT["[[api]]"].one_of
UPDATE_KEYS = ("hold", "mute", "coach_mode")  # the actions that go together (one update)
RECORDING_ACTIONS = tuple(FORMAT["[[api]]"].key("recording").schema["enum"])
# the MultiPartyCall attributes an add may set: every one but the MPC name (mpc =) and role
ADD_ATTRIBUTES = tuple(name for name in MultiPartyCall.specs if name not in ("content", "role"))
ADD_KEYS = tuple(key for key in FORMAT["[[api]] add"].names() if key not in ADD_ATTRIBUTES)
# The keys of each table with fixed keys (docs/simulation.md's table of every
# scenario key is checked against it). [urls] and [audio] take URLs;
# [options] and [mpc_options] the fields of ConferenceOptions and MpcOptions;
# an [[api]] add also any MultiPartyCall attribute.
SCENARIO_KEYS: dict[str, tuple[str, ...]] = {
    "": TOP_KEYS,
    "[[call]]": CALL_KEYS,
    **{f"[[call]] {kind}": keys for kind, keys in INPUT_KEYS.items()},
    **{f"[[{kind}]]": FORMAT[f"[[{kind}]]"].names() for kind in INPUT_KEYS},
    "[[probe]]": FORMAT["[[probe]]"].names(),
    "[[api]]": API_KEYS,
    "[[api]] add": ADD_KEYS,
    "[[rest]]": REST_KEYS,
    "[durations]": DURATION_KEYS,
}


Opts = TypeVar("Opts", ConferenceOptions, MpcOptions)  # an options table's class


# -- where things are in the file ------------------------------------------------------


@attrs.define
class _Section:
    name: str  # "" for the top level
    index: int  # position among the tables with this header
    line: int
    keys: dict[str, int] = attrs.field(factory=dict)


# (the name ends at its last non-space: a lazy name before \s* was quadratic on spaces)
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]*[^\]\s])\s*\]\]?\s*(#.*)?$")
_POSITION = re.compile(r"^\d+:\d+: ")  # "LINE:COLUMN: " that ParseError messages start with
_KEY = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


class _Locator:
    """Line numbers of table headers and keys, found by scanning the raw text
    (tomllib returns values without positions); built once, in linear time."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.lines = text.split("\n")  # (TOML's lines: not str.splitlines, which also splits at U+2028 and more)
        self.layout = layout
        self.sections: list[_Section] = [_Section("", 0, 1)]
        counts: dict[str, int] = {}
        for number, line in enumerate(self.lines, start=1):
            if number in layout.inside:  # (inside a multi-line string or value: no header, no key)
                continue
            header = _HEADER.match(line)
            if header is not None and not line.lstrip().startswith("#"):
                name = header.group(2).strip()
                index = counts.get(name, 0)
                counts[name] = index + 1
                self.sections.append(_Section(name, index, number))
                continue
            key = _KEY.match(line)
            if key is not None:
                name = key.group(1)
                if name[0] in "\"'":
                    name = name[1:-1]
                self.sections[-1].keys.setdefault(name, number)
        # indexed, so that each lookup is constant time: a scenario of thousands of
        # calls asks for thousands of lines (a scan per lookup made that quadratic)
        self._by_index = {(s.name, s.index): s for s in self.sections}
        self._by_name: dict[str, list[_Section]] = {}
        for section in self.sections:  # (in line order)
            self._by_name.setdefault(section.name, []).append(section)
        self._lines = {name: [s.line for s in sections] for name, sections in self._by_name.items()}

    def section(self, name: str, index: int = 0) -> _Section | None:
        return self._by_index.get((name, index))

    def line(self, name: str, index: int = 0, key: str | None = None) -> int:
        """The line of ``key`` in the ``index``-th table ``name`` (else of its header)."""
        section = self.section(name, index)
        if section is None:
            return 1
        if key is not None and key in section.keys:
            return section.keys[key]
        return section.line

    def path_line(self, path: tuple[str | int, ...]) -> int:
        """The line of the value at ``path`` (keys and array indexes from the top
        level), as near as the table headers, keys and array items tell."""
        keys = [part for part in path if isinstance(part, str)]
        for length in range(len(keys), 1, -1):  # a [a.b.c...] header written for it (the longest)
            prefix = ".".join(keys[:length])
            for section in self.sections:  # (an error's path: one scan per key, at most MAX_DEPTH + 1)
                if section.name == prefix or section.name.startswith(prefix + "."):
                    return section.line
        name, rest = str(path[0]), path[1:]
        index = 0
        if rest and isinstance(rest[0], int) and self.section(name, rest[0]) is not None:  # [[name]] #index
            index, rest = rest[0], rest[1:]
        if self.section(name, index) is None:  # a key of the top level
            name, index, rest = "", 0, path
        if not rest or not isinstance(rest[0], str):
            return self.line(name, index)
        if len(rest) > 1 and isinstance(rest[1], int):
            return self.item(name, index, rest[0], rest[1])
        return self.line(name, index, rest[0])

    def subtable(self, table: str, index: int, key: str) -> _Section | None:
        """The ``[table.key]`` header under table ``table`` #``index``, if written so."""
        section = self.section(table, index)
        if section is None:
            return None
        following = self._by_index.get((table, index + 1))
        end = following.line if following is not None else len(self.lines) + 1
        lines = self._lines.get(f"{table}.{key}", [])
        first = bisect_right(lines, section.line)
        if first < bisect_left(lines, end):
            return self._by_name[f"{table}.{key}"][first]
        return None

    def item(self, table: str, index: int, key: str, item: int) -> int:
        """The line of item ``item`` of the array ``key`` in table ``table`` #``index``:
        a ``[[table.key]]`` header under it, or the item's ``{`` in an inline array."""
        section = self.section(table, index)
        if section is None:
            return 1
        following = self._by_index.get((table, index + 1))
        end = following.line if following is not None else len(self.lines) + 1
        subs = self._by_name.get(f"{table}.{key}", [])
        lines = self._lines.get(f"{table}.{key}", [])
        first = bisect_right(lines, section.line)
        if first + item < bisect_left(lines, end):
            return subs[first + item].line
        start = section.keys.get(key)
        if start is None:
            return section.line
        braces = self.layout.items.get(start, [])  # (the array's items: found once, by the scan)
        return braces[item] if item < len(braces) else start


# -- what a scenario holds ---------------------------------------------------------------


@attrs.frozen
class CallSpec:
    """One ``[[call]]`` of a scenario (times in seconds; ``line`` locates it)."""

    name: str
    answer: Response | None  # None: answer_url gives the document
    at: float
    hangup: float | None
    line: int
    from_: str | None = None  # None: Simulation.call's default
    to: str | None = None
    direction: str = _CALL.key("direction").default
    answer_url: str | None = None
    answer_method: str = _CALL.key("answer_method").default
    # the rest of its Application URL set (P1): keyword arguments of Simulation.call
    app_urls: dict[str, str] = attrs.field(factory=dict)
    answers: str | None = None  # a callee: the number or SIP URI it answers (hangup: after answering)
    ring: float = _CALL.key("ring").default
    refuse: str | None = None


@attrs.frozen
class _Input:
    """Digits pressed (``kind="digits"``: at ``at``), a talk spurt (``at`` to ``end``)
    or a phrase said (``kind="speech"``: ``text``, finished at ``at``)."""

    call: str
    kind: str
    at: float
    line: int
    end: float = 0
    digits: str = ""
    text: str = ""
    confidence: float = FORMAT["[[call]] speech"].key("confidence").default


@attrs.frozen
class _Voice:
    """What a ``[[call]]`` says: a ``tone`` (Hz) or a ``wav`` file; ``talk`` is
    "energy" (talk_from) or "declared". ``line``: the tone or audio key's line."""

    call: str
    line: int
    tone: float | None = None
    wav: str | None = None
    talk: str = "declared"


@attrs.frozen
class _Api:
    """One ``[[api]]`` entry. ``kind``: "update", "kick" (``target`` is the call),
    "recording", "end" or "add" (``target`` is the MPC). ``keywords``: the given
    hold/mute/coach_mode and mpc (update, kick); ring, from_, to and attributes (add)."""

    kind: str
    at: float
    line: int
    target: str
    keywords: Mapping[str, Any] = attrs.field(factory=dict)
    action: str = ""  # recording: start, stop, pause or resume
    name: str = ""  # add: the new call
    role: str = ""  # add: its role


@attrs.frozen
class Scenario:
    """A loaded scenario file. :meth:`run` gives the finished :class:`Simulation`."""

    path: str
    until: float | None
    calls: tuple[CallSpec, ...]
    inputs: tuple[_Input, ...]
    urls: Mapping[str, str | bytes]  # inline XML text, or a file's bytes as stored
    probes: tuple[tuple[float, int], ...]
    options: ConferenceOptions
    durations: DurationModel
    api: tuple[_Api, ...] = ()  # in file order
    rest: tuple[RestEntry, ...] = ()  # in file order
    mpc_options: MpcOptions | None = None  # None: no [mpc_options] table (the defaults)
    sample_rate: int = FORMAT[""].key("sample_rate").default
    voices: tuple[_Voice, ...] = ()  # in file order
    audio: tuple[tuple[str, str, int], ...] = ()  # [audio]: (URL, WAV path, line)
    app: Any = None  # the imported WSGI or ASGI app (app = "module:attribute")
    base_url: str | None = None
    auth_token: str = DEFAULT_AUTH_TOKEN
    auth_id: str = DEFAULT_AUTH_ID  # the account simulate --serve-api answers for
    timeout: float = FORMAT[""].key("timeout").default
    # strict by default when requests go to an app (as the pytest plugin's plivo_sim): strict = false relaxes it
    strict: bool = attrs.field(default=attrs.Factory(lambda self: self.base_url is not None, takes_self=True))
    app_line: int = 1  # where app (else base_url) is written: problems setting it up are reported there

    def simulation(self, *, coverage: bool = False) -> Simulation:
        """A Simulation with every call, voice, input, API request and probe scheduled, not yet run
        (recording its call-flow coverage if asked: ``Simulation.coverage``).
        With an app or base URL it holds a client: close it (``with``) when done."""
        try:
            simulation = Simulation(
                urls=dict(self.urls),
                options=self.options,
                durations=self.durations,
                mpc_options=self.mpc_options,
                sample_rate=self.sample_rate,
                app=self.app,
                base_url=self.base_url,
                auth_token=self.auth_token,
                strict=self.strict,
                timeout=self.timeout,
                coverage=coverage,
            )
        except (SimulationError, MissingExtra) as error:  # MissingExtra: httpx, for an app or base_url
            raise ScenarioError(str(error), path=self.path, line=self.app_line) from None
        try:
            self._schedule(simulation)
        except BaseException:
            simulation.close()
            raise
        return simulation

    def _schedule(self, simulation: Simulation) -> None:
        for spec in self.calls:
            self._apply(spec.line, lambda s=spec: self._call(simulation, s))
        # (audio: NumPy is imported by voice and register_audio, so only when used)
        for voice in self.voices:
            self._apply(voice.line, lambda v=voice: self._voice(simulation, v))
        for url, wav, line in self.audio:
            self._apply(line, lambda u=url, w=wav: simulation.register_audio(u, wav=w))
        for item in self.inputs:
            if item.kind == "digits":
                self._apply(item.line, lambda i=item: simulation.press(i.call, i.digits, at=i.at))
            elif item.kind == "speech":
                self._apply(
                    item.line, lambda i=item: simulation.say(i.call, i.text, at=i.at, confidence=i.confidence)
                )
            else:
                self._apply(item.line, lambda i=item: simulation.talk(i.call, start=i.at, end=i.end))
        for entry in self.api:
            self._apply(entry.line, lambda e=entry: self._api(simulation, e))
        if self.rest:
            runner = RestRunner(simulation, self.path)
            for request in self.rest:
                runner.schedule(request)
        for at, line in self.probes:
            self._apply(line, lambda a=at: simulation.probe(a))

    def run(self, simulation: Simulation | None = None, *, progress: Progress | None = None) -> Simulation:
        """Build the simulation (or take ``simulation``, from :meth:`simulation`) and run it
        until ``until`` (or until every call ended), telling ``progress`` (as ``Simulation.run``).

        In strict mode the first failed request raises :class:`StrictModeError`
        (the app's fault, not the scenario's); other problems are ScenarioErrors.
        The simulation returned may hold a client to the app: close it when done."""
        simulation = self.simulation() if simulation is None else simulation
        try:
            simulation.run(until=self.until, progress=progress)
        except (StrictModeError, ScenarioError):  # (a [[rest]] entry refused: at its line)
            simulation.close()
            raise
        except SimulationError as error:
            simulation.close()
            raise ScenarioError(str(error), path=self.path) from None
        return simulation

    @staticmethod
    def _call(simulation: Simulation, spec: CallSpec) -> None:
        if spec.answers is not None:
            refuse: Any = spec.refuse  # (checked when loaded: busy, no-answer or failed)
            simulation.callee(spec.name, spec.answers, ring=spec.ring, refuse=refuse, hangup_after=spec.hangup)
            return
        direction: Any = spec.direction  # (checked when loaded: "inbound" or "outbound")
        method: Any = spec.answer_method  # (checked when loaded: GET or POST)
        app_urls: dict[str, Any] = spec.app_urls  # (checked when loaded: URLs, GET or POST)
        simulation.call(
            spec.name,
            spec.answer,
            answer_url=spec.answer_url,
            answer_method=method,
            at=spec.at,
            hangup=spec.hangup,
            from_=spec.from_,
            to=spec.to,
            direction=direction,
            **app_urls,
        )

    @staticmethod
    def _voice(simulation: Simulation, voice: _Voice) -> None:
        talk: Any = voice.talk  # (checked when loaded: "declared" or "energy")
        if voice.tone is not None:
            simulation.voice(voice.call, tone=voice.tone, talk=talk)
        else:
            simulation.voice(voice.call, wav=voice.wav, talk=talk)

    @staticmethod
    def _api(simulation: Simulation, entry: _Api) -> None:
        if entry.kind == "update":
            simulation.update_participant(entry.target, at=entry.at, **entry.keywords)
        elif entry.kind == "kick":
            simulation.kick(entry.target, at=entry.at, **entry.keywords)
        elif entry.kind == "recording":
            action: Any = entry.action  # (checked when loaded: start, stop, pause or resume)
            simulation.recording(entry.target, action, at=entry.at)
        elif entry.kind == "end":
            simulation.end_mpc(entry.target, at=entry.at)
        else:
            simulation.add_participant(entry.target, entry.name, at=entry.at, role=entry.role, **entry.keywords)

    def _apply(self, line: int, action: Any) -> None:
        try:
            action()
        except (SimulationError, MissingExtra) as error:  # (AudioError is a SimulationError)
            raise ScenarioError(str(error), path=self.path, line=line) from None


# -- loading -----------------------------------------------------------------------------


class _Loader:
    def __init__(self, path: Path, shown: str, text: str, layout: Layout) -> None:
        self.path = path
        self.shown = shown
        self.base = path.parent
        self.where = _Locator(text, layout)
        self._talk_from_lines: dict[str, int] = {}  # calls with talk_from: its line

    def fail(self, message: str, line: int) -> ScenarioError:
        return ScenarioError(message, path=self.shown, line=line)

    def keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], what: str, name: str, index: int) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(unknown_key(key, allowed, what), self.where.line(name, index, key))

    def seconds(self, value: object, what: str, line: int) -> float:
        try:
            to_ms(value, what)
        except ValueError as error:
            raise self.fail(str(error), line) from None
        assert isinstance(value, (int, float))
        return value

    def checked(self, check: Check[str], value: object, what: str, line: int) -> str:
        """``value`` as ``check`` admits it, or a ScenarioError at ``line``."""
        try:
            return admit(check, value, what)
        except SimulationError as error:
            raise self.fail(str(error), line) from None

    def text(self, value: object, what: str, line: int) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{what} must be a non-empty string, not {value!r}", line)
        return value

    def tables(self, value: object, what: str, line: int) -> list[dict[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"{what} must be an array of tables (write [[{what}]] or [{{...}}, ...])", line)
        return value

    def document(self, value: str, what: str, line: int) -> tuple[str | bytes, Path | None]:
        """(inline XML text, None) or (a file's bytes, undecoded, and the file)."""
        if value.lstrip().startswith("<"):
            return value, None
        file = self.base / value
        try:
            return read_xml_file(file), file
        except FileRefused as error:
            raise self.fail(f"{what}: {error}", line) from None

    def answer(self, value: str, what: str, line: int) -> Response:
        text, file = self.document(value, what, line)
        try:
            from ...schema import parse

            return parse(text, kind="answer")
        except ParseError as error:
            message = _POSITION.sub("", str(error))  # the position is given our own way below
            if file is not None:
                raise ScenarioError(f"{what}: {message}", path=str(file), line=error.line) from None
            xml_line = error.line or 1
            raw = self.where.lines[line - 1] if line <= len(self.where.lines) else ""
            opens_block = re.search(r"=\s*(\"\"\"|''')\s*$", raw) is not None
            at = line + xml_line - (0 if opens_block else 1)
            column = f", column {error.column}" if error.column else ""
            raise self.fail(f"{what}: invalid XML (XML line {xml_line}{column}): {message}", at) from None

    def load(self, data: dict[str, Any]) -> Scenario:
        where = self.where
        self.keys(data, TOP_KEYS, "the scenario", "", 0)
        until = None
        if "until" in data:
            until = self.seconds(data["until"], "until", where.line("", 0, "until"))
        sample_rate = self.sample_rate(data.get("sample_rate", FORMAT[""].key("sample_rate").default))
        connection = self.connection(data)  # (imports the app: its problems are found now)
        calls: list[CallSpec] = []
        inputs: list[_Input] = []
        voices: list[_Voice] = []
        names: dict[str, int] = {}
        for index, table in enumerate(self.tables(data.get("call", []), "call", where.line("", 0, "call"))):
            calls.append(self.call(index, table, names, inputs, voices))
        added: dict[str, int] = {}  # calls placed by [[api]] add: their line
        api = [
            self.api(index, table, names, added)
            for index, table in enumerate(self.tables(data.get("api", []), "api", where.line("", 0, "api")))
        ]
        rest = [
            self.rest(index, table, [*names, *added])
            for index, table in enumerate(self.tables(data.get("rest", []), "rest", where.line("", 0, "rest")))
        ]
        for kind, keys in INPUT_KEYS.items():
            line = where.line("", 0, kind)
            for index, table in enumerate(self.tables(data.get(kind, []), kind, line)):
                allowed = ("call", *keys)
                self.keys(table, allowed, f"[[{kind}]]", kind, index)
                here = where.line(kind, index)
                name = self.text(table.get("call"), f"[[{kind}]] call", where.line(kind, index, "call"))
                if name in added:
                    message = (
                        f"[[{kind}]] names {name!r}, a call placed by [[api]] add (line {added[name]}): "
                        f"only a [[call]] of the file takes {kind}"
                    )
                    raise self.fail(message, where.line(kind, index, "call"))
                if name not in names:
                    known = ", ".join(names) or "none"
                    message = f"[[{kind}]] names an unknown call {name!r} (calls: {known})"
                    raise self.fail(message, where.line(kind, index, "call"))
                inputs.append(self.input(kind, name, table, here, lambda key, k=kind, i=index: where.line(k, i, key)))
        self.energy_without_talk(inputs)
        urls: dict[str, str | bytes] = {}
        table = data.get("urls", {})
        if not isinstance(table, dict):
            raise self.fail('urls must be a table: [urls] then "URL" = "document"', where.line("", 0, "urls"))
        for url, value in table.items():
            line = where.line("urls", 0, url)
            urls[url] = self.document(self.text(value, f"[urls] {url!r}", line), f"[urls] {url!r}", line)[0]
        probes = []
        for index, probe in enumerate(self.tables(data.get("probe", []), "probe", where.line("", 0, "probe"))):
            self.keys(probe, SCENARIO_KEYS["[[probe]]"], "[[probe]]", "probe", index)
            line = where.line("probe", index, "at")
            if "at" not in probe:
                raise self.fail("[[probe]] needs at = SECONDS", where.line("probe", index))
            probes.append((self.seconds(probe["at"], "probe at", line), line))
        audio = self.audio(data.get("audio", {}))
        return Scenario(
            path=self.shown,
            until=until,
            calls=tuple(calls),
            inputs=tuple(inputs),
            urls=urls,
            probes=tuple(probes),
            options=self.options(data.get("options", {})),
            durations=self.durations(data.get("durations", {})),
            api=tuple(api),
            rest=tuple(rest),
            mpc_options=self.mpc_options(data.get("mpc_options")),
            sample_rate=sample_rate,
            voices=tuple(voices),
            audio=audio,
            **connection,
        )

    def connection(self, data: dict[str, Any]) -> dict[str, Any]:
        """The top-level app, base_url, auth_token, auth_id, timeout and strict keys, checked
        (and the app imported): Scenario's keyword arguments."""

        def line(key: str) -> int:
            return self.where.line("", 0, key)

        found: dict[str, Any] = {}
        if "strict" in data:
            if not isinstance(data["strict"], bool):
                raise self.fail(f"strict must be true or false, not {shown(data['strict'])}", line("strict"))
            found["strict"] = data["strict"]
        if "auth_id" in data:  # (the served API's account: with or without base_url)
            try:
                found["auth_id"] = admit(AUTH_ID, data["auth_id"], "auth_id")
            except SimulationError as error:
                raise self.fail(str(error), line("auth_id")) from None
        base_url = data.get("base_url")
        for key in ("app", "auth_token", "timeout"):
            if key in data and base_url is None:
                needs = {
                    "app": "the URL your app's routes are under",
                    "auth_token": "only requests to your app or server are signed",
                    "timeout": "the time a request to your app or server may take",
                }[key]
                message = f'{key} needs base_url = "..." ({needs}, e.g. base_url = "https://app.example")'
                raise self.fail(message, line(key))
        if base_url is None:
            return found
        url = self.checked(URL, base_url, "base_url", line("base_url"))
        parts = urlsplit(url)
        if parts.query or parts.fragment or not parts.netloc:
            message = (
                f"base_url = {shown(url)} is not allowed; allowed: the scheme and host your app's routes "
                'are under, and optionally a path (e.g. "https://app.example"), with no ?query or #fragment'
            )
            raise self.fail(message, line("base_url"))
        found["base_url"] = url
        found["app_line"] = line("base_url")
        if "auth_token" in data:
            found["auth_token"] = self.text(data["auth_token"], "auth_token", line("auth_token"))
        if "timeout" in data:
            try:
                found["timeout"] = admit(POSITIVE, data["timeout"], "timeout (seconds)")
            except SimulationError as error:
                raise self.fail(str(error), line("timeout")) from None
        if "app" in data:
            found["app"] = self.app(data["app"], line("app"), found.get("auth_token", DEFAULT_AUTH_TOKEN))
            found["app_line"] = line("app")
        return found

    def app(self, value: object, line: int, auth_token: str) -> Any:
        """The app ``"module:attribute"`` names, imported from the scenario's folder;
        a factory (``"module:create_app()"``) is given ``auth_token`` if it has a
        parameter of that name."""
        usage = (
            'app must be "module:attribute", e.g. "answer_app:app" (answer_app.py next to the scenario), '
            'or "answer_app:create_app()" to call a factory'
        )
        if not isinstance(value, str):
            raise self.fail(f"{usage}; not {shown(value)}", line)
        module_name, colon, attribute = value.strip().partition(":")
        factory = attribute.endswith("()")
        if factory:
            attribute = attribute[:-2]
        if not colon or not all(part.isidentifier() for part in (*module_name.split("."), *attribute.split("."))):
            raise self.fail(f"{usage}; not {shown(value)}", line)
        module = self.import_app_module(module_name, value, line)
        target: Any = module
        where = getattr(module, "__file__", None) or module_name
        for depth, part in enumerate(attribute.split(".")):
            owner = ".".join([module_name, *attribute.split(".")[:depth]])
            try:
                target = getattr(target, part)
            except AttributeError:
                message = f"app = {value!r}: {owner} ({where}) has no attribute {part!r}"
                raise self.fail(message, line) from None
            except Exception as error:  # a property or __getattr__ that raises
                message = f"app = {value!r}: reading {owner}.{part} raised {_first_line(error)}"
                raise self.fail(message, line) from None
        if factory:
            if not callable(target):
                message = f"app = {value!r}: {attribute} is a {type(target).__name__}, not a function to call"
                raise self.fail(message, line)
            keywords = self.factory_keywords(target, value, attribute, line, auth_token)
            try:
                target = target(**keywords)
            except (Exception, SystemExit) as error:
                raise self.fail(f"app = {value!r}: calling {attribute}() raised {_first_line(error)}", line) from None
        if not callable(target):
            got = f"{attribute}() returned" if factory else f"{attribute} is"
            message = (
                f"app = {value!r}: {got} a {type(target).__name__}, not a WSGI or ASGI app (a callable: "
                "a Flask, Django, Starlette or FastAPI app object)"
            )
            raise self.fail(message, line)
        return target

    def factory_keywords(self, factory: Any, value: str, attribute: str, line: int, auth_token: str) -> dict[str, str]:
        """What an app factory is called with: ``auth_token`` (the scenario's, the one
        requests are signed with) if it takes a parameter of that name, else nothing."""
        try:
            parameters = inspect.signature(factory).parameters
        except (TypeError, ValueError):  # (no signature to read: a builtin; it is called bare)
            return {}
        token = parameters.get("auth_token")
        if token is not None and token.kind is inspect.Parameter.POSITIONAL_ONLY:
            token = None  # (a positional-only parameter cannot be named)
        needed = [
            name
            for name, parameter in parameters.items()
            if parameter.default is inspect.Parameter.empty
            and parameter.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
            and parameter is not token
        ]
        if needed:
            message = (
                f"app = {value!r}: {attribute}() needs {', '.join(map(repr, needed))}; a scenario calls a factory "
                "with no arguments, or with auth_token= if it has a parameter of that name"
            )
            raise self.fail(message, line)
        return {} if token is None else {"auth_token": auth_token}

    def import_app_module(self, name: str, value: str, line: int) -> Any:
        """Module ``name``, imported with the scenario's folder first on sys.path
        (sys.path is restored after). A module of that name already imported from
        elsewhere does not shadow the folder's own; it is put back after."""
        folder = os.path.abspath(self.base)
        top = name.partition(".")[0]
        cached = sys.modules.get(top)
        shadowed: dict[str, Any] = {}
        if cached is not None and not _module_within(cached, folder) and _folder_provides(folder, top):
            shadowed = {key: module for key, module in sys.modules.items() if key == top or key.startswith(top + ".")}
            for key in shadowed:
                del sys.modules[key]
        sys.path.insert(0, folder)
        importlib.invalidate_caches()
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            missing = error.name or ""
            if missing and (name == missing or name.startswith(missing + ".")):
                message = (
                    f"app = {value!r}: no module {missing!r} in {folder} (the scenario's folder) "
                    f"or on sys.path: {_first_line(error, named=False)}"
                )
            else:
                message = f"app = {value!r}: cannot import module {name!r} (from {folder}): {_first_line(error)}"
            raise self.fail(message, line) from None
        except SyntaxError as error:
            message = f"app = {value!r}: cannot import module {name!r} (from {folder}): {_first_line(error)}"
            raise self.fail(message, line) from None
        except (Exception, SystemExit) as error:
            message = f"app = {value!r}: importing module {name!r} (from {folder}) raised {_first_line(error)}"
            raise self.fail(message, line) from None
        finally:
            with contextlib.suppress(ValueError):  # (ValueError: the module took it out itself)
                sys.path.remove(folder)
            for key, module in shadowed.items():  # (the app keeps its own module objects)
                sys.modules[key] = module

    def sample_rate(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value not in AUDIO_RATES:
            message = f"sample_rate = {shown(value)} is not allowed; allowed: 8000, 16000 or 48000 (Hz)"
            raise self.fail(message, self.where.line("", 0, "sample_rate"))
        return value

    def audio(self, table: object) -> tuple[tuple[str, str, int], ...]:
        """The [audio] table: (Play URL, WAV path relative to the scenario, line)."""
        if not isinstance(table, dict):
            message = 'audio must be a table: [audio] then "URL" = "FILE.wav" (a path relative to the scenario)'
            raise self.fail(message, self.where.line("", 0, "audio"))
        found = []
        for url, value in table.items():
            line = self.where.line("audio", 0, url)
            if self.where.section("audio") is None:  # a dotted or inline table
                line = self.where.line("", 0, "audio")
            path = self.text(value, f"[audio] {url!r}", line)
            found.append((url, str(self.base / path), line))
        return tuple(found)

    def voice(self, name: str, table: dict[str, Any], line: Any) -> _Voice | None:
        """The tone, audio and talk_from keys of call ``name`` (``line(key)``: a key's line)."""
        what = f"call {name!r}"
        if "tone" in table and "audio" in table:
            second = max(("tone", "audio"), key=line)
            message = f'{what}: give tone = HZ or audio = "FILE.wav", not both (what the caller says)'
            raise self.fail(message, line(second))
        talk = "declared"
        if "talk_from" in table:
            value = table["talk_from"]
            if not isinstance(value, str) or value not in TALK_FROM:
                message = (
                    f'{what}: talk_from must be "energy" (talk spurts derived from its audio), not {shown(value)} '
                    "(for declared talk spurts, give talk = [...] and leave talk_from out)"
                )
                raise self.fail(message, line("talk_from"))
            if "tone" in table:
                message = (
                    f'{what}: talk_from = "energy" needs recorded audio (audio = "FILE.wav"), not a tone: '
                    "a tone never pauses"
                )
                raise self.fail(message, line("talk_from"))
            if "audio" not in table:
                message = f'{what}: talk_from = "energy" derives talk spurts from audio = "FILE.wav": give one'
                raise self.fail(message, line("talk_from"))
            talk = value
        if "tone" in table:
            tone = table["tone"]
            if isinstance(tone, bool) or not isinstance(tone, (int, float)):
                raise self.fail(f"{what}: tone must be a frequency in Hz (a number), not {shown(tone)}", line("tone"))
            return _Voice(name, line("tone"), tone=tone, talk=talk)
        if "audio" in table:
            path = self.text(table["audio"], f"{what}: audio", line("audio"))
            return _Voice(name, line("audio"), wav=str(self.base / path), talk=talk)
        return None

    def energy_without_talk(self, inputs: list[_Input]) -> None:
        """A call whose talk spurts come from its audio (talk_from) takes no declared ones."""
        for item in inputs:
            if item.kind == "talk" and item.call in self._talk_from_lines:
                message = (
                    f'call {item.call!r}: talk_from = "energy" derives its talk spurts from its audio, '
                    f"but talk spurts are given too (line {item.line}): use one or the other"
                )
                raise self.fail(message, self._talk_from_lines[item.call])

    def call(
        self, index: int, table: dict[str, Any], names: dict[str, int], inputs: list[_Input], voices: list[_Voice]
    ) -> CallSpec:
        where = self.where

        def line(key: str | None = None) -> int:
            return where.line("call", index, key)

        self.keys(table, CALL_KEYS, "[[call]]", "call", index)
        if "name" not in table:
            raise self.fail(f"[[call]] #{index + 1} needs name = ...", line())
        name = self.text(table["name"], "call name", line("name"))
        if name in names:
            message = f"there is already a call named {name!r} (line {names[name]}); names must be unique"
            raise self.fail(message, line("name"))
        names[name] = line("name")
        what = f"call {name!r}"
        if "answers" in table:
            return self.callee(name, table, line, inputs=inputs, voices=voices, index=index)
        for key in CALLEE_ONLY:
            if key in table:
                message = f'{what}: {key} goes with answers = "NUMBER" (a callee a <Dial> rings), which is missing'
                raise self.fail(message, line(key))
        answer, answer_url, answer_method = self.answer_of(name, table, line)
        app_urls = self.app_urls_of(name, table, line)
        at = self.seconds(table.get("at", _CALL.key("at").default), f"{what}: at", line("at"))
        hangup = None
        if "hangup" in table:
            hangup = self.seconds(table["hangup"], f"{what}: hangup", line("hangup"))
            if hangup < at:
                raise self.fail(f"{what} hangs up at t={hangup}, before it is answered at t={at}", line("hangup"))
        numbers: dict[str, str] = {}
        for key in ("from", "to"):
            if key in table:
                numbers[key] = self.checked(PHONE_NUMBER, table[key], f"{what}: {key}", line(key))
        direction = table.get("direction", _CALL.key("direction").default)
        direction = self.checked(DIRECTION, direction, f"{what}: direction", line("direction"))
        self.inputs_and_voice(name, table, line, inputs=inputs, voices=voices, index=index)
        return CallSpec(
            name,
            answer,
            at,
            hangup,
            line(),
            numbers.get("from"),
            numbers.get("to"),
            direction,
            answer_url,
            answer_method,
            app_urls,
        )

    def callee(
        self, name: str, table: dict[str, Any], line: Any, *, inputs: list[_Input], voices: list[_Voice], index: int
    ) -> CallSpec:
        """A ``[[call]]`` with ``answers``: a callee (Simulation.callee)."""
        what = f"call {name!r}"
        for key in NOT_FOR_CALLEES:
            if key in table:
                message = (
                    f"{what}: {key} does not go with answers (a callee is answered when a <Dial> "
                    "rings its number, with no document of its own)"
                )
                raise self.fail(message, line(key))
        answers = self.checked(DIAL_TARGET, table["answers"], f"{what}: answers", line("answers"))
        ring = self.seconds(table.get("ring", _CALL.key("ring").default), f"{what}: ring", line("ring"))
        refuse = table.get("refuse")
        if refuse is not None and refuse not in REFUSALS:
            message = f'{what}: refuse must be "busy", "no-answer" or "failed", not {shown(refuse)}'
            raise self.fail(message, line("refuse"))
        hangup = None
        if "hangup" in table:
            hangup = self.seconds(table["hangup"], f"{what}: hangup (seconds after it answers)", line("hangup"))
            if refuse is not None:
                message = f"{what}: hangup (seconds after it answers) goes with a callee that answers, not refuse"
                raise self.fail(message, line("hangup"))
        self.inputs_and_voice(name, table, line, inputs=inputs, voices=voices, index=index)
        return CallSpec(name, None, 0, hangup, line(), answers=answers, ring=ring, refuse=refuse)

    def inputs_and_voice(
        self, name: str, table: dict[str, Any], line: Any, *, inputs: list[_Input], voices: list[_Voice], index: int
    ) -> None:
        """A ``[[call]]``'s own digits, talk and speech, and its voice."""
        where = self.where
        what = f"call {name!r}"
        for kind, allowed in INPUT_KEYS.items():
            items = self.tables(table.get(kind, []), f"call.{kind}", line(kind))
            for number, item in enumerate(items):
                here = where.item("call", index, kind, number)
                for key in item:
                    if key not in allowed:
                        raise self.fail(unknown_key(key, allowed, f"{what} {kind}"), here)
                inputs.append(self.input(kind, name, item, here, lambda key, h=here: h))
        voice = self.voice(name, table, line)
        if voice is not None:
            voices.append(voice)
            if voice.talk == "energy":
                self._talk_from_lines[name] = line("talk_from")

    def url_and_method(
        self, what: str, table: dict[str, Any], line: Any, url_key: str, method_key: str
    ) -> tuple[str, str]:
        """A call's URL ``url_key`` and its method ``method_key`` (GET or POST,
        default POST), checked; a method without its URL is refused. ("", method)
        when the URL is not given."""
        method = table.get(method_key, _CALL.key(method_key).default)
        if url_key not in table:
            if method_key in table:
                named = url_key.removesuffix("_url").replace("_", " ")
                how = f"how the {named} URL is requested"
                message = f"{what}: {method_key} goes with {url_key} ({how}), which is missing"
                raise self.fail(message, line(method_key))
            return "", method
        url = self.checked(URL, table[url_key], f"{what}: {url_key}", line(url_key))
        if not isinstance(method, str) or method not in METHOD.choices:
            message = f'{what}: {method_key} must be "GET" or "POST", not {shown(method)}'
            raise self.fail(message, line(method_key))
        return url, method

    def app_urls_of(self, name: str, table: dict[str, Any], line: Any) -> dict[str, str]:
        """Call ``name``'s hangup_url and fallback_answer_url with their methods (P1),
        as keyword arguments of Simulation.call."""
        what = f"call {name!r}"
        if "fallback_answer_url" in table and "answer_url" not in table:
            message = f"{what}: fallback_answer_url goes with answer_url (asked when it fails), which is missing"
            raise self.fail(message, line("fallback_answer_url"))
        urls: dict[str, str] = {}
        for url_key, method_key in APP_URL_KEYS:
            url, method = self.url_and_method(what, table, line, url_key, method_key)
            if url:
                urls.update({url_key: url, method_key: method})
        return urls

    def answer_of(self, name: str, table: dict[str, Any], line: Any) -> tuple[Response | None, str | None, str]:
        """Call ``name``'s answer document, or its answer URL and method: (document, URL, method)."""
        what = f"call {name!r}"
        if "answer" in table and "answer_url" in table:
            second = max(("answer", "answer_url"), key=line)
            message = (
                f"{what}: give answer = (its XML) or answer_url = (the URL your app answers at), "
                "not both: one of the two"
            )
            raise self.fail(message, line(second))
        if "answer_url" in table:
            url, method = self.url_and_method(what, table, line, "answer_url", "answer_method")
            return None, url, method
        self.url_and_method(what, table, line, "answer_url", "answer_method")  # (no answer_method alone)
        if "answer" not in table:
            message = (
                f'{what} needs answer = ... (its XML: a file or inline) or answer_url = "..." '
                "(the URL your app answers at)"
            )
            raise self.fail(message, line())
        source = self.text(table["answer"], f"{what}: answer", line("answer"))
        answer = self.answer(source, f"{what}: answer", line("answer"))
        try:
            _answer_document(answer, name)
        except SimulationError as error:
            raise self.fail(str(error), line("answer")) from None
        return answer, None, _CALL.key("answer_method").default

    def input(self, kind: str, name: str, table: dict[str, Any], here: int, line: Any) -> _Input:
        if kind == "digits":
            for key in DIGITS_KEYS:
                if key not in table:
                    raise self.fail(f'digits of call {name!r} need at = SECONDS and press = "DIGITS"', here)
            at = self.seconds(table["at"], f"digits of call {name!r}: at", line("at"))
            press = table["press"]
            if not admits(DIGITS, press):
                message = f"digits of call {name!r}: press must be {DIGITS.allowed}, not {press!r}"
                raise self.fail(message, line("press"))
            return _Input(name, kind, at, here, digits=press)
        if kind == "speech":
            if "at" not in table or "text" not in table:
                raise self.fail(f'speech of call {name!r} needs at = SECONDS and text = "WHAT IS SAID"', here)
            at = self.seconds(table["at"], f"speech of call {name!r}: at", line("at"))
            text = self.text(table["text"], f"speech of call {name!r}: text", line("text"))
            confidence = table.get("confidence", FORMAT["[[call]] speech"].key("confidence").default)
            try:
                confidence = CONFIDENCE.clean(confidence)
            except Refused as why:
                message = f"speech of call {name!r}: confidence must be {why.args[0]}, not {shown(confidence)}"
                raise self.fail(message, line("confidence")) from None
            return _Input(name, kind, at, here, text=text, confidence=confidence)
        for key in TALK_KEYS:
            if key not in table:
                raise self.fail(f"talk of call {name!r} needs from = SECONDS and to = SECONDS", here)
        start = self.seconds(table["from"], f"talk of call {name!r}: from", line("from"))
        end = self.seconds(table["to"], f"talk of call {name!r}: to", line("to"))
        if end <= start:
            raise self.fail(f"talk of call {name!r} must end after it starts (from {start} to {end})", line("to"))
        return _Input(name, kind, start, here, end=end)

    def api(self, index: int, table: dict[str, Any], names: dict[str, int], added: dict[str, int]) -> _Api:
        """[[api]] #``index + 1``, checked. ``names``: the [[call]] calls and their lines;
        ``added``: the calls earlier entries add (an add here joins them)."""
        where = self.where
        what = f"[[api]] #{index + 1}"

        def line(key: str | None = None) -> int:
            if where.section("api", index) is None:  # an inline array: api = [{ ... }, ...]
                return where.item("", 0, "api", index)
            return where.line("api", index, key)

        for key in table:
            if key not in API_KEYS:
                raise self.fail(unknown_key(key, API_KEYS, what), line(key))
        if "at" not in table:
            raise self.fail(f"{what} needs at = SECONDS", line())
        at = self.seconds(table["at"], f"{what}: at", line("at"))
        actions = [key for key in table if key in API_ACTIONS]  # (in file order)
        if not actions:
            raise self.fail(f"{what} needs one of {', '.join(API_ACTIONS)}", line())
        kinds = ["update" if key in UPDATE_KEYS else key for key in actions]
        for key, kind in zip(actions, kinds, strict=True):
            if kind != kinds[0]:
                message = (
                    f"{what} mixes {actions[0]} and {key}: one action per [[api]] entry "
                    "(only hold, mute and coach_mode go together)"
                )
                raise self.fail(message, line(key))
        kind = kinds[0]
        keywords: dict[str, Any] = {}
        for key in actions:
            value = table[key]
            if key in UPDATE_KEYS and not isinstance(value, bool):
                raise self.fail(f"{what}: {key} must be true or false, not {shown(value)}", line(key))
            if key in ("kick", "end") and value is not True:
                message = f"{what}: {key} must be true, not {shown(value)} (for no {key}, leave {key} out)"
                raise self.fail(message, line(key))
            if key == "recording" and (not isinstance(value, str) or value not in RECORDING_ACTIONS):
                message = f"{what}: recording must be one of {', '.join(RECORDING_ACTIONS)}, not {shown(value)}"
                raise self.fail(message, line(key))
            if key in UPDATE_KEYS:
                keywords[key] = value
        mpc = self.text(table["mpc"], f"{what}: mpc", line("mpc")) if "mpc" in table else None
        if kind in ("update", "kick"):
            if "call" not in table:
                message = f'{what}: {actions[0]} needs call = "NAME" (a call of the file, or "all" with mpc = "NAME")'
                raise self.fail(message, line())
            call = self.text(table["call"], f"{what}: call", line("call"))
            if call == "all":
                if mpc is None:
                    message = f'{what}: call = "all" needs mpc = "NAME" (all the participants of which MultiPartyCall)'
                    raise self.fail(message, line("call"))
            elif call not in names and call not in added:
                known = ", ".join([*names, *added]) or "none"
                message = f'{what} names an unknown call {call!r} (calls: {known}; or "all" with mpc = "NAME")'
                raise self.fail(message, line("call"))
            if mpc is not None:
                keywords["mpc"] = mpc
            return _Api(kind, at, line(), call, keywords)
        if "call" in table:
            message = f'{what}: {kind} acts on a MultiPartyCall: name it with mpc = "NAME", not call'
            raise self.fail(message, line("call"))
        if mpc is None:
            raise self.fail(f'{what}: {kind} needs mpc = "NAME" (the MultiPartyCall\'s name)', line())
        if kind == "recording":
            return _Api(kind, at, line(), mpc, action=table["recording"])
        if kind == "end":
            return _Api(kind, at, line(), mpc)
        sub = where.subtable("api", index, "add")  # written as [api.add] under this [[api]]

        def add_line(key: str | None = None) -> int:
            if sub is None:
                return line("add")
            return sub.keys.get(key, sub.line) if key is not None else sub.line

        name, role, keywords = self.add(table["add"], f"{what}: add", names, added, add_line)
        added[name] = add_line("name")
        return _Api(kind, at, line(), mpc, keywords, name=name, role=role)

    def rest(self, index: int, table: dict[str, Any], calls: list[str]) -> RestEntry:
        """[[rest]] #``index + 1``, checked (plivoxml_plus.core.scenario._scenario_rest)."""
        where = self.where

        def line(key: str | None) -> int:
            if where.section("rest", index) is None:  # an inline array: rest = [{ ... }, ...]
                return where.item("", 0, "rest", index)
            return where.line("rest", index, key)

        return check_rest(table, f"[[rest]] #{index + 1}", line, self.fail, calls)

    def add(
        self, value: object, what: str, names: dict[str, int], added: dict[str, int], line: Any
    ) -> tuple[str, str, dict[str, Any]]:
        """An [[api]] add table: (the new call's name, its role, the other keywords)."""
        if not isinstance(value, dict):
            message = (
                f'{what} must be a table: add = {{ name = "CALL", role = "ROLE" }} '
                "(and optionally ring, from, to and MultiPartyCall attributes)"
            )
            raise self.fail(message, line())
        for key in value:
            if key in ADD_KEYS or key in ADD_ATTRIBUTES:
                continue
            python = {spec.xml: name for name, spec in MultiPartyCall.specs.items()}.get(key)
            if python in ADD_ATTRIBUTES:
                message = f"unknown key {key!r} in {what}: write {python} (MultiPartyCall attributes by Python name)"
            else:
                allowed = f"{', '.join(ADD_KEYS)} and the MultiPartyCall attributes by Python name: "
                message = unknown_key(key, (*ADD_KEYS, *ADD_ATTRIBUTES), what, allowed + ", ".join(ADD_ATTRIBUTES))
            raise self.fail(message, line(key))
        if "name" not in value or "role" not in value:
            message = f'{what} needs name = "CALL" and role = "ROLE" (Agent, Supervisor, Customer or ai-agent)'
            raise self.fail(message, line())
        name = self.text(value["name"], f"{what} name", line("name"))
        for calls in (names, added):
            if name in calls:
                message = f"{what} name: there is already a call named {name!r} (line {calls[name]}); names are unique"
                raise self.fail(message, line("name"))
        role = self.checked(MultiPartyCall.specs["role"].check, value["role"], f"{what} role", line("role"))
        keywords: dict[str, Any] = {}
        if "ring" in value:
            keywords["ring"] = self.seconds(value["ring"], f"{what} ring", line("ring"))
        for key, keyword in (("from", "from_"), ("to", "to")):
            if key in value:
                keywords[keyword] = self.checked(PHONE_NUMBER, value[key], f"{what} {key}", line(key))
        for key, item in value.items():
            if key in ADD_ATTRIBUTES:
                try:
                    admit(MultiPartyCall.specs[key].check, item, f"{what} {key}")
                except SimulationError as error:
                    raise self.fail(str(error), line(key)) from None
                keywords[key] = item
        return name, role, keywords

    def options(self, table: object) -> ConferenceOptions:
        return self._options(ConferenceOptions, "options", table)

    def mpc_options(self, table: object) -> MpcOptions | None:
        return None if table is None else self._options(MpcOptions, "mpc_options", table)

    def _options(self, cls: type[Opts], name: str, table: object) -> Opts:
        """The ``[name]`` table as a ``cls`` (its fields are the table's keys)."""
        if not isinstance(table, dict):
            raise self.fail(f"{name} must be a table: [{name}]", self.where.line("", 0, name))
        self.keys(table, cls.names(), f"[{name}]", name, 0)
        try:
            return cls(**table)
        except (ValueError, TypeError) as error:
            raise self.fail(str(error), self._field_line(name, str(error))) from None

    def durations(self, table: object) -> DurationModel:
        line = self.where.line("", 0, "durations")
        if not isinstance(table, dict):
            raise self.fail("durations must be a table: [durations]", line)
        self.keys(table, DURATION_KEYS, "[durations]", "durations", 0)
        values = dict(table)
        if "play" in values:
            values["play_seconds"] = values.pop("play")
        try:
            return DurationModel(**values)
        except (ValueError, TypeError) as error:
            raise self.fail(str(error), self._field_line("durations", str(error))) from None

    def _field_line(self, table: str, message: str) -> int:
        found = re.search(r"\.(\w+)", message)
        key = found.group(1) if found else None
        if table == "durations" and key == "play_seconds":
            key = "play"
        section = self.where.section(table)
        if section is None:  # written as a dotted or inline table
            return self.where.line("", 0, table)
        return self.where.line(table, 0, key)


def _first_line(error: BaseException, *, named: bool = True) -> str:
    """``Type: first line of the message`` (or just the line), for a one-line report."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    if not named:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _module_within(module: Any, folder: str) -> bool:
    """Whether ``module`` (a module or a package) was loaded from ``folder``."""
    package = os.path.join(folder, str(getattr(module, "__name__", "")).partition(".")[0])
    file = getattr(module, "__file__", None)
    if isinstance(file, str) and os.path.dirname(os.path.abspath(file)) in (folder, package):
        return True
    paths = getattr(module, "__path__", None) or []
    return any(isinstance(place, str) and os.path.abspath(place) == package for place in paths)


def _folder_provides(folder: str, top: str) -> bool:
    """Whether ``folder`` holds a module or package named ``top``."""
    if os.path.isdir(os.path.join(folder, top)):
        return True
    return any(os.path.isfile(os.path.join(folder, top + suffix)) for suffix in importlib.machinery.all_suffixes())


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and check a scenario file; every problem is a ScenarioError at ``FILE:LINE``."""
    try:
        name = os.fspath(path)
    except TypeError:
        raise ScenarioError(f"a scenario is a path (str or os.PathLike), not {type(path).__name__}") from None
    shown = name if isinstance(name, str) else os.fsdecode(name)
    try:
        raw = read_file(shown, SCENARIO_MAX_BYTES)
    except FileRefused as error:
        reason = error.reason
        if isinstance(error, FileTooLarge):
            reason += f" (SCENARIO_MAX_BYTES, {SCENARIO_MAX_BYTES >> 20} MiB)"
        raise ScenarioError(f"cannot read the scenario: {reason}", path=error.path) from None
    file = Path(shown)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError(
            "the scenario is not UTF-8 text", path=shown, line=raw[: error.start].count(b"\n") + 1
        ) from None
    layout = scan(text)
    if layout.too_deep is not None:  # (before the TOML reader, which recurses once per level)
        raise ScenarioError(_TOO_DEEP, path=shown, line=layout.too_deep)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        line = None
        if found:
            line = int(found.group(1))
            message = message[: found.start()] + f" (column {found.group(2)})"
        elif message.endswith("(at end of document)"):
            line = text.rstrip("\n").count("\n") + 1  # (the last line; TOML's lines end at \n only)
            message = message[: -len("(at end of document)")] + "(at the end of the file)"
        raise ScenarioError(f"invalid TOML: {message}", path=shown, line=line) from None
    except ValueError as error:  # tomllib lets int() refuse a literal of over 4300 digits
        long = re.search(r"[0-9a-fA-F_]{4000,}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else None
        raise ScenarioError(f"invalid TOML: a number too long to read ({error})", path=shown, line=line) from None
    loader = _Loader(file, shown, text, layout)
    nested, depth = deepest(data)
    if depth > MAX_DEPTH:  # (table headers and dotted keys nest without brackets: counted once read)
        raise loader.fail(_TOO_DEEP, loader.where.path_line(nested))
    scenario = loader.load(data)
    # schedule once: every timing problem is reported now, with its line
    scenario.simulation().close()
    return scenario
