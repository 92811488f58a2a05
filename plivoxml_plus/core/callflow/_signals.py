"""``<DTMF>``, ``<Message>`` and ``<Stream>`` on a call (docs/rules.md, I4 and I6):
what they send leaves the call (tones, an SMS, audio to a WebSocket); the
simulator records it as the platform would report it and the call goes on.
"""

from __future__ import annotations

from ...elements import Element
from .._clock import seconds
from ..platform._requests import ROUTES
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


def run_message(call: Call, element: Element) -> bool:
    """I6: the SMS is sent (a timeline event), and its callbackUrl told it was sent."""
    world = call.world
    effective = element.effective
    src, dst, text = effective("src"), effective("dst"), effective("content")
    if src is None or dst is None:
        world.note(call.name, "<Message> without src and dst (the platform requires both): nothing is sent")
        return False
    world.event(call.name, "message", f"<Message> SMS from {src} to {dst}: {text!r}")
    url = effective("callback_url")
    if url is not None:
        route = ROUTES["Message.callbackUrl"]
        method = route.method_for(effective, world.options)
        uuid = world.ids.message(call.name, len(call.record.executed))
        params = {"MessageUUID": uuid, "From": str(src), "To": str(dst), "Status": "sent", "Units": "1"}
        world.send(route, method, str(url), params, call)
    return False


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
