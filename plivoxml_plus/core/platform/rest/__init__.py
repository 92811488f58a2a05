"""Plivo's REST API, served by the simulation to plivo-python's own RestClient
(docs/testing-apps.md, "Your app's REST calls"): one route table (``_routes``),
one small handler module per resource (``_calls``, ``_sounds``, ``_mpc``, ``_conference``), Plivo's statuses
and error bodies (``_answers``), reaching the simulation only through
``Control``. plivo-python is the optional extra ``rest``, imported only here."""

from __future__ import annotations

from typing import Any

from ._adapter import answer_operation
from ._answers import Answer, RestError
from ._control import CallSound, Control
from ._routes import ROUTES, find

__all__ = ["ROUTES", "Answer", "CallSound", "Control", "RestError", "answer_operation", "find", "rest_client"]


def rest_client(control: Control, auth_id: str, auth_token: str) -> Any:
    """A ``plivo.RestClient`` answered by the simulation behind ``control``."""
    from ...._extras import require

    require("plivo", "rest", "the simulated REST API (Simulation.rest_client)")
    from ._client import client_for

    return client_for(control, auth_id, auth_token)
