"""The HTML report in a real browser (issue 20): Playwright for Python driving the
system's Chromium (/usr/bin/chromium, Debian's ``chromium``, which ``make pytest``
installs when missing; Playwright never downloads a browser here). Skipped, with
the reason, only where no Chromium is installed or Playwright is missing.

The pages checked: the supervisor-coaching and IVR scenarios' reports (no console
error, a lane per call, the who-hears-whom matrix at t=45 as ``sim.hears(at=45)``
gives it, a request marker opening its parameters, a screenshot with lanes
drawn), a report of hostile names (their DOM text is the names, nothing ran),
and a 4,000-call report (under 20 MB, open in under 5 s).
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus import Conference, Response, Simulation
from plivoxml_plus.core._clock import seconds
from plivoxml_plus.core.report._timeline import MARK_KINDS
from plivoxml_plus.core.scenario._scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"
CHROMIUM = os.environ.get("PLIVOXML_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# the lane colours of the page's legend (in-room, coaching, ivr), as RGB
LANE_COLOURS = {(0x8F, 0xD1, 0x9E), (0xF0, 0xA0, 0x4B), (0x7A, 0xA6, 0xD8)}


def bench_concurrent() -> Any:
    """bench/bench_concurrent.py (its 4,000-call run), loaded as a module (with bench/
    on the path, as when it runs as a script: it imports bench/_runs.py)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_concurrent", ROOT / "bench" / "bench_concurrent.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install 'plivoxml-plus[dev]')"
    if shutil.which(CHROMIUM) is None:
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; `make pytest` does it as root)"
    return None


def expect(locator: Any) -> Any:
    """Playwright's retrying assertions (they evaluate no string: the page's CSP forbids eval)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


pytestmark = pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))


class Page:
    """A report open in the browser, with the console errors it logged."""

    def __init__(self, page: Any, errors: list[str]) -> None:
        self.page = page
        self.errors = errors


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def open_report(browser: Any, path: Path) -> Page:
    page = browser.new_page(viewport={"width": 1300, "height": 800})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            errors.append(f"fetched {request.url}")
            if "://" in request.url and not request.url.startswith("file:")
            else None
        ),
    )
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready]", timeout=10_000)
    return Page(page, errors)


def click_at(page: Any, t: float) -> float:
    """Click the timeline at ``t`` seconds, near the top of its visible part; the time the page shows."""
    svg = page.locator("#lanes")
    box = svg.bounding_box()
    scale = float(svg.get_attribute("data-px-per-second"))
    page.mouse.click(box["x"] + 4 + t * scale, page.locator("#timeline").bounding_box()["y"] + 30)
    shown = page.locator("#cursor-time").text_content()
    return float(shown.removeprefix("t=").removesuffix(" s"))


def matrix(page: Any) -> dict[str, list[str]]:
    """The who-hears-whom table as the page shows it: {listener: the speakers it hears}."""
    shown: dict[str, list[str]] = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#hears-matrix tr[data-listener]')].map(
            (tr) => [tr.dataset.listener, [...tr.querySelectorAll('td.hears')].map((td) => td.dataset.speaker)]))"""
    )
    return {listener: sorted(speakers) for listener, speakers in shown.items()}


def lane_pixels(browser: Any, png: bytes) -> tuple[int, int]:
    """(distinct colours, pixels of a lane colour) of a screenshot, decoded by the browser's own PNG reader."""
    page = browser.new_page()
    try:
        counts: list[int] = page.evaluate(
            """async ([src, colours]) => {
                    const image = new Image(); image.src = src; await image.decode();
                    const canvas = document.createElement('canvas');
                    canvas.width = image.width; canvas.height = image.height;
                    const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
                    const pixels = context.getImageData(0, 0, image.width, image.height).data;
                    const seen = new Set(), wanted = new Set(colours.map((c) => c.join(',')));
                    let lane = 0;
                    for (let i = 0; i < pixels.length; i += 4) {
                        const key = pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2];
                        seen.add(key); if (wanted.has(key)) lane++;
                    }
                    return [seen.size, lane];
                }""",
            ["data:image/png;base64," + base64.b64encode(png).decode(), [list(c) for c in LANE_COLOURS]],
        )
        return counts[0], counts[1]
    finally:
        page.close()


@pytest.mark.parametrize("scenario", ["mpc-supervisor-coaching", "ivr-menu"])
def test_a_scenario_report_shows_lanes_hearing_and_requests(browser, tmp_path, scenario):
    sim = load_scenario(SCENARIOS / f"{scenario}.toml").run()
    report = open_report(browser, sim.report_html(tmp_path / f"{scenario}.html"))
    page = report.page
    # a lane per call
    lanes = page.eval_on_selector_all("g.lane[data-call]", "gs => gs.map(g => g.getAttribute('data-call'))")
    assert sorted(lanes) == sorted(sim.calls)
    # clicking at t=45 shows who hears whom then, as sim.hears says
    shown = click_at(page, 45)
    assert abs(shown - 45) < 0.5
    assert matrix(page) == {k: sorted(v) for k, v in sim.hears(at=shown).items()}
    assert matrix(page) == {k: sorted(v) for k, v in sim.hears(at=45).items()}
    if scenario == "mpc-supervisor-coaching":  # the coach is shown as such, where the agent hears it
        coach = page.locator('#hears-matrix tr[data-listener="agent"] td[data-speaker="supervisor"]')
        assert coach.get_attribute("class") == "hears coach" and coach.text_content() == "coach"
        customer = page.locator('#hears-matrix tr[data-listener="customer"] td[data-speaker="supervisor"]')
        assert customer.get_attribute("class") == ""
    # a request marker opens its parameters
    index = next(i for i, r in enumerate(sim.requests) if r.call is not None and r.params)
    page.locator(f'circle.req[data-request="{index}"]').dispatch_event("click")
    page.wait_for_selector("#request-fields")
    request = sim.requests[index]
    fields = dict(
        zip(
            page.locator("#request-fields dt").all_text_contents(),
            page.locator("#request-fields dd").all_text_contents(),
            strict=True,
        )
    )
    assert (fields["method"], fields["URL"], fields["kind"], fields["call"]) == (
        request.method,
        request.url,
        request.kind,
        request.call,
    )
    params = page.eval_on_selector_all(
        "#request-params td[data-param]", "tds => tds.map(td => [td.dataset.param, td.textContent])"
    )
    assert dict(params) == request.params
    # a real click on a marker (the topmost: the last drawn) opens it too
    marker = page.locator("circle.req").last
    last = sim.requests[int(marker.get_attribute("data-request"))]
    marker.click()
    expect(page.locator('#request-fields dd[data-field="at"]')).to_have_text(f"t={seconds(round(last.at * 1000))} s")
    assert page.locator('#request-fields dd[data-field="URL"]').text_content() == last.url
    # the screenshot: not blank, lanes drawn
    png = page.screenshot(path=str(tmp_path / f"{scenario}.png"))
    colours, lane = lane_pixels(browser, png)
    assert colours > 20 and lane > 2000, (colours, lane)
    assert report.errors == []
    if scenario == "mpc-supervisor-coaching" and os.environ.get("PLIVOXML_UPDATE_SCREENSHOT"):
        (ROOT / "docs" / "img" / "report-coaching.png").write_bytes(
            page.screenshot(clip={"x": 0, "y": 0, "width": 1300, "height": 600})
        )
    page.close()


HOSTILE = (
    "</script><script>document.title='owned'</script> & \"q\" 's' <!-- <b>é 日本 \u05e9\u05dc\u05d5\u05dd \u202eRTL"
)
URL = 'https://example.com/cb?a=</script>&b="x"&c=<!--&d=\u05e9'


def test_hostile_names_and_urls_are_text_in_the_page(browser, tmp_path):
    sim = Simulation()
    room = "room </script> & \u05e9"
    sim.call(HOSTILE, Response([Conference(room, callback_url=URL)]), hangup=60)
    sim.call("b<i>", Response([Conference(room, callback_url=URL)]), at=2, hangup=50)
    sim.run()
    path = sim.report_html(tmp_path / "hostile.html")
    assert path.read_text(encoding="utf-8").count("</script>") == 3  # the page's own script and data blocks
    report = open_report(browser, path)
    page = report.page
    assert page.title() == "plivoxml-plus simulation report"  # no script of the names ran
    assert page.locator("script").count() == 3 and page.locator("#main b, #main i").count() == 0
    names = page.locator("#names div").all_text_contents()
    assert HOSTILE in names and "b<i>" in names and any(room in n for n in names)
    click_at(page, 30)
    assert sorted(matrix(page)) == sorted([HOSTILE, "b<i>"])
    index = next(i for i, r in enumerate(sim.requests) if r.call == HOSTILE)
    page.locator(f'circle.req[data-request="{index}"]').dispatch_event("click")
    page.wait_for_selector("#request-fields")
    assert page.locator('#request-fields dd[data-field="URL"]').text_content() == URL
    assert page.locator('#request-fields dd[data-field="call"]').text_content() == HOSTILE
    assert report.errors == []


def test_a_4000_call_report_is_under_20_mb_and_opens_in_under_5_s(browser, tmp_path):
    sim = bench_concurrent().build(4000)
    sim.run()
    path = sim.report_html(tmp_path / "big.html")
    assert path.stat().st_size < 20_000_000
    started = time.perf_counter()
    report = open_report(browser, path)
    opened = time.perf_counter() - started
    assert opened < 5, opened
    page = report.page
    drawn = page.locator("g.lane").count()
    assert 0 < drawn < 200  # only the lanes in view are drawn
    page.locator("#timeline").evaluate("t => { t.scrollTop = t.scrollHeight; }")
    expect(page.locator('g.lane[data-call="c03999"]')).to_have_count(1)
    shown = click_at(page, 3600)
    assert len(page.locator("#hears-list li").all()) == len(sim.hears(at=shown))
    in_page(report, sim, every=97)  # (its blocks gzip-compressed: the page unpacks what it was given)
    assert report.errors == []


def test_the_players_follow_the_cursor_and_move_it(browser, tmp_path):
    pytest.importorskip("numpy")
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    report = open_report(browser, sim.report_html(tmp_path / "audio.html", audio=sim.audio()))
    page = report.page
    players = page.locator("audio[data-offset]")
    assert players.count() == len(sim.calls)
    expect(page.locator('audio[data-track="customer hears"]')).to_have_js_property("readyState", 4)
    shown = click_at(page, 45)
    customer = page.locator('audio[data-track="customer hears"]')
    assert abs(customer.evaluate("a => a.currentTime") - (shown - 5)) < 0.01  # (its track starts at its answer, t=5)
    customer.evaluate("a => { a.currentTime = 20; }")  # a listener seeks its player: the cursor follows
    expect(page.locator("#cursor-time")).to_have_text("t=25 s")
    assert matrix(page) == {k: sorted(v) for k, v in sim.hears(at=25).items()}
    assert report.errors == []


OFFLINE = sorted(p for p in SCENARIOS.glob("*.toml") if "base_url" not in p.read_text(encoding="utf-8"))


def test_every_example_scenarios_report_opens_without_an_error(browser, tmp_path):
    for path in OFFLINE:
        sim = load_scenario(path).run()
        report = open_report(browser, sim.report_html(tmp_path / f"{path.stem}.html"))
        lanes = report.page.eval_on_selector_all("g.lane[data-call]", "gs => gs.map(g => g.getAttribute('data-call'))")
        assert sorted(lanes) == sorted(sim.calls), path.stem
        click_at(report.page, float(sim.now) / 2)
        assert report.errors == [], path.stem
        report.page.close()


def test_a_strict_mode_failure_is_marked_on_its_lane_and_listed(browser, tmp_path):
    from plivoxml_plus.core._world import StrictModeError

    with Simulation(urls={}, strict=True) as sim:
        sim.call("caller", Response([Conference("r", wait_sound="https://example.com/missing.xml")]), hangup=30)
        with pytest.raises(StrictModeError) as raised:
            sim.run()
        report = open_report(browser, sim.report_html(tmp_path / "failed.html"))
    page = report.page
    mark = page.locator('g.lane[data-call="caller"] path.mark-failure')
    assert mark.count() == 1 and mark.locator("title").text_content() == f"t={raised.value.at} {raised.value}"
    assert page.locator("#notes-list li.strict").all_text_contents() == [f"t={raised.value.at} {raised.value}"]
    assert report.errors == []


def in_page(report: Page, sim: Simulation, every: int = 1) -> None:
    """The page's script reads back exactly the JSON report's data (its records
    packed as columns, each string once: _packed.py), parameters in their order;
    of a big run's records, every ``every``-th (all of them through the browser's
    driver would take minutes)."""
    data = json.loads(sim.report("json"))
    detail = report.page.evaluate(
        "async (every) => { const d = await detail(), some = (rows) => rows.filter((_, i) => i % every === 0);"
        " return { requests: some(d.requests), timeline: some(d.timeline),"
        " counts: [d.requests.length, d.timeline.length] }; }",
        every,
    )
    assert detail["counts"] == [len(data["requests"]), len(data["timeline"])]
    assert detail["requests"] == data["requests"][::every] and detail["timeline"] == data["timeline"][::every]
    assert [list(r["params"]) for r in detail["requests"]] == [list(r.params) for r in sim.requests[::every]]
    drawn = report.page.evaluate(
        "async (every) => { const d = Object.assign({}, await drawn),"
        " some = (rows) => rows.filter((_, i) => i % every === 0);"
        " d.request_index = some(d.request_index); d.marks = some(d.marks); return d; }",
        every,
    )
    assert drawn["request_index"] == [
        {"at": r["at"], "call": r["call"], "status": r["status"], "kind": r["kind"]} for r in data["requests"]
    ][::every]
    assert drawn["marks"] == [e for e in data["timeline"] if e["call"] is not None and e["kind"] in MARK_KINDS][::every]
    for key in ("request_index", "marks", "call_order", "audio"):
        drawn.pop(key)
    assert drawn == {key: value for key, value in data.items() if key not in ("requests", "timeline")}


def test_the_page_reads_back_the_json_reports_data(browser, tmp_path):
    for name in ("mpc-supervisor-coaching", "ivr-menu"):
        sim = load_scenario(SCENARIOS / f"{name}.toml").run()
        report = open_report(browser, sim.report_html(tmp_path / f"{name}.html"))
        in_page(report, sim)
        assert report.errors == []
        report.page.close()
    sim = Simulation()  # hostile names and URLs, as parameters too
    room = "room </script> & \u05e9"
    sim.call(HOSTILE, Response([Conference(room, callback_url=URL)]), hangup=60)
    sim.call("b<i>", Response([Conference(room, callback_url=URL)]), at=2, hangup=50)
    sim.run()
    report = open_report(browser, sim.report_html(tmp_path / "hostile.html"))
    in_page(report, sim)
    assert report.errors == []
