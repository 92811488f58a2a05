"""Building + serializing the seed's documents: plivoxml_plus vs hand-written lxml vs plivo-python.

Run from the repository root (plivo-python is a dev/bench-only dependency):

    .venv/bin/python bench/bench_build.py

Each way builds the same document from scratch and serializes it to a str, in one
process; every way is checked to give an equivalent document before timing. The
figure is the best (minimum) of 15 timeit rounds, per document; the ways take
turns within each round.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable

from lxml import etree
from plivo import plivoxml as plivo_xml

import plivoxml_plus
from plivoxml_plus import Conference, MultiPartyCall, Response
from plivoxml_plus import plivoxml as dropin

HOLD = "https://example.com/hold-music.xml"
EVENTS = "https://example.com/mpc-events/"

# -- (a) the seed's moderated meeting, participant -----------------------------------


def ours_participant() -> str:
    return Response().add(Conference("moderated-meeting", start_conference_on_enter=False, wait_sound=HOLD)).to_string()


def dropin_participant() -> str:
    response = dropin.ResponseElement()
    response.add(dropin.ConferenceElement("moderated-meeting", start_conference_on_enter=False, wait_sound=HOLD))
    return response.to_string(False)


def lxml_participant() -> str:
    root = etree.Element("Response")
    etree.SubElement(root, "Conference", startConferenceOnEnter="false", waitSound=HOLD).text = "moderated-meeting"
    return etree.tostring(root, encoding="unicode")


def plivo_participant() -> str:
    response = plivo_xml.ResponseElement()
    response.add(plivo_xml.ConferenceElement("moderated-meeting", start_conference_on_enter=False, wait_sound=HOLD))
    return str(response.to_string(False))


# -- (b) the seed's moderated meeting, moderator -----------------------------------------


def ours_moderator() -> str:
    conference = Conference("moderated-meeting", start_conference_on_enter=True, end_conference_on_exit=True)
    return Response().add(conference).to_string()


def dropin_moderator() -> str:
    response = dropin.ResponseElement()
    response.add(
        dropin.ConferenceElement("moderated-meeting", start_conference_on_enter=True, end_conference_on_exit=True)
    )
    return response.to_string(False)


def lxml_moderator() -> str:
    root = etree.Element("Response")
    node = etree.SubElement(root, "Conference", startConferenceOnEnter="true", endConferenceOnExit="true")
    node.text = "moderated-meeting"
    return etree.tostring(root, encoding="unicode")


def plivo_moderator() -> str:
    response = plivo_xml.ResponseElement()
    response.add(
        plivo_xml.ConferenceElement("moderated-meeting", start_conference_on_enter=True, end_conference_on_exit=True)
    )
    return str(response.to_string(False))


# -- (c) a supervisor joining an MPC in coach mode (seed), with a status callback ---------


def ours_supervisor() -> str:
    # (recordingCallbackMethod: plivo-python writes POST where Plivo documents GET; all four write it)
    mpc = MultiPartyCall(
        "support-call-123", "Supervisor", coach_mode=True, status_callback_url=EVENTS, recording_callback_method="POST"
    )
    return Response().add(mpc).to_string()


def dropin_supervisor() -> str:
    response = dropin.ResponseElement()
    response.add(
        dropin.MultiPartyCallElement(
            content="support-call-123",
            role="Supervisor",
            coach_mode=True,
            status_callback_url=EVENTS,
            recording_callback_method="POST",
        )
    )
    return response.to_string(False)


def lxml_supervisor() -> str:
    root = etree.Element("Response")
    node = etree.SubElement(
        root,
        "MultiPartyCall",
        role="Supervisor",
        coachMode="true",
        statusCallbackUrl=EVENTS,
        recordingCallbackMethod="POST",
    )
    node.text = "support-call-123"
    return etree.tostring(root, encoding="unicode")


def plivo_supervisor() -> str:
    response = plivo_xml.ResponseElement()
    response.add(
        plivo_xml.MultiPartyCallElement(
            content="support-call-123",
            role="Supervisor",
            coach_mode=True,
            status_callback_url=EVENTS,
            recording_callback_method="POST",
        )
    )
    return str(response.to_string(False))


WAYS = ("plivoxml_plus", "plivoxml_plus drop-in", "hand-written lxml", "plivo-python")
DOCUMENTS: dict[str, tuple[Callable[[], str], ...]] = {
    "Conference, moderated meeting: participant": (
        ours_participant, dropin_participant, lxml_participant, plivo_participant,
    ),
    "Conference, moderated meeting: moderator": (ours_moderator, dropin_moderator, lxml_moderator, plivo_moderator),
    "MultiPartyCall: supervisor, coach mode": (ours_supervisor, dropin_supervisor, lxml_supervisor, plivo_supervisor),
}  # fmt: skip


def effective(document: str) -> list[tuple[str, dict[str, str], str | None]]:
    """Each element's tag, attributes with the platform defaults filled in (plivo-python
    writes every MPC default) and the role's case folded (plivo-python lowercases it),
    and text: equal for documents that mean the same."""
    result = []
    for element in plivoxml_plus.parse(document).iter():
        attributes = element.effective_xml_attributes()
        if "role" in attributes:
            attributes["role"] = attributes["role"].lower()
        result.append((element.tag, attributes, getattr(element, "content", None)))
    return result


def check_equivalent() -> None:
    for title, ways in DOCUMENTS.items():
        reference = effective(ways[0]())
        for name, build in zip(WAYS, ways, strict=True):
            assert effective(build()) == reference, f"{title}: {name} builds another document"


def per_call_us(builds: tuple[Callable[[], str], ...], rounds: int = 15) -> list[float]:
    """Best time per call of each build, in µs. The ways take turns, round after
    round, so a burst of load from elsewhere on the machine hits them all alike."""
    timers = [timeit.Timer(build) for build in builds]
    numbers = [max(timer.autorange()[0] // 4, 500) for timer in timers]  # ~50 ms per turn
    best = [float("inf")] * len(timers)
    for _ in range(rounds):
        for i, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[i] = min(best[i], timer.timeit(number) / number * 1e6)
    return best


def import_cost_ms() -> tuple[float, float]:
    """(cumulative import time of plivoxml_plus by -X importtime, median of 5 runs;
    fresh interpreter importing it minus a bare one, median of 5)."""
    cumulative = []
    for _ in range(5):
        command = [sys.executable, "-X", "importtime", "-c", "import plivoxml_plus"]
        err = subprocess.run(command, capture_output=True, text=True, check=True).stderr
        match = re.search(r"\|\s*(\d+) \| plivoxml_plus$", err, re.M)
        assert match is not None, err
        cumulative.append(int(match.group(1)) / 1000)

    def wall(code: str) -> float:
        runs = timeit.repeat(lambda: subprocess.run([sys.executable, "-c", code], check=True), number=1, repeat=5)
        return statistics.median(runs) * 1000

    return statistics.median(cumulative), wall("import plivoxml_plus") - wall("pass")


def main() -> None:
    check_equivalent()
    print("## Building and serializing a document (µs per document, best of 15 timeit rounds)\n")
    print("| document | " + " | ".join(WAYS) + " | ours / lxml | plivo-python / ours |")
    print("|---|" + "---:|" * (len(WAYS) + 2))
    for title, ways in DOCUMENTS.items():
        times = per_call_us(ways)
        ours, lxml_time, plivo_time = times[0], times[2], times[3]
        cells = " | ".join(f"{t:.1f}" for t in times)
        print(f"| {title} | {cells} | {ours / lxml_time:.2f}x | {plivo_time / ours:.0f}x |")
    cumulative, wall = import_cost_ms()
    print(
        f"\n`import plivoxml_plus`: {cumulative:.1f} ms cumulative by `-X importtime` (lxml and attrs included), "
        f"{wall:.0f} ms of a fresh interpreter's wall time."
    )
    print(f"\nPython {sys.version.split()[0]}, lxml {etree.__version__}.")


if __name__ == "__main__":
    main()
