"""Plivo's request signatures: ``X-Plivo-Signature-V2`` and ``X-Plivo-Signature-V3``.

Plivo signs every request it sends to an application (answer URLs, callbacks)
so the application can check that the request came from Plivo; it sends both
versions. The simulator does the same with every request it sends to the user's
app (``signature_headers``): an app that checks either signature (with
plivo-python's ``plivo.utils.validate_signature`` for V2,
``plivo.utils.validate_v3_signature`` for V3, or its own code) accepts the
simulator's requests when it is given the same auth token
(``_app.DEFAULT_AUTH_TOKEN`` unless the simulation is told another).

Version 2 (Plivo's docs, "Signature validation (V2)"). The signed string is the
URL without its query, immediately followed by the ``X-Plivo-Signature-V2-Nonce``
header: no separator, no parameters, the method not signed. As plivo-python
reads it, "the URL without its query" is its scheme, host (with any port) and
path as written; the fragment and any ``;parameters`` of the last path segment
are dropped too, and a percent-encoded path stays encoded.

Version 3. The signed string is ``BASE + "." + NONCE``, where the nonce is the
``X-Plivo-Signature-V3-Nonce`` header and ``BASE`` is built from the URL (as for
V2: its scheme, host and path) and the parameters:

- GET: the URL's own query parameters (percent-decoded, ``+`` read as a space,
  blank values kept) merged with the request's parameters (a key in both keeps
  the URL's values), written as ``key=value`` pairs sorted by key (a repeated
  key: one pair per value, the values sorted) and joined with ``&``, after a
  ``?``; no ``?`` when there is no parameter at all.
- POST: if the URL has query parameters or the request has parameters, a
  ``?`` followed by the URL's own query parameters, sorted and joined as for
  GET; then a ``.`` if there are both; then the request's parameters sorted by
  key, each written as the key immediately followed by its value, concatenated.

Either signature is the base64 (standard alphabet, no newline) of the
HMAC-SHA256 of its signed string (UTF-8), keyed with the auth token (UTF-8). A
V3 header may carry several signatures separated by commas (one per token, when
a token is being rotated); a request is genuine if any of them matches.

``nonce_for`` gives each request of a simulation its nonces, one per version:
derived from the simulation's seed and the request's number, never from a clock
or a random source, so the same simulation sends the same headers every time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Literal
from urllib.parse import parse_qsl, urlparse, urlunparse

__all__ = ["nonce_for", "sign_v2", "sign_v3", "signature_headers", "signed_string", "signed_string_v2", "verify_v3"]

NONCE_DIGITS = 20
# what each version's nonces are derived under (V3's label predates V2's headers:
# kept, so V3 headers stay what they were)
NONCE_LABELS = {2: "nonce-v2", 3: "nonce"}


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


def _bare(url: str) -> str:
    """``url``'s scheme, host and path: without its query, fragment and ``;parameters``."""
    parts = urlparse(url)
    return urlunparse((parts.scheme, parts.netloc, parts.path, "", "", ""))


def _sign(message: str, auth_token: str) -> str:
    digest = hmac.new(auth_token.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def signed_string_v2(url: str, nonce: str) -> str:
    """The string whose HMAC is the V2 signature: the URL without its query, then the nonce."""
    return _bare(url) + nonce


def sign_v2(url: str, nonce: str, auth_token: str) -> str:
    """The ``X-Plivo-Signature-V2`` header of a request (GET or POST alike) to
    ``url``, signed with ``auth_token`` and ``nonce``."""
    return _sign(signed_string_v2(url, nonce), auth_token)


def signed_string(method: str, url: str, params: Mapping[str, str], nonce: str) -> str:
    """The string whose HMAC is the V3 signature (before UTF-8 encoding): ``BASE.NONCE``."""
    verb = _method(method)
    base = _bare(url)
    own = _query_lists(urlparse(url).query)
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
    return _sign(signed_string(method, url, params, nonce), auth_token)


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


def nonce_for(seed: str, number: int, version: Literal[2, 3] = 3) -> str:
    """The signature ``version``'s nonce of the ``number``-th request of the
    simulation seeded ``seed``: a 20-digit decimal string (as Plivo's) from the
    SHA-256 of the three, the same on every run."""
    digest = hashlib.sha256(f"plivoxml-plus:{NONCE_LABELS[version]}:{seed}\x00{number}".encode()).digest()
    return str(int.from_bytes(digest, "big") % 10**NONCE_DIGITS).zfill(NONCE_DIGITS)


def signature_headers(  # noqa: PLR0917 (the request, then what signs it)
    method: str, url: str, params: Mapping[str, str], seed: str, number: int, auth_token: str
) -> dict[str, str]:
    """Both signatures' headers of the ``number``-th request of the simulation
    seeded ``seed``: a ``method`` request to ``url`` (exactly as the app receives
    it) carrying ``params`` in its form (POST; a GET's are already in ``url``)."""
    nonce_v2, nonce_v3 = nonce_for(seed, number, 2), nonce_for(seed, number, 3)
    return {
        "X-Plivo-Signature-V2": sign_v2(url, nonce_v2, auth_token),
        "X-Plivo-Signature-V2-Nonce": nonce_v2,
        "X-Plivo-Signature-V3": sign_v3(method, url, params, nonce_v3, auth_token),
        "X-Plivo-Signature-V3-Nonce": nonce_v3,
    }
