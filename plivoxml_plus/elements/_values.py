"""The kinds of value Plivo XML attributes take, shared by the element classes.

Each name here is a check instance (see ``_checks``); an element class combines
them per attribute, so a rule such as "an absolute http(s) URL" is written once.
"""

from __future__ import annotations

from ._checks import (
    DTMF_PATTERN,
    SEND_DIGITS_PATTERN,
    Boolean,
    Choice,
    Pattern,
    Sound,
    Spoken,
    StreamUrl,
    StringList,
    Text,
    Unaccented,
    Url,
    UrlText,
)


def key_values(key: str, value: str) -> str:
    """The pattern of comma-separated ``key=value`` pairs (sipHeaders, extraHeaders)."""
    return f"{key}={value}(,{key}={value})*"


BOOL = Boolean()
URL = Url()
URL_TEXT = UrlText()  # element text: surrounding whitespace trimmed
METHOD = Choice("GET", "POST")
FILE_FORMAT = Choice("mp3", "wav")
NAME = Text("a non-blank name")
TEXT = Text("non-blank text")
SPEECH = Spoken(blank=True)  # Speak's text
SPOKEN = Spoken()  # the text of an SSML element that may hold others
STREAM_URL = StreamUrl()

CONFERENCE_SOUND = Sound("")  # the empty string: no sound
MPC_SOUND = Sound("none")

DTMF = Pattern(DTMF_PATTERN, "digits 0-9, * and #")
DTMF_PATTERNS = StringList(DTMF, what="DTMF patterns of 0-9, * and #")
SEND_DIGITS = Pattern(SEND_DIGITS_PATTERN, "digits 0-9, * and #, with w/W for pauses")

ROLE = Choice("Agent", "Supervisor", "Customer", "ai-agent", case_insensitive=True)

# statusCallbackEvents groups -> the events each group sends (seed, "Status Callback Events").
EVENT_GROUPS: dict[str, tuple[str, ...]] = {
    "mpc-state-changes": ("MPCInitialized", "MPCStart", "MPCEnd"),
    "participant-state-changes": (
        "ParticipantJoin",
        "ParticipantExit",
        "ParticipantMute",
        "ParticipantUnmute",
        "ParticipantHold",
        "ParticipantUnhold",
        "ParticipantCoachModeStart",
        "ParticipantCoachModeStop",
    ),
    "participant-speak-events": ("ParticipantSpeakStart", "ParticipantSpeakStop"),
    "participant-digit-input-events": ("ParticipantDigitInput",),
    "add-participant-api-events": ("AddParticipantByAPIActionInitiated", "AddParticipantByAPIActionCompleted"),
}
EVENT_GROUP_LIST = StringList(Choice(*EVENT_GROUPS), unique=True, what="statusCallbackEvents groups")

# Amazon Polly's voice ids are ASCII (Celine, Dora, Vitoria); its voice *names* carry accents
VOICE = Unaccented(
    r"WOMAN|MAN|Polly\.[A-Za-z][A-Za-z\-]*",
    "WOMAN, MAN or a Polly voice such as 'Polly.Joanna'",
    who="plivo-php writes Polly voice names with their accents; Amazon Polly's voice ids, and plivo-java, have none",
)
# A third part for Amazon Polly's en-GB-WLS (Welsh English, the voice Polly.Geraint)
LANGUAGE = Pattern(
    r"[a-z]{2,3}(-[A-Z]{2}(-[A-Z]{3})?)?", "a language code such as 'en-US', 'fr-FR', 'arb' or 'en-GB-WLS'"
)

# -- call-flow elements (Dial, GetDigits, GetInput, Record, DTMF, Message, Stream) --

DIGIT_KEYS = Pattern(r"[0-9*#]+", "keys from 0-9, * and #")
ONE_KEY = Pattern(r"[0-9*#]", "one key: 0-9, * or #")
PHONE_NUMBER = Pattern(r"\+?[0-9]{1,20}", "a phone number: up to 20 digits, optionally after a +")
SIP_URI = Pattern(r"sips?:[^ \t\n\r@]+@[^ \t\n\r]+", "a SIP URI such as 'sip:alice@phone.plivo.com'")
# Plivo's "Pass custom headers" guide: keys of [A-Za-z0-9] only (Plivo adds the X-PH-
# prefix), values of [A-Za-z0-9] and % (URL-encoded); its support pages: other pairs are not sent
SIP_HEADERS = Pattern(
    key_values("[A-Za-z0-9]+", "[A-Za-z0-9%]*"),
    "comma-separated key=value pairs, keys of letters and digits, values of letters, digits and %, "
    "such as 'Team=sales,Tier=gold' (Plivo adds the X-PH- prefix)",
)
# Plivo's Stream page: "Example: test1=12,test2=123. Max length: 512 bytes. Only characters
# [A-Z], [a-z], [0-9] allowed" (in keys and values: the example's = and , separate them)
EXTRA_HEADERS = Pattern(
    key_values("[A-Za-z0-9]+", "[A-Za-z0-9]*"),
    "comma-separated key=value pairs of letters and digits, at most 512 characters, such as 'test1=12,test2=123'",
    maximum=512,
)
MESSAGE_DESTINATIONS = Pattern(
    r"\+?[0-9]{1,20}(<\+?[0-9]{1,20})*", "phone numbers separated by '<', such as '14155551234<14155556789'"
)
