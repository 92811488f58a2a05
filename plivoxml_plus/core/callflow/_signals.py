"""``<DTMF>``, ``<Message>`` and ``<Stream>`` on a call (docs/rules.md, I4 and I6):
what they send leaves the call (tones, an SMS, audio to a WebSocket); the
simulator records it as the platform would report it and the call goes on.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...elements import Element
from .._clock import seconds
from ..platform._requests import ROUTES
from ._application import wall_time
from ._call import Call

__all__ = ["run_dtmf", "run_message", "run_stream", "send_keys"]


def send_keys(call: Call, keys: str) -> int:
    """I4: ``keys`` leave the call from now, one every ``dtmf_digit_seconds``. A key
    reaches the room the call is in when it ends (as if the caller pressed it);
    outside a room no one hears it. Returns how long they take, in ms."""
    world = call.world
    per_ms = world.durations.dtmf_digit_ms
    now = world.clock.now
    for index, key in enumerate(keys, 1):
        call.timers.append(world.clock.at(now + index * per_ms, _key_sent, (call, key)))
    return per_ms * len(keys)


def run_dtmf(call: Call, element: Element) -> bool:
    """I4: ``<DTMF>`` sends its keys; ``async="false"``: the call waits until
    every key is sent."""
    world = call.world
    keys = str(element.effective("content"))
    world.event(call.name, "element", f"<DTMF> sends {keys!r} ({seconds(world.durations.dtmf_digit_ms * len(keys))} s)")
    taking = send_keys(call, keys)
    blocking = not element.effective("async_")
    if blocking:
        call.pending = world.clock.at(world.clock.now + taking, call.resume)
    return blocking


def _key_sent(sent: object) -> None:
    call: Call
    key: str
    call, key = sent  # type: ignore[misc]
    if not call.live:
        return
    if call.member is not None:
        call.member.digits(key)
    else:
        call.world.note(call.name, f"DTMF key {key!r} sent on the call: the call is in no room, no one hears it")


# I6: an SMS's statuses, each told to the Message's callbackUrl when it is reached [doc:
# the message status callbacks page: "with every status change event"; the Message
# object page: queued, then sent to the carrier, then delivered], at these times after
# the element runs [inf]
_LIFECYCLE = (("queued", 0), ("sent", 1000), ("delivered", 3000))
# GSM 03.38's basic characters (one septet each) and its extension (two): an SMS of them
# alone is 160 septets, 153 a part when split; any other character makes it UCS-2, 70
# characters, 67 a part [inf: the GSM encoding rules Plivo's pages describe]
_GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = set("^{}\\[~]|€\f")
# the Mobile Country and Network Codes of the To number, by its country calling code
# (a plausible carrier of each; the simulator has no number database) [inf]
_NETWORKS = {"1": ("310", "260"), "44": ("234", "10"), "91": ("404", "10"), "61": ("505", "01")}


def sms_units(text: str) -> int:
    """How many parts (Units) an SMS of ``text`` is sent in."""
    if all(c in _GSM or c in _GSM_EXTENSION for c in text):
        size, single, part = sum(2 if c in _GSM_EXTENSION else 1 for c in text), 160, 153
    else:
        size, single, part = len(text.encode("utf-16-le")) // 2, 70, 67
    return 1 if size <= single else -(-size // part)


def run_message(call: Call, element: Element) -> bool:
    """I6: the SMS is sent (a timeline event) to each destination, and its
    callbackUrl told of each status it reaches: queued, sent, delivered."""
    world = call.world
    effective = element.effective
    src, dst, text = effective("src"), effective("dst"), effective("content")
    if src is None or dst is None:
        world.note(call.name, "<Message> without src and dst (the platform requires both): nothing is sent")
        return False
    world.event(call.name, "message", f"<Message> SMS from {src} to {dst}: {text!r}")
    url = effective("callback_url")
    if url is None:
        return False
    route = ROUTES["Message.callbackUrl"]
    method = route.method_for(effective, world.options)
    now = world.clock.now
    units = sms_units(str(text or ""))
    rate = Decimal(world.options.sms_rate)
    position = len(call.record.executed)
    for part, to in enumerate(str(dst).split("<")):  # each destination is its own message
        uuid = world.ids.message(call.name, position, part)
        mcc, mnc = next((net for code, net in _NETWORKS.items() if to.lstrip("+").startswith(code)), ("", ""))
        report = {
            "MessageUUID": uuid,
            "To": to,
            "From": str(src),
            "Type": "sms",
            "Units": str(units),
            "TotalRate": f"{rate:.5f}",
            "TotalAmount": f"{rate * units:.5f}",
            "MCC": mcc,
            "MNC": mnc,
            "ErrorCode": "",  # (defined only for a failed or undelivered message)
            "ParentMessageUUID": uuid,
            "PowerpackUUID": "",
            "MessageTime": wall_time(world, now, micro=True),
            "QueuedTime": wall_time(world, now, micro=True),
        }
        for sequence in range(1, len(_LIFECYCLE) + 1):
            world.clock.at(
                now + _LIFECYCLE[sequence - 1][1], _status_reached, (call, route, method, str(url), report, sequence)
            )
    return False


def _status_reached(sent: tuple[Any, ...]) -> None:
    """The ``sequence``-th status of an SMS is reached: its callbackUrl is told, with
    the times of the steps so far (the SMS has left the call: this is sent even after
    the call ended)."""
    call, route, method, url, report, sequence = sent
    world = call.world
    queued_ms = world.clock.now - _LIFECYCLE[sequence - 1][1]
    times = [
        wall_time(world, queued_ms + after_ms, micro=True) if step < sequence else ""
        for step, (_, after_ms) in enumerate(_LIFECYCLE)
    ]
    params = {
        **report,
        "Status": _LIFECYCLE[sequence - 1][0],
        "Sequence": str(sequence),
        "SentTime": times[1],
        "DeliveryReportTime": times[2],
    }
    world.send(route, method, url, params, call)


def run_stream(call: Call, element: Element) -> bool:
    """I6: the call's audio goes to the WebSocket from now until the call ends or
    ``streamTimeout`` passes; ``keepCallAlive="true"``: the call waits there."""
    world = call.world
    effective = element.effective
    now = world.clock.now
    timeout_ms = effective("streamTimeout") * 1000
    stream_id = world.ids.stream(call.name, len(call.record.executed))
    world.event(call.name, "element", f"<Stream> {effective('content')} ({effective('audioTrack')} audio)")
    state = _Stream(call, element, stream_id)
    state.event("StartStream")
    stop = world.clock.at(now + timeout_ms, state.stop, "streamTimeout")
    call.timers.append(stop)
    call.endings.append(state.call_ended)
    if effective("keepCallAlive"):
        call.pending = world.clock.at(now + timeout_ms, call.resume)
        return True
    return False


class _Stream:
    __slots__ = ("call", "element", "id", "stopped")

    def __init__(self, call: Call, element: Element, stream_id: str) -> None:
        self.call = call
        self.element = element
        self.id = stream_id
        self.stopped = False

    def event(self, name: str) -> None:
        url = self.element.effective("statusCallbackUrl")
        if url is None:
            return
        world = self.call.world
        route = ROUTES["Stream.statusCallbackUrl"]
        method = route.method_for(self.element.effective, world.options)
        world.send(route, method, str(url), {"Event": name, "StreamID": self.id}, self.call)

    def stop(self, why: object) -> None:
        if self.stopped:
            return
        self.stopped = True
        self.call.world.event(self.call.name, "element", f"<Stream> {self.id} stops ({why})")
        self.event("StopStream")

    def call_ended(self) -> None:
        self.stop("the call ended")
