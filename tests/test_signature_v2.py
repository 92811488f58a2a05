"""Both of Plivo's request signatures (issue 18, item 3): every request the
simulator sends carries ``X-Plivo-Signature-V2`` and ``X-Plivo-Signature-V2-Nonce``
beside the V3 pair, and plivo-python's own checkers are the oracle:
``plivo.utils.validate_signature`` (V2) and ``validate_v3_signature`` (V3).

First on the signing functions, over random URLs (queries with repeated keys,
ports, percent-encoded and raw non-ASCII paths), GET and POST; then end to end,
through a Flask app and a Starlette app checking both signatures against the URL
their framework gives, and what plivo-python's V2 check does with non-ASCII URLs
(what docs/testing-apps.md says).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import flask
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from plivo.utils import validate_signature, validate_v3_signature
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as StarletteResponse
from starlette.routing import Route

from plivoxml_plus import Simulation
from plivoxml_plus.core import DEFAULT_AUTH_TOKEN
from plivoxml_plus.core.platform._signature import nonce_for, sign_v2, signature_headers, signed_string_v2
from tests.test_signature import CHARS, methods, nonces, params_st, tokens, urls

SETTINGS = settings(max_examples=300, deadline=None)
V2, V2_NONCE = "X-Plivo-Signature-V2", "X-Plivo-Signature-V2-Nonce"
V3, V3_NONCE = "X-Plivo-Signature-V3", "X-Plivo-Signature-V3-Nonce"
NON_ASCII = st.text(st.sampled_from("éüßñÅçøΩЖ中文字😀\u00a0"), min_size=1, max_size=4)


@st.composite
def non_ascii_urls(draw: st.DrawFn) -> str:
    """A URL of ``test_signature.urls`` with a percent-encoded non-ASCII path
    segment (as httpx sends it, or in lower case), and perhaps a percent-encoded
    non-ASCII query value. (Percent-encoded: plivo-python cannot read a raw
    non-ASCII URL, see ``test_plivo_python_v2_refuses_raw_non_ascii_urls``.)"""
    url, _ = draw(urls())
    text = quote(draw(NON_ASCII))
    segment = draw(st.sampled_from([text, text.lower()]))
    head, _, tail = url.partition("://")
    host, slash, path = tail.partition("/")
    url = f"{head}://{host}/{segment}{slash}{path}"
    if draw(st.booleans()):
        url += ("&" if "?" in url and "#" not in url else "?") + "name=" + quote(draw(NON_ASCII))
    return url


def v2_accepts(url: str, nonce: str, token: str, signature: str) -> bool:
    return bool(validate_signature(url, nonce, signature, token))


# -- the signing functions against plivo-python ---------------------------------------------------


@SETTINGS
@given(st.one_of(urls().map(lambda url_keys: url_keys[0]), non_ascii_urls()), nonces, tokens)
def test_plivo_python_accepts_every_v2_signature(url, nonce, token):
    assert v2_accepts(url, nonce, token, sign_v2(url, nonce, token))


@SETTINGS
@given(st.one_of(urls().map(lambda url_keys: url_keys[0]), non_ascii_urls()), nonces, tokens, tokens, st.data())
def test_a_v2_signature_of_another_path_token_or_nonce_is_rejected(url, nonce, token, other, data):
    signature = sign_v2(url, nonce, token)
    parts = urlsplit(url)
    moved = f"{parts.scheme}://{parts.netloc}{parts.path}/{quote(data.draw(st.text(CHARS, min_size=1, max_size=4)))}"
    assert not v2_accepts(moved, nonce, token, signature)
    assert not v2_accepts(url, nonce + "1", token, signature)
    assume(other != token)
    assert not v2_accepts(url, nonce, other, signature)


@SETTINGS
@given(urls(), st.one_of(st.just(""), st.text(CHARS, min_size=1, max_size=8).map(quote)), nonces, tokens)
def test_v2_signs_neither_the_query_nor_the_method(url_keys, query, nonce, token):
    """Plivo's V2 signs the URL without its query: the same signature whatever
    the query (V3 is what covers the parameters)."""
    url, _ = url_keys
    bare = url.split("#")[0].split("?")[0]
    signature = sign_v2(url, nonce, token)
    assert signature == sign_v2(f"{bare}?{query}", nonce, token)
    assert v2_accepts(f"{bare}?q={query}&q=2", nonce, token, signature)


@SETTINGS
@given(methods, urls(), params_st, st.text(max_size=8), st.integers(min_value=1, max_value=10**6), tokens)
def test_plivo_python_accepts_both_signatures_of_every_request(method, url_keys, params, seed, number, token):
    """``signature_headers`` as the transport calls it: a GET's parameters are in
    its URL, a POST's in its form."""
    url, _ = url_keys
    form = params if method == "POST" else {}
    headers = signature_headers(method, url, form, seed, number, token)
    assert set(headers) == {V2, V2_NONCE, V3, V3_NONCE}
    assert v2_accepts(url, headers[V2_NONCE], token, headers[V2])
    assert validate_v3_signature(method, url, headers[V3_NONCE], token, headers[V3], dict(form)) is True
    assert headers[V2_NONCE] == nonce_for(seed, number, 2)
    assert headers[V3_NONCE] == nonce_for(seed, number)  # V3's nonces are what they were
    assert headers[V2_NONCE] != headers[V3_NONCE]


def test_the_v2_signed_string_follows_the_scheme():
    # Plivo's docs' own example: the base URI followed by the nonce, nothing between
    nonce = "05429567804466091622"
    assert signed_string_v2("http://foo.com/answer/", nonce) == f"http://foo.com/answer/{nonce}"
    # the query, the fragment and the last segment's ;parameters dropped; port and escapes kept
    url = "https://Example.com:8443/caf%c3%a9/a;v=1?b=2&b=3#top"
    assert signed_string_v2(url, "7") == "https://Example.com:8443/caf%c3%a9/a7"


def test_plivo_python_v2_refuses_raw_non_ascii_urls():
    """plivo-python's ``validate_signature`` encodes the URL to UTF-8, then parses
    the bytes as ASCII: a raw non-ASCII character anywhere in it (path or query)
    makes it raise. ``sign_v2`` signs such a URL as UTF-8 text."""
    for url in ["https://example.com/café", "https://example.com/a?name=é"]:
        with pytest.raises(UnicodeDecodeError):
            validate_signature(url, "1", sign_v2(url, "1", "t"), "t")
    assert signed_string_v2("https://example.com/café?n=é", "1") == "https://example.com/café1"


def test_a_known_v2_signature():
    # computed independently: printf 'https://example.com:8443/caf%c3%a905429567804466091622' |
    #   openssl dgst -sha256 -hmac token -binary | base64
    url = "https://example.com:8443/caf%c3%a9?x=1"
    assert sign_v2(url, "05429567804466091622", "token") == "GdL6WVN7Mpbpy+UQwLmN0TkBvH9qnk4CAOONvgVxaRA="


@given(st.text(), st.integers(min_value=0, max_value=10**9))
def test_v2_nonces_are_deterministic_twenty_digits_and_not_v3_ones(seed, number):
    nonce = nonce_for(seed, number, 2)
    assert nonce == nonce_for(seed, number, 2)
    assert len(nonce) == 20 and nonce.isdecimal() and nonce.isascii()
    assert nonce != nonce_for(seed, number, 3)


# -- end to end: apps checking both signatures --------------------------------------------------

SPEAK = b"<Response><Speak>done</Speak></Response>"
# what the apps answer on some paths (SPEAK on others): an action requested by GET
# (a query with a repeated key), then conference callbacks requested by POST
DOCUMENTS = {
    "/start": b'<Response><GetDigits action="https://app.example/act?x=1&amp;x=2" method="GET"/></Response>',
    "/act": b'<Response><Conference callbackUrl="https://app.example/cb">room</Conference></Response>',
}
Verdict = tuple[str, bool, bool]  # the URL the framework gives, V2's verdict, V3's


def verdict(method: str, url: str, params: dict[str, str], headers: Any) -> Verdict:
    """plivo-python's verdicts on a request, as an app checks it: the URL its
    framework gives, with the form (POST) or the query (GET) as V3's params."""
    v2 = validate_signature(url, headers.get(V2_NONCE, ""), headers.get(V2, ""), DEFAULT_AUTH_TOKEN)
    v3 = validate_v3_signature(method, url, headers.get(V3_NONCE, ""), DEFAULT_AUTH_TOKEN, headers.get(V3, ""), params)
    return url, bool(v2), bool(v3)


def flask_app(verdicts: list[Verdict]) -> flask.Flask:
    app = flask.Flask("both_signatures")

    @app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
    @app.route("/<path:path>", methods=["GET", "POST"])
    def answer(path: str) -> flask.Response:
        request = flask.request
        params = (request.form if request.method == "POST" else request.args).to_dict()
        verdicts.append(verdict(request.method, request.url, params, request.headers))
        return flask.Response(DOCUMENTS.get(request.path, SPEAK), mimetype="application/xml")

    return app


def starlette_app(verdicts: list[Verdict]) -> Starlette:
    async def answer(request: Request) -> StarletteResponse:
        form = dict(parse_qsl((await request.body()).decode()))
        params = form if request.method == "POST" else dict(request.query_params)
        verdicts.append(verdict(request.method, str(request.url), params, request.headers))
        return StarletteResponse(DOCUMENTS.get(request.url.path, SPEAK), media_type="application/xml")

    return Starlette(routes=[Route("/{path:path}", answer, methods=["GET", "POST"])])


MAKERS = [flask_app, starlette_app]
MAKER_IDS = ["flask", "starlette"]
# path characters a framework gives back as they were sent (it decodes %XX in paths)
PATH_CHARS = st.sampled_from("abcXYZ019-._~!$'()*+,=:@")
QUERY_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=6)


@st.composite
def app_urls(draw: st.DrawFn) -> tuple[str, str]:
    """A base URL (scheme, host, perhaps a port) and an answer URL under it: a
    path (dot segments included) and a query with repeated keys and blank values."""
    scheme = draw(st.sampled_from(["http", "https"]))
    host = draw(st.sampled_from(["app.example", "127.0.0.1", "App.Example"]))
    port = draw(st.sampled_from(["", ":8000", ":443", ":80"]))
    segments = draw(st.lists(st.one_of(st.text(PATH_CHARS, min_size=1, max_size=5), st.sampled_from([".", ".."]))))
    pairs = draw(st.lists(st.tuples(QUERY_TEXT, QUERY_TEXT), max_size=4))
    repeat: bool = draw(st.booleans())
    if pairs and repeat:
        pairs.append((pairs[0][0], draw(QUERY_TEXT)))  # a repeated key
    query = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs)
    base = f"{scheme}://{host}{port}/"
    return base, base + "/".join(segments) + (f"?{query}" if query else "")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(MAKERS), methods, app_urls())
def test_apps_accept_both_signatures_of_every_request(maker, method, base_url):
    base, url = base_url
    verdicts: list[Verdict] = []
    with Simulation(app=maker(verdicts), base_url=base, strict=True) as sim:
        sim.call("a", answer_url=url, answer_method=method)
        sim.run()
    assert sim.calls["a"].executed == ["Speak"]
    assert [(v2, v3) for _, v2, v3 in verdicts] == [(True, True)], verdicts


@pytest.mark.parametrize("maker", MAKERS, ids=MAKER_IDS)
def test_every_request_of_a_call_carries_both_signatures(maker: Callable[[list[Verdict]], Any]) -> None:
    verdicts: list[Verdict] = []
    with Simulation(app=maker(verdicts), base_url="https://app.example/", strict=True) as sim:
        sim.call("a", answer_url="https://app.example/start")
        sim.press("a", "12", at=0.5)
        sim.hangup("a", at=5)
        sim.run()
    kinds = [(request.kind, request.method) for request in sim.requests]
    assert ("action", "GET") in kinds and ("callback", "POST") in kinds, kinds
    assert len(verdicts) == len(kinds) >= 4
    assert all(v2 and v3 for _, v2, v3 in verdicts), verdicts


# -- plivo-python's V2 check and non-ASCII URLs (what docs/testing-apps.md says) ----------------

Outcome = bool | str  # plivo-python's verdict, or "raises"


def v2_outcome(url: str, headers: Any) -> Outcome:
    try:
        return bool(validate_signature(url, headers.get(V2_NONCE, ""), headers.get(V2, ""), DEFAULT_AUTH_TOKEN))
    except UnicodeError:
        return "raises"


Outcomes = tuple[Outcome, Outcome, Outcome | None]


def v2_flask_app(outcomes: list[Outcomes]) -> flask.Flask:
    """Checks V2 against ``request.url`` and ``request.base_url`` (no query)."""
    app = flask.Flask("v2_non_ascii")

    @app.route("/<path:path>", methods=["GET", "POST"])
    def answer(path: str) -> flask.Response:
        request = flask.request
        outcomes.append((v2_outcome(request.url, request.headers), v2_outcome(request.base_url, request.headers), None))
        return flask.Response(SPEAK, mimetype="application/xml")

    return app


def v2_starlette_app(outcomes: list[Outcomes]) -> Starlette:
    """Checks V2 against ``request.url``, the same without its query, and the URL
    rebuilt from the path as sent (``raw_path``)."""

    async def answer(request: Request) -> StarletteResponse:
        url, headers = request.url, request.headers
        raw = f"{url.scheme}://{url.netloc}{request.scope['raw_path'].decode('ascii')}"
        bare = str(url.replace(query=""))
        outcomes.append((v2_outcome(str(url), headers), v2_outcome(bare, headers), v2_outcome(raw, headers)))
        return StarletteResponse(SPEAK, media_type="application/xml")

    return Starlette(routes=[Route("/{path:path}", answer, methods=["GET", "POST"])])


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize(
    ("maker", "url", "expected"),
    [
        # Flask gives the query decoded in request.url: plivo-python raises; request.base_url is fine
        (v2_flask_app, "https://app.example/api/answer?name=%C3%A9l%C3%A8ne", ("raises", True, None)),
        # Starlette keeps the query percent-encoded: fine every way
        (v2_starlette_app, "https://app.example/api/answer?name=%C3%A9l%C3%A8ne", (True, True, True)),
        # both decode a percent-encoded path: plivo-python raises on the framework's URL;
        # Starlette's raw_path is the path as sent
        (v2_flask_app, "https://app.example/api/caf%c3%a9", ("raises", "raises", None)),
        (v2_starlette_app, "https://app.example/api/caf%c3%a9", ("raises", "raises", True)),
    ],
    ids=["flask-query", "starlette-query", "flask-path", "starlette-path"],
)
def test_what_plivo_python_v2_does_with_non_ascii_urls(
    maker: Callable[[list[Any]], Any], url: str, expected: Outcomes, method: str
) -> None:
    outcomes: list[Outcomes] = []
    with Simulation(app=maker(outcomes), base_url="https://app.example/api/") as sim:
        sim.call("a", answer_url=url, answer_method=method)  # type: ignore[arg-type]
        sim.run()
    assert outcomes == [expected]
