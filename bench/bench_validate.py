"""Validating and parsing documents: plivoxml_plus vs bare lxml vs xmlschema.

Run from the repository root (xmlschema is a dev/bench-only dependency):

    .venv/bin/python bench/bench_validate.py

For each document, in one process, from the same UTF-8 bytes:

* ``validate``: ``plivoxml_plus.validate(data)`` (safe parser, size and DOCTYPE
  checks, the cached XSD);
* bare lxml: ``etree.fromstring(data)`` then ``XMLSchema.validate`` with a schema
  compiled beforehand, the floor any lxml-based validator stands on;
* xmlschema: ``XMLSchema10.is_valid(text)``, the pure-Python validator;
* ``parse``: ``plivoxml_plus.parse(data)``, validation plus the typed objects.

Every way is checked to call the document valid first (and ``parse`` to give back
the object that wrote it). A figure is the best (minimum) of 7 timeit repeats, the ways taking turns.
Targets (issue 3): validate <= 1.3x bare lxml; xmlschema >= 15x slower than
validate; parse <= 3x bare lxml.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from collections.abc import Callable

import xmlschema
from _regimes import COUNT, REGIME_DOCUMENTS, REGIMES, ratios, spread, timed
from lxml import etree

from plivoxml_plus import (
    Conference,
    MultiPartyCall,
    Play,
    Redirect,
    Response,
    Speak,
    Wait,
    parse,
    schema_path,
    validate,
)
from plivoxml_plus.schema import Kind

DOCUMENTS: dict[str, tuple[Kind, Response]] = {
    "seed: basic Conference": ("answer", Response([Conference("my-conference-room")])),
    "moderated Conference between Speak and Redirect": (
        "answer",
        Response(
            [
                Speak("Connecting you to the meeting.", voice="WOMAN", language="en-US"),
                Conference(
                    "moderated-meeting",
                    start_conference_on_enter=False,
                    end_conference_on_exit=True,
                    wait_sound="https://example.com/hold-music.xml",
                    enter_sound="beep:1",
                    exit_sound="beep:2",
                    max_members=10,
                    record=True,
                    record_file_format="mp3",
                    callback_url="https://example.com/conference-events/",
                    digits_match=["#0", "99"],
                ),
                Redirect("https://example.com/after-the-meeting/", method="POST"),
            ]
        ),
    ),
    "seed: MPC call centre (hold music, status events)": (
        "answer",
        Response(
            [
                MultiPartyCall(
                    "call-center-mpc",
                    "Agent",
                    agent_hold_music_url="https://example.com/agent-hold.xml",
                    customer_hold_music_url="https://example.com/customer-hold.xml",
                    wait_music_url="https://example.com/wait-music.xml",
                    status_callback_url="https://example.com/mpc-events/",
                    status_callback_events=["mpc-state-changes", "participant-state-changes"],
                    record=True,
                    max_participants=5,
                )
            ]
        ),
    ),
    "sound document (hold music)": (
        "sound",
        Response([Speak("Please hold."), Play("https://example.com/music.mp3", loop=0), Wait(length=2)]),
    ),
}

WAYS = ("validate", "bare lxml", "xmlschema", "parse")


def per_call_us(calls: tuple[Callable[[], object], ...], repeat: int = 7) -> list[float]:
    """Best of ``repeat`` timeit runs of each call, in µs per call. The runs are
    interleaved (every way once per round), so a change in the machine's load
    weighs on all the ways alike instead of on whichever ran at the time."""
    timers = [timeit.Timer(call) for call in calls]
    numbers = [max(1, timer.autorange()[0] // 4) for timer in timers]  # ~0.05 s per run
    best = [float("inf")] * len(calls)
    for _ in range(repeat):
        for i, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[i] = min(best[i], timer.timeit(number) / number * 1e6)
    return best


def ways(kind: Kind, response: Response) -> tuple[Callable[[], object], ...]:
    data = response.to_bytes(pretty=True)
    text = data.decode()
    lxml_schema = etree.XMLSchema(etree.parse(str(schema_path(kind))))
    python_schema = xmlschema.XMLSchema10(str(schema_path(kind)))

    def ours() -> object:
        return validate(data, kind=kind)

    def bare() -> object:
        return lxml_schema.validate(etree.fromstring(data))

    def pure_python() -> object:
        return python_schema.is_valid(text)

    def objects() -> object:
        return parse(data, kind=kind)

    # the same verdict from every way, before any timing
    assert ours() and bare() and pure_python(), f"{text} is not valid to every way"
    assert objects() == response
    return ours, bare, pure_python, objects


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


# -- three regimes of documents (issue 21, items 1 and 4): same, texts varying, all distinct ------

TARGET_VALIDATE = 1.3
TARGET_PARSE = 2.5
REPEATS = 5


def regimes_table() -> tuple[float, float]:
    """Print the regimes' table; the worst median ratios (validate, parse on distinct documents)."""
    schema = etree.XMLSchema(etree.parse(str(schema_path("answer"))))

    def bare(data: bytes) -> object:
        return schema.validate(etree.fromstring(data))

    def ours(data: bytes) -> object:
        return validate(data)

    print(
        f"\n## Validating and parsing {COUNT:,} documents per regime (µs per document, min / median / max of "
        f"{REPEATS} interleaved passes; ratios: each pass against bare lxml's in the same round)\n"
    )
    print("| document | regime | bare lxml | validate | parse | validate / lxml | parse / lxml |")
    print("|---|---|---:|---:|---:|---:|---:|")
    worst_validate = worst_parse = 0.0
    for title, (values, build) in REGIME_DOCUMENTS.items():
        for regime in REGIMES:
            inputs = [build(values(regime, i)).encode() for i in range(COUNT)]
            for data in (*inputs[:20], inputs[-1]):  # every way calls it valid first
                assert bare(data) and ours(data) and parse(data).to_bytes() == data, data
            bare_us, validate_us, parse_us = timed((bare, ours, parse), inputs, REPEATS)
            by_validate, by_parse = ratios(validate_us, bare_us), ratios(parse_us, bare_us)
            worst_validate = max(worst_validate, statistics.median(by_validate))
            if regime == "distinct":
                worst_parse = max(worst_parse, statistics.median(by_parse))
            print(
                f"| {title} | {regime} | {spread(bare_us)} | {spread(validate_us)} | {spread(parse_us)} | "
                f"{spread(by_validate)}x | {spread(by_parse)}x |"
            )
    return worst_validate, worst_parse


def main() -> None:
    print("## Validating and parsing a document (µs per document, best of 7 timeit repeats)\n")
    print("| document | " + " | ".join(WAYS) + " | validate / lxml | xmlschema / validate | parse / lxml |")
    print("|---|" + "---:|" * (len(WAYS) + 3))
    worst = [0.0, float("inf"), 0.0]
    for title, (kind, response) in DOCUMENTS.items():
        ours, bare, pure_python, objects = per_call_us(ways(kind, response))
        ratios = (ours / bare, pure_python / ours, objects / bare)
        worst = [max(worst[0], ratios[0]), min(worst[1], ratios[1]), max(worst[2], ratios[2])]
        cells = " | ".join(f"{t:.1f}" for t in (ours, bare, pure_python, objects))
        print(f"| {title} | {cells} | {ratios[0]:.2f}x | {ratios[1]:.0f}x | {ratios[2]:.2f}x |")
    print(
        f"\nTargets, worst document: validate {worst[0]:.2f}x bare lxml (<= 1.3x: {verdict(worst[0] <= 1.3)}); "
        f"xmlschema {worst[1]:.0f}x slower than validate (>= 15x: {verdict(worst[1] >= 15)}); "
        f"parse {worst[2]:.2f}x bare lxml (<= 3x: {verdict(worst[2] <= 3)})."
    )
    worst_validate, worst_parse = regimes_table()
    print(
        f"\nTargets (issue 21), worst median ratio: validate {worst_validate:.2f}x bare lxml in every regime "
        f"(<= {TARGET_VALIDATE}x: {verdict(worst_validate <= TARGET_VALIDATE)}); parse {worst_parse:.2f}x on distinct "
        f"documents (<= {TARGET_PARSE}x: {verdict(worst_parse <= TARGET_PARSE)})."
    )
    print(
        f"\nPython {sys.version.split()[0]}, lxml {etree.__version__} (libxml2 "
        f"{'.'.join(map(str, etree.LIBXML_VERSION))}), xmlschema {xmlschema.__version__}."
    )


if __name__ == "__main__":
    main()
