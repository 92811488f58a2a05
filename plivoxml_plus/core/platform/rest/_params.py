"""Reading a REST request's parameters as Plivo does: each refusal is one 400
naming the parameter, what it was and what is allowed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ._answers import RestError

__all__ = ["flag", "method", "required", "required_url", "text", "url", "whole"]


def _bad(name: str, value: object, allowed: str) -> RestError:
    return RestError(400, f"{name} = {value!r} is not allowed; allowed: {allowed}")


def text(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(name, value, "a non-empty string")
    return value


def required(params: Mapping[str, Any], name: str) -> str:
    value = text(params, name)
    if value is None:
        raise RestError(400, f"{name} is required but was not given")
    return value


def url(params: Mapping[str, Any], name: str) -> str | None:
    value = text(params, name)
    if value is not None:
        parts = urlsplit(value) if value.isprintable() else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad(name, value, "an http or https URL")
    return value


def required_url(params: Mapping[str, Any], name: str) -> str:
    value = url(params, name)
    if value is None:
        raise RestError(400, f"{name} is required but was not given")
    return value


def method(params: Mapping[str, Any], name: str, default: str = "POST") -> str:
    value = params.get(name, default)
    if not isinstance(value, str) or value.upper() not in ("GET", "POST"):
        raise _bad(name, value, "GET or POST")
    return value.upper()


def flag(params: Mapping[str, Any], name: str) -> bool | None:
    """A boolean as plivo-python sends it (JSON true/false), or Plivo's "true"/"false"."""
    value = params.get(name)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise _bad(name, value, "true or false")


def whole(params: Mapping[str, Any], name: str, low: int, high: int) -> int | None:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(name, value, f"a whole number from {low} to {high}")
    return value
