"""What the build/validate/parse benchmarks share (issue 21, item 1): three regimes
of input, each way timed against its anchor in the same process.

* ``same``: the same values for every document (a webhook returning a fixed menu:
  every cache of the package helps);
* ``texts``: the attributes the same, the texts (room names, prompts, numbers)
  different in every document;
* ``distinct``: every value different in every document (room names, URLs,
  numbers, timeouts): no cache helps.

Each regime is ``COUNT`` documents' inputs, made beforehand; a way's figure is the
time of one pass over all of them, per document. The ways take turns, repeat after
repeat (a burst of load from the machine's other processes hits them all alike);
min / median / max over the repeats, and the ratio to the anchor of the same
repeat (so both were timed under the same load).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from plivoxml_plus import Conference, Dial, GetDigits, MultiPartyCall, Number, Response, Speak

COUNT = 10_000
REGIMES = ("same", "texts", "distinct")


def timed(
    ways: Sequence[Callable[[Any], object]],
    inputs: Sequence[Any],
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[list[float]]:
    """µs per document of each way over ``inputs``, one list of ``repeats`` passes per way.
    ``clock``: wall time; ``time.thread_time`` (this thread's CPU time) leaves out the
    time other processes take the core away, on a machine others share."""
    results: list[list[float]] = [[] for _ in ways]
    for _ in range(repeats):
        for index, way in enumerate(ways):
            started = clock()
            for item in inputs:
                way(item)
            results[index].append((clock() - started) / len(inputs) * 1e6)
    return results


def spread(values: Sequence[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def ratios(ours: Sequence[float], anchor: Sequence[float]) -> list[float]:
    """Each repeat's ratio (both timed in the same round)."""
    return [a / b for a, b in zip(ours, anchor, strict=True)]


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


# -- the documents: each built from a tuple of values, which the regime chooses ---------------

HOLD = "https://example.com/hold-music.xml"
EVENTS = "https://example.com/mpc-events/"
MENU = "https://example.com/ivr/menu"
MENU_PROMPT = "For sales, press 1. For support, press 2."


def conference_values(regime: str, i: int) -> tuple[str, str, int]:
    room = "moderated-meeting" if regime == "same" else f"moderated-meeting-{i}"
    if regime == "distinct":
        return room, f"https://example.com/hold/{i}/music.xml", 1 + i % 20
    return room, HOLD, 10


def ours_conference(v: tuple[str, str, int]) -> str:
    conference = Conference(v[0], start_conference_on_enter=False, wait_sound=v[1], max_members=v[2])
    return Response().add(conference).to_string()


ROLES = ("Agent", "Supervisor", "Customer")


def mpc_values(regime: str, i: int) -> tuple[str, str, int, str]:
    if regime == "same":
        return "support-call-123", "Supervisor", 5, EVENTS
    if regime == "texts":
        return f"support-call-{i}", "Supervisor", 5, EVENTS
    return f"support-call-{i}", ROLES[i % 3], 2 + i % 9, f"https://example.com/mpc-events/{i}/"


def ours_mpc(v: tuple[str, str, int, str]) -> str:
    mpc = MultiPartyCall(v[0], v[1], max_participants=v[2], coach_mode=True, status_callback_url=v[3])
    return Response().add(mpc).to_string()


IvrValues = tuple[str, int, str, str, str, str]


def ivr_values(regime: str, i: int) -> IvrValues:
    if regime == "same":
        return MENU, 5, MENU_PROMPT, "+14155550100", "+14155550123", "+14155550124"
    if regime == "texts":
        return MENU, 5, f"{MENU_PROMPT} Ticket {i}.", "+14155550100", f"+1415{i:07d}", f"+1650{i:07d}"
    prompt = f"{MENU_PROMPT} Ticket {i}."
    return f"https://example.com/ivr/{i}/menu", 1 + i % 30, prompt, f"+1212{i:07d}", f"+1415{i:07d}", f"+1650{i:07d}"


def ours_ivr(v: IvrValues) -> str:
    menu = GetDigits(action=v[0], timeout=v[1], num_digits=1).add(Speak(v[2]))
    dial = Dial(caller_id=v[3]).add(Number(v[4])).add(Number(v[5]))
    return Response().add(menu).add(dial).to_string()


# title -> (the values of document i in a regime, plivoxml_plus building it)
REGIME_DOCUMENTS: dict[str, tuple[Callable[[str, int], Any], Callable[[Any], str]]] = {
    "Conference (moderated meeting, participant)": (conference_values, ours_conference),
    "MultiPartyCall (coach mode, status callback)": (mpc_values, ours_mpc),
    "IVR: GetDigits (Speak), Dial (2 Number)": (ivr_values, ours_ivr),
}
