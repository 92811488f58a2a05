"""Layer 3, the reference core: a Conference and MultiPartyCall simulator on a virtual clock.

Each call executes its Plivo XML element by element; rooms apply rules C1-C11
and M1-M8 of docs/rules.md, each room a state machine over one bridge (who
hears whom, ``bridge``); every HTTP request the platform would make is recorded with its
exact parameters; who hears whom can be asked at any moment. Deterministic: the
same input gives the same output, byte for byte. See docs/simulation.md.
"""

from ._app import DEFAULT_AUTH_TOKEN
from ._call import CallRecord, Membership
from ._documents import DocumentValue, UrlSource
from ._durations import DurationModel
from ._options import ConferenceOptions, MpcOptions
from ._requests import AppResponse, HttpRequest, TimelineEvent
from ._scenario import Scenario, load_scenario
from ._simulation import DEFAULT_EPOCH_MS, Probe, Simulation
from ._world import StrictModeError
from .bridge import Audibility

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
    "Scenario",
    "Simulation",
    "StrictModeError",
    "TimelineEvent",
    "UrlSource",
    "load_scenario",
]
