"""How each way a simulated leg ends is reported (docs/rules.md, I5).

Plivo reports a leg's end twice over: the older FreeSWITCH cause name that
plivoframework sends (``DialBLegHangupCause``, ``DialHangupCause``), and its own
list of hangup causes, each a name and a code, with the hangup's source
(``DialBLegHangupCauseName``, ``...CauseCode``, ``DialBLegHangupSource``). The
one table here, ``ENDINGS``, gives each way a leg can end one entry of each;
docs/rules.md (I5) states it, and a test holds the two together. The
Application's hangup_url can report the A leg from the same table.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "BUSY",
    "CALLEE_HUNG_UP",
    "CALLER_CANCELLED",
    "CALLER_HUNG_UP",
    "CONFIRM_TIMEOUT",
    "ENDINGS",
    "FAILED",
    "HANGUP_ON_STAR",
    "NETWORK_NO_ANSWER",
    "RING_TIMEOUT",
    "TIME_LIMIT",
    "Ending",
]


class Ending(NamedTuple):
    """One way a leg ends, as Plivo reports it: FreeSWITCH's cause name, Plivo's
    cause name and code, the hangup source, and the grade of the choice
    (``doc``/``oss``/``inf`` of docs/rules.md)."""

    what: str  # how the simulated leg ends, in words (the docs table's first column)
    freeswitch: str  # DialBLegHangupCause, DialHangupCause, HangupCause
    name: str  # DialBLegHangupCauseName, HangupCauseName
    code: int  # DialBLegHangupCauseCode, HangupCauseCode
    source: str  # DialBLegHangupSource, HangupSource
    grade: str

    def params(self, prefix: str) -> dict[str, str]:
        """The cause's request parameters, named ``prefix`` + Cause, CauseName, CauseCode, Source."""
        return {
            f"{prefix}Cause": self.freeswitch,
            f"{prefix}CauseName": self.name,
            f"{prefix}CauseCode": str(self.code),
            f"{prefix}Source": self.source,
        }


# Plivo's cause names and codes. "Normal Hangup" 4000 is on Plivo's hangup-causes
# page; "Busy Line" 3010 is what Plivo sent for a busy callee (a hangup request
# recorded in public code); "Ring Timeout Reached" 6010, "Rejected" 3020 and
# "Canceled" 1000 are the names and codes apps written against Plivo branch on.
_NORMAL = ("NORMAL_CLEARING", "Normal Hangup", 4000)
_RING_TIMEOUT = ("NO_ANSWER", "Ring Timeout Reached", 6010)
# sources: "Caller" and "Plivo" as the page lists them; the page's "Call recipient"
# is sent as "Callee" (the same hangup requests), and "Carrier" is the far network
_CALLER, _CALLEE, _PLIVO, _CARRIER = "Caller", "Callee", "Plivo", "Carrier"

CALLEE_HUNG_UP = Ending("the callee hangs up (connected, or asked for confirmKey)", *_NORMAL, _CALLEE, "doc, inf")
CALLER_HUNG_UP = Ending("the caller hangs up (connected, or the callee asked for confirmKey)", *_NORMAL, _CALLER, "doc")
HANGUP_ON_STAR = Ending("the caller presses * (hangupOnStar)", *_NORMAL, _CALLER, "inf")
TIME_LIMIT = Ending("the Dial's timeLimit passes", *_NORMAL, _PLIVO, "inf")
CONFIRM_TIMEOUT = Ending("no confirmKey within confirmTimeout", *_RING_TIMEOUT, _PLIVO, "inf")
RING_TIMEOUT = Ending("the Dial's timeout passes while it rings", *_RING_TIMEOUT, _PLIVO, "inf")
NETWORK_NO_ANSWER = Ending('the network gives up ringing (refuse="no-answer")', *_RING_TIMEOUT, _CARRIER, "inf")
BUSY = Ending('busy (refuse="busy", or in another call)', "USER_BUSY", "Busy Line", 3010, _CARRIER, "inf")
FAILED = Ending('refused (refuse="failed")', "CALL_REJECTED", "Rejected", 3020, _CARRIER, "inf")
CALLER_CANCELLED = Ending("the caller hangs up while it rings", "ORIGINATOR_CANCEL", "Canceled", 1000, _CALLER, "inf")

ENDINGS = (
    CALLEE_HUNG_UP,
    CALLER_HUNG_UP,
    HANGUP_ON_STAR,
    TIME_LIMIT,
    CONFIRM_TIMEOUT,
    RING_TIMEOUT,
    NETWORK_NO_ANSWER,
    BUSY,
    FAILED,
    CALLER_CANCELLED,
)
