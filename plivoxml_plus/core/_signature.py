"""Plivo's request signature, version 3: the ``X-Plivo-Signature-V3`` header.

Plivo signs every request it sends to an application (answer URLs, callbacks)
so the application can check that the request came from Plivo. The simulator
does the same with every request it sends to the user's app: an app that checks
signatures (with plivo-python's ``plivo.utils.validate_v3_signature`` or its
own code) accepts the simulator's requests when it is given the same auth token
(``_app.DEFAULT_AUTH_TOKEN`` unless the simulation is told another).

The scheme. The signed string is ``BASE + "." + NONCE``, where the nonce is the
``X-Plivo-Signature-V3-Nonce`` header and ``BASE`` is built from the URL (its
scheme, host and path; the query, the fragment and any ``;parameters`` of the
last path segment are dropped) and the parameters:

- GET: the URL's own query parameters (percent-decoded, ``+`` read as a space,
  blank values kept) merged with the request's parameters (a key in both keeps
  the URL's values), written as ``key=value`` pairs sorted by key (a repeated
  key: one pair per value, the values sorted) and joined with ``&``, after a
  ``?``; no ``?`` when there is no parameter at all.
- POST: if the URL has query parameters or the request has parameters, a
  ``?`` followed by the URL's own query parameters, sorted and joined as for
  GET; then a ``.`` if there are both; then the request's parameters sorted by
  key, each written as the key immediately followed by its value, concatenated.

The signature is the base64 (standard alphabet, no newline) of the HMAC-SHA256
of that string (UTF-8), keyed with the auth token (UTF-8). The header may carry
several signatures separated by commas (one per token, when a token is being
rotated); a request is genuine if any of them matches.

``nonce_for`` gives each request of a simulation its nonce: derived from the
simulation's seed and the request's number, never from a clock or a random
source, so the same simulation sends the same headers every time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlparse, urlunparse

__all__ = ["nonce_for", "sign_v3", "signed_string", "verify_v3"]

NONCE_DIGITS = 20


def _method(method: str) -> str:
    upper = method.upper()
    if upper not in ("GET", "POST"):
        raise ValueError(f"Plivo signs GET and POST requests only, not {method!r}")
    return upper


def _query_lists(query: str) -> dict[str, list[str]]:
    """The URL's query parameters, each key with all its values in order."""
    found: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        found.setdefault(key, []).append(value)
    return found


def _pairs(parameters: Mapping[str, Iterable[str]]) -> str:
    """``key=value`` pairs sorted by key, then by value, joined with ``&``."""
    return "&".join(f"{key}={value}" for key in sorted(parameters) for value in sorted(parameters[key]))


def signed_string(method: str, url: str, params: Mapping[str, str], nonce: str) -> str:
    """The string whose HMAC is the signature (before UTF-8 encoding): ``BASE.NONCE``."""
    verb = _method(method)
    parts = urlparse(url)
    base = urlunparse((parts.scheme, parts.netloc, parts.path, "", "", ""))
    own = _query_lists(parts.query)
    if verb == "GET":
        merged: dict[str, list[str]] = {key: [value] for key, value in params.items()}
        merged.update(own)
        query = _pairs(merged)
        if query:
            base += "?" + query
    elif own or params:
        base += "?" + _pairs(own)
        if own and params:
            base += "."
        base += "".join(f"{key}{params[key]}" for key in sorted(params))
    return f"{base}.{nonce}"


def sign_v3(method: str, url: str, params: Mapping[str, str], nonce: str, auth_token: str) -> str:
    """The ``X-Plivo-Signature-V3`` header of a ``method`` (GET or POST) request to
    ``url`` carrying ``params`` (GET: in the query, with the URL's own; POST: in the
    form body), signed with ``auth_token`` and ``nonce``."""
    message = signed_string(method, url, params, nonce).encode("utf-8")
    digest = hmac.new(auth_token.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify_v3(  # noqa: PLR0917 (the arguments of sign_v3, then the header to check)
    method: str, url: str, params: Mapping[str, str], nonce: str, auth_token: str, signature: str
) -> bool:
    """Whether ``signature`` (an ``X-Plivo-Signature-V3`` header: one signature or
    several separated by commas, taken exactly as written) signs the request with
    ``auth_token``. Every candidate is compared in constant time."""
    expected = sign_v3(method, url, params, nonce, auth_token).encode("ascii")
    genuine = False
    for candidate in signature.encode("utf-8").split(b","):
        genuine |= hmac.compare_digest(expected, candidate)
    return genuine


def nonce_for(seed: str, number: int) -> str:
    """The nonce of the ``number``-th request of the simulation seeded ``seed``: a
    20-digit decimal string from the SHA-256 of both, the same on every run."""
    digest = hashlib.sha256(f"plivoxml-plus:nonce:{seed}\x00{number}".encode()).digest()
    return str(int.from_bytes(digest, "big") % 10**NONCE_DIGITS).zfill(NONCE_DIGITS)
