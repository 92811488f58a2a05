"""The rules that hold between elements, or between attributes of one element,
which XSD 1.0 cannot state: what Plivo's pages exclude, yet Plivo's own SDKs
write. Each is a warning naming those SDKs (issue 19, item 3; the policy is in
docs/validation.md, "What is accepted with a warning"): the platform takes the
document, but not as Plivo documents it, and ``validate --strict`` fails on it.

Each rule is one XPath query (run by libxml2) for the nodes it concerns, in
document order, and the message for one of them. A document the XSD accepts is
asked all of them at once (:func:`has_findings`), after a look at its bytes that
spares most webhook answers even that (:func:`may_have_findings`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

from ..elements.ssml import SPEAK_SSML

__all__ = ["CROSS_RULES", "SPEAK_TEXT_MAX", "CrossRule", "has_findings", "may_have_findings"]

EVERY_SDK = "plivo-python, plivo-node, plivo-ruby, plivo-java, plivo-php, plivo-go and plivo-dotnet"
# Amazon Polly's limit on the characters one request bills (SSML tags not counted):
# plivo-php refuses a longer Speak text; Plivo's pages give no limit of their own
SPEAK_TEXT_MAX = 3000
_TRUE = "(normalize-space(@bidirectional)='true' or normalize-space(@bidirectional)='True')"
_OUT = "(normalize-space(@audioTrack)='outbound' or normalize-space(@audioTrack)='both')"
_SSML = " or ".join(f"self::{tag}" for tag in SPEAK_SSML)


class CrossRule(NamedTuple):
    name: str  # as tests and docs/validation.md name it
    about: frozenset[str]  # the elements it is about: a document without them breaks it nowhere
    query: etree.XPath  # the nodes it finds, in document order
    attribute: str | None  # the attribute the problem is about (located there when written)
    message: Callable[[etree._Element], str]


def _rule(
    name: str, about: str, query: str, attribute: str | None, message: Callable[[etree._Element], str]
) -> CrossRule:
    return CrossRule(name, frozenset(about.split()), etree.XPath(query), attribute, message)


def _ssml_voice(speak: etree._Element) -> str:
    voice = speak.get("voice")
    said = f'voice="{voice}"' if voice is not None else "no voice (WOMAN)"
    first = next((str(child.tag) for child in speak if isinstance(child.tag, str)), "break")
    return (
        f"<Speak> holds SSML (<{first}>) with {said}: Plivo's Speak page says SSML needs an Amazon Polly "
        'voice, such as voice="Polly.Joanna"; plivo-python, plivo-node and plivo-dotnet write it '
        "(plivo-ruby, plivo-java, plivo-php and plivo-go refuse it), and what the platform says then is "
        "not documented"
    )


def _long_speak(speak: etree._Element) -> str:
    size = int(speak.xpath("string-length(normalize-space(.))"))  # (as the rule's query counts)
    return (
        f"<Speak> text of {size:,} characters: Amazon Polly speaks at most {SPEAK_TEXT_MAX:,} characters "
        "per request (SSML tags not counted) and plivo-php refuses a longer Speak text; plivo-python, "
        "plivo-node, plivo-ruby, plivo-java, plivo-go and plivo-dotnet write it: split the text over "
        "several <Speak> elements"
    )


def _no_action(_: etree._Element) -> str:
    return (
        "<GetInput> has no action: Plivo's GetInput page marks action, the URL the input is sent to, "
        f"required; {EVERY_SDK} write it without (accepted: the input then goes nowhere, rule I2)"
    )


def _preanswer_child(child: etree._Element) -> str:
    return (
        f"<{child.tag!s}> in <PreAnswer>: Plivo's PreAnswer page, and plivo-java, nest only Speak, Play and Wait "
        "there; plivo-python, plivo-node, plivo-ruby, plivo-php and plivo-dotnet allow GetDigits, Redirect, "
        "Message and DTMF too, and plivo-go any element (accepted: it runs before the answer)"
    )


def _prompt_wait(wait: etree._Element) -> str:
    parent = wait.getparent()
    where = str(parent.tag) if parent is not None else "GetDigits"
    return (
        f"<Wait> in <{where}>: Plivo's {where} page nests only Speak and Play; {EVERY_SDK} "
        "accept Wait there (accepted: it pauses between the prompts, rule I1)"
    )


def _bidirectional_track(stream: etree._Element) -> str:
    track = " ".join((stream.get("audioTrack") or "").split())
    return (
        f'<Stream> attribute audioTrack="{track}" with bidirectional="true": Plivo\'s Stream page says a '
        "bidirectional stream should not take audioTrack outbound or both: write inbound, its default; "
        f"{EVERY_SDK} write it (none checks the pair)"
    )


_SPEAK_SSML = f"//Speak[*[{_SSML}] and not(starts-with(normalize-space(@voice), 'Polly.'))]"
CROSS_RULES: tuple[CrossRule, ...] = (
    _rule("ssml-needs-polly", "Speak", _SPEAK_SSML, "voice", _ssml_voice),
    _rule(
        "speak-over-3000", "Speak", f"//Speak[string-length(normalize-space(.)) > {SPEAK_TEXT_MAX}]", None, _long_speak
    ),
    _rule("getinput-without-action", "GetInput", "//GetInput[not(@action)]", "action", _no_action),
    _rule(
        "preanswer-child",
        "PreAnswer",
        "//PreAnswer/*[not(self::Speak or self::Play or self::Wait)]",
        None,
        _preanswer_child,
    ),
    _rule("wait-in-prompt", "GetDigits GetInput", "//GetDigits/Wait | //GetInput/Wait", None, _prompt_wait),
    _rule("bidirectional-track", "Stream", f"//Stream[{_TRUE} and {_OUT}]", "audioTrack", _bidirectional_track),
)

_ANY = etree.XPath(" | ".join(rule.query.path for rule in CROSS_RULES))
# An SSML element (every SSML tag is lower case, every Plivo one capitalised), or a
# start tag of an element a rule is about: without one, no rule finds anything.
_MARKS = re.compile(rb"<(?:[a-z]|PreAnswer|GetInput|GetDigits|Stream)")


def may_have_findings(data: bytes) -> bool:
    """Whether a document read from ``data``, in an encoding that writes ASCII as
    itself, may break a rule: it names an element one is about, or its Speak text
    may be long (element names cannot be written with character references)."""
    return len(data) > SPEAK_TEXT_MAX or _MARKS.search(data) is not None


def has_findings(root: etree._Element) -> bool:
    """Whether some rule finds a node of ``root``'s document."""
    return bool(_ANY(root))
