"""Layer 3, the reference core: a Conference and MultiPartyCall simulator on a virtual clock.

Each call executes its Plivo XML element by element; rooms apply rules C1-C11
and M1-M8 of docs/rules.md, each room a state machine over one bridge (who
hears whom, ``bridge``); every HTTP request the platform would make is recorded with its
exact parameters; who hears whom can be asked at any moment. Deterministic: the
same input gives the same output, byte for byte. See docs/simulation.md.

Where things live (dependencies run one way, bottom first; tests/test_import_graph.py
states the layers): the shared ground (``_settings``, ``_clock``, ``_ids``,
``_options``, ``_recording``, ``_durations``); ``bridge`` (who hears whom) and
``platform`` (the requests Plivo sends and their routes, signatures, the app
transport, the REST API: it knows no call and no room) side by side; ``_world``
(what one run shares); ``callflow`` (a call runs its XML, and its venues: dial,
gathering, recorder, signals); ``rooms`` (``conference`` and ``mpc`` seat calls on
a bridge); ``audio`` reads the bridge's history; ``report``; on top
``_simulation`` (wires them), ``_rest_control`` and ``scenario``.
"""

from .._progress import Progress, ProgressLine
from ._durations import DurationModel
from ._options import ConferenceOptions, MpcOptions
from ._simulation import DEFAULT_EPOCH_MS, Probe, Simulation
from ._world import StrictModeError
from .bridge import Audibility
from .callflow._call import CallRecord, Membership
from .platform._app import DEFAULT_AUTH_TOKEN
from .platform._documents import DocumentValue, UrlSource
from .platform._requests import AppResponse, HttpRequest, TimelineEvent
from .scenario._scenario import Scenario, load_scenario

__all__ = [
    "DEFAULT_AUTH_TOKEN",
    "DEFAULT_EPOCH_MS",
    "AppResponse",
    "Audibility",
    "CallRecord",
    "ConferenceOptions",
    "DocumentValue",
    "DurationModel",
    "HttpRequest",
    "Membership",
    "MpcOptions",
    "Probe",
    "Progress",
    "ProgressLine",
    "Scenario",
    "Simulation",
    "StrictModeError",
    "TimelineEvent",
    "UrlSource",
    "load_scenario",
]
