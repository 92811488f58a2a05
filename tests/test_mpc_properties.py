"""MultiPartyCall invariants that hold for every scenario, checked on random ones (hypothesis).

Random scenarios go through the public Simulation API only: calls with random
roles (in random letter case) and participant flags, one or two MPCs, talk,
digits, and REST updates (hold, mute, coach mode, kick) at random times. Then:

* no one hears itself;
* customers never hear a coaching Supervisor (M2), who is heard by Agents only;
* a participant on hold hears no one and is heard by no one; a muted one is heard by no one (M3);
* statusCallbackEvents filters exactly: the status callbacks are the timeline's
  MPC events whose group is chosen, in order, numbered from 1 per MPC (M7);
* an MPC never holds more than maxParticipants;
* every ParticipantJoin has exactly one ParticipantExit, after it, once every call has ended;
* request and timeline times never go backwards;
* the same input gives a byte-identical JSON report.

The flags a participant has at a moment are replayed from the timeline's MPC
events (ParticipantJoin starts from its element's attributes; ParticipantHold,
...Unhold, ...Mute, ...Unmute, ...CoachModeStart, ...CoachModeStop change them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import Hangup, MultiPartyCall, Response, Speak, Wait
from plivoxml_plus.core import Simulation
from plivoxml_plus.core.bridge import Audibility
from plivoxml_plus.core.platform._requests import TimelineEvent
from plivoxml_plus.elements._values import EVENT_GROUPS

CB = "https://example.com/mpc-status"
MPCS = ("m1", "m2")
ROLES = ("Agent", "Supervisor", "Customer")
GROUP_OF = {event: group for group, events in EVENT_GROUPS.items() for event in events}
_MPC_EVENT = re.compile(r"(\w+) '([^']*)'(?: \(member (\d+), ([\w-]+)\))?")


@dataclass
class MpcPlan:
    max_participants: int
    stay_alone: bool
    groups: tuple[str, ...]


@dataclass
class CallPlan:
    name: str
    role: str  # as written (random case)
    coach_mode: bool
    mute: bool
    hold: bool
    start: bool
    end_on_exit: bool
    at: float
    hangup: float | None
    steps: list[tuple[str, str | int]]  # ("mpc", name), ("wait", seconds), ("speak", "")
    hangup_element: bool
    presses: list[tuple[float, str]] = field(default_factory=list)
    talk: list[tuple[float, float]] = field(default_factory=list)

    @property
    def canonical_role(self) -> str:
        return next(role for role in ROLES if role.lower() == self.role.lower())


@dataclass
class ApiPlan:
    at: float
    kind: str  # update, update_all, kick, kick_all, end
    call: str
    mpc: str
    hold: bool | None = None
    mute: bool | None = None
    coach_mode: bool | None = None


@dataclass
class Scenario:
    mpcs: dict[str, MpcPlan]
    calls: list[CallPlan]
    apis: list[ApiPlan]
    probes: list[float]


def random_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c.lower() for c, up in zip(word, flips, strict=True))


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    mpcs = {
        name: MpcPlan(
            draw(st.integers(2, 4)),
            draw(st.booleans()),
            tuple(draw(st.lists(st.sampled_from(sorted(EVENT_GROUPS)), min_size=1, max_size=5, unique=True))),
        )
        for name in MPCS[: draw(st.integers(1, 2))]
    }
    names = sorted(mpcs)
    calls = []
    for index in range(draw(st.integers(1, 6))):
        steps: list[tuple[str, str | int]] = []
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(["mpc", "mpc", "mpc", "wait", "speak"]))
            if kind == "mpc":
                steps.append(("mpc", draw(st.sampled_from(names))))
            elif kind == "wait":
                steps.append(("wait", draw(st.integers(1, 20))))
            else:
                steps.append(("speak", ""))
        at_ms = draw(st.integers(0, 20_000))
        length_ms = draw(st.one_of(st.none(), st.integers(0, 120_000)))
        at = at_ms / 1000
        hangup = None if length_ms is None else (at_ms + length_ms) / 1000
        plan = CallPlan(
            f"c{index}",
            random_case(draw, draw(st.sampled_from(ROLES))),
            coach_mode=draw(st.booleans()),
            mute=draw(st.sampled_from([False, False, True])),
            hold=draw(st.sampled_from([False, False, False, True])),
            start=draw(st.booleans()),
            end_on_exit=draw(st.booleans()),
            at=at,
            hangup=hangup,
            steps=steps,
            hangup_element=draw(st.booleans()),
        )
        end_ms = at_ms + (length_ms if length_ms is not None else 150_000)
        for _ in range(draw(st.integers(0, 3))):
            plan.presses.append(
                (draw(st.integers(at_ms, end_ms)) / 1000, draw(st.text("0123456789*#", min_size=1, max_size=3)))
            )
        points = sorted(set(draw(st.lists(st.integers(at_ms, end_ms + 5000), max_size=6))))
        for start, stop in zip(points[::2], points[1::2], strict=False):
            if start <= end_ms:
                plan.talk.append((start / 1000, stop / 1000))
        calls.append(plan)
    apis = []
    for _ in range(draw(st.integers(0, 8))):
        target = draw(st.sampled_from(calls))  # half the time, while that call may be in an MPC
        base = round(target.at * 1000)
        at = draw(st.one_of(st.integers(0, 150_000), st.integers(base, base + 40_000)))
        kind = draw(st.sampled_from(["update", "update", "update", "update", "update_all", "kick", "kick_all", "end"]))
        api = ApiPlan(at / 1000, kind, target.name, draw(st.sampled_from(names)))
        fields = ["hold", "mute"] if kind == "update_all" else ["hold", "mute", "coach_mode"]
        if kind.startswith("update"):
            chosen = draw(st.lists(st.sampled_from(fields), min_size=1, unique=True))
            for name in chosen:
                setattr(api, name, draw(st.booleans()))
        apis.append(api)
    probes = [ms / 1000 for ms in draw(st.lists(st.integers(0, 200_000), max_size=6))]
    return Scenario(mpcs, calls, apis, probes)


def document(plan: CallPlan, mpcs: dict[str, MpcPlan]) -> Response:
    response = Response()
    for kind, value in plan.steps:
        if kind == "mpc":
            assert isinstance(value, str)
            config = mpcs[value]
            response.add(
                MultiPartyCall(
                    value,
                    plan.role,
                    max_participants=config.max_participants,
                    stay_alone=config.stay_alone,
                    status_callback_url=CB,
                    status_callback_events=list(config.groups),
                    coach_mode=plan.coach_mode,
                    mute=plan.mute,
                    hold=plan.hold,
                    start_mpc_on_enter=plan.start,
                    end_mpc_on_exit=plan.end_on_exit,
                )
            )
        elif kind == "wait":
            assert isinstance(value, int)
            response.add(Wait(length=value))
        else:
            response.add(Speak("one moment please"))
    if plan.hangup_element:
        response.add(Hangup())
    return response


def simulate(scenario: Scenario) -> Simulation:
    sim = Simulation()
    for plan in scenario.calls:
        sim.call(plan.name, document(plan, scenario.mpcs), at=plan.at, hangup=plan.hangup)
    for plan in scenario.calls:
        for when, digits in plan.presses:
            sim.press(plan.name, digits, at=when)
        for start, stop in plan.talk:
            sim.talk(plan.name, start=start, end=stop)
    for api in scenario.apis:
        if api.kind == "update":
            sim.update_participant(api.call, at=api.at, hold=api.hold, mute=api.mute, coach_mode=api.coach_mode)
        elif api.kind == "update_all":
            sim.update_participant("all", at=api.at, hold=api.hold, mute=api.mute, mpc=api.mpc)
        elif api.kind == "kick":
            sim.kick(api.call, at=api.at)
        elif api.kind == "kick_all":
            sim.kick("all", at=api.at, mpc=api.mpc)
        else:
            sim.end_mpc(api.mpc, at=api.at)
    for when in scenario.probes:
        sim.probe(when)
    sim.run()
    return sim


@dataclass
class Member:
    """A participant's flags, replayed from the timeline."""

    mpc: str
    instance: int
    member_id: str
    role: str
    coaching: bool
    held: bool
    muted: bool


def mpc_events(sim: Simulation) -> list[tuple[TimelineEvent, str, str, str | None]]:
    """The timeline's MPC events: (event, its name, the MPC's name, the member id or None)."""
    result = []
    for event in sim.timeline:
        if event.kind != "mpc":
            continue
        match = _MPC_EVENT.fullmatch(event.text)
        assert match is not None, event.text
        result.append((event, match[1], match[2], match[3]))
    return result


def members_at(sim: Simulation, scenario: Scenario, when: float) -> dict[str, Member]:
    """{call: its flags} for the calls in an MPC after every event due at ``when``."""
    plans = {plan.name: plan for plan in scenario.calls}
    instances: Counter[str] = Counter()
    state: dict[str, Member] = {}
    for event, name, mpc, member_id in mpc_events(sim):
        if event.at > when:
            break
        if name == "MPCInitialized":
            instances[mpc] += 1
        if event.call is None or member_id is None:
            continue
        if name == "ParticipantJoin":
            plan = plans[event.call]
            role = plan.canonical_role
            state[event.call] = Member(
                mpc, instances[mpc], member_id, role, plan.coach_mode and role == "Supervisor", plan.hold, plan.mute
            )
            continue
        member = state.get(event.call)
        assert member is not None and member.member_id == member_id and member.mpc == mpc, (event, member)
        if name == "ParticipantExit":
            del state[event.call]
        elif name in ("ParticipantHold", "ParticipantUnhold"):
            member.held = name == "ParticipantHold"
        elif name in ("ParticipantMute", "ParticipantUnmute"):
            member.muted = name == "ParticipantMute"
        elif name in ("ParticipantCoachModeStart", "ParticipantCoachModeStop"):
            member.coaching = name == "ParticipantCoachModeStart"
    return state


def moments(sim: Simulation) -> list[float]:
    """Every time something happened, and the millisecond after each (the clock's unit)."""
    points = {e.at for e in sim.timeline} | {r.at for r in sim.requests}
    return sorted(points | {round(t + 0.001, 3) for t in points if t + 0.001 <= sim.now})


def check_audibility(audibility: Audibility, members: dict[str, Member]) -> None:
    when = audibility.at
    assert set(members) <= set(audibility.calls), (when, "a participant whose call is not up", members)
    for name in audibility.calls:
        heard = audibility.hears(name)
        assert name not in heard, (when, name)  # no one hears itself
        member = members.get(name)
        expected_room = None if member is None else member.mpc
        assert audibility.room(name) == expected_room, (when, name, member)
        if member is None:
            assert heard == frozenset(), (when, name)
            continue
        assert all(members.get(other) is not None and members[other].mpc == member.mpc for other in heard)
        if member.held:  # M3: on hold, hears no one and is heard by no one
            assert heard == frozenset(), (when, name, "held but hears", heard)
            assert audibility.heard_by(name) == frozenset(), (when, name, "held but heard by", heard)
        if member.muted:  # M3: muted, heard by no one
            assert audibility.heard_by(name) == frozenset(), (when, name, "muted but heard")
        if member.coaching:  # M2: heard by Agents only, never by a Customer
            listeners = audibility.heard_by(name)
            customers = {n for n in listeners if members[n].role == "Customer"}
            assert not customers, (when, name, "coaching supervisor heard by customers", customers)
            assert all(members[n].role == "Agent" for n in listeners), (when, name, "coach heard by", listeners)


SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scenarios())
def test_who_hears_whom_follows_roles_hold_mute_and_coach_mode(scenario):
    sim = simulate(scenario)
    for when in moments(sim):
        audibility = sim.audibility(at=when)
        assert audibility.at == when
        check_audibility(audibility, members_at(sim, scenario, when))
    assert len(sim.probes) == len(scenario.probes)
    for probe in sim.probes:
        check_audibility(probe.audibility, members_at(sim, scenario, probe.at))


@SETTINGS
@given(scenarios())
def test_status_callback_events_filter_exactly(scenario):
    sim = simulate(scenario)
    expected = [(name, mpc) for _, name, mpc, _ in mpc_events(sim) if GROUP_OF[name] in scenario.mpcs[mpc].groups]
    callbacks = sim.status_callbacks()
    assert [(r.params["EventName"], r.params["MPCName"]) for r in callbacks] == expected
    assert all(r.url == CB and r.kind == "status-callback" for r in callbacks)
    numbers: dict[str, list[int]] = {}
    for r in callbacks:
        numbers.setdefault(r.params["MPCUUID"], []).append(int(r.params["SequenceNumber"]))
    for uuid, sequence in numbers.items():
        assert sequence == list(range(1, len(sequence) + 1)), (uuid, sequence)


@SETTINGS
@given(scenarios())
def test_capacity_joins_exits_and_time(scenario):
    sim = simulate(scenario)
    assert all(record.ended_at is not None for record in sim.calls.values()), sim.report()
    # an MPC never holds more than maxParticipants; every join has exactly one exit, after it
    instances: Counter[str] = Counter()
    inside: Counter[tuple[str, int]] = Counter()
    joins: dict[tuple[str, int, str], int] = {}
    exits: dict[tuple[str, int, str], int] = {}
    for index, (_, name, mpc, member_id) in enumerate(mpc_events(sim)):
        if name == "MPCInitialized":
            instances[mpc] += 1
            continue
        key = (mpc, instances[mpc], member_id or "")
        if name == "ParticipantJoin":
            assert key not in joins, key
            joins[key] = index
            inside[key[:2]] += 1
            assert inside[key[:2]] <= scenario.mpcs[mpc].max_participants, (key, inside[key[:2]])
        elif name == "ParticipantExit":
            assert key not in exits, key
            assert key in joins and joins[key] < index, key
            exits[key] = index
            inside[key[:2]] -= 1
    assert set(joins) == set(exits)
    # the same in the status callbacks, by MPCUUID and MemberID, where participant events are chosen
    sent_joins = Counter((r.params["MPCUUID"], r.params["MemberID"]) for r in sim.status_callbacks("ParticipantJoin"))
    sent_exits = Counter((r.params["MPCUUID"], r.params["MemberID"]) for r in sim.status_callbacks("ParticipantExit"))
    assert set(sent_joins.values()) <= {1} and set(sent_exits.values()) <= {1}
    assert set(sent_joins) == set(sent_exits)
    joined_at = {(r.params["MPCUUID"], r.params["MemberID"]): r for r in sim.status_callbacks("ParticipantJoin")}
    for r in sim.status_callbacks("ParticipantExit"):
        join = joined_at[(r.params["MPCUUID"], r.params["MemberID"])]
        assert join.at <= r.at and join.seq < r.seq
    live: Counter[str] = Counter()
    for r in sim.status_callbacks():
        if r.params["EventName"] in ("ParticipantJoin", "ParticipantExit"):
            live[r.params["MPCUUID"]] += 1 if r.params["EventName"] == "ParticipantJoin" else -1
            assert live[r.params["MPCUUID"]] <= scenario.mpcs[r.params["MPCName"]].max_participants
    # memberships agree: every stay ended, within its call
    for record in sim.calls.values():
        for membership in record.memberships:
            assert membership.left_at is not None
            assert record.answer_at <= membership.joined_at <= membership.left_at
            assert record.ended_at is not None and membership.left_at <= record.ended_at
    # times never go backwards
    assert [r.at for r in sim.requests] == sorted(r.at for r in sim.requests)
    assert [e.at for e in sim.timeline] == sorted(e.at for e in sim.timeline)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_same_input_gives_the_same_output(scenario):
    assert simulate(scenario).report("json") == simulate(scenario).report("json")
