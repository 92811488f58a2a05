"""The scenario format, declared once: every table of a scenario file, its keys,
and each key's value (as a JSON Schema fragment), default, whether it is
required, what it means and an example.

From this declaration come the loader's key checks (``_scenario``: unknown keys
with "did you mean", required keys, the key lists of its messages), the
published JSON Schema ``schemas/scenario.schema.json`` and the reference page
``docs/scenario-reference.md`` (``_format_outputs``, which regenerates both:
``python -m plivoxml_plus.core.scenario._format_outputs``). What a schema cannot
say (a call named twice, a file that does not exist, invalid XML, an input
after the hangup...) stays in the loader's code, which checks the values too,
each with its own message at ``FILE:LINE``; tests/test_scenario_schema.py
proves the schema and the loader give the same verdict on every shipped
scenario and on a generated corpus of bad ones.

The fields of ``[options]``, ``[mpc_options]`` and ``[durations]``, and the
MultiPartyCall attributes an ``[[api]]`` add may set, are not copied here: they
are read from their classes (ConferenceOptions, MpcOptions, DurationModel,
MultiPartyCall), each value's schema from the check that validates it.

The schema keywords used are those that mean the same in JSON Schema draft 4
and draft 7 (no ``const``, no numeric ``exclusiveMinimum``, no ``if``), so
Taplo, which implements draft 4 (taplo.tamasfe.dev, "Developing Schemas" [doc]),
and draft-7 validators such as ``jsonschema`` read it alike.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ...elements._checks import (
    DTMF_PATTERN,
    Boolean,
    Check,
    Choice,
    Integer,
    OrWords,
    Pattern,
    Refused,
    StringList,
    non_capturing,
)
from ...elements._values import METHOD, URL
from ...elements.multiparty import MultiPartyCall
from .._durations import DurationModel
from .._options import ConferenceOptions, MpcOptions
from .._settings import (
    AT_LEAST_ZERO,
    AUDIO_RATES,
    AUTH_ID,
    CONFIDENCE,
    DIRECTION,
    MAX_MS,
    PHONE_NUMBER,
    POSITIVE,
    Fraction,
    Rate,
    Seconds,
)
from .._simulation import DEFAULT_AUTH_ID
from ..callflow._dial import DIAL_TARGET, REFUSALS

__all__ = [
    "DIGITS",
    "FORMAT",
    "NO_DEFAULT",
    "STATUS",
    "Key",
    "Table",
    "admits",
    "closest",
    "schema_of",
    "unknown_key",
]

Schema = dict[str, Any]


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()  # a key with no default value (absent: not set)


@attrs.frozen
class Key:
    """One key of a table. ``schema``: its value's JSON Schema (for a table or an
    array of tables, the ``table`` it holds); ``value``: the value in words;
    ``default``: what applies when it is absent (NO_DEFAULT: nothing)."""

    name: str
    value: str
    what: str
    schema: Schema = attrs.field(factory=dict)
    default: Any = NO_DEFAULT
    required: bool = False
    example: Any = NO_DEFAULT
    table: Table | None = None  # the table it holds (an array of them with ``array``)
    array: bool = False
    check: Check[Any] | None = None  # the check its values pass, if the schema is that check's
    owner: type | None = None  # the attrs class it is a field of ([options]...): its comment says what

    @property
    def json_schema(self) -> Schema:
        """Its value's schema (made when asked: loading a scenario never needs it)."""
        return schema_of(self.check) if self.check is not None else self.schema

    @property
    def description(self) -> str:
        """What it means (for a class's field, its comment there, made when asked)."""
        note = _field_notes(self.owner).get(self.name) if self.owner is not None else None
        return f"{note} ({self.what})" if note else self.what


@attrs.frozen
class Table:
    """A table of the format. ``where``: its name in messages and the reference
    page ("" for the top level); ``values``: for a table keyed by the user (URLs),
    the schema of every value (then ``keys`` is empty); ``requires``: keys that
    need others; ``excludes``: keys that may not go with others; ``one_of``:
    keys of which at least one must be given."""

    where: str
    what: str
    keys: tuple[Key, ...] = ()
    values: Schema | None = None
    requires: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    excludes: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    one_of: tuple[str, ...] = ()
    more: str = ""  # what else the reference page says about it

    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    def key(self, name: str) -> Key:
        for key in self.keys:
            if key.name == name:
                return key
        raise KeyError(name)

    def required(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys if key.required)


# -- a check's values, as JSON Schema ----------------------------------------------------

_CLOCK_SECONDS = MAX_MS // 1000  # the last whole second the clock holds (_settings.MAX_SECONDS)


def _above(minimum: float) -> Schema:
    # "> minimum" the draft-4 and draft-7 way alike: at least it, and not it
    return {"minimum": minimum, "not": {"enum": [minimum]}}


def _case_insensitive(choice: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else ("\\" + c if not c.isalnum() else c) for c in choice)


def schema_of(check: Check[Any]) -> Schema:
    """The JSON Schema of the values ``check`` admits (as near as a schema says it)."""
    if isinstance(check, Boolean):
        return {"type": "boolean"}
    if isinstance(check, Integer):
        return {"type": "integer", "minimum": check.minimum, "maximum": check.maximum}
    if isinstance(check, Choice):
        if check.case_insensitive:
            return {"type": "string", "pattern": "^(?:" + "|".join(map(_case_insensitive, check.choices)) + ")$"}
        return {"type": "string", "enum": list(check.choices)}
    if isinstance(check, Pattern):
        found: Schema = {"type": "string", "pattern": f"^(?:{non_capturing(check.pattern)})$"}
        if check.maximum is not None:
            found["maxLength"] = check.maximum
        return found
    if isinstance(check, Seconds):
        found = {"type": "number", "maximum": _CLOCK_SECONDS}
        return {**found, **(_above(check.minimum) if not check.inclusive else {"minimum": check.minimum})}
    if isinstance(check, Rate):
        return {"type": "number", **_above(0)}
    if isinstance(check, Fraction):
        return {"type": "number", "minimum": 0, "maximum": 1}
    if isinstance(check, OrWords):
        return {"anyOf": [{"type": "string", "enum": list(check.words)}, schema_of(check.other)]}
    if isinstance(check, StringList):
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": schema_of(check.item), "minItems": 1}]}
    # the text checks (Text, PhoneNumber, a Dial target...): a string with a non-space in it
    return _TEXT


_TEXT: Schema = {"type": "string", "pattern": "\\S"}
DIGITS = Pattern(DTMF_PATTERN, "a string of 0-9, * and #", xml=False)  # what a call presses
STATUS = Integer(200, 599)  # what a [[rest]] entry may expect: an HTTP status
_HALF = max(AUDIO_RATES) // 2  # a tone is below half the sample rate (the highest rate's, here)


def _in_words(check: Check[Any]) -> str:
    """What ``check`` admits, in a scenario's (TOML's) words."""
    return "true or false" if isinstance(check, Boolean) else str(check.allowed)


def admits(check: Check[Any], value: object) -> bool:
    """Whether ``check`` admits ``value``."""
    try:
        check.clean(value)
    except Refused:
        return False
    return True


def _field_check(field: attrs.Attribute[Any]) -> Check[Any] | None:
    """The check an attrs field's validator (``_settings.checked(CHECK)``) applies."""
    validator = field.validator
    code, cells = getattr(validator, "__code__", None), getattr(validator, "__closure__", None)
    if code is None or cells is None:
        return None
    # (the closure's variables, as inspect.getclosurevars reads them without its slow globals scan)
    check = dict(zip(code.co_freevars, (cell.cell_contents for cell in cells), strict=True)).get("check")
    return check if isinstance(check, Check) else None


_FIELD = re.compile(r"    (\w+): [^=]+= attrs\.field\(.*?(?:\)\s*#\s*(.*))?$")


@functools.cache
def _field_notes(cls: type) -> dict[str, str]:
    """What the comments of attrs class ``cls`` say of each field: the comment
    lines above it, or the comment after it (the class's source is where each
    option's rule is documented: one truth, read, not copied)."""
    notes: dict[str, str] = {}
    above: list[str] = []
    shared = ""  # the comment above the field just before: one comment may cover a run of fields
    for line in inspect.getsource(cls).splitlines():
        stripped = line.strip()
        field = _FIELD.match(line)
        if stripped.startswith("#"):
            above.append(stripped.lstrip("#").strip())
        elif field is not None:
            shared = " ".join(above) or (shared if field.group(2) is None else "")
            notes[field.group(1)] = shared or (field.group(2) or "").strip()
            above = []
        elif not stripped or not line.startswith("        "):  # (a field's continuation lines keep it)
            above, shared = [], ""
    return notes


def _fields(cls: type, what: str, renamed: Mapping[str, Key] | None = None) -> tuple[Key, ...]:
    """The keys of a table holding the fields of attrs class ``cls`` (``renamed``:
    fields written under another key, with that key)."""
    keys = []
    for field in attrs.fields(cls):
        if renamed and field.name in renamed:
            keys.append(renamed[field.name])
            continue
        check = _field_check(field)
        default = NO_DEFAULT if field.default is attrs.NOTHING else field.default
        keys.append(
            Key(
                field.name,
                _in_words(check) if check is not None else "see the class",
                f"{cls.__name__}.{field.name}; {what}",
                default=default,
                check=check,
                owner=cls,
            )
        )
    return tuple(keys)


# -- the format ---------------------------------------------------------------------------


def _input(kind: str, *, named: bool) -> Table:
    """A call's digits, talk or speech entry; ``named``: a top-level one, naming its call."""
    call = (Key("call", "a call's name", "the [[call]] it is for", _TEXT, required=True, example="alice"),)
    keys: dict[str, tuple[Key, ...]] = {
        "digits": (
            Key("at", "seconds", "when the digits are pressed", check=AT_LEAST_ZERO, required=True, example=30),
            Key(
                "press",
                "digits 0-9, * and #",
                "the digits pressed",
                check=DIGITS,
                required=True,
                example="99",
            ),
        ),
        "talk": (
            Key("from", "seconds", "when the talk spurt starts", check=AT_LEAST_ZERO, required=True, example=10),
            Key("to", "seconds, after from", "when it ends", check=AT_LEAST_ZERO, required=True, example=20),
        ),
        "speech": (
            Key("at", "seconds", "when the phrase is finished", check=AT_LEAST_ZERO, required=True, example=8),
            Key("text", "text", "what is said", _TEXT, required=True, example="sales"),
            Key(
                "confidence",
                "a number from 0 to 1",
                "how sure the recogniser is",
                check=CONFIDENCE,
                default=0.9,
                example=0.9,
            ),
        ),
    }
    what = {
        "digits": "digits pressed at a time",
        "talk": "a talk spurt: when the caller speaks",
        "speech": "a phrase a <GetInput> recognises, said by `at`",
    }[kind]
    if named:
        return Table(f"[[{kind}]]", f"{what}, naming its call (to write inputs in time order)", (*call, *keys[kind]))
    return Table(f"[[call]] {kind}", f"{what} (an inline array, or [[call.{kind}]] tables)", keys[kind])


_CALL = Table(
    "[[call]]",
    "a call: answered at a time with a document (answer) or from a URL (answer_url), "
    "or a callee (answers) that a <Dial> rings",
    (
        Key("name", "a non-blank string", "the call's unique label", _TEXT, required=True, example="alice"),
        Key(
            "answer",
            "inline XML starting with <, or a file relative to the scenario",
            "the call's answer document",
            _TEXT,
            example="alice.xml",
        ),
        Key("answer_url", "a URL", "the URL the platform asks for the answer document", check=URL),
        Key("answer_method", "GET or POST", "the method of the answer request", check=METHOD, default="POST"),
        Key("hangup_url", "a URL", "requested once when the call ends, with Plivo's hangup parameters (P1)", check=URL),
        Key("hangup_method", "GET or POST", "the method of the hangup request", check=METHOD, default="POST"),
        Key("fallback_answer_url", "a URL", "asked when the answer URL fails (P1)", check=URL),
        Key("fallback_method", "GET or POST", "the method of the fallback request", check=METHOD, default="POST"),
        Key("at", "seconds", "when the call is answered", check=AT_LEAST_ZERO, default=0, example=0),
        Key(
            "hangup",
            "seconds",
            "when the caller hangs up (for a callee: seconds after it answers)",
            check=AT_LEAST_ZERO,
            example=300,
        ),
        Key("from", "a phone number or SIP URI", "the From its requests carry", check=PHONE_NUMBER),
        Key("to", "a phone number or SIP URI", "the To its requests carry", check=PHONE_NUMBER),
        Key(
            "direction",
            "inbound or outbound",
            "the Direction its requests carry",
            check=DIRECTION,
            default="inbound",
        ),
        *(
            Key(kind, "an array of tables", f"its {kind} (below)", table=_input(kind, named=False), array=True)
            for kind in ("digits", "talk", "speech")
        ),
        Key(
            "tone",
            "Hz, above 0 and below half the sample rate",
            "what it says: a sine at -12 dBFS (audio.md)",
            {"type": "number", "minimum": 0, "maximum": _HALF, "not": {"enum": [0, _HALF]}},
            example=500,
        ),
        Key("audio", "a WAV file relative to the scenario", "what it says: a mono 16-bit WAV at sample_rate", _TEXT),
        Key(
            "talk_from",
            '"energy"',
            "with audio and no talk: its talk spurts come from the audio",
            {"type": "string", "enum": ["energy"]},
        ),
        Key(
            "answers",
            "a phone number or SIP URI",
            "a callee: answered when a <Dial> rings this",
            check=DIAL_TARGET,
            example="15551230000",
        ),
        Key("ring", "seconds", "a callee rings this long before answering", check=AT_LEAST_ZERO, default=3.0),
        Key(
            "refuse",
            ", ".join(REFUSALS),
            "a callee that never answers",
            {"type": "string", "enum": list(REFUSALS)},
        ),
    ),
    requires={
        "answer_method": ("answer_url",),
        "hangup_method": ("hangup_url",),
        "fallback_method": ("fallback_answer_url",),
        "fallback_answer_url": ("answer_url",),
        "talk_from": ("audio",),
        "ring": ("answers",),
        "refuse": ("answers",),
    },
    excludes={
        "answer": ("answer_url",),
        "tone": ("audio",),
        "refuse": ("hangup",),
        # a callee is answered when a <Dial> rings it, with no document or request of its own
        "answers": (
            "answer",
            "answer_url",
            "answer_method",
            "hangup_url",
            "hangup_method",
            "fallback_answer_url",
            "fallback_method",
            "at",
            "from",
            "to",
            "direction",
        ),
    },
    one_of=("answer", "answer_url", "answers"),
)

_ADD = Table(
    "[[api]] add",
    "the participant an add places; also any MultiPartyCall attribute, by its Python name",
    (
        Key("name", "a non-blank string", "the new call's name", _TEXT, required=True, example="agent2"),
        Key(
            "role",
            "Agent, Supervisor, Customer or ai-agent (any case)",
            "its role",
            check=MultiPartyCall.specs["role"].check,
            required=True,
            example="Agent",
        ),
        Key(
            "ring",
            "seconds",
            "how long it rings before answering (default: [mpc_options] add_participant_ring)",
            check=AT_LEAST_ZERO,
            default=attrs.fields(MpcOptions).add_participant_ring.default,
        ),
        Key("from", "a phone number or SIP URI", "the From of the call placed", check=PHONE_NUMBER),
        Key("to", "a phone number or SIP URI", "the To of the call placed", check=PHONE_NUMBER),
        *(
            Key(
                name,
                _in_words(spec.check),
                f"the MultiPartyCall attribute {spec.xml}",
                check=spec.check,
                default=NO_DEFAULT if spec.default is None else spec.default,
            )
            for name, spec in MultiPartyCall.specs.items()
            if name not in ("content", "role")  # (the MPC is named by mpc =, the role above)
        ),
    ),
)

_API_ACTIONS = ("hold", "mute", "coach_mode", "kick", "recording", "add", "end")
_API = Table(
    "[[api]]",
    "a REST API request on a MultiPartyCall at a time (the short form of its [[rest]] entries): "
    "hold, mute and coach_mode (together or alone) or kick, with call; recording, add or end, with mpc",
    (
        Key("at", "seconds", "when the request takes effect", check=AT_LEAST_ZERO, required=True, example=40),
        Key("call", 'a call\'s name, or "all" with mpc', "the participant", _TEXT, example="alice"),
        Key("mpc", "an MPC's name", "the MultiPartyCall", _TEXT, example="support"),
        Key("hold", "true or false", "hold or unhold the participant", {"type": "boolean"}, example=True),
        Key("mute", "true or false", "mute or unmute the participant", {"type": "boolean"}),
        Key("coach_mode", "true or false", "the participant's coach mode", {"type": "boolean"}),
        Key("kick", "true", "take the participant out", {"type": "boolean", "enum": [True]}),
        Key(
            "recording",
            "start, stop, pause or resume",
            "the MPC's recording",
            {"type": "string", "enum": ["start", "stop", "pause", "resume"]},
        ),
        Key("add", "a table", "add a participant (below)", table=_ADD),
        Key("end", "true", "end the MPC", {"type": "boolean", "enum": [True]}),
    ),
    one_of=_API_ACTIONS,
)

_PARAM_VALUE: Schema = {"type": ["string", "number", "boolean"]}
_REST = Table(
    "[[rest]]",
    "any request of the REST API the simulation serves, at a time (docs/simulation.md, REST API requests)",
    (
        Key("at", "seconds", "when the request is made", check=AT_LEAST_ZERO, required=True, example=70),
        Key(
            "method",
            "GET, POST or DELETE",
            "the request's HTTP method",
            {"type": "string", "enum": ["GET", "POST", "DELETE"]},
            required=True,
            example="POST",
        ),
        Key(
            "path",
            "a path under /v1/Account/{auth_id}/, with {uuid:NAME} and {member:NAME}",
            "the operation (docs/testing-apps.md lists each method and path)",
            {"type": "string", "pattern": "[^/ ]"},
            required=True,
            example="Call/{uuid:alice}/DTMF/",
        ),
        Key(
            "params",
            "a table of strings, numbers, booleans or arrays of them",
            "the request's parameters, Plivo's names (as plivo-python sends them)",
            {
                "type": "object",
                "additionalProperties": {"anyOf": [_PARAM_VALUE, {"type": "array", "items": _PARAM_VALUE}]},
            },
            default={},
            example={"digits": "1"},
        ),
        Key(
            "expect",
            "an HTTP status, 200-599",
            "the status the API must answer, else the run stops at this entry's line (default: any success)",
            check=STATUS,
            example=202,
        ),
    ),
)

_DOCUMENTS = Table(
    "[urls]",
    'what each URL the platform fetches returns: "URL" = inline XML starting with <, or a file relative '
    "to the scenario",
    values=_TEXT,
)
_AUDIO = Table("[audio]", 'the audio a <Play> URL plays: "URL" = "FILE.wav" (relative to the scenario)', values=_TEXT)
_PLAY_SECONDS = Key(
    "play",
    '{ "URL" = seconds }',
    "how long a Play of each URL takes (DurationModel.play_seconds)",
    {"type": "object", "additionalProperties": schema_of(POSITIVE)},
    default={},
)
_DURATIONS = Table(
    "[durations]",
    "how long Speak, Play, beeps and digits take (the fields of DurationModel)",
    _fields(DurationModel, "[durations]", {"play_seconds": _PLAY_SECONDS}),
)
_OPTIONS = Table(
    "[options]",
    "the simulator's choices where Plivo's docs are silent (the fields of ConferenceOptions; docs/rules.md)",
    _fields(ConferenceOptions, "docs/simulation.md, Options"),
)
_MPC_OPTIONS = Table(
    "[mpc_options]",
    "the MultiPartyCall choices (the fields of MpcOptions; docs/rules.md)",
    _fields(MpcOptions, "docs/simulation.md, Options"),
)
_PROBE = Table(
    "[[probe]]",
    "when to report who hears whom",
    (Key("at", "seconds", "the time", check=AT_LEAST_ZERO, required=True),),
)

_DOTTED = r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*"  # a dotted name of identifiers
_APP_PATTERN = rf"^\s*{_DOTTED}:{_DOTTED}(\(\))?\s*$"  # "module:attribute", "module:factory()"
TOP = Table(
    "",
    "the scenario: the run, your app, the calls, what URLs return, and requests at a time",
    (
        Key(
            "until",
            "seconds",
            "when the run stops (default: when every call has ended)",
            check=AT_LEAST_ZERO,
            example=600,
        ),
        Key(
            "sample_rate",
            "8000, 16000 or 48000",
            "the rate audio is mixed at, Hz (audio.md)",
            {"type": "integer", "enum": list(AUDIO_RATES)},
            default=8000,
        ),
        Key(
            "app",
            '"module:attribute" or "module:factory()"',
            "your WSGI or ASGI app, imported from the scenario's folder; a factory with a parameter named "
            "auth_token is called with the scenario's auth_token",
            {"type": "string", "pattern": _APP_PATTERN},
            example="answer_app:app",
        ),
        Key(
            "base_url",
            "a URL, no query or fragment",
            "the URL your app's routes are under (without app: real HTTP to a server running there)",
            {**schema_of(URL), "not": {"pattern": "[?#]"}},
            example="https://app.example",
        ),
        Key("auth_token", "a non-blank string", "what requests to the app are signed with (V2 and V3)", _TEXT),
        Key(
            "auth_id",
            AUTH_ID.allowed,
            "the account simulate --serve-api answers for",
            check=AUTH_ID,
            default=DEFAULT_AUTH_ID,
        ),
        Key("timeout", "seconds, above 0", "how long one request to the app may take", check=POSITIVE, default=5.0),
        Key(
            "strict",
            "true or false",
            "true: the first failed request stops the run (exit 1); false: it is a note "
            "(default: true with base_url, else false)",
            {"type": "boolean"},
        ),
        Key("call", "an array of tables", "the calls", table=_CALL, array=True),
        Key("urls", "a table", "what URLs return", table=_DOCUMENTS),
        Key("audio", "a table", "the audio of Play URLs", table=_AUDIO),
        Key("probe", "an array of tables", "when to report who hears whom", table=_PROBE, array=True),
        *(
            Key(kind, "an array of tables", f"{kind} naming their call", table=_input(kind, named=True), array=True)
            for kind in ("digits", "talk", "speech")
        ),
        Key("api", "an array of tables", "MultiPartyCall REST requests at a time", table=_API, array=True),
        Key("rest", "an array of tables", "REST API requests at a time", table=_REST, array=True),
        Key("options", "a table", "ConferenceOptions", table=_OPTIONS),
        Key("mpc_options", "a table", "MpcOptions", table=_MPC_OPTIONS),
        Key("durations", "a table", "DurationModel", table=_DURATIONS),
    ),
    requires={"app": ("base_url",), "auth_token": ("base_url",), "timeout": ("base_url",)},
)


def _tables(table: Table) -> dict[str, Table]:
    found = {table.where: table}
    for key in table.keys:
        if key.table is not None:
            found.update(_tables(key.table))
    return found


FORMAT: dict[str, Table] = _tables(TOP)  # every table, by its where


# -- the loader's key checks ---------------------------------------------------------------


def closest(name: str, known: tuple[str, ...]) -> str | None:
    """The known key ``name`` was most likely meant to be (same letters in another
    case first, then the closest spelling), or None."""
    by_lower = {key.lower(): key for key in known}
    lower = name.lower()
    if lower in by_lower:
        return by_lower[lower]
    longest = max(map(len, by_lower), default=0)
    if len(lower) > 3 * longest:  # (no key is close to it: difflib's ratio would be under 0.6)
        return None
    # two neighbouring letters swapped, the commonest typo (difflib rates "ta" far from "at")
    for at in range(len(lower) - 1 if len(lower) <= longest else 0):
        swapped = lower[:at] + lower[at + 1] + lower[at] + lower[at + 2 :]
        if swapped in by_lower:
            return by_lower[swapped]
    close = difflib.get_close_matches(lower, list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def unknown_key(name: str, known: tuple[str, ...], what: str, allowed: str | None = None) -> str:
    """The message for key ``name``, not one of ``known``, in ``what``."""
    near = closest(name, known)
    hint = f"; did you mean {near}?" if near is not None else ""
    return f"unknown key {name!r} in {what}{hint} (allowed: {allowed or ', '.join(known)})"
