"""The app under test, for plivoxml_plus's pytest plugin: a fresh one for each test."""

from __future__ import annotations

import pytest
from flask import Flask

from .app import create_app


@pytest.fixture
def plivo_app() -> Flask:
    return create_app()
