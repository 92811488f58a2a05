"""``<Dial>`` on a call (docs/rules.md, I5).

A callee is a simulated call that is not answered at a time but when a
``<Dial>`` rings its number (``Simulation.callee``). The ``Dialer`` is the
call's venue for ``<Dial>``: a ``Dialing`` rings every Number and User at
once, the caller hearing a ring tone (or its dialMusic); the first callee to
answer (``ring`` seconds after the ring starts) is connected and the others are
cancelled. With confirmKey every callee that answers hears confirmSound, and the
first to press the key is connected (the Dial/User page); a confirmSound without
confirmKey is played to the callee, then it is connected (plivoframework).
Connected, the two legs are a
two-seat bridge (who hears whom, and the mixed audio, follow from it) until
either hangs up, ``timeLimit`` passes or the caller presses ``*`` with
``hangupOnStar``. Then, the caller still up, the action URL is told how the
Dial ended (DialStatus...) and the call goes on with the document it returns
(``redirect``) or its next element. ``callbackUrl`` hears of the B leg's
answer, connection, hangup and digitsMatch; every leg that ends without losing
the race to answer has one hangup event, its cause from ``_hangup_causes``.
"""

from __future__ import annotations

from ...elements import Element
from ...elements._checks import Check, Refused
from ...elements._values import PHONE_NUMBER, SIP_URI
from .._clock import Clock, Entry, seconds
from .._world import World
from ..bridge import Bridge, Seat
from ..bridge._seats import US_RING
from ..platform._hangup_causes import (
    BUSY,
    CALLEE_HUNG_UP,
    CALLER_CANCELLED,
    CALLER_HUNG_UP,
    CONFIRM_TIMEOUT,
    FAILED,
    HANGUP_ON_STAR,
    LOST_CONFIRM,
    NETWORK_NO_ANSWER,
    RING_TIMEOUT,
    TIME_LIMIT,
    Ending,
)
from ..platform._requests import ROUTES
from ._call import HANGUP, Call

__all__ = ["DIAL_TARGET", "REFUSALS", "Callee", "Dialer", "Dialing"]

# what a callee may do instead of answering (Simulation.callee's refuse)
REFUSALS = ("busy", "no-answer", "failed")
# a Dial's outcome -> (DialStatus, the ending whose FreeSWITCH cause is its DialHangupCause)
_OUTCOMES = {
    "completed": ("completed", CALLEE_HUNG_UP),
    "no-answer": ("no-answer", RING_TIMEOUT),
    "busy": ("busy", BUSY),
    "failed": ("failed", FAILED),
}
DIAL_STATUSES = tuple(status for status, _ in _OUTCOMES.values())  # every DialStatus a Dial ends with
_REFUSED = {"busy": BUSY, "failed": FAILED}
# I5 [doc]: "If timeLimit is >=86,400 seconds, calls will be disconnected after 24 hours"
# (Plivo's Dial page, the note under timeLimit)
MAX_TIME_LIMIT_S = 86_400
# what the caller hears while the Dial rings (Audibility.instead): without dialMusic,
# plivoframework's ringback ${us-ring} [oss]; with dialMusic="real", the callee's early
# media, which for a simulated callee is its network's ring tone [inf]
RINGBACK = f"ringback:{US_RING}"
EARLY_MEDIA = f"earlyMedia:{US_RING}"
_ACTION = ROUTES["Dial.action"]
_CALLBACK = ROUTES["Dial.callbackUrl"]


class _DialTarget(Check[str]):
    """What a callee answers: a phone number as a <Number> holds it, or a SIP URI
    as a <User> does (a Dial's target matches it exactly)."""

    __slots__ = ()
    allowed = f"{PHONE_NUMBER.allowed} (what a <Number> holds), or {SIP_URI.allowed} (what a <User> holds)"

    def clean(self, value: object) -> str:
        if isinstance(value, str):
            check = SIP_URI if value.startswith("sip") else PHONE_NUMBER
            try:
                return check.clean(value)
            except Refused:
                pass
        raise Refused(self.allowed)


DIAL_TARGET = _DialTarget()


class Callee:
    """One party that answers a Dial: its call (``call``), the number or SIP URI
    it answers, how long it rings, what it does instead of answering, and when it
    hangs up after answering. ``state``: "waiting" (not dialled, or dialled and
    not answered), "ringing", "connected", "done" (it answered once: a callee
    answers one Dial)."""

    __slots__ = ("call", "hangup_after_ms", "number", "refuse", "ring_ms", "state")

    def __init__(self, call: Call, number: str, ring_ms: int, refuse: str | None, hangup_after_ms: int | None) -> None:
        self.call = call
        self.number = number
        self.ring_ms = ring_ms
        self.refuse = refuse
        self.hangup_after_ms = hangup_after_ms
        self.state = "waiting"


class Dialer:
    """The callees of one simulation, by the number they answer; the ``Venue``
    a call goes to on reaching ``<Dial>``."""

    __slots__ = ("callees", "world")

    def __init__(self, world: World) -> None:
        self.world = world
        self.callees: dict[str, list[Callee]] = {}

    def add(self, callee: Callee) -> None:
        self.callees.setdefault(callee.number, []).append(callee)

    def join(self, call: Call, element: Element) -> bool:
        return Dialing(self, call, element).start()

    def find(self, number: str) -> tuple[Callee | None, bool]:
        """The callee that answers ``number`` now (the first added that is
        waiting), and whether one is busy (ringing for, or connected to, another Dial)."""
        busy = False
        for callee in self.callees.get(number, ()):
            if callee.state == "waiting":
                return callee, False
            busy = busy or callee.state in ("ringing", "connected")
        return None, busy


class _Leg:
    """One Number or User of the Dial: its target, its callee if any, the clock
    entry of its answer (or giving up), and its outcome once it has one: None
    while it rings, "confirming" while its callee, answered, hears confirmSound,
    then "completed" (connected), "no-answer", "busy" or "failed". ``confirming``
    is the callee alone with its confirmSound, ``confirm_entry`` when that ends."""

    __slots__ = ("answered", "callee", "confirm_entry", "confirming", "entry", "outcome", "rang", "target")

    def __init__(self, target: str, callee: Callee | None) -> None:
        self.target = target
        self.callee = callee
        self.entry: Entry | None = None
        self.outcome: str | None = None
        self.rang = False
        self.answered = False  # its callee answered (its call is up): it has durations
        self.confirming: Bridge | None = None
        self.confirm_entry: Entry | None = None


class _BSide:
    """A callee's stay in the Dial, as its call sees it (its ``member``)."""

    __slots__ = ("dialing", "leg")

    def __init__(self, dialing: Dialing, leg: _Leg) -> None:
        self.dialing = dialing
        self.leg = leg

    def talk_start(self) -> None:
        pass  # (its seat always speaks: the talk is in the audio)

    def talk_stop(self) -> None:
        pass

    def digits(self, digits: str) -> None:
        self.dialing.b_digits(self.leg, digits)

    def hung_up(self) -> None:
        self.dialing.b_hung_up(self.leg)


class Dialing:
    """One ``<Dial>`` of one call, from its ringing to its end. It is the
    caller's ``member`` (Place) while it lasts."""

    __slots__ = (
        "b_keys",
        "b_leg",
        "bridge",
        "call",
        "connected_leg",
        "dialer",
        "element",
        "keys",
        "legs",
        "ringing",
        "state",
        "time_entry",
        "timeout_entry",
        "world",
    )

    def __init__(self, dialer: Dialer, call: Call, element: Element) -> None:
        self.dialer = dialer
        self.world = dialer.world
        self.call = call
        self.element = element
        self.legs: list[_Leg] = []
        self.b_leg: Callee | None = None
        self.bridge: Bridge | None = None
        self.ringing: Bridge | None = None  # the caller alone with its ring tone or dialMusic
        self.connected_leg: _Leg | None = None  # the leg connected to the caller
        self.state = "ringing"  # then "connected", then "over"
        self.timeout_entry: Entry | None = None
        self.time_entry: Entry | None = None
        self.keys = ""  # the caller's keys toward digitsMatch
        self.b_keys = ""  # the callee's, toward digitsMatchBLeg

    # -- ringing -------------------------------------------------------------------

    def start(self) -> bool:
        """Ring every target; True when the call waits for the Dial to end."""
        call, world, effective = self.call, self.world, self.element.effective
        now = world.clock.now
        children: list[Element] = self.element.__dict__["children"]
        targets = [str(child.effective("content")) for child in children]
        if not targets:
            world.note(call.name, "<Dial> has no Number or User: nothing to ring (the call goes on)")
            return False
        timeout = effective("timeout")
        timeout_ms = round((world.options.dial_timeout if timeout is None else timeout) * 1000)
        world.event(call.name, "element", f"<Dial> rings {', '.join(targets)} (timeout {seconds(timeout_ms)} s)")
        call.member = self
        self._ringback(effective("dial_music"), now)
        self.timeout_entry = world.clock.at(now + timeout_ms, self._timeout)
        for target in targets:
            callee, busy = self.dialer.find(target)
            leg = _Leg(target, callee)
            self.legs.append(leg)
            if callee is None:
                if busy:
                    self._refused(leg, "busy", f"{target} is busy: its callee is in another call")
                else:
                    leg.rang = True
                    world.note(call.name, f"<Dial>: no callee answers {target}: it rings until the timeout")
                continue
            if callee.refuse in ("busy", "failed"):
                self._refused(leg, callee.refuse, f"{callee.call.name} ({target}) refuses: {callee.refuse}")
                continue
            leg.rang = True
            callee.state = "ringing"
            world.event(callee.call.name, "dial", f"rings: dialled by {call.name} ({target})")
            if callee.ring_ms < timeout_ms:
                when = now + callee.ring_ms
                if callee.refuse == "no-answer":
                    leg.entry = world.clock.at(when, self._no_answer, leg)
                else:
                    leg.entry = world.clock.at(when, self._answered, leg)
        self._maybe_unanswered()
        return True

    def _ringback(self, music: str | None, now: int) -> None:
        """I5: while the Dial rings, the caller hears a ring tone (plivoframework's
        ringback [oss]), or its dialMusic: the sound document the URL gives, or for
        "real" the callee's early media (its network's ring tone here), on a bridge of
        its own that closes when the caller is connected or the Dial ends."""
        call, world = self.call, self.world
        if music is None:
            instead = RINGBACK
        elif music == "real":
            instead = EARLY_MEDIA
        else:
            route = ROUTES["Dial.dialMusic"]
            document = world.send(route, route.method_for(self.element.effective, world.options), music, {}, call)
            # no sound from the URL: plivoframework drops the dialMusic and rings [oss]
            instead = RINGBACK if document is None else f"dialMusic:{music}"
        ringing = world.history.opened(Bridge(f"dial:{call.name}:ringing", call.uuid, now))
        ringing.put(call.name, Seat(call.name, False, False, "member", instead), now)
        self.ringing = ringing

    def _refused(self, leg: _Leg, outcome: str, why: str) -> None:
        leg.outcome = outcome
        self.world.event(self.call.name, "dial", f"<Dial>: {why}")
        self._hangup_callback(leg, _REFUSED[outcome])

    def _no_answer(self, leg: object) -> None:
        assert isinstance(leg, _Leg) and leg.callee is not None
        leg.entry = None
        leg.outcome = "no-answer"
        leg.callee.state = "waiting"
        self.world.event(leg.callee.call.name, "dial", "does not answer: the network gives up ringing")
        self._hangup_callback(leg, NETWORK_NO_ANSWER)
        self._maybe_unanswered()

    def _stop_ringing(self, why: str, ending: Ending | None) -> None:
        """Every leg still ringing stops: its callee may be dialled again. Each has
        a hangup event with ``ending``; none when it lost the race to another leg
        (``None``: plivoframework sends none for LOSE_RACE [oss])."""
        for leg in self.legs:
            if leg.outcome is not None:
                continue
            Clock.cancel(leg.entry)
            leg.entry = None
            leg.outcome = "no-answer"
            if leg.callee is not None:
                leg.callee.state = "waiting"
                self.world.event(leg.callee.call.name, "dial", f"stops ringing: {why}")
            if ending is not None:
                self._hangup_callback(leg, ending)

    def _drop_confirming(self, why: str, ending: Ending, event: bool) -> None:
        """Every callee still hearing confirmSound is hung up (``ending``); its leg
        has a hangup event if ``event`` (not when it lost the race: LOSE_RACE [oss])."""
        for leg in self.legs:
            if leg.outcome == "confirming":
                self._leg_ends(leg, why, ending)
                if event:
                    self._hangup_callback(leg, ending)

    def _leg_ends(self, leg: _Leg, why: str | None, ending: Ending) -> None:
        """A confirming leg is over: its sound stops and, ``why`` given, its callee
        is hung up (None: it hung up itself)."""
        assert leg.callee is not None
        self._confirm_ends(leg)
        leg.outcome = "no-answer"
        leg.callee.state = "done"
        b = leg.callee.call
        b.member = None
        if why is not None:
            b.end(why, ending)

    def _timeout(self, _: object) -> None:
        """The ring timeout stops the legs still ringing; a callee that answered is
        no longer subject to it (plivoframework's group_confirm_cancel_timeout [oss])."""
        self.timeout_entry = None
        self._stop_ringing("the Dial's timeout passed", RING_TIMEOUT)
        self._maybe_unanswered()

    def _quiet(self) -> None:
        """No more ringing: the timeout and the caller's ring tone or dialMusic stop."""
        Clock.cancel(self.timeout_entry)
        self.timeout_entry = None
        if self.ringing is not None:
            self.ringing.close(self.world.clock.now)
            self.ringing = None

    def _maybe_unanswered(self) -> None:
        """When no leg rings or confirms any more and none is connected, the Dial ends."""
        if self.state == "ringing" and all(leg.outcome not in (None, "confirming") for leg in self.legs):
            self._unanswered()

    def _unanswered(self) -> None:
        self._quiet()
        outcomes = {leg.outcome for leg in self.legs}
        outcome = "no-answer" if "no-answer" in outcomes else "busy" if "busy" in outcomes else "failed"
        self._finish(outcome, "")

    # -- connected -----------------------------------------------------------------

    def _answered(self, leg: object) -> None:
        assert isinstance(leg, _Leg) and leg.callee is not None
        callee = leg.callee
        leg.entry = None
        leg.answered = True
        call, world = self.call, self.world
        now = world.clock.now
        effective = self.element.effective
        b = callee.call
        from_ = self._b_from()
        b.record.from_, b.record.to, b.record.direction = from_, leg.target, "outbound"
        b.request_params = {
            "CallUUID": b.uuid,
            "From": from_,
            "To": leg.target,
            "CallerName": effective("caller_name") or from_,
            "Direction": "outbound",
            "ALegUUID": call.uuid,  # [inf] the B leg of a Dial: its A leg is the caller
        }
        callee.state = "connected"
        b.answer_ms = now
        b.record.answer_at = seconds(now)
        b.started = b.live = True
        b.member = _BSide(self, leg)
        world.event(b.name, "answer", f"answered the Dial from {call.name} ({leg.target})")
        if callee.hangup_after_ms is not None:
            b.hangup_ms = now + callee.hangup_after_ms
            b.record.hangup_at = seconds(b.hangup_ms)
            b.schedule(b.hangup_ms, HANGUP, ("the callee hung up", CALLEE_HUNG_UP))
        self._callback("answer", "answer", leg)
        if effective("confirm_key") is not None or effective("confirm_sound") is not None:
            self._confirm(leg)
            return
        self._won(leg, f"{b.name} answered first")

    # -- confirmKey, confirmSound: the callee hears a sound first --------------------

    def _confirm(self, leg: _Leg) -> None:
        """I5: the callee hears confirmSound. With confirmKey it must press the key
        within confirmTimeout seconds; the first callee to press it is connected
        and the other legs fail [doc: the User page]. Without confirmKey the sound
        plays to its end, then the callee is connected [oss: plivoframework plays it
        as group_confirm_file with group_confirm_key=exec]; no sound document then:
        connected at once, as plivoframework leaves the confirmation out. The caller
        keeps its ring tone meanwhile, and the other legs keep ringing."""
        world, effective = self.world, self.element.effective
        assert leg.callee is not None
        b = leg.callee.call
        now = world.clock.now
        key, timeout_s = effective("confirm_key"), effective("confirm_timeout")
        sound = effective("confirm_sound")
        document = None
        if sound is not None:
            route = ROUTES["Dial.confirmSound"]
            document = world.send(route, route.method_for(effective, world.options), str(sound), {}, b)
        if key is None and document is None:
            self._won(leg, f"{b.name} answered first (confirmSound gave no sound)")
            return
        leg.outcome = "confirming"
        instead = "silence" if document is None else f"confirmSound:{sound}"
        leg.confirming = world.history.opened(Bridge(f"dial:{self.call.name}:confirm:{b.name}", b.uuid, now))
        leg.confirming.put(b.name, Seat(b.name, False, False, "member", instead), now)
        if key is None:
            assert document is not None
            lengths = [world.durations.ms(child) for child in document.children]
            # [inf] a sound that loops forever holds the callee for confirmTimeout
            sound_ms = timeout_s * 1000 if None in lengths else sum(n for n in lengths if n is not None)
            world.event(b.name, "dial", f"hears confirmSound ({seconds(sound_ms)} s), then is connected")
            leg.confirm_entry = world.clock.at(now + sound_ms, self._sound_played, leg)
        else:
            world.event(b.name, "dial", f"asked to press {key} within {timeout_s} s to accept the call")
            leg.confirm_entry = world.clock.at(now + timeout_s * 1000, self._not_confirmed, leg)

    def _confirm_ends(self, leg: _Leg) -> None:
        Clock.cancel(leg.confirm_entry)
        leg.confirm_entry = None
        if leg.confirming is not None:
            leg.confirming.close(self.world.clock.now)
            leg.confirming = None

    def _sound_played(self, leg: object) -> None:
        assert isinstance(leg, _Leg) and leg.callee is not None
        leg.confirm_entry = None
        self._confirm_ends(leg)
        self._won(leg, f"{leg.callee.call.name} heard confirmSound first")

    def b_digits(self, leg: _Leg, digits: str) -> None:
        """Keys a callee presses: confirmKey accepts the call while it is asked."""
        assert leg.callee is not None
        b, world = leg.callee.call, self.world
        key = self.element.effective("confirm_key")
        if leg.outcome == "confirming" and key is not None and key in digits:
            world.event(b.name, "dial", f"pressed {key}: the call is accepted")
            self._confirm_ends(leg)
            self._won(leg, f"{b.name} pressed {key} first")
            return
        if self.state == "connected":  # digitsMatchBLeg: the callee's keys, as digitsMatch the caller's
            patterns = self.element.effective("digits_match_b_leg") or ()
            for key in digits:
                self.b_keys = self._matched(self.b_keys + key, patterns, "digitsMatchBLeg", b.name, "BLeg")
        world.event(b.name, "digits", f"the callee presses {digits!r} (they reach the caller)")

    def _not_confirmed(self, leg: object) -> None:
        """[inf] no confirmKey in time: the callee is hung up; the Dial reports
        no-answer when no other leg is left."""
        assert isinstance(leg, _Leg) and leg.callee is not None
        leg.confirm_entry = None
        self.world.event(leg.callee.call.name, "dial", "did not press confirmKey in time: hung up")
        self._leg_ends(leg, "confirmKey not pressed in time", CONFIRM_TIMEOUT)
        self._hangup_callback(leg, CONFIRM_TIMEOUT)
        self._maybe_unanswered()

    # -- connected ------------------------------------------------------------------

    def _won(self, leg: _Leg, why: str) -> None:
        """``leg`` is the one connected: the others stop ringing, and callees still
        hearing confirmSound are hung up, all without a hangup event (they lost the
        race: LOSE_RACE [oss])."""
        assert leg.callee is not None
        leg.outcome = "completed"
        self.connected_leg = leg
        self.b_leg = leg.callee
        self._quiet()
        self._stop_ringing(why, None)
        self._drop_confirming(why, LOST_CONFIRM, event=False)
        self._connect()

    def _connect(self) -> None:
        call, world, effective = self.call, self.world, self.element.effective
        leg, callee = self.connected_leg, self.b_leg
        assert leg is not None and callee is not None
        b = callee.call
        now = world.clock.now
        self.state = "connected"
        bridge = world.history.opened(Bridge(f"dial:{call.name}", b.uuid, now))
        for name in (call.name, b.name):
            bridge.put(name, Seat(name, True, True, "member", None), now)
        self.bridge = bridge
        world.event(call.name, "dial", f"<Dial>: connected to {b.name} ({leg.target})")
        self._callback("connected", "connected", leg)
        answered, call.dial_answers = call.dial_answers, []
        for hook in answered:  # a <Record startOnDialAnswer> before this Dial starts now
            hook()
        children: list[Element] = self.element.__dict__["children"]
        for child in children:
            if str(child.effective("content")) == leg.target and child.effective("send_digits"):
                world.event(b.name, "digits", f"sendDigits {child.effective('send_digits')!r} sent to the callee")
                break
        limit = min(effective("time_limit"), MAX_TIME_LIMIT_S)
        self.time_entry = world.clock.at(now + limit * 1000, self._time_up)

    def _time_up(self, _: object) -> None:
        self.time_entry = None
        self.world.event(self.call.name, "dial", "<Dial>: timeLimit reached: the callee is hung up")
        self._hang_up_b("the Dial's timeLimit passed", TIME_LIMIT)
        self._finish("completed", self._b_uuid())

    def _b_uuid(self) -> str:
        return "" if self.b_leg is None else self.b_leg.call.uuid

    def _hang_up_b(self, reason: str, ending: Ending) -> None:
        """End the callee's call (the Dial ends it) and close the bridge."""
        b = self.b_leg
        assert b is not None
        b.call.member = None
        b.call.end(reason, ending)
        self._disconnect(ending)

    def _disconnect(self, ending: Ending | None) -> None:
        """Close the bridge; ``ending``: how the B leg ended (its hangup event), None
        when it did not (transferred away)."""
        b = self.b_leg
        assert b is not None and self.bridge is not None
        now = self.world.clock.now
        Clock.cancel(self.time_entry)
        self.time_entry = None
        self.bridge.close(now)
        b.state = "done"
        b.call.member = None
        self.state = "over"
        if ending is not None:
            self._hangup_callback(self.connected_leg, ending)

    def transfer_b(self, *, caller_too: bool) -> Call:
        """I5 [inf]: the REST API transfers the connected B leg away: the bridge
        closes, with no hangup event (the B leg is not hung up: its own hangup_url
        tells of its end); the Dial ends for the caller as when the callee leaves it
        (the action URL, then the call goes on), unless the caller is transferred
        too (``caller_too``: no action request). The B leg's call is returned."""
        b = self.b_leg
        assert b is not None and self.state == "connected"
        self.world.event(self.call.name, "dial", f"<Dial>: {b.call.name} is transferred by the REST API")
        self._disconnect(None)
        if caller_too:
            self.call.member = None
        else:
            self._finish("completed", b.call.uuid)
        return b.call

    def b_hung_up(self, leg: _Leg) -> None:
        if leg.outcome == "confirming":  # [inf] as if it had not answered
            assert leg.callee is not None
            self.world.event(self.call.name, "dial", f"<Dial>: {leg.callee.call.name} hung up before accepting")
            self._leg_ends(leg, None, CALLEE_HUNG_UP)
            self._hangup_callback(leg, CALLEE_HUNG_UP)
            self._maybe_unanswered()
            return
        if self.state != "connected" or leg is not self.connected_leg:
            return
        assert self.b_leg is not None
        self.world.event(self.call.name, "dial", f"<Dial>: {self.b_leg.call.name} hung up")
        self._disconnect(CALLEE_HUNG_UP)
        self._finish("completed", self._b_uuid())

    # -- the caller's side (Place) ---------------------------------------------------

    def talk_start(self) -> None:
        pass  # (its seat always speaks: the talk is in the audio)

    def talk_stop(self) -> None:
        pass

    def digits(self, digits: str) -> None:
        world, call = self.world, self.call
        if self.state != "connected":
            world.note(call.name, f"digits {digits!r} ignored: the <Dial> is still ringing")
            return
        effective = self.element.effective
        patterns = effective("digits_match") or ()
        for index, key in enumerate(digits):
            if key == "*" and effective("hangup_on_star"):
                world.event(call.name, "dial", "<Dial>: * pressed (hangupOnStar): the callee is hung up")
                self._hang_up_b("the caller pressed * (hangupOnStar)", HANGUP_ON_STAR)
                rest = digits[index + 1 :]
                if rest:
                    world.note(call.name, f"digits {rest!r} ignored: the <Dial> has ended")
                self._finish("completed", self._b_uuid())
                return
            self.keys = self._matched(self.keys + key, patterns, "digitsMatch", call.name, "ALeg")
        assert self.b_leg is not None
        world.event(call.name, "digits", f"digits {digits!r} pass to {self.b_leg.call.name}")

    def _matched(self, keys: str, patterns: tuple[str, ...], attribute: str, who: str, leg: str) -> str:
        """``keys`` pressed so far by one leg (``leg``: ALeg or BLeg, as
        DialDigitsPressedBy names it): when they end with one of ``patterns``, the
        callbackUrl gets a digits event (DialDigitsMatch) and they start again."""
        for pattern in patterns:
            if keys.endswith(pattern):
                self.world.event(who, "digits", f"<Dial>: {attribute} {pattern!r}")
                extra = {"DialDigitsMatch": pattern, "DialDigitsPressedBy": leg}
                self._callback("digits", "connected", self.connected_leg, extra)
                return ""
        return keys

    def hung_up(self) -> None:
        """The caller hung up: the Dial ends, no action request [inf]."""
        world, call = self.world, self.call
        if self.state == "ringing":
            self._quiet()
            self._stop_ringing("the caller hung up", CALLER_CANCELLED)
            self._drop_confirming("the caller hung up", CALLER_HUNG_UP, event=True)
            self.state = "over"
            world.event(call.name, "dial", "<Dial> cancelled: the caller hung up (no action request)")
        elif self.state == "connected":
            world.event(call.name, "dial", "<Dial> ends: the caller hung up (no action request)")
            self._hang_up_b("the caller hung up", CALLER_HUNG_UP)

    # -- requests ------------------------------------------------------------------

    def _callback(self, action: str, status: str, leg: _Leg | None, extra: dict[str, str] | None = None) -> None:
        """A callbackUrl event about ``leg``: its B leg is the leg's callee's call
        (none: an empty DialBLegUUID), From what the callee sees, To the target."""
        url = self.element.effective("callback_url")
        if url is None:
            return
        assert leg is not None
        effective = self.element.effective
        params = {
            "DialAction": action,
            "DialALegUUID": self.call.uuid,
            "DialBLegUUID": "" if leg.callee is None else leg.callee.call.uuid,
            "DialBLegStatus": status,
            "DialBLegFrom": self._b_from(),
            "DialBLegTo": leg.target,
            **(extra or {}),
        }
        method = _CALLBACK.method_for(effective, self.world.options)
        self.world.send(_CALLBACK, method, str(url), params, self.call)

    def _b_from(self) -> str:
        """The From a B leg sees: callerId, or the caller's From."""
        return str(self.element.effective("caller_id") or self.call.request_params["From"])

    def _hangup_callback(self, leg: _Leg | None, ending: Ending) -> None:
        """The hangup event of ``leg``, ended as ``ending`` says: the cause under
        both names, its source, and the B leg's durations (its call's Duration and
        BillDuration; 0 for a leg never answered)."""
        answered = leg is not None and leg.answered and leg.callee is not None
        duration = bill = "0"
        if answered:
            assert leg is not None and leg.callee is not None
            b_params = leg.callee.call.call_params()
            duration, bill = b_params["Duration"], b_params["BillDuration"]
        extra = {**ending.params("DialBLegHangup"), "DialBLegDuration": duration, "DialBLegBillDuration": bill}
        self._callback("hangup", "hangup", leg, extra)

    def _finish(self, outcome: str, b_uuid: str) -> None:
        """The Dial is over and the caller is up: the action URL, then the call goes on."""
        call, world, effective = self.call, self.world, self.element.effective
        self.state = "over"
        call.member = None
        status, ending = _OUTCOMES[outcome]
        cause = ending.freeswitch
        rang = any(leg.rang for leg in self.legs)
        world.event(call.name, "dial", f"<Dial> ends: DialStatus {status} ({cause})")
        call.branch(status)
        url = effective("action")
        document = None
        failed = False
        if url is not None:
            redirect = bool(effective("redirect"))
            params = {
                "DialStatus": status,
                "DialRingStatus": "true" if rang else "false",
                "DialHangupCause": cause,
                "DialALegUUID": call.uuid,
                "DialBLegUUID": b_uuid,
            }
            method = _ACTION.method_for(effective, world.options)
            document = world.send(_ACTION, method, str(url), params, call, read=redirect)
            failed = redirect and document is None
        call.go_on(document, failed)
