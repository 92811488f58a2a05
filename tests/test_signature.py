"""The simulator's request signatures (``plivoxml_plus.core.platform._signature``) against
plivo-python's checker, ``plivo.utils.validate_v3_signature``.

An app that checks ``X-Plivo-Signature-V3`` with plivo-python must accept every
request the simulator signs, GET or POST, whatever the URL and the parameters,
and must reject one whose parameters or token differ. plivo-python's checker
wants ``str`` arguments and changes the ``params`` dict it is given on GET (it
merges the URL's query into it): every call here passes a fresh copy.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from plivo.utils import validate_v3_signature

from plivoxml_plus.core.platform._signature import nonce_for, sign_v3, signed_string, verify_v3

SETTINGS = settings(max_examples=300, deadline=None)

# printable ASCII with some non-ASCII (accents, CJK, an emoji, a non-breaking space)
CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("éüßñÅçøΩЖ中文字😀\u00a0"),
)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
names = st.text(CHARS, max_size=8)
values = st.text(CHARS, max_size=12)
params_st = st.dictionaries(names, values, max_size=6)
methods = st.sampled_from(["GET", "POST"])
tokens = st.text(CHARS, min_size=1, max_size=40)
nonces = st.text(st.characters(min_codepoint=0x30, max_codepoint=0x39), min_size=1, max_size=20)


def encoded(text: str, plus: bool) -> str:
    quoted = quote(text, safe="")
    return quoted.replace("%20", "+") if plus else quoted


@st.composite
def urls(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An http(s) URL with or without a port, a path and a query (percent-encoded
    printable ASCII, repeated keys, blank values, ``+``), and the query's keys.

    The URL is ASCII: plivo-python's checker cannot read a non-ASCII URL at all
    (see ``test_plivo_python_refuses_non_ascii_urls``)."""
    scheme = draw(st.sampled_from(["http", "https"]))
    host = draw(st.sampled_from(["example.com", "app.example.org", "localhost", "127.0.0.1", "Example.COM"]))
    port = draw(st.sampled_from(["", ":8000", ":443"]))
    segment = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=6).map(
        lambda text: quote(text, safe="-._~!$&'()*+,=:@")
    )
    path = "".join("/" + part for part in draw(st.lists(segment, max_size=3)))
    if draw(st.booleans()):
        path += "/"
    keys: list[str] = []
    query = ""
    if draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(st.text(ASCII, max_size=5), st.text(ASCII, max_size=6)), max_size=5))
        repeat: bool = draw(st.booleans())
        if pairs and repeat:
            pairs.append((pairs[0][0], draw(st.text(ASCII, max_size=4))))  # a repeated key
        written = []
        for key, value in pairs:
            keys.append(key)
            plus: bool = draw(st.booleans())  # spaces written as "+" or as "%20"
            bare: bool = draw(st.booleans())  # a blank value written "key" rather than "key="
            name, text = encoded(key, plus), encoded(value, plus)
            written.append(name if not value and bare else f"{name}={text}")
        query = "?" + "&".join(written)
    fragment = draw(st.sampled_from(["", "#top", "#a?b=c"]))
    return f"{scheme}://{host}{port}{path}{query}{fragment}", keys


def plivo_accepts(method: str, url: str, params: dict[str, str], nonce: str, token: str, signature: str) -> Any:
    return validate_v3_signature(method, url, nonce, token, signature, dict(params))


@SETTINGS
@given(methods, urls(), params_st, nonces, tokens, st.data())
def test_plivo_python_accepts_every_signature(method, url_keys, params, nonce, token, data):
    url, keys = url_keys
    if keys and data.draw(st.booleans()):  # some request parameters share a key with the URL's query
        params = {**params, data.draw(st.sampled_from(keys)): data.draw(values)}
    signature = sign_v3(method, url, params, nonce, token)
    assert plivo_accepts(method, url, params, nonce, token, signature) is True
    assert verify_v3(method, url, params, nonce, token, signature)


@SETTINGS
@given(methods, urls(), params_st, nonces, tokens, tokens, st.data())
def test_a_changed_request_or_another_token_is_rejected(method, url_keys, params, nonce, token, other, data):
    url, keys = url_keys
    signature = sign_v3(method, url, params, nonce, token)
    # a parameter the URL's query does not override (on GET the URL's value wins)
    free = [key for key in params if key not in keys]
    if free:
        key = data.draw(st.sampled_from(free))
        changed = {**params, key: params[key] + data.draw(st.text(CHARS, min_size=1, max_size=3))}
    else:
        key = data.draw(names.filter(lambda name: name not in keys and name not in params))
        changed = {**params, key: data.draw(values)}
    assert plivo_accepts(method, url, changed, nonce, token, signature) is False
    assert not verify_v3(method, url, changed, nonce, token, signature)
    assume(other != token)
    assert plivo_accepts(method, url, params, nonce, other, signature) is False
    assert not verify_v3(method, url, params, nonce, other, signature)
    assert plivo_accepts(method, url, params, nonce + "1", token, signature) is False
    assert not verify_v3(method, url, params, nonce + "1", token, signature)


@st.composite
def headers(draw: st.DrawFn, right: str) -> str:
    """An ``X-Plivo-Signature-V3`` header: the right signature, alone or in a list,
    with stray spaces or not, a wrong one, or any text."""
    wrong = st.one_of(st.just(right[:-2] + "A="), st.text(CHARS, max_size=50))
    parts = draw(st.lists(st.one_of(st.just(right), st.just(" " + right), wrong), min_size=1, max_size=3))
    return ",".join(parts)


@SETTINGS
@given(methods, urls(), params_st, nonces, tokens, tokens, st.data())
def test_verify_v3_agrees_with_plivo_python(method, url_keys, params, nonce, token, signer, data):
    url, _ = url_keys
    header = data.draw(headers(sign_v3(method, url, params, nonce, signer)))
    assert verify_v3(method, url, params, nonce, token, header) == plivo_accepts(
        method, url, params, nonce, token, header
    )


def test_the_signed_string_follows_the_scheme():
    url = "https://example.com/answer;v=1?b=2&a=x+y&a=%41#frag"
    assert signed_string("GET", url, {"c": "3", "b": "9"}, "42") == "https://example.com/answer?a=A&a=x y&b=2&c=3.42"
    assert signed_string("POST", url, {"z": "9", "y": ""}, "42") == "https://example.com/answer?a=A&a=x y&b=2.yz9.42"
    assert signed_string("POST", url, {}, "42") == "https://example.com/answer?a=A&a=x y&b=2.42"
    assert signed_string("POST", "http://h/p", {"k": "v"}, "7") == "http://h/p?kv.7"
    assert signed_string("POST", "http://h/p?", {}, "7") == "http://h/p.7"
    assert signed_string("GET", "http://h/p", {}, "7") == "http://h/p.7"


def test_a_known_signature():
    # computed independently:
    # printf 'https://example.com/a?x=1.12345' | openssl dgst -sha256 -hmac token -binary | base64
    assert sign_v3("GET", "https://example.com/a", {"x": "1"}, "12345", "token") == (
        "NNoKfanjPoSDal/2RyROB6TQci0ZDrQYyRsmapcYn4A="
    )


def test_the_method_is_read_case_insensitively_and_only_get_and_post_are_signed():
    # (plivo-python's checker takes "get" but then treats it as POST: give it "GET")
    for method in ("GET", "POST"):
        expected = sign_v3(method, "http://h/?a=1", {"b": "2"}, "1", "t")
        assert sign_v3(method.lower(), "http://h/?a=1", {"b": "2"}, "1", "t") == expected
    with pytest.raises(ValueError, match="GET and POST"):
        sign_v3("PUT", "http://h/", {}, "1", "t")


def test_plivo_python_refuses_non_ascii_urls():
    """plivo-python reads the URL as ASCII bytes: a non-ASCII URL (written raw or
    percent-encoded in the query) makes its checker raise. ``sign_v3`` reads it
    as UTF-8 text instead, as an app's framework gives it."""
    for url in ["https://example.com/café", "https://example.com/?n=%c3%a9"]:
        with pytest.raises(UnicodeError):
            validate_v3_signature("GET", url, "1", "t", "x", {})
    assert signed_string("GET", "https://example.com/?n=%c3%a9", {}, "1") == "https://example.com/?n=é.1"


def test_a_multi_signature_header_is_split_on_commas_exactly():
    right = sign_v3("POST", "http://h/", {"a": "1"}, "1", "t")
    assert verify_v3("POST", "http://h/", {"a": "1"}, "1", "t", f"bogus,{right}")
    assert not verify_v3("POST", "http://h/", {"a": "1"}, "1", "t", f"bogus, {right}")  # as plivo-python


@given(st.text(), st.integers(min_value=0, max_value=10**9))
def test_nonce_for_is_deterministic_and_twenty_digits(seed, number):
    nonce = nonce_for(seed, number)
    assert nonce == nonce_for(seed, number)
    assert len(nonce) == 20
    assert nonce.isdecimal() and nonce.isascii()


def test_nonce_for_differs_between_requests_and_seeds():
    nonces_ = {nonce_for(seed, number) for seed in ["", "a", "b", "a\x001"] for number in range(1, 200)}
    assert len(nonces_) == 4 * 199
    assert nonce_for("", 1) == nonce_for("", 1)
