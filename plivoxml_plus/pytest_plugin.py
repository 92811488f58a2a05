"""A pytest plugin for testing the app that answers Plivo's requests (docs/testing-apps.md).

Installed with plivoxml_plus, it is loaded by pytest on its own (entry point
``pytest11``, name ``plivoxml_plus``; ``-p no:plivoxml_plus`` turns it off).
Fixtures:

- ``plivo_app``: the app under test, a WSGI (Flask...) or ASGI (Starlette,
  FastAPI...) app. None here: override it in your ``conftest.py``.
- ``plivo_base_url``: the URL the app's routes are under (``"https://app.example"``);
  every request to a URL under it goes to the app, in-process.
- ``plivo_auth_token``: the token the simulator signs its requests with
  (``X-Plivo-Signature-V2`` and ``-V3``); give the app the same one.
- ``plivo_client``: a real ``plivo.RestClient`` (plivo-python) whose requests
  ``plivo_sim`` answers in process, as Plivo's REST API would.
- ``plivo_sim``: a fresh :class:`~plivoxml_plus.core.Simulation` for each test,
  closed after it. With an app it sends the platform's requests to the app and is
  strict (the first non-2xx reply, unknown URL, invalid document or failure raises
  ``StrictModeError``); with no app it is a plain, lenient simulation.

Helpers, for the assertions a test makes: :func:`events` and :func:`callback_actions`.

A failing test that used ``plivo_sim`` gets a ``plivo_sim`` section in its
failure output: the simulation's text timeline, its first and last lines with
a count of those left out. With a report directory (``--plivo-report-dir DIR``,
else the environment variable ``PLIVOXML_PLUS_REPORT_DIR``, else the ini option
``plivo_report_dir``) it also writes the simulation's HTML report there, named
after the test's node id, and the section names the file. Passing tests write
nothing. Where the HTML cannot be written (a folder that cannot be written, an
extra missing), the section says so in one line: a report never turns into an
error of its own, nor hides the test's.

This module imports nothing but pytest when pytest loads it: the simulator is
imported when a fixture or helper is used, and httpx (the ``app`` extra) only by a
``plivo_sim`` given an app, plivo-python (the ``rest`` extra) only by
``plivo_client``. Without them, such a test fails with a MissingExtra naming
``plivoxml-plus[app]`` or ``plivoxml-plus[rest]``; every other test runs as before.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .core import Simulation
    from .core.report._coverage import CoverageReport

__all__ = [
    "callback_actions",
    "events",
    "plivo_app",
    "plivo_auth_token",
    "plivo_base_url",
    "plivo_client",
    "plivo_sim",
]

BASE_URL = "https://app.example"

REPORT_DIR_ENV = "PLIVOXML_PLUS_REPORT_DIR"  # the report directory in CI, where the command line is fixed
HEAD_LINES = TAIL_LINES = 40  # of the text timeline in a failing test's section
LINE_CHARACTERS = 300  # a longer line (a URL, a body) is cut: the section stays bounded

_SIMULATION = pytest.StashKey["Simulation"]()  # the test's plivo_sim, while it is up
# the session's coverage, merged (one item, once a test used plivo_sim; --plivo-coverage)
_COVERAGE: pytest.StashKey[list[CoverageReport]] = pytest.StashKey()
_REPORT_DIR = pytest.StashKey["Path | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("plivoxml_plus", "plivoxml-plus").addoption(
        "--plivo-report-dir",
        metavar="DIR",
        default=None,
        help=(
            "write the HTML report of each failing test's plivo_sim into DIR (made if missing); "
            f"else ${REPORT_DIR_ENV}, else the ini option plivo_report_dir; default: none written"
        ),
    )
    group = parser.getgroup("plivoxml_plus")
    group.addoption(
        "--plivo-coverage",
        action="store_true",
        default=False,
        help="record the call-flow coverage of every plivo_sim and report it after the run "
        "(which branch of which document the tests took: keys, no input, Dial statuses, room exits...)",
    )
    group.addoption(
        "--plivo-coverage-json",
        metavar="FILE",
        default=None,
        help="with --plivo-coverage: also write the coverage as JSON to FILE",
    )
    group.addoption(
        "--plivo-coverage-html",
        metavar="FILE",
        default=None,
        help="with --plivo-coverage: also write the coverage as one HTML page to FILE",
    )
    parser.addini(
        "plivo_report_dir",
        "folder (relative to the ini file) for the HTML reports of failing tests' plivo_sim",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_REPORT_DIR] = report_dir(config)
    if any(config.getoption(name) for name in ("plivo_coverage", "plivo_coverage_json", "plivo_coverage_html")):
        config.stash[_COVERAGE] = []


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The session's call-flow coverage (``--plivo-coverage``): every document the
    tests' simulations executed, and each branch not taken."""
    collected = config.stash.get(_COVERAGE, None)
    if collected is None:
        return
    from .core.report._coverage import CoverageReport

    total = collected[0] if collected else CoverageReport()
    terminalreporter.section("plivo call-flow coverage")
    terminalreporter.write_line(total.render_text())
    for option, text in (("plivo_coverage_json", total.to_json), ("plivo_coverage_html", total.to_html)):
        path = config.getoption(option)
        if path:
            target = config.invocation_params.dir / path
            target.write_text(text() + "\n", encoding="utf-8")
            terminalreporter.write_line(f"call-flow coverage written to {target}")


def report_dir(config: pytest.Config) -> Path | None:
    """Where failing tests' HTML reports go: the command line's folder (from where
    pytest was started), else the environment's (from there too), else the ini
    file's (from the ini file's folder); None: none is written."""
    given: str | None = config.getoption("plivo_report_dir")
    start = config.invocation_params.dir
    if given:
        return start / given
    if os.environ.get(REPORT_DIR_ENV):
        return start / os.environ[REPORT_DIR_ENV]
    ini: str = config.getini("plivo_report_dir")
    if ini:
        return (config.inipath.parent if config.inipath is not None else config.rootpath) / ini
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    simulation = item.stash.get(_SIMULATION, None)
    if report.failed and simulation is not None:
        del item.stash[_SIMULATION]  # (once: a teardown that fails too adds no second section)
        report.sections.append(("plivo_sim", failure_section(simulation, item)))


@pytest.fixture
def plivo_app() -> Any:
    """The app under test (WSGI or ASGI). None: override this fixture in your conftest.py."""
    return None


@pytest.fixture
def plivo_base_url() -> str:
    """The URL the app's routes are under: requests to URLs below it go to ``plivo_app``."""
    return BASE_URL


@pytest.fixture
def plivo_auth_token() -> str:
    """The auth token the simulator signs its requests with (give the app the same one)."""
    from .core import DEFAULT_AUTH_TOKEN

    return DEFAULT_AUTH_TOKEN


@pytest.fixture
def plivo_sim(
    request: pytest.FixtureRequest, plivo_app: Any, plivo_base_url: str, plivo_auth_token: str
) -> Iterator[Simulation]:
    """A fresh Simulation: sending to ``plivo_app`` in strict mode if there is one, else plain."""
    from .core import Simulation

    collected = request.config.stash.get(_COVERAGE, None)
    coverage = collected is not None
    if plivo_app is None:
        sim = Simulation(coverage=coverage)
    else:
        sim = Simulation(
            app=plivo_app, base_url=plivo_base_url, auth_token=plivo_auth_token, strict=True, coverage=coverage
        )
    request.node.stash[_SIMULATION] = sim  # (for the report of a failure)
    try:
        yield sim
    finally:
        if _SIMULATION in request.node.stash:  # (a failure's report took it already)
            del request.node.stash[_SIMULATION]
        if collected is not None:
            collected[:] = [collected[0].merge(sim.coverage()) if collected else sim.coverage()]
        sim.close()


@pytest.fixture
def plivo_client(plivo_sim: Simulation) -> Any:
    """A real ``plivo.RestClient`` answered by ``plivo_sim`` (docs/testing-apps.md,
    "Your app's REST calls"); signed with ``plivo_auth_token``'s token."""
    return plivo_sim.rest_client()


def events(sim: Simulation, call: str | None = None) -> list[str]:
    """The EventName of every MultiPartyCall status callback (of ``call`` if given), in order."""
    return [request.params.get("EventName", "") for request in sim.status_callbacks(call=call)]


def callback_actions(sim: Simulation, call: str | None = None) -> list[str]:
    """The ConferenceAction of every Conference callbackUrl event (of ``call`` if given), in order."""
    return [request.params.get("ConferenceAction", "") for request in sim.callbacks(call=call)]


# -- the report of a failing test ------------------------------------------------------


def failure_section(simulation: Simulation, item: pytest.Item) -> str:
    """The ``plivo_sim`` section of a failing test: the HTML report's path (or why
    there is none), the simulation in one line, and its text timeline, bounded."""
    lines = []
    directory = item.config.stash.get(_REPORT_DIR, None)
    if directory is not None:
        lines.append(_write_html(simulation, directory / report_name(item.nodeid)))
    lines.append(repr(simulation))
    try:
        lines.append(bounded(simulation.report("text")))
    except Exception as error:  # (a report failing must not hide the test's own failure)
        lines.append(f"the text report could not be made: {type(error).__name__}: {error}")
    return "\n".join(lines)


def _write_html(simulation: Simulation, path: Path) -> str:
    """One line: where the HTML report was written, or why it was not."""
    from ._errors import MissingExtra, SimulationError
    from ._terminal import printable

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written = simulation.report_html(path)
    except OSError as error:  # (the folder: report_html says so of the file itself)
        return printable(f"HTML report not written: cannot make {path.parent}: {error.strerror or error}")
    except (SimulationError, MissingExtra) as error:
        return printable(f"HTML report not written: {error}")
    except Exception as error:  # (a report failing must not hide the test's own failure)
        return printable(f"HTML report not written: {type(error).__name__}: {error}")
    return printable(f"HTML report: {written}")


def report_name(nodeid: str) -> str:
    """A file name for the report of test ``nodeid``: its letters, digits, ``._-``
    (every other run of characters an ``_``, at most 80), then a hash of the whole
    node id, so that two tests never share a file and a rerun replaces its own."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", nodeid)[:80].strip("._-") or "test"
    digest = hashlib.sha256(nodeid.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{readable}-{digest}.html"


def bounded(text: str, head: int = HEAD_LINES, tail: int = TAIL_LINES, width: int = LINE_CHARACTERS) -> str:
    """``text``'s first ``head`` and last ``tail`` lines (each cut at ``width``
    characters), with a line counting those left out between them."""
    lines = [
        line if len(line) <= width else f"{line[:width]}... ({len(line) - width} more characters)"
        for line in text.splitlines()
    ]
    if len(lines) <= head + tail + 1:
        return "\n".join(lines)
    left_out = len(lines) - head - tail
    gap = f"... {left_out} lines left out (the whole timeline: sim.report(), or the HTML report) ..."
    return "\n".join([*lines[:head], gap, *lines[len(lines) - tail :]])
