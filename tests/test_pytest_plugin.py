"""The pytest plugin (``plivoxml_plus.pytest_plugin``): its fixtures drive a user's
Flask, Starlette or bare WSGI app, and it never breaks a run when httpx is missing.

Each user project is a folder of test files run by a pytest of its own, in a
subprocess (the venv's Python), as a user runs it: the plugin is loaded through
its entry point, not imported by this module.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from plivoxml_plus.core import DEFAULT_AUTH_TOKEN, Simulation
from plivoxml_plus.pytest_plugin import callback_actions, events
from tests.conftest import ROOT


def run_pytest(folder: Path, *args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m pytest`` in ``folder``, with the plugin loaded by its entry point's name."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    command = [sys.executable, "-m", "pytest", "-p", "plivoxml_plus", "-p", "no:cacheprovider", "-rA", *args]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False)


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A user's project: ``files`` (name -> source) in a folder of their own."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name, source in files.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
    return folder


def outcome(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


def test_the_plugin_is_registered_for_pytest():
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("plivoxml_plus") == "plivoxml_plus.pytest_plugin", "reinstall: pip install -e ."


@pytest.mark.parametrize("example", ["callcenter", "pin"])
def test_the_app_examples_pass(example: str):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", f"examples/{example}", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, outcome(done)
    assert " passed" in done.stdout and "failed" not in done.stdout and "skipped" not in done.stdout, outcome(done)


STARLETTE_APP = '''
    """A Starlette app (FastAPI's base) answering with a Conference."""

    from urllib.parse import parse_qsl

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response as HttpResponse
    from starlette.routing import Route

    from plivoxml_plus import Conference, Response

    events = []

    async def answer(request: Request) -> HttpResponse:
        form = dict(parse_qsl((await request.body()).decode()))
        room = Conference("standup", callback_url="https://app.example/conference-events")
        room.start_conference_on_enter = form["From"] != "15550000001"  # the first caller waits
        return HttpResponse(Response().add(room).to_bytes(), media_type="application/xml")

    async def conference_events(request: Request) -> HttpResponse:
        events.append(dict(parse_qsl((await request.body()).decode())))
        return HttpResponse(status_code=204)

    app = Starlette(routes=[
        Route("/answer", answer, methods=["POST"]),
        Route("/conference-events", conference_events, methods=["POST"]),
    ])
'''

STARLETTE_TESTS = """
    import pytest

    from plivoxml_plus.pytest_plugin import callback_actions

    import starlette_app

    @pytest.fixture
    def plivo_app():
        starlette_app.events.clear()
        return starlette_app.app

    def test_two_callers_meet(plivo_sim):
        plivo_sim.call("first", answer_url="https://app.example/answer", at=0, hangup=30)
        plivo_sim.call("second", answer_url="https://app.example/answer", at=5, hangup=20)
        plivo_sim.run()
        assert plivo_sim.hears(at=10)["first"] == {"second"}
        assert plivo_sim.hears(at=2)["first"] == frozenset()
        assert "enter" in callback_actions(plivo_sim, call="second")
        assert [e["ConferenceAction"] for e in starlette_app.events] == callback_actions(plivo_sim)
        assert all(r.status == 204 for r in plivo_sim.callbacks())

    def test_an_unknown_route_fails_the_test_in_strict_mode(plivo_sim):
        plivo_sim.call("lost", answer_url="https://app.example/missing", at=0)
        plivo_sim.run()

    def test_each_test_gets_a_fresh_simulation(plivo_sim):
        assert plivo_sim.calls == {} and plivo_sim.requests == ()
"""


def test_a_starlette_app_with_the_fixture(tmp_path: Path):
    folder = project(tmp_path, {"starlette_app.py": STARLETTE_APP, "test_app.py": STARLETTE_TESTS})
    done = run_pytest(folder)
    assert done.returncode == 1, outcome(done)
    assert "2 passed" in done.stdout and "1 failed" in done.stdout, outcome(done)
    assert "FAILED test_app.py::test_an_unknown_route_fails_the_test_in_strict_mode" in done.stdout, outcome(done)
    assert "StrictModeError" in done.stdout and "the app answered HTTP 404" in done.stdout, outcome(done)


WSGI_TESTS = """
    import pytest

    from plivoxml_plus import Response, Speak
    from plivoxml_plus.core import DEFAULT_AUTH_TOKEN
    from plivoxml_plus.core.platform._signature import verify_v3
    from urllib.parse import parse_qsl

    seen = []

    def wsgi_app(environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)).decode()
        params = dict(parse_qsl(body))
        url = f"{environ['wsgi.url_scheme']}://{environ['HTTP_HOST']}{environ['PATH_INFO']}"
        genuine = verify_v3(
            environ["REQUEST_METHOD"], url, params, environ["HTTP_X_PLIVO_SIGNATURE_V3_NONCE"],
            DEFAULT_AUTH_TOKEN, environ["HTTP_X_PLIVO_SIGNATURE_V3"],
        )
        seen.append((environ["PATH_INFO"], params.get("CallUUID"), genuine))
        document = Response().add(Speak("Hello from WSGI")).to_bytes()
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [document]

    @pytest.fixture
    def plivo_app():
        seen.clear()
        return wsgi_app

    def test_a_wsgi_function(plivo_sim, plivo_base_url, plivo_auth_token):
        assert plivo_base_url == "https://app.example" and plivo_auth_token == DEFAULT_AUTH_TOKEN
        record = plivo_sim.call("caller", answer_url=f"{plivo_base_url}/voice", at=1)
        plivo_sim.run()
        assert record.executed == ["Speak"]
        assert seen == [("/voice", record.uuid, True)]
        (answer,) = plivo_sim.requests_for("caller", kind="answer")
        assert answer.status == 200 and answer.params["Event"] == "StartApp"

    @pytest.mark.parametrize("plivo_base_url", ["https://voice.example.org/plivo"])
    def test_another_base_url(plivo_sim):
        plivo_sim.call("caller", answer_url="https://voice.example.org/plivo/answer", at=0)
        plivo_sim.run()
        assert seen == [("/plivo/answer", plivo_sim.calls["caller"].uuid, True)]
"""


def test_a_plain_wsgi_function_app(tmp_path: Path):
    folder = project(tmp_path, {"test_wsgi.py": WSGI_TESTS})
    done = run_pytest(folder)
    assert done.returncode == 0, outcome(done)
    assert "2 passed" in done.stdout, outcome(done)


NO_APP_TESTS = """
    from plivoxml_plus import Conference, Response

    def test_without_an_app_the_simulation_is_plain_and_lenient(plivo_sim):
        # the action URL answers nothing: noted, not raised, with no app under test
        room = Conference("solo", action="https://app.example/after", start_conference_on_enter=True)
        plivo_sim.call("a", Response().add(room), at=0, hangup=5)
        plivo_sim.run()
        assert plivo_sim.calls["a"].executed == ["Conference"]
"""


def test_with_no_app_the_fixture_is_a_plain_simulation(tmp_path: Path):
    folder = project(tmp_path, {"test_plain.py": NO_APP_TESTS})
    done = run_pytest(folder)
    assert done.returncode == 0, outcome(done)
    assert "1 passed" in done.stdout, outcome(done)


# What a user's project sees when httpx is not installed: importing it fails.
NO_HTTPX = "raise ImportError(\"No module named 'httpx' (blocked by the test)\")\n"

WITHOUT_HTTPX_TESTS = """
    import pytest

    def wsgi_app(environ, start_response):
        start_response("204 No Content", [])
        return [b""]

    def test_unrelated():
        assert 1 + 1 == 2

    def test_plain_simulation_needs_no_httpx(plivo_sim):
        plivo_sim.run()
        assert plivo_sim.requests == ()

    @pytest.fixture
    def plivo_app(request):
        return wsgi_app if "needs_app" in request.node.name else None

    def test_needs_app(plivo_sim):
        plivo_sim.run()
"""


def test_without_httpx_the_plugin_loads_and_only_app_tests_error(tmp_path: Path):
    folder = project(tmp_path, {"test_user.py": WITHOUT_HTTPX_TESTS})
    blocker = tmp_path / "no_httpx"
    blocker.mkdir()
    (blocker / "httpx.py").write_text(NO_HTTPX, encoding="utf-8")
    done = run_pytest(folder, pythonpath=blocker)
    assert done.returncode == 1, outcome(done)
    assert "2 passed" in done.stdout and "1 error" in done.stdout and "failed" not in done.stdout, outcome(done)
    assert "ERROR test_user.py::test_needs_app" in done.stdout, outcome(done)
    assert "MissingExtra" in done.stdout and "pip install 'plivoxml-plus[app]'" in done.stdout, outcome(done)
    assert "INTERNALERROR" not in done.stdout + done.stderr, outcome(done)


# -- the helpers, in this process ------------------------------------------------------


def test_events_and_callback_actions_read_the_recorded_requests():
    from plivoxml_plus import Conference, MultiPartyCall, Response

    sim = Simulation()
    mpc = MultiPartyCall("m", "Customer", status_callback_url="https://app.example/mpc")
    room = Conference("c", callback_url="https://app.example/conf", start_conference_on_enter=True)
    sim.call("in-mpc", Response().add(mpc), at=0, hangup=5)
    sim.call("in-conference", Response().add(room), at=0, hangup=5)
    sim.run()
    assert events(sim) == [r.params["EventName"] for r in sim.status_callbacks()]
    assert events(sim, call="in-mpc") == ["ParticipantJoin", "ParticipantExit"]
    assert events(sim, call="in-conference") == []
    assert callback_actions(sim) == [r.params["ConferenceAction"] for r in sim.callbacks()]
    assert "enter" in callback_actions(sim, call="in-conference")
    assert callback_actions(sim, call="in-mpc") == []
    assert DEFAULT_AUTH_TOKEN == "plivoxml-plus-simulation-token"


# -- docs/testing-apps.md: each section's files make a project whose tests pass ----------

DOC = ROOT / "docs" / "testing-apps.md"


def doc_projects() -> dict[str, dict[str, str]]:
    """{section title: {file name: source}} for the python blocks that start ``# <name>.py``."""
    found: dict[str, dict[str, str]] = {}
    for section in re.split(r"^## ", DOC.read_text(encoding="utf-8"), flags=re.M)[1:]:
        title = section.splitlines()[0]
        for block in re.findall(r"```python\n(.*?)```", section, flags=re.S):
            named = re.match(r"# ([\w.]+\.py)\n", block)
            if named:
                found.setdefault(title, {})[named.group(1)] = block
    return found


def test_the_doc_has_a_flask_and_a_starlette_project():
    projects = doc_projects()
    assert set(projects) == {"A Flask app", "A Starlette or FastAPI app", "Your app's REST calls"}
    for files in projects.values():
        assert set(files) == {"app.py", "conftest.py", "test_app.py"}


@pytest.mark.parametrize("title", sorted(doc_projects()))
def test_the_doc_examples_pass(title: str, tmp_path: Path):
    files = doc_projects()[title]
    done = run_pytest(project(tmp_path, files))
    assert done.returncode == 0, outcome(done)
    tests = len(re.findall(r"^def test_", files["test_app.py"], flags=re.M))  # every test the doc shows ran
    assert f" {tests} passed" in done.stdout, outcome(done)
