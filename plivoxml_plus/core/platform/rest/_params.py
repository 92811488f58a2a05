"""Reading a REST request's parameters as Plivo does: each refusal is one 400
naming the parameter, what it was and what is allowed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from ._answers import RestError

__all__ = [
    "FILE_FORMATS",
    "flag",
    "method",
    "recording",
    "recording_format",
    "required",
    "required_url",
    "synchronous",
    "text",
    "url",
    "whole",
]

FILE_FORMATS = ("mp3", "wav")  # a recording's, as the Record APIs allow them


def _bad(name: str, value: object, allowed: str) -> RestError:
    return RestError(400, f"{name} = {value!r} is not allowed; allowed: {allowed}")


def text(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(name, value, "a non-empty string")
    return value


def url(params: Mapping[str, Any], name: str) -> str | None:
    value = text(params, name)
    if value is not None:
        parts = urlsplit(value) if value.isprintable() else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad(name, value, "an http or https URL")
    return value


def required(
    params: Mapping[str, Any], name: str, read: Callable[[Mapping[str, Any], str], str | None] = text
) -> str:
    """The parameter as ``read`` reads it (text by default), which must be given."""
    value = read(params, name)
    if value is None:
        raise RestError(400, f"{name} is required but was not given")
    return value


def required_url(params: Mapping[str, Any], name: str) -> str:
    return required(params, name, url)


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


def synchronous(params: Mapping[str, Any]) -> None:
    """Plivo's asynchronous mode (``callback_url`` on an API that is not Record) is
    not served: refused, not silently answered synchronously."""
    if params.get("callback_url") is not None:
        raise RestError(405, "callback_url (the API's asynchronous mode) is not served by the simulation")


def recording(params: Mapping[str, Any], what: str) -> tuple[str, tuple[str, str] | None]:
    """A Record API's ``file_format`` (mp3, the default, or wav) and its ``callback_url``
    and ``callback_method``, told when the recording stops; transcription of a
    recording of ``what`` the API starts is not served (405)."""
    file_format = recording_format(params)
    if params.get("transcription_type") is not None or params.get("transcription_url") is not None:
        raise RestError(405, f"transcription of a {what} recording started by the API is not served yet")
    callback_url = url(params, "callback_url")
    callback_method = method(params, "callback_method")
    return file_format, None if callback_url is None else (callback_url, callback_method)


def recording_format(params: Mapping[str, Any]) -> str:
    """A Record API's ``file_format``: mp3 (the default) or wav."""
    file_format = params.get("file_format", "mp3")
    if file_format not in FILE_FORMATS:
        raise _bad("file_format", file_format, "mp3 or wav")
    return str(file_format)
