"""Scenario files that run the user's own app (issue 11): ``app = "module:attribute"``,
``base_url``, ``strict``, per-call ``answer_url`` / ``answer_method``, and
``simulate --strict``.

The app module is imported when the scenario is loaded, from the scenario's own
folder (never the working directory); every problem with it is a
``FILE:LINE: message`` and exit 2, never a traceback. In strict mode a request
the app fails stops the run with exit 1: the scenario is fine, the app is not.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from plivoxml_plus import ScenarioError, StrictModeError
from plivoxml_plus.cli import main
from plivoxml_plus.core import load_scenario

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "scenarios" / "app" / "app-answer.toml"

# A plain WSGI app: /answer puts the caller into an MPC, /events answers 204,
# anything else 404. ROLE is what the module says about itself (to tell copies apart).
WSGI_APP = """
ROLE = "{role}"
SEEN = []


def app(environ, start_response):
    path = environ["PATH_INFO"]
    SEEN.append(path)
    if path == "/answer":
        body = (
            '<Response><MultiPartyCall role="' + ROLE + '" statusCallbackUrl="https://app.example/events">'
            "room</MultiPartyCall></Response>"
        ).encode()
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [body]
    if path == "/events":
        start_response("204 No Content", [])
        return [b""]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found"]


def create_app():
    return app


NUMBER = 42
"""

SCENARIO = """\
app = "{app}"
base_url = "https://app.example"

[[call]]
name = "caller"
answer_url = "https://app.example/answer"
hangup = 10
"""


@pytest.fixture(autouse=True)
def forget_app_modules(tmp_path: Path) -> Iterator[None]:
    """Modules imported from tmp_path or the example's folder are forgotten after
    each test, so no test finds another's module already imported."""
    yield
    folders = (str(tmp_path), str(EXAMPLE.parent))
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith(folders):
            del sys.modules[name]


def folder_of(module: str) -> Path:
    """The folder the imported module ``module`` was loaded from."""
    file = sys.modules[module].__file__
    assert file is not None
    return Path(file).parent


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {path}")


def simulate(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["simulate", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def load_error(capsys: pytest.CaptureFixture[str], path: Path, needle: str) -> str:
    """Run ``simulate path``: exit 2, one ``FILE:LINE: message`` at the line holding ``needle``."""
    code, out, err = simulate(capsys, path)
    assert code == 2, err
    assert out == ""
    prefix = f"{path}:{line_of(path, needle)}: "
    assert err.startswith(prefix), err
    assert err.count("\n") == 1, err
    return err[len(prefix) :].strip()


# -- the example -------------------------------------------------------------------------


def test_the_example_runs_its_flask_app_from_another_working_directory(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = simulate(capsys, EXAMPLE, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    answers = [r for r in report["requests"] if r["kind"] == "answer"]
    assert [(r["call"], r["method"], r["url"], r["status"]) for r in answers] == [
        ("agent", "POST", "https://app.example/answer", 200),
        ("customer", "POST", "https://app.example/answer", 200),
    ]
    for request in answers:
        assert request["params"]["CallStatus"] == "ringing"
        assert request["params"]["Event"] == "StartApp"
        assert request["params"]["Direction"] == "inbound"
    events = [r for r in report["requests"] if r["kind"] == "status-callback"]
    assert events, "the MPC's status callbacks reach /events"
    assert {(r["url"], r["status"]) for r in events} == {("https://app.example/events", 204)}
    names = [r["params"]["EventName"] for r in events]
    assert names[0] == "MPCInitialized" and names[-1] == "MPCEnd"
    roles = {r["params"]["ParticipantRole"] for r in events if r["params"]["EventName"] == "ParticipantJoin"}
    assert roles == {"Agent", "Customer"}  # by caller number: ...1 is the Agent
    (probe,) = report["probes"]
    assert probe["hears"] == {"agent": ["customer"], "customer": ["agent"]}
    assert report["notes"] == []
    # the app that ran is the example's own module, and it kept the callbacks
    assert folder_of("answer_app") == EXAMPLE.parent
    module = sys.modules["answer_app"]
    assert [event["EventName"] for event in module.EVENTS][-len(names) :] == names


def test_the_example_in_text_and_the_scenario_api(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = simulate(capsys, EXAMPLE)
    assert code == 0
    assert "-> POST https://app.example/answer [answer]" in out
    scenario = load_scenario(EXAMPLE)
    # strict by default: the scenario drives an app (issue 18)
    assert scenario.base_url == "https://app.example" and callable(scenario.app) and scenario.strict
    assert [(c.answer, c.answer_url, c.answer_method) for c in scenario.calls] == [
        (None, "https://app.example/answer", "POST")
    ] * 2
    with scenario.run() as simulation:
        assert [r.status for r in simulation.requests_for("agent", kind="answer")] == [200]


# -- strict mode -------------------------------------------------------------------------


def lost_call(tmp_path: Path, *, strict: bool | None = None) -> Path:
    write(tmp_path, "strict_app.py", WSGI_APP.format(role="Agent"))
    header = "" if strict is None else f"strict = {'true' if strict else 'false'}\n"
    return write(
        tmp_path,
        "lost.toml",
        header
        + """\
app = "strict_app:app"
base_url = "https://app.example"

[[call]]
name = "fine"
answer_url = "https://app.example/answer"
hangup = 30

[[call]]
name = "lost"
answer_url = "https://app.example/missing"
answer_method = "GET"
at = 2
""",
    )


def test_strict_flag_exits_1_naming_the_url_and_the_call(tmp_path, monkeypatch, capsys):
    path = lost_call(tmp_path)
    monkeypatch.chdir(tmp_path.parent)
    code, out, err = simulate(capsys, path, "--strict")
    assert code == 1
    assert out == ""
    assert err == (
        f"{path}: strict mode: at t=2, for call 'lost': answerUrl https://app.example/missing: "
        "the app answered HTTP 404\n"
    )


def test_the_files_strict_true_also_exits_1_and_the_flag_overrides_false(tmp_path, capsys):
    path = lost_call(tmp_path, strict=True)
    code, _, err = simulate(capsys, path, "--format", "json")
    assert code == 1 and "strict mode:" in err and "'lost'" in err
    path = lost_call(tmp_path, strict=False)
    code, _, err = simulate(capsys, path, "--strict")
    assert code == 1 and "https://app.example/missing" in err


def test_lenient_with_strict_false_the_404_is_a_note_and_the_run_goes_on(tmp_path, capsys):
    path = lost_call(tmp_path, strict=False)
    code, out, err = simulate(capsys, path, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    lost = [r for r in report["requests"] if r["call"] == "lost"]
    assert [(r["kind"], r["method"], r["status"]) for r in lost] == [("answer", "GET", 404)]
    assert any("HTTP 404" in note["text"] and note["call"] == "lost" for note in report["notes"])


def test_scenario_run_raises_strict_mode_error_not_a_scenario_error(tmp_path):
    scenario = load_scenario(lost_call(tmp_path, strict=True))
    with pytest.raises(StrictModeError, match="for call 'lost'") as caught:
        scenario.run()
    assert not isinstance(caught.value, ScenarioError)


# -- where the app comes from ------------------------------------------------------------


def test_the_app_module_is_found_next_to_the_scenario_not_in_the_working_directory(tmp_path, monkeypatch, capsys):
    here = tmp_path / "scenario"
    write(here, "where_app.py", WSGI_APP.format(role="Agent"))
    path = write(here, "where.toml", SCENARIO.format(app="where_app:app"))
    # the working directory has a module of the same name that must not be used
    elsewhere = tmp_path / "cwd"
    write(elsewhere, "where_app.py", "raise RuntimeError('the working directory was searched')\n")
    monkeypatch.chdir(elsewhere)
    monkeypatch.syspath_prepend(str(elsewhere))  # even first on sys.path, the scenario's folder wins
    before = list(sys.path)
    code, out, err = simulate(capsys, path, "--format", "json")
    assert code == 0, err
    assert sys.path == before  # restored
    assert folder_of("where_app") == here
    joins = [r for r in json.loads(out)["requests"] if r["params"].get("EventName") == "ParticipantJoin"]
    assert [r["params"]["ParticipantRole"] for r in joins] == ["Agent"]


def test_a_module_of_the_same_name_imported_from_elsewhere_does_not_shadow_the_scenarios(tmp_path):
    first = tmp_path / "one"
    second = tmp_path / "two"
    write(first, "twin_app.py", WSGI_APP.format(role="Agent"))
    write(second, "twin_app.py", WSGI_APP.format(role="Customer"))
    apps = []
    for folder in (first, second):
        scenario = load_scenario(write(folder, "twin.toml", SCENARIO.format(app="twin_app:app")))
        apps.append(scenario.app)
        with scenario.run() as simulation:
            (join,) = simulation.status_callbacks("ParticipantJoin")
            assert join.params["ParticipantRole"] == ("Agent" if folder == first else "Customer")
    assert apps[0] is not apps[1]
    assert folder_of("twin_app") == first  # the first import is put back


def test_a_factory_with_parentheses_is_called_and_a_dotted_attribute_is_followed(tmp_path, capsys):
    write(tmp_path, "factory_app.py", WSGI_APP.format(role="Agent") + "\nclass Holder:\n    inner = app\n")
    for app in ("factory_app:create_app()", "factory_app:Holder.inner"):
        path = write(tmp_path, "factory.toml", SCENARIO.format(app=app))
        code, out, err = simulate(capsys, path, "--format", "json")
        assert code == 0, (app, err)
        answers = [r for r in json.loads(out)["requests"] if r["kind"] == "answer"]
        assert [r["status"] for r in answers] == [200]


def test_a_package_module_and_an_asgi_app(tmp_path, capsys):
    write(tmp_path / "webpkg", "__init__.py", "")
    write(
        tmp_path / "webpkg",
        "asgi.py",
        """\
        async def app(scope, receive, send):
            assert scope["type"] == "http"
            body = b'<Response><MultiPartyCall role="Agent">room</MultiPartyCall></Response>'
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/xml")]})
            await send({"type": "http.response.body", "body": body})
        """,
    )
    path = write(tmp_path, "asgi.toml", SCENARIO.format(app="webpkg.asgi:app"))
    code, out, err = simulate(capsys, path, "--format", "json", "--strict")
    assert code == 0, err
    report = json.loads(out)
    assert [r["status"] for r in report["requests"] if r["kind"] == "answer"] == [200]
    assert report["calls"]["caller"]["executed"] == ["MultiPartyCall"]


def test_base_url_without_app_is_a_real_server_and_strict_reports_no_connection(tmp_path, capsys):
    path = write(
        tmp_path,
        "server.toml",
        """\
        base_url = "http://127.0.0.1:9"
        timeout = 2
        auth_token = "my-token"

        [[call]]
        name = "caller"
        answer_url = "http://127.0.0.1:9/answer"
        """,
    )
    scenario = load_scenario(path)
    assert (scenario.app, scenario.timeout, scenario.auth_token) == (None, 2, "my-token")
    code, out, err = simulate(capsys, path, "--strict")
    assert code == 1 and out == ""
    assert err.startswith(f"{path}: strict mode: at t=0, for call 'caller': answerUrl http://127.0.0.1:9/answer: ")


def test_without_httpx_an_app_scenario_is_exit_2_naming_the_extra(tmp_path, monkeypatch, capsys):
    write(tmp_path, "nohttpx_app.py", WSGI_APP.format(role="Agent"))
    path = write(tmp_path, "nohttpx.toml", SCENARIO.format(app="nohttpx_app:app"))
    monkeypatch.setitem(sys.modules, "httpx", None)  # import httpx: ImportError
    message = load_error(capsys, path, "app =")
    assert "httpx" in message and "pip install 'plivoxml-plus[app]'" in message


# -- load errors, each at FILE:LINE ------------------------------------------------------


def test_a_module_that_raises_while_importing(tmp_path, capsys):
    write(tmp_path, "boom_app.py", "import os\nraise RuntimeError('no DATABASE_URL set')\n")
    path = write(tmp_path, "boom.toml", SCENARIO.format(app="boom_app:app"))
    message = load_error(capsys, path, "app =")
    assert message == (
        f"app = 'boom_app:app': importing module 'boom_app' (from {tmp_path}) raised RuntimeError: no DATABASE_URL set"
    )
    assert "boom_app" not in sys.modules


def test_a_module_that_exits_while_importing(tmp_path, capsys):
    write(tmp_path, "exit_app.py", "import sys\nsys.exit(3)\n")
    path = write(tmp_path, "exit.toml", SCENARIO.format(app="exit_app:app"))
    assert "raised SystemExit: 3" in load_error(capsys, path, "app =")


def test_a_module_with_a_syntax_error(tmp_path, capsys):
    write(tmp_path, "syntax_app.py", "def app(environ, start_response)\n    pass\n")
    path = write(tmp_path, "syntax.toml", SCENARIO.format(app="syntax_app:app"))
    message = load_error(capsys, path, "app =")
    assert message.startswith(f"app = 'syntax_app:app': cannot import module 'syntax_app' (from {tmp_path}): ")
    assert "SyntaxError: " in message and "syntax_app.py, line 1" in message


def test_a_module_that_is_not_there(tmp_path, monkeypatch, capsys):
    path = write(tmp_path / "scenario", "absent.toml", SCENARIO.format(app="absent_app:app"))
    write(tmp_path, "absent_app.py", WSGI_APP.format(role="Agent"))  # in the working directory: not used
    monkeypatch.chdir(tmp_path)
    message = load_error(capsys, path, "app =")
    assert message.startswith(f"app = 'absent_app:app': no module 'absent_app' in {tmp_path / 'scenario'}")
    assert "No module named 'absent_app'" in message


def test_a_module_whose_own_import_fails(tmp_path, capsys):
    write(tmp_path, "needs_app.py", "import not_installed_anywhere_xyz\napp = None\n")
    path = write(tmp_path, "needs.toml", SCENARIO.format(app="needs_app:app"))
    message = load_error(capsys, path, "app =")
    assert message == (
        f"app = 'needs_app:app': cannot import module 'needs_app' (from {tmp_path}): "
        "ModuleNotFoundError: No module named 'not_installed_anywhere_xyz'"
    )


def test_a_missing_attribute(tmp_path, capsys):
    write(tmp_path, "attr_app.py", WSGI_APP.format(role="Agent"))
    path = write(tmp_path, "attr.toml", SCENARIO.format(app="attr_app:application"))
    message = load_error(capsys, path, "app =")
    module = tmp_path / "attr_app.py"
    assert message == f"app = 'attr_app:application': attr_app ({module}) has no attribute 'application'"


def test_an_app_that_is_not_callable_and_a_factory_that_raises(tmp_path, capsys):
    write(tmp_path, "value_app.py", WSGI_APP.format(role="Agent") + "\ndef broken():\n    raise KeyError('SECRET')\n")
    path = write(tmp_path, "value.toml", SCENARIO.format(app="value_app:NUMBER"))
    message = load_error(capsys, path, "app =")
    assert message.startswith("app = 'value_app:NUMBER': NUMBER is a int, not a WSGI or ASGI app (a callable")
    path = write(tmp_path, "value.toml", SCENARIO.format(app="value_app:broken()"))
    assert load_error(capsys, path, "app =") == "app = 'value_app:broken()': calling broken() raised KeyError: 'SECRET'"


@pytest.mark.parametrize("value", ["answer_app", "answer_app:", ":app", "answer app:app", "a:b:c", "m:1x"])
def test_an_app_not_written_module_colon_attribute(tmp_path, capsys, value):
    path = write(tmp_path, "form.toml", SCENARIO.format(app=value))
    assert load_error(capsys, path, "app =").startswith('app must be "module:attribute"')


def test_app_without_base_url(tmp_path, capsys):
    write(tmp_path, "lone_app.py", WSGI_APP.format(role="Agent"))
    path = write(tmp_path, "lone.toml", 'until = 5\napp = "lone_app:app"\n')
    message = load_error(capsys, path, "app =")
    assert message.startswith('app needs base_url = "..." (the URL your app\'s routes are under')
    assert "lone_app" not in sys.modules  # not imported: the cheap checks come first


@pytest.mark.parametrize(
    "url", ["app.example", "ftp://app.example", "https://app.example/?x=1", "https://app.example/#top", "https://"]
)
def test_a_bad_base_url(tmp_path, capsys, url):
    path = write(tmp_path, "base.toml", f'base_url = "{url}"\n')
    message = load_error(capsys, path, "base_url =")
    assert message.startswith(f"base_url = {url!r} is not allowed; allowed: ")


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        (
            '[[call]]\nname = "c"\nanswer_url = "https://app.example/a"\nanswer_method = "PUT"\n',
            "answer_method",
            "call 'c': answer_method must be \"GET\" or \"POST\", not 'PUT'",
        ),
        (
            '[[call]]\nname = "c"\nanswer_url = "https://app.example/a"\nanswer_method = "get"\n',
            "answer_method",
            "call 'c': answer_method must be \"GET\" or \"POST\", not 'get'",
        ),
        (
            '[[call]]\nname = "c"\nanswer = "<Response/>"\nanswer_url = "https://app.example/a"\n',
            "answer_url",
            "call 'c': give answer = (its XML) or answer_url = (the URL your app answers at), not both: one of the two",
        ),
        (
            '[[call]]\nname = "c"\nat = 1\n',
            "[[call]]",
            "call 'c' needs answer = ... (its XML: a file or inline) or answer_url = \"...\"",
        ),
        (
            '[[call]]\nname = "c"\nanswer = "<Response/>"\nanswer_method = "GET"\n',
            "answer_method",
            "call 'c': answer_method goes with answer_url (how the answer URL is requested), which is missing",
        ),
        (
            '[[call]]\nname = "c"\nanswer_url = "/answer"\n',
            "answer_url",
            "call 'c': answer_url = '/answer' is not allowed; allowed: an absolute http:// or https:// URL",
        ),
        ('strict = "yes"\n', "strict", "strict must be true or false, not 'yes'"),
        (
            'base_url = "https://app.example"\ntimeout = 0\n',
            "timeout",
            "timeout (seconds) = 0 is not allowed; allowed: a finite number of seconds > 0",
        ),
        (
            'base_url = "https://app.example"\nauth_token = ""\n',
            "auth_token",
            "auth_token must be a non-empty string, not ''",
        ),
        ("timeout = 3\n", "timeout", 'timeout needs base_url = "..."'),
        ('auth_token = "t"\n', "auth_token", 'auth_token needs base_url = "..."'),
    ],
)
def test_bad_connection_and_call_keys(tmp_path, capsys, text, needle, expected):
    path = write(tmp_path, "keys.toml", "# a comment line first\n" + text)
    assert load_error(capsys, path, needle).startswith(expected)


def test_the_load_errors_are_scenario_errors_with_path_and_line(tmp_path):
    write(tmp_path, "api_boom.py", "raise ValueError('bad config')\n")
    path = write(tmp_path, "api.toml", "\n\n" + SCENARIO.format(app="api_boom:app"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert "ValueError: bad config" in caught.value.reason


def test_an_answer_url_scenario_without_app_uses_its_urls_table(tmp_path, capsys):
    path = write(
        tmp_path,
        "urls.toml",
        """\
        strict = true

        [[call]]
        name = "c"
        answer_url = "https://example.com/answer.xml"
        answer_method = "GET"

        [urls]
        "https://example.com/answer.xml" = '<Response><MultiPartyCall role="Agent">r</MultiPartyCall></Response>'
        """,
    )
    code, out, err = simulate(capsys, path, "--format", "json")
    assert code == 0, err
    (answer,) = [r for r in json.loads(out)["requests"] if r["kind"] == "answer"]
    assert (answer["method"], answer["status"]) == ("GET", None)
