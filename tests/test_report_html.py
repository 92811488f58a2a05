"""The HTML report and the timeline data it is drawn from (issue 20, items 1 and 4):
one model (``to_data``), three renderings; who hears whom replayed from the data
is what ``Simulation.hears`` says, at every instant."""

from __future__ import annotations

import base64
import gc
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, MultiPartyCall, Response, Simulation
from plivoxml_plus.core.report._timeline import MARK_KINDS
from plivoxml_plus.core.scenario._scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"
# the scenarios that run offline (those driving an app need it running)
OFFLINE = sorted(p for p in SCENARIOS.glob("*.toml") if "base_url" not in p.read_text(encoding="utf-8"))
DEFAULT_THRESHOLDS = gc.get_threshold()


def block(html: str, name: str) -> dict[str, Any]:
    """A data block of a report page, as its script reads it (JSON, or gzip-compressed
    JSON in base64; its lists of records packed as columns)."""
    found = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', html, re.S)
    if found is not None:
        return unpack(json.loads(found.group(1)))
    packed = re.search(rf'<script type="application/gzip-base64" id="{name}-gzip">(.*?)</script>', html, re.S)
    assert packed is not None
    return unpack(json.loads(gzip.decompress(base64.b64decode(packed.group(1)))))


def unpack(block: dict[str, Any]) -> dict[str, Any]:
    """A packed block's records again (as the page's ``unpack`` reads them: _packed.py's format)."""
    strings, out = block.pop("strings"), block
    shapes = [[strings[key] for key in keys] for keys in block.pop("shapes")]
    for name, packed in block.pop("records").items():
        rows: list[dict[str, Any]] = [{} for _ in range(packed["length"])]
        for key, (kind, values) in packed["columns"].items():
            if kind == "fields":
                shape, flat = values[0], iter(values[1])
                for row, keys in zip(rows, shape, strict=True):
                    row[key] = {field: strings[next(flat)] for field in shapes[keys]}
            else:
                for row, value in zip(rows, values, strict=True):
                    row[key] = strings[value] if kind == "text" else value
        out[name] = rows
    return out


def page_data(html: str) -> dict[str, Any]:
    """The report's data as a page carries it: what it draws at once, and the details block."""
    data = block(html, "report-data")
    detail = block(html, "report-detail")
    # (the requests' columns the page draws at once are in the first block: their index)
    detail["requests"] = [r | at for r, at in zip(detail["requests"], data["request_index"], strict=True)]
    for key in ("request_index", "marks", "call_order", "audio"):
        data.pop(key)
    return data | detail


def replay(hearing: list[dict[str, Any]], at: float) -> dict[str, frozenset[str]]:
    """Who hears whom at ``at``, from the report's changes (as the page's script replays them)."""
    state: dict[str, Any] = {}
    for change in hearing:
        if change["at"] > at:
            break
        for name in change["gone"]:
            del state[name]
        state.update(change["set"])
    return {name: frozenset(info["hears"]) for name, info in state.items()}


def instants(sim: Simulation, hearing: list[dict[str, Any]]) -> list[float]:
    """Every change instant, a millisecond (the clock's step) before and after it, and the ends of the run."""
    times = {0.0, float(sim.now)}
    for change in hearing:
        times |= {change["at"], max(0.0, change["at"] - 0.001), min(float(sim.now), change["at"] + 0.001)}
    return sorted(times)


def test_report_html_writes_one_page_embedding_the_json_reports_data(tmp_path):
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    path = sim.report_html(tmp_path / "sub" / "report.html")
    assert path == tmp_path / "sub" / "report.html"
    html = path.read_text(encoding="utf-8")
    data = page_data(html)
    assert data == json.loads(sim.report("json"))
    drawn = block(html, "report-data")  # what the page draws at once is that data too
    assert drawn["request_index"] == [
        {"at": r.at, "call": r.call, "status": r.status, "kind": r.kind} for r in sim.requests
    ]
    assert drawn["marks"] == [e for e in data["timeline"] if e["call"] is not None and e["kind"] in MARK_KINDS]
    assert {e["kind"] for e in drawn["marks"]} == {"join", "leave", "ended", "api"}
    # self-contained: nothing is fetched
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


@pytest.mark.parametrize("path", OFFLINE, ids=lambda p: p.stem)
def test_the_hearing_changes_replay_to_what_sim_hears_says(path):
    sim = load_scenario(path).run()
    hearing = json.loads(sim.report("json"))["hearing"]
    for at in instants(sim, hearing):
        assert replay(hearing, at) == sim.hears(at=at), (path.stem, at)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, 30),  # arrives
            st.integers(1, 40),  # stays
            st.sampled_from(["conf-a", "conf-b", "mpc"]),
            st.sampled_from(["Agent", "Customer", "Supervisor"]),
            st.booleans(),  # muted / coach
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_hearing_changes_match_sim_hears_for_any_rooms(members):
    sim = Simulation()
    for index, (arrives, stays, room, role, flag) in enumerate(members):
        if room == "mpc":
            element: Any = MultiPartyCall("m", role=role, coach_mode=flag and role == "Supervisor")
        else:
            element = Conference(room, muted=flag)
        sim.call(f"c{index}", Response([element]), at=arrives, hangup=arrives + stays)
    sim.run()
    hearing = json.loads(sim.report("json"))["hearing"]
    for at in instants(sim, hearing):
        assert replay(hearing, at) == sim.hears(at=at), at


def test_simulate_html_writes_the_page_and_says_so(tmp_path):
    target = tmp_path / "ivr.html"
    done = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(SCENARIOS / "ivr-menu.toml"), "--html", str(target)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote the HTML report {target}" in done.stderr
    assert "Who hears whom" in done.stdout or "Calls" in done.stdout  # the text report is still printed
    data = page_data(target.read_text(encoding="utf-8"))
    assert set(data["lanes"]) == set(data["calls"]) and data["calls"]


def test_a_page_that_cannot_be_written_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "plivoxml_plus",
            "simulate",
            str(SCENARIOS / "basic.toml"),
            "--html",
            str(blocker / "r.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "cannot write the HTML report" in done.stderr and "Traceback" not in done.stderr


def test_audio_players_point_at_the_files_beside_the_page_or_embed_them(tmp_path):
    pytest.importorskip("numpy")
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    audio = sim.audio()
    beside = sim.report_html(tmp_path / "page.html", audio=audio)
    tracks = block(beside.read_text(encoding="utf-8"), "report-data")["audio"]
    assert set(tracks["heard"]) == set(audio.heard) == set(sim.calls)
    for name, track in tracks["heard"].items():
        assert track["offset"] == json.loads(sim.report("json"))["calls"][name]["answer_at"]
        assert (tmp_path / track["src"]).is_file() and track["src"].startswith("page-audio/")
    embedded = sim.report_html(tmp_path / "embedded.html", audio=audio, embed_audio=True)
    assert not (tmp_path / "embedded-audio").exists()
    inline = block(embedded.read_text(encoding="utf-8"), "report-data")["audio"]["heard"]
    for name, track in inline.items():
        assert track["src"].startswith("data:audio/wav;base64,")
        written = (tmp_path / tracks["heard"][name]["src"]).read_bytes()
        assert base64.b64decode(track["src"].removeprefix("data:audio/wav;base64,")) == written


def test_the_docs_python_examples_run(tmp_path, monkeypatch):
    """docs/report.md's Python blocks run as written, one after the other."""
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2 and (ROOT / "docs" / "img" / "report-coaching.png").stat().st_size < 200_000
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    for number, source in enumerate(blocks):
        exec(compile(source, f"docs/report.md: python block {number}", "exec"), namespace)
    assert (tmp_path / "desk.html").is_file()


def test_the_app_answers_signatures_and_strict_failure_are_in_the_page(tmp_path):
    """A real WSGI app (Flask) answers the answer URL and fails the hangup URL: the
    page holds its answer, the signature headers it was sent, and the failure."""
    pytest.importorskip("flask")
    import flask

    from plivoxml_plus.core._world import StrictModeError

    app = flask.Flask("report")
    seen: list[str] = []

    @app.post("/answer")
    def answer() -> Any:
        seen.extend(h for h, _ in flask.request.headers.items() if h.startswith("X-Plivo-Signature"))
        return "<Response><Speak>hello</Speak></Response>", 200, {"Content-Type": "application/xml"}

    @app.post("/hangup")
    def hangup() -> Any:
        return "broken", 500

    with Simulation(app=app, base_url="https://app.example", strict=True) as sim:
        sim.call("caller", answer_url="https://app.example/answer", hangup_url="https://app.example/hangup")
        with pytest.raises(StrictModeError) as raised:
            sim.run()
        data = page_data(sim.report_html(tmp_path / "app.html").read_text(encoding="utf-8"))
    assert data["signature_headers"] == sorted(seen) and len(seen) == 4
    (answered, failed) = data["requests"]
    assert answered["response"]["body"] == "<Response><Speak>hello</Speak></Response>" and answered["status"] == 200
    assert failed["status"] == 500
    assert data["failures"] == [
        {"at": raised.value.at, "call": "caller", "url": raised.value.url, "text": str(raised.value)}
    ]


def test_an_ivr_lane_names_its_elements_and_a_room_lane_its_seat(tmp_path):
    sim = load_scenario(SCENARIOS / "ivr-menu.toml").run()
    data = json.loads(sim.report("json"))
    for name, lane in data["lanes"].items():
        ivr = [label for _, _, state, label in lane["segments"] if state == "ivr"]
        assert ivr and set(ivr) <= set(sim.calls[name].executed)
        for start, end, _, _ in lane["segments"]:
            assert start < end <= sim.calls[name].ended_at
    sim = load_scenario(SCENARIOS / "mpc-custom-hold-music.toml").run()
    states = {s[2] for lane in json.loads(sim.report("json"))["lanes"].values() for s in lane["segments"]}
    assert {"hold", "in-room"} <= states
    sim = load_scenario(SCENARIOS / "join-muted.toml").run()
    states = {s[2] for lane in json.loads(sim.report("json"))["lanes"].values() for s in lane["segments"]}
    assert "muted" in states
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    supervisor = json.loads(sim.report("json"))["lanes"]["supervisor"]["segments"]
    assert [s[:3] for s in supervisor] == [[20, 90, "coaching"], [90, 120, "in-room"]]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(max_size=30))
def test_any_name_reads_back_from_the_page_and_cannot_end_its_script(name, room):
    from plivoxml_plus import SimulationError, ValidationError
    from plivoxml_plus.core.report._html import render_html

    try:
        element = Conference(room)
    except ValidationError:  # (a name Plivo refuses: a blank one...)
        assume(False)
    sim = Simulation()
    try:
        sim.call(name, Response([element]), hangup=5)
    except SimulationError:  # (a name the simulator refuses: a blank one...)
        assume(False)
    sim.run()

    html = render_html(json.loads(sim.report("json")))
    scripts = html.split("<script", 1)[1]
    assert scripts.count("</script") == 3 and "<!--" not in scripts  # the page's own three blocks' ends
    assert list(page_data(html)["calls"]) == [name]


def test_simulate_html_with_audio_out_links_the_players(tmp_path):
    pytest.importorskip("numpy")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "plivoxml_plus",
            "simulate",
            str(SCENARIOS / "mpc-recording.toml"),
            "--audio-out",
            str(tmp_path / "audio"),
            "--html",
            str(tmp_path / "rec.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    audio = block((tmp_path / "rec.html").read_text(encoding="utf-8"), "report-data")["audio"]
    assert audio["recordings"] and audio["heard"]
    for track in [*audio["heard"].values(), *audio["recordings"].values()]:
        assert (tmp_path / track["src"]).is_file()


def test_a_dial_lane_is_in_dial_not_in_a_room():
    sim = load_scenario(SCENARIOS / "dial-transfer.toml").run()
    data = json.loads(sim.report("json"))
    assert data["rooms"] == []  # (a Dial's bridges are not rooms)
    for lane in data["lanes"].values():
        assert {state for _, _, state, _ in lane["segments"]} <= {"ringing", "ivr", "dial"}
    assert [s[2] for s in data["lanes"]["agent"]["segments"]] == ["ringing", "dial"]


def test_writing_the_page_runs_no_garbage_collection(tmp_path):
    """The report's model is many new objects and no cycle: the collector is paused
    while it is built and written (a big run's millions of objects are not walked
    again and again for nothing), and runs again after."""
    from plivoxml_plus.core.report import _html, _report, _timeline

    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    building = {_timeline.timeline_data.__code__, _report.to_data.__code__, _html.write_html.__code__}
    passes: list[str] = []  # the passes while the model is built or written, and after

    def seen(phase: str, info: dict[str, int]) -> None:
        frame: Any = sys._getframe(1)
        while phase == "start" and frame is not None:
            if frame.f_code in building or frame.f_code.co_name == "after":
                passes.append(frame.f_code.co_name)
                return
            frame = frame.f_back

    def after() -> list[list[int]]:
        return [[number] for number in range(100)]

    gc.set_threshold(1)  # (a pass at every new object, were the collector running)
    gc.callbacks.append(seen)
    try:
        sim.report_html(tmp_path / "report.html")
        assert passes == [] and gc.isenabled()
        after()  # and after it, the collector runs again
        assert passes and set(passes) == {"after"}
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*DEFAULT_THRESHOLDS)


TEXTS = st.one_of(st.none(), st.text(max_size=8))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "at": st.one_of(st.integers(0, 10**6), st.floats(0, 1e6)),
                "call": TEXTS,
                "kind": st.sampled_from(["callback", "action", "floor"]),
                "params": st.dictionaries(st.sampled_from(["From", "To", "Digits", "CallUUID"]), st.text(max_size=6)),
                "status": st.one_of(st.none(), st.integers(100, 599), st.booleans()),
                "response": st.one_of(
                    st.none(), st.fixed_dictionaries({"body": st.text(max_size=6), "length": st.integers(0, 9)})
                ),
            }
        ),
        max_size=8,
    ),
    st.lists(st.fixed_dictionaries({"at": st.integers(0, 99), "call": TEXTS, "text": TEXTS}), max_size=5),
)
def test_packed_records_read_back_as_they_were(requests, events):
    """Any records packed as columns (each string once) read back equal, their fields in their order."""
    from plivoxml_plus.core.report._html import _KINDS
    from plivoxml_plus.core.report._packed import pack

    packed = json.loads(json.dumps(pack({"requests": requests, "timeline": events}, _KINDS)))
    back = unpack(packed)
    assert back == {"requests": requests, "timeline": events}
    assert [list(r["params"]) for r in back["requests"]] == [list(r["params"]) for r in requests]


def test_who_hears_whom_is_worked_out_once_per_room_and_group_at_each_instant(monkeypatch):
    """A room's hearing is worked out once per group and instant, not once per member
    (a 4,000-call run's rooms of 15: the sweep's cost was that of every member again),
    and replays to what sim.hears says."""
    from plivoxml_plus.core.bridge._seats import audible
    from plivoxml_plus.core.report import _timeline

    sim = Simulation()
    for index in range(12):
        sim.call(f"c{index:02d}", Response([Conference("big")]), at=index, hangup=100 - index)
    sim.run()
    asked: list[str] = []

    def counted(listener: Any, seats: Any, rules: Any) -> frozenset[str]:
        asked.append(listener.group)
        return audible(listener, seats, rules)

    monkeypatch.setattr(_timeline, "audible", counted)
    hearing = _timeline.timeline_data(sim._world, sim._calls, sim._talk)["hearing"]
    assert 0 < len(asked) <= len(hearing)  # (one room, one group: once per instant at most)
    for at in instants(sim, hearing):
        assert replay(hearing, at) == sim.hears(at=at), at
