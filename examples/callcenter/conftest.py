"""The app under test, for plivoxml_plus's pytest plugin: a fresh one for each test."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from .app import create_app


@pytest.fixture
def plivo_app(plivo_auth_token: str) -> Flask:
    # the app checks signatures with the token the simulator signs with
    return create_app(auth_token=plivo_auth_token)


@pytest.fixture(autouse=True)
def _the_app_calls_the_simulation(plivo_app: Flask, plivo_client: Any) -> None:
    # where production builds plivo.RestClient(auth_id, auth_token): plivo-python's
    # own client, its requests answered by plivo_sim
    plivo_app.config["PLIVO_CLIENT"] = plivo_client
