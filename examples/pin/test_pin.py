"""The PIN flow (app.py) driven by the simulator: ``pytest examples/pin``.

``plivo_sim`` sends every request the platform would make to the app of
conftest.py, in-process and in strict mode; the callers' keys are scenario
inputs (``press``), so every branch of the app runs without a phone.
"""

from __future__ import annotations

from plivoxml_plus.core import Simulation

from .app import BASE_URL, ROOM

ANSWER = f"{BASE_URL}/answer"


def pins_sent(sim: Simulation, call: str) -> list[tuple[str, str]]:
    """(tries, Digits) of each PIN request the call made."""
    return [
        (r.url.rsplit("=", 1)[1], r.params["Digits"]) for r in sim.requests_for(call, "action") if "/pin" in r.url
    ]


def test_the_right_pins_put_both_callers_in_the_moderated_room(plivo_sim: Simulation) -> None:
    plivo_sim.call("guest", answer_url=ANSWER, at=0)
    plivo_sim.press("guest", "2222", at=3)
    plivo_sim.call("host", answer_url=ANSWER, at=10, hangup=60)
    plivo_sim.press("host", "1111", at=14)
    plivo_sim.probe(at=8)
    plivo_sim.probe(at=30)
    plivo_sim.run()
    assert pins_sent(plivo_sim, "guest") == [("0", "2222")]
    guest, host = plivo_sim.calls["guest"], plivo_sim.calls["host"]
    assert guest.rooms == host.rooms == [ROOM]
    waiting, talking = plivo_sim.probes
    assert waiting.audibility.instead("guest") == f"waitSound:{BASE_URL}/hold"  # no moderator yet
    assert talking.hears == {"guest": frozenset({"host"}), "host": frozenset({"guest"})}
    # the moderator leaving ends the conference (endConferenceOnExit), and the guest's call
    assert guest.memberships[0].left_at == 60 and guest.ended_at == 60


def test_a_wrong_pin_is_asked_again_and_the_next_right_one_gets_in(plivo_sim: Simulation) -> None:
    plivo_sim.call("guest", answer_url=ANSWER, at=0, hangup=40)
    plivo_sim.press("guest", "9999", at=3)
    plivo_sim.press("guest", "2222", at=8)
    plivo_sim.run()
    assert pins_sent(plivo_sim, "guest") == [("0", "9999"), ("1", "2222")]
    assert plivo_sim.calls["guest"].rooms == [ROOM]


def test_three_wrong_pins_hang_up(plivo_sim: Simulation) -> None:
    plivo_sim.call("guest", answer_url=ANSWER, at=0)
    for at in (3, 8, 13):
        plivo_sim.press("guest", "1234", at=at)
    plivo_sim.run()
    assert pins_sent(plivo_sim, "guest") == [("0", "1234"), ("1", "1234"), ("2", "1234")]
    guest = plivo_sim.calls["guest"]
    assert guest.rooms == [] and guest.end_reason == "<Hangup>"


def test_no_pin_at_all_is_asked_twice_then_the_call_hangs_up(plivo_sim: Simulation) -> None:
    plivo_sim.call("guest", answer_url=ANSWER, at=0)
    plivo_sim.run()
    guest = plivo_sim.calls["guest"]
    assert pins_sent(plivo_sim, "guest") == []
    [heard] = guest.inputs
    assert heard.gave_up and heard.attempts == 2
    # two attempts of a 2.4 s prompt and 7 s of waiting, then a 2.4 s goodbye
    assert guest.end_reason == "<Hangup>" and guest.ended_at == 21.6
