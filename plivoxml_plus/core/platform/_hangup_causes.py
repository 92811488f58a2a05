"""How each way a simulated leg ends is reported (docs/rules.md, I5).

Plivo reports a leg's end twice over: the older FreeSWITCH cause name that
plivoframework sends (``DialBLegHangupCause``, ``DialHangupCause``), and its own
list of hangup causes, each a name and a code, with the hangup's source
(``DialBLegHangupCauseName``, ``...CauseCode``, ``DialBLegHangupSource``). The
one table here, ``ENDINGS``, gives each way a leg can end one entry of each;
docs/rules.md (I5) states it, and a test holds the two together. A call's own
end, reported to the Application's ``hangup_url`` (docs/rules.md, P1), comes from
the same table: the B leg's endings where a call ends the same way, and the A
leg's own below them.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ACTION_INVALID",
    "ANSWER_INVALID",
    "ANSWER_UNREACHABLE",
    "API_HANGUP",
    "BUSY",
    "CALLEE_HUNG_UP",
    "CALLER_CANCELLED",
    "CALLER_HUNG_UP",
    "CALL_TIME_LIMIT",
    "CONFERENCE_ENDED",
    "CONFIRM_TIMEOUT",
    "ENDINGS",
    "END_OF_XML",
    "FAILED",
    "HANGUP_BUSY",
    "HANGUP_ELEMENT",
    "HANGUP_ON_STAR",
    "HANGUP_REJECTED",
    "HANGUP_SCHEDULED",
    "KICKED",
    "LOST_CONFIRM",
    "MPC_ENDED",
    "NETWORK_NO_ANSWER",
    "NO_ANSWER",
    "REDIRECT_INVALID",
    "REDIRECT_UNREACHABLE",
    "RING_TIMEOUT",
    "TIME_LIMIT",
    "TOO_MANY_STEPS",
    "TRANSFER_INVALID",
    "TRANSFER_UNREACHABLE",
    "URL_FAILURES",
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
    status: str = "completed"  # CallStatus of a call that ends this way unanswered (P1)

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

CALLEE_HUNG_UP = Ending(
    "the callee hangs up (connected, or asked for confirmKey; an outbound call's callee)", *_NORMAL, _CALLEE, "doc, inf"
)
CALLER_HUNG_UP = Ending(
    "the caller hangs up (connected, or the callee asked for confirmKey; an inbound call)", *_NORMAL, _CALLER, "doc"
)
HANGUP_ON_STAR = Ending("the caller presses * (hangupOnStar)", *_NORMAL, _CALLER, "inf")
TIME_LIMIT = Ending("the Dial's timeLimit passes", *_NORMAL, _PLIVO, "inf")
CONFIRM_TIMEOUT = Ending("no confirmKey within confirmTimeout", *_RING_TIMEOUT, _PLIVO, "inf")
RING_TIMEOUT = Ending("the Dial's timeout passes while it rings", *_RING_TIMEOUT, _PLIVO, "inf", "no-answer")
NETWORK_NO_ANSWER = Ending(
    'the network gives up ringing (refuse="no-answer")', *_RING_TIMEOUT, _CARRIER, "inf", "no-answer"
)
_BUSY = ("USER_BUSY", "Busy Line", 3010)
_REJECTED = ("CALL_REJECTED", "Rejected", 3020)
BUSY = Ending('busy (refuse="busy", or in another call)', *_BUSY, _CARRIER, "inf", "busy")
FAILED = Ending('refused (refuse="failed")', *_REJECTED, _CARRIER, "inf", "failed")
CALLER_CANCELLED = Ending(
    "the caller hangs up while it rings", "ORIGINATOR_CANCEL", "Canceled", 1000, _CALLER, "inf", "cancel"
)
# a callee that answered and heard confirmSound while another callee of the Dial accepted
# first: FreeSWITCH ends the losers of an originate race with LOSE_RACE, and
# plivoframework sends no hangup event for them [oss]; the name and code are ours [inf]
LOST_CONFIRM = Ending(
    "another callee of the Dial accepts it first (confirmKey, confirmSound)",
    "LOSE_RACE",
    "Canceled",
    1000,
    _PLIVO,
    "oss, inf",
)

# -- the A leg's own endings (P1): how a call itself ends, for its hangup_url --------
# Sources "API Request", "Answer XML" and "Error" are on the hangup-causes page [doc];
# 4010, 4020 and 4030 are its normal completions [doc]; the 3000, 5000-8000 codes are
# its later sections, as a Plivo-compatible provider's copy of the page and public apps
# quoting 7011 and 8011 give them [inf]. FreeSWITCH's names: ALLOTTED_TIMEOUT is its
# cause for a scheduled hangup; the others are our choice [inf].
_API, _XML, _ERROR = "API Request", "Answer XML", "Error"
_SCHEDULED = ("ALLOTTED_TIMEOUT", "Scheduled Hangup", 6000)
_FETCH_FAILED = "NORMAL_TEMPORARY_FAILURE"

END_OF_XML = Ending("the call's document runs out", "NORMAL_CLEARING", "End Of XML Instructions", 4010, _PLIVO, "doc")
HANGUP_ELEMENT = Ending("a Hangup element (no reason)", *_NORMAL, _XML, "doc")
# plivoframework's Hangup hangs up with CALL_REJECTED for reason="rejected" and USER_BUSY
# for "busy", and says a scheduled hangup does not take the reason into account [oss:
# src/plivo/rest/freeswitch/elements.py, class Hangup]; the names and codes beside them
# are the busy and rejected rows above [inf]
HANGUP_REJECTED = Ending('a Hangup element with reason="rejected"', *_REJECTED, _XML, "oss, inf")
HANGUP_BUSY = Ending('a Hangup element with reason="busy"', *_BUSY, _XML, "oss, inf")
HANGUP_SCHEDULED = Ending("a Hangup element's schedule passes (its reason ignored)", *_SCHEDULED, _XML, "oss, inf")
CALL_TIME_LIMIT = Ending("the Call API's time_limit passes", *_SCHEDULED, _PLIVO, "inf")
API_HANGUP = Ending("the Call API hangs the call up", *_NORMAL, _API, "doc")
MPC_ENDED = Ending(
    "its MultiPartyCall ends and its document runs out",
    "NORMAL_CLEARING",
    "Multiparty Call Ended",
    4020,
    _PLIVO,
    "doc, inf",
)
KICKED = Ending(
    "kicked from its MultiPartyCall, its document runs out",
    "NORMAL_CLEARING",
    "Kicked Out Of Multiparty Call",
    4030,
    _API,
    "doc, inf",
)
CONFERENCE_ENDED = Ending("its Conference ends (remaining_calls_continue=False)", *_NORMAL, _PLIVO, "inf")
TOO_MANY_STEPS = Ending(
    "too many elements at one instant", "NORMAL_TEMPORARY_FAILURE", "Internal Error", 5010, _PLIVO, "inf"
)
NO_ANSWER = Ending("an API call's callee does not answer", "NO_ANSWER", "No Answer", 3000, _CARRIER, "inf", "no-answer")


def _url_failure(what: str, code: int, name: str) -> Ending:
    return Ending(what, _FETCH_FAILED, name, code, _ERROR, "inf")


ANSWER_UNREACHABLE = _url_failure("the answer URL (and fallback) gives no 2xx reply", 7011, "Error Reaching Answer URL")
TRANSFER_UNREACHABLE = _url_failure("a transfer URL gives no 2xx reply", 7013, "Error Reaching Transfer URL")
REDIRECT_UNREACHABLE = _url_failure(
    "a Redirect URL gives no 2xx reply (bad_document_ends_call)", 7014, "Error Reaching Redirect URL"
)
ANSWER_INVALID = _url_failure("the answer URL (and fallback) gives no valid document", 8011, "Invalid Answer XML")
# (an action URL's failure reaches the call as "no document", unreachable or invalid alike)
ACTION_INVALID = _url_failure(
    "an action URL gives no 2xx reply or no valid document (bad_document_ends_call)", 8012, "Invalid Action XML"
)
TRANSFER_INVALID = _url_failure("a transfer URL gives no valid document", 8013, "Invalid Transfer XML")
REDIRECT_INVALID = _url_failure(
    "a Redirect URL gives no valid document (bad_document_ends_call)", 8014, "Invalid Redirect XML"
)
# a failed fetch, by what the URL was for: (no 2xx reply, no valid document)
URL_FAILURES = {
    "answer": (ANSWER_UNREACHABLE, ANSWER_INVALID),
    "transfer": (TRANSFER_UNREACHABLE, TRANSFER_INVALID),
    "redirect": (REDIRECT_UNREACHABLE, REDIRECT_INVALID),
}

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
    LOST_CONFIRM,
    END_OF_XML,
    HANGUP_ELEMENT,
    HANGUP_REJECTED,
    HANGUP_BUSY,
    HANGUP_SCHEDULED,
    CALL_TIME_LIMIT,
    API_HANGUP,
    MPC_ENDED,
    KICKED,
    CONFERENCE_ENDED,
    TOO_MANY_STEPS,
    NO_ANSWER,
    ANSWER_UNREACHABLE,
    TRANSFER_UNREACHABLE,
    REDIRECT_UNREACHABLE,
    ANSWER_INVALID,
    ACTION_INVALID,
    TRANSFER_INVALID,
    REDIRECT_INVALID,
)
