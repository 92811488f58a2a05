"""What the app answered is kept, and scenario files drive apps as the pytest
plugin does (issue 18, items 5 and 6).

Item 5: each request's record keeps the app's response (``HttpRequest.response``:
status, content type, the body's first 64 KiB and its whole length), in Python
and in ``--format json``; the JSON report also carries the timeline, each call's
end reason, rooms and inputs, so it holds everything the text report shows;
strict mode names every problem of an invalid document; a URL outside
``base_url`` says so.

Item 6: every scenario key is documented (docs/simulation.md's table, checked
against ``SCENARIO_KEYS``); an app factory gets the scenario's ``auth_token``;
a scenario driving an app is strict by default.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import StrictModeError
from plivoxml_plus.cli import main
from plivoxml_plus.core import AppResponse, Simulation, load_scenario
from plivoxml_plus.core.platform._requests import KEPT_BODY_BYTES
from plivoxml_plus.core.scenario._scenario import SCENARIO_KEYS
from plivoxml_plus.schema import MAX_BYTES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"
BASE = "https://app.example"
ANSWER = "<Response><Speak>hello</Speak></Response>"
# three problems: an unknown element, a bad attribute value, text where none is allowed
INVALID = '<Response><Bogus/><Speak loop="x">hi</Speak>text<Hangup/></Response>'

Wsgi = Callable[[dict[str, Any], Any], list[bytes]]


def wsgi(routes: dict[str, tuple[str, str | None, bytes]]) -> Wsgi:
    """A WSGI app answering each path with (status line, content type, body); 404 otherwise."""

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        status, content_type, body = routes.get(environ["PATH_INFO"], ("404 Not Found", "text/plain", b"nope"))
        start_response(status, [] if content_type is None else [("Content-Type", content_type)])
        return [body]

    return app


def asgi(routes: dict[str, tuple[str, str | None, bytes]]) -> Any:
    """The same routes as an ASGI app, sending its body in 16 KiB chunks."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        status, content_type, body = routes.get(scope["path"], ("404 Not Found", "text/plain", b"nope"))
        headers = [] if content_type is None else [(b"content-type", content_type.encode())]
        await send({"type": "http.response.start", "status": int(status.split()[0]), "headers": headers})
        chunks = [body[i : i + (16 << 10)] for i in range(0, len(body), 16 << 10)] or [b""]
        for index, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": index < len(chunks) - 1})

    return app


def run_one(app: Any, *, strict: bool = False, callback: str | None = None) -> Simulation:
    """One call answered by /answer; its document sends a callback to ``callback`` if given."""
    with Simulation(app=app, base_url=BASE, strict=strict) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=30)
        sim.run()
    return sim


# -- item 5: the response is kept ---------------------------------------------------------


@pytest.mark.parametrize("kind", [wsgi, asgi], ids=["wsgi", "asgi"])
def test_each_request_keeps_the_status_content_type_and_body_the_app_answered(kind):
    document = f'<Response><Record action="{BASE}/recorded" maxLength="5"/></Response>'.encode()
    app = kind(
        {
            "/answer": ("200 OK", "application/xml; charset=utf-8", document),
            "/recorded": ("200 OK", None, b"<Response><Hangup/></Response>"),
        }
    )
    sim = run_one(app)
    answer, action = sim.requests_for("a")
    assert answer.response == AppResponse(200, "application/xml; charset=utf-8", document, len(document))
    assert not answer.response.truncated and answer.response.text == document.decode()
    assert action.response == AppResponse(200, None, b"<Response><Hangup/></Response>", 30)
    assert (answer.status, action.status) == (200, 200)


@pytest.mark.parametrize("kind", [wsgi, asgi], ids=["wsgi", "asgi"])
def test_a_large_body_is_kept_to_its_first_64_kib_with_its_whole_length(kind):
    speak = "<Speak>" + "a" * 3000 + "</Speak>"
    document = ("<Response>" + speak * 40 + "</Response>").encode()  # over 64 KiB, within the reader's limit
    assert KEPT_BODY_BYTES < len(document) < MAX_BYTES
    sim = run_one(kind({"/answer": ("200 OK", "text/xml", document)}))
    (answer,) = sim.requests_for("a")
    response = answer.response
    assert response is not None
    assert response.body == document[:KEPT_BODY_BYTES] and response.length == len(document) and response.truncated
    assert sim.calls["a"].executed[:2] == ["Speak", "Speak"]  # the whole body was read as the document


@pytest.mark.parametrize("kind", [wsgi, asgi], ids=["wsgi", "asgi"])
def test_a_body_over_the_readers_limit_keeps_its_start_and_no_length(kind):
    body = b"x" * (MAX_BYTES + 5000)
    sim = run_one(kind({"/answer": ("200 OK", "text/plain", body)}))
    (answer,) = sim.requests_for("a")
    assert answer.response == AppResponse(200, "text/plain", body[:KEPT_BODY_BYTES], None)
    assert answer.response.truncated
    assert "over the reader's limit" in sim.notes[0].text


def test_no_reply_keeps_no_response():
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        raise RuntimeError("boom")

    (answer,) = run_one(app).requests_for("a")
    assert (answer.status, answer.response) == (500, None)  # the app raised: no response was sent


def test_a_redirect_off_base_url_keeps_the_redirect_reply():
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("302 Found", [("Location", "https://elsewhere.example/x"), ("Content-Type", "text/html")])
        return [b"moved"]

    (answer,) = run_one(app).requests_for("a")
    assert answer.response == AppResponse(302, "text/html", b"moved", 5)


@settings(max_examples=12, deadline=None)
@given(size=st.integers(0, 3 * KEPT_BODY_BYTES), byte=st.binary(min_size=1, max_size=1))
def test_any_body_is_kept_to_its_first_64_kib_with_its_exact_length(size, byte):
    body = byte * size
    (answer,) = run_one(wsgi({"/answer": ("200 OK", "application/octet-stream", body)})).requests_for("a")
    response = answer.response
    assert response is not None
    assert response.body == body[:KEPT_BODY_BYTES] and response.length == size
    assert response.truncated == (size > KEPT_BODY_BYTES)


def test_the_json_report_carries_each_response():
    app = wsgi({"/answer": ("200 OK", "application/xml", ANSWER.encode() + b"\xff")})
    sim = run_one(app)
    (request,) = json.loads(sim.report("json"))["requests"]
    assert request["response"] == {
        "status": 200,
        "content_type": "application/xml",
        "body": ANSWER + "\ufffd",  # (an undecodable byte, as U+FFFD)
        "length": len(ANSWER) + 1,
        "truncated": False,
    }
    assert request["seq"] == sim.requests[0].seq


# -- item 5: the JSON report holds what the text report shows ---------------------------------

IVR = """\
[[call]]
name = "caller"
answer = '''<Response><GetDigits action="https://example.com/menu" numDigits="1" timeout="5">
<Speak>press one</Speak></GetDigits><Conference>room</Conference></Response>'''
digits = [{ at = 1, press = "1" }]
hangup = 20

[[call]]
name = "other"
answer = "<Response><Conference>room</Conference></Response>"
at = 2
hangup = 15

[urls]
"https://example.com/menu" = "<Response><Conference>room</Conference></Response>"
"""


def test_the_json_report_has_the_timeline_end_reasons_rooms_and_inputs(tmp_path):
    path = tmp_path / "ivr.toml"
    path.write_text(IVR, encoding="utf-8")
    sim = load_scenario(path).run()
    data = json.loads(sim.report("json"))
    assert [(e["seq"], e["kind"], e["text"], e["call"]) for e in data["timeline"]] == [
        (e.seq, e.kind, e.text, e.call) for e in sim.timeline
    ]
    assert (data["clock_at"], data["events_processed"], data["app"]) == (sim.now, sim.events_processed, None)
    caller = data["calls"]["caller"]
    record = sim.calls["caller"]
    assert caller["end_reason"] == record.end_reason == "the caller hung up"
    assert (caller["uuid"], caller["from"], caller["to"], caller["direction"]) == (
        record.uuid,
        record.from_,
        record.to,
        "inbound",
    )
    assert caller["inputs"] == [
        {"at": 1, "element": "GetDigits", "digits": "1", "speech": None, "confidence": None, "attempts": 1}
    ]
    (stay,) = caller["memberships"]
    (membership,) = record.memberships
    assert stay == {
        "room": "room",
        "kind": "Conference",
        "uuid": membership.uuid,
        "member_id": membership.member_id,
        "joined_at": membership.joined_at,
        "left_at": 20,
        "exit_reason": membership.exit_reason,
    }
    assert data["calls"]["other"]["memberships"][0]["left_at"] == 15


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_line_of_the_text_timeline_is_in_the_json_report(path):
    """Merged by ``seq``, the JSON's requests and timeline are the text report's
    timeline, entry for entry; and every call's line there is in its ``calls``."""
    sim = load_scenario(path).run()
    text, data = sim.report("text"), json.loads(sim.report("json"))
    entries = sorted([*data["requests"], *data["timeline"]], key=lambda entry: entry["seq"])
    lines = text.split("\n\n")[1].splitlines()[1:]  # (the timeline, under its heading)
    assert len(lines) == len(entries)
    for line, entry in zip(lines, entries, strict=True):
        assert f"{entry['at']:.3f}" in line
        shown = f"-> {entry['method']} {entry['url']} [{entry['kind']}]" if "url" in entry else entry["text"]
        assert shown in line
    for name, call in data["calls"].items():
        (line,) = [line for line in text.splitlines() if line.startswith(f"  {name} ")]
        if call["answer_at"] is None:
            assert "never answered" in line
        elif call["ended_at"] is not None:
            assert f"ended at t={call['ended_at']} ({call['end_reason']})" in line
        assert f"executed: {', '.join(call['executed']) or 'nothing'}" in line


# -- item 5: strict mode names every problem; URLs outside base_url --------------------------


def test_strict_mode_lists_every_problem_of_an_invalid_document():
    app = wsgi({"/answer": ("200 OK", "application/xml", INVALID.encode())})
    with pytest.raises(StrictModeError) as caught:
        run_one(app, strict=True)
    error = caught.value
    assert len(error.problems) == 3
    message = str(error)
    start = f"strict mode: at t=0, for call 'a': answerUrl {BASE}/answer: invalid document, 3 problems: (1) "
    assert message.startswith(start)
    for number, problem in enumerate(error.problems, start=1):
        assert f"({number}) {problem}" in message
    assert (error.at, error.call, error.url) == (0, "a", f"{BASE}/answer")
    assert error.problem == message.split(f"{BASE}/answer: ", 1)[1]


def test_a_lenient_note_lists_every_problem_too():
    sim = run_one(wsgi({"/answer": ("200 OK", "application/xml", INVALID.encode())}))
    (note,) = sim.notes
    assert note.text.startswith(f"answerUrl {BASE}/answer: invalid document, 3 problems: (1) 1:11: <Bogus> ")
    assert "; (2) 1:" in note.text and "; (3) 1:" in note.text and "(4)" not in note.text
    # a document with one problem reads as before
    sim = run_one(wsgi({"/answer": ("200 OK", "application/xml", b"<Response><Bogus/></Response>")}))
    (note,) = sim.notes
    assert re.fullmatch(rf"answerUrl {BASE}/answer: invalid document: 1:\d+: .*Bogus.*", note.text)


def test_a_url_outside_base_url_says_no_app_answers_it_not_that_the_app_returned_nothing():
    outside = "https://elsewhere.example/hold.xml"
    document = f'<Response><Conference waitSound="{outside}">r</Conference></Response>'.encode()
    app = wsgi({"/answer": ("200 OK", "application/xml", document)})
    with Simulation(urls=lambda request: None, app=app, base_url=BASE) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=5)
        sim.run()
    texts = [note.text for note in sim.notes]
    assert texts == [f"waitSound {outside}: not under base_url {BASE}, so no app answers it; urls gives no document"]
    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=5)
        with pytest.raises(StrictModeError, match=f"not under base_url {BASE}, so no app answers it$"):
            sim.run()


# -- item 6: scenario files and apps ------------------------------------------------------

APP_MODULE = """
from plivo.utils import validate_v3_signature

TOKENS = []


def create_app(auth_token):
    TOKENS.append(auth_token)

    def app(environ, start_response):
        url = "https://app.example" + environ["PATH_INFO"]
        size = int(environ.get("CONTENT_LENGTH") or 0)
        from urllib.parse import parse_qsl
        params = dict(parse_qsl(environ["wsgi.input"].read(size).decode()))
        signed = validate_v3_signature(
            environ["REQUEST_METHOD"], url, environ["HTTP_X_PLIVO_SIGNATURE_V3_NONCE"], auth_token,
            environ["HTTP_X_PLIVO_SIGNATURE_V3"], params,
        )
        if not signed:
            start_response("403 Forbidden", [])
            return [b""]
        if environ["PATH_INFO"] != "/answer":
            start_response("404 Not Found", [])
            return [b""]
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [b"<Response><Speak>hi</Speak></Response>"]

    return app


def needs_more(auth_token, region):
    return create_app(auth_token)
"""


@pytest.fixture(autouse=True)
def forget_app_modules(tmp_path: Path) -> Iterator[None]:
    yield
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(str(tmp_path)):
            del sys.modules[name]


def scenario(tmp_path: Path, header: str, *, answer_path: str = "/answer") -> Path:
    (tmp_path / "token_app.py").write_text(textwrap.dedent(APP_MODULE), encoding="utf-8")
    path = tmp_path / "app.toml"
    call = f'[[call]]\nname = "caller"\nanswer_url = "https://app.example{answer_path}"\nhangup = 10\n'
    path.write_text(header + 'base_url = "https://app.example"\n' + call, encoding="utf-8")
    return path


def simulate(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["simulate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_app_factory_gets_the_scenarios_auth_token(tmp_path, capsys):
    path = scenario(tmp_path, 'app = "token_app:create_app()"\nauth_token = "s3cret"\n')
    code, out, err = simulate(capsys, path, "--format", "json")
    assert code == 0, err
    assert sys.modules["token_app"].TOKENS == ["s3cret"]
    (answer,) = json.loads(out)["requests"]
    assert answer["status"] == 200  # the app checked the signature with the token it was given


def test_an_app_factory_gets_the_default_token_when_the_scenario_names_none(tmp_path):
    path = scenario(tmp_path, 'app = "token_app:create_app()"\n')
    with load_scenario(path).run() as sim:
        assert [r.status for r in sim.requests] == [200]
    from plivoxml_plus.core import DEFAULT_AUTH_TOKEN

    assert sys.modules["token_app"].TOKENS == [DEFAULT_AUTH_TOKEN]


def test_a_factory_needing_another_argument_is_a_scenario_error_at_the_app_line(tmp_path, capsys):
    path = scenario(tmp_path, 'app = "token_app:needs_more()"\n')
    code, out, err = simulate(capsys, path)
    assert (code, out) == (2, "")
    assert err == (
        f"{path}:1: app = 'token_app:needs_more()': needs_more() needs 'region'; a scenario calls a factory "
        "with no arguments, or with auth_token= if it has a parameter of that name\n"
    )


def test_a_scenario_driving_an_app_is_strict_by_default(tmp_path, capsys):
    path = scenario(tmp_path, 'app = "token_app:create_app()"\n', answer_path="/missing")
    assert load_scenario(path).strict
    code, out, err = simulate(capsys, path)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}: strict mode: at t=0, for call 'caller': answerUrl https://app.example/missing: "
        "the app answered HTTP 404\n"
    )
    with pytest.raises(StrictModeError):
        load_scenario(path).run()
    # without base_url, nothing is sent to an app: lenient, as before
    path = tmp_path / "plain.toml"
    path.write_text('[[call]]\nname = "a"\nanswer_url = "https://example.com/missing"\n', encoding="utf-8")
    plain = load_scenario(path)
    assert not plain.strict
    assert plain.run().notes[0].text.startswith("answerUrl https://example.com/missing: ")


def test_strict_false_relaxes_it_and_the_report_says_which(tmp_path, capsys):
    path = scenario(tmp_path, 'app = "token_app:create_app()"\nstrict = false\n', answer_path="/missing")
    code, out, err = simulate(capsys, path)
    assert code == 0, err
    assert "App at https://app.example (lenient: a failed request is a note)" in out.splitlines()[1]
    assert "NOTE: answerUrl https://app.example/missing: the app answered HTTP 404" in out
    code, out, _ = simulate(capsys, path, "--format", "json")
    assert json.loads(out)["app"] == {"base_url": "https://app.example", "strict": False}
    path = scenario(tmp_path, 'app = "token_app:create_app()"\n')
    code, out, _ = simulate(capsys, path)
    assert code == 0 and out.splitlines()[1] == "App at https://app.example (strict: a failed request stops the run)"


def test_simulate_help_says_an_app_scenario_is_strict(capsys):
    with pytest.raises(SystemExit):
        main(["simulate", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "A scenario driving your app (base_url) is strict unless it says strict = false" in help_text
    assert "strict = false in the file makes such failures notes" in help_text


def test_the_shipped_app_scenario_passes_strict(capsys):
    code, out, err = simulate(capsys, SCENARIOS / "app" / "app-answer.toml")
    assert code == 0, err
    assert out.splitlines()[1] == "App at https://app.example (strict: a failed request stops the run)"


# -- item 6: every scenario key is documented ------------------------------------------------

DOCS = ROOT / "docs" / "simulation.md"


def key_section() -> str:
    """docs/simulation.md's "Every scenario key", up to the next section."""
    return DOCS.read_text(encoding="utf-8").split("### Every scenario key", 1)[1].split("\n## ", 1)[0]


def documented_keys() -> dict[str, set[str]]:
    """docs/simulation.md's "Every scenario key" table: {where: keys}, a key written
    `[[x]]` or `[x]` (a table of its own) read as ``x``."""
    section = key_section()
    found: dict[str, set[str]] = {}
    for row in section.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if not row.startswith("| ") or len(cells) != 4 or cells[0] in ("where", "---"):
            continue
        where = "" if cells[0] == "top level" else cells[0].strip("`")
        for key in re.findall(r"`([^`]+)`", cells[1]):
            found.setdefault(where, set()).add(key.strip("[]"))
    return found


def test_the_docs_table_of_scenario_keys_is_the_loaders_declaration():
    assert documented_keys() == {where: set(keys) for where, keys in SCENARIO_KEYS.items()}


def test_the_docs_example_of_every_key_group_uses_declared_keys_only():
    section = key_section()
    (example,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    data = tomllib.loads(example)
    # every top-level key and table has an example here, but [[api]]'s (in "MultiPartyCall")
    assert set(data) == set(SCENARIO_KEYS[""]) - {"api"}
    for table in data["call"]:
        assert set(table) <= set(SCENARIO_KEYS["[[call]]"])
    # (answer, refuse, audio and talk_from have theirs above and in audio.md)
    assert set().union(*data["call"]) == set(SCENARIO_KEYS["[[call]]"]) - {"answer", "refuse", "audio", "talk_from"}
    for kind in ("digits", "talk", "speech"):
        for table in data[kind]:
            assert set(table) <= set(SCENARIO_KEYS[f"[[{kind}]]"])
    assert set(data["durations"]) <= set(SCENARIO_KEYS["[durations]"])
