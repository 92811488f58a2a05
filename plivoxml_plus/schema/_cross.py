"""The rules that hold between elements, or between attributes of one element,
which XSD 1.0 cannot state: what Plivo's pages exclude, yet Plivo's own SDKs
write. Each is a warning naming those SDKs (the policy is in
docs/validation.md, "What is accepted with a warning"): the platform takes the
document, but not as Plivo documents it, and ``validate --strict`` fails on it.

Each rule looks at the elements of a few tags (lxml's ``iter`` finds them, in C)
and says which nodes break it there. A document the XSD accepts is asked
(:func:`has_findings`) after a look at its bytes that spares most webhook answers
even that (:func:`may_have_findings`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from lxml import etree

from .._xml_whitespace import xml_strip

__all__ = ["CROSS_RULES", "CROSS_TAGS", "SPEAK_TEXT_MAX", "CrossRule", "findings", "has_findings", "may_have_findings"]

EVERY_SDK = "plivo-python, plivo-node, plivo-ruby, plivo-java, plivo-php, plivo-go and plivo-dotnet"
# Amazon Polly's limit on the characters one request bills (SSML tags not counted):
# plivo-php refuses a longer Speak text; Plivo's pages give no limit of their own
SPEAK_TEXT_MAX = 3000
_PREANSWER = frozenset(("Speak", "Play", "Wait"))  # what Plivo's PreAnswer page nests
_OUTBOUND = frozenset(("outbound", "both"))


class CrossRule(NamedTuple):
    name: str  # as tests and docs/validation.md name it
    about: tuple[str, ...]  # the tags of the elements it looks at
    finds: Callable[[etree._Element], tuple[etree._Element, ...]]  # the nodes there that break it
    attribute: str | None  # the attribute the problem is about (located there when written)
    message: Callable[[etree._Element], str]


def _children(node: etree._Element) -> Iterator[etree._Element]:
    return (child for child in node if isinstance(child.tag, str))  # (not comments)


def _spoken_length(speak: etree._Element) -> int:
    """The characters of a Speak's text, SSML elements' included, each run of
    whitespace counted as one and none around it (XPath's normalize-space)."""
    if sum(map(len, speak.itertext())) <= SPEAK_TEXT_MAX:  # (an upper bound: the common case, cheaply)
        return 0
    return int(speak.xpath("string-length(normalize-space(.))"))


def _ssml_without_polly(speak: etree._Element) -> tuple[etree._Element, ...]:
    voice = speak.get("voice")
    polly = voice is not None and xml_strip(voice).startswith("Polly.")
    return (speak,) if not polly and next(_children(speak), None) is not None else ()


def _over_3000(speak: etree._Element) -> tuple[etree._Element, ...]:
    return (speak,) if _spoken_length(speak) > SPEAK_TEXT_MAX else ()


def _without_action(get_input: etree._Element) -> tuple[etree._Element, ...]:
    return (get_input,) if get_input.get("action") is None else ()


def _beyond_speak_play_wait(preanswer: etree._Element) -> tuple[etree._Element, ...]:
    return tuple(child for child in _children(preanswer) if child.tag not in _PREANSWER)


def _waits(prompter: etree._Element) -> tuple[etree._Element, ...]:
    return tuple(child for child in _children(prompter) if child.tag == "Wait")


def _bidirectional_outbound(stream: etree._Element) -> tuple[etree._Element, ...]:
    bidirectional = xml_strip(stream.get("bidirectional") or "") in ("true", "True")  # (True: plivo-python's)
    return (stream,) if bidirectional and xml_strip(stream.get("audioTrack") or "") in _OUTBOUND else ()


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
    size = _spoken_length(speak)
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


CROSS_RULES: tuple[CrossRule, ...] = (
    CrossRule("ssml-needs-polly", ("Speak",), _ssml_without_polly, "voice", _ssml_voice),
    CrossRule("speak-over-3000", ("Speak",), _over_3000, None, _long_speak),
    CrossRule("getinput-without-action", ("GetInput",), _without_action, "action", _no_action),
    CrossRule("preanswer-child", ("PreAnswer",), _beyond_speak_play_wait, None, _preanswer_child),
    CrossRule("wait-in-prompt", ("GetDigits", "GetInput"), _waits, None, _prompt_wait),
    CrossRule("bidirectional-track", ("Stream",), _bidirectional_outbound, "audioTrack", _bidirectional_track),
)
_RULES_ABOUT: dict[str, list[CrossRule]] = {}
for _rule in CROSS_RULES:
    for _tag in _rule.about:
        _RULES_ABOUT.setdefault(_tag, []).append(_rule)
CROSS_TAGS = frozenset(_RULES_ABOUT)  # the elements some rule looks at
# What the bytes of a document must hold for a rule to find something (see
# may_have_findings): the start tag of an element some rule is about, found in one
# scan (every SSML tag is lower case, every Plivo one capitalised: the group holds a
# Plivo tag, or an SSML tag's first letter), then what the rule needs of it.
_RULE_TAG = re.compile(rb"<(PreAnswer|Wait|GetDigits|GetInput|Stream|[a-z])")
_PLIVO_RULE_TAGS = frozenset((b"PreAnswer", b"Wait", b"GetDigits", b"GetInput", b"Stream"))
_NEEDS_ANOTHER = frozenset((b"Wait", b"GetDigits"))  # (wait-in-prompt: either alone breaks no rule)
_POLLY_SPEAK = re.compile(rb"<Speak\s[^>]*?\bvoice\s*=\s*[\"']\s*Polly\.")
_GETINPUT_ACTION = re.compile(rb"<GetInput\s[^>]*?\baction\s*=")


def findings(root: etree._Element) -> Iterator[tuple[CrossRule, etree._Element]]:
    """Each rule broken in ``root``'s document, and the node that breaks it."""
    for node in root.iter(*_RULES_ABOUT):
        for rule in _RULES_ABOUT[node.tag]:  # type: ignore[index]
            for found in rule.finds(node):
                yield rule, found


def may_have_findings(data: bytes) -> bool:
    """Whether a document the XSD accepts, read from ``data`` in an encoding that
    writes ASCII as itself, may break a rule. Element names cannot be written with
    character references, and a valid start tag of Speak or GetInput holds no ">"
    but in a GetInput's hints (read as no action: the rules are asked); a comment
    or CDATA naming an element only adds a tag, so a "no" here is sure."""
    if len(data) > SPEAK_TEXT_MAX:
        return True
    first = _RULE_TAG.search(data)  # (one scan: most webhook answers, a Conference or a Dial, find none)
    if first is None:
        return False
    if first[1] in _NEEDS_ANOTHER and _RULE_TAG.search(data, first.end()) is None:
        return False  # (a lone Wait or GetDigits breaks no rule: a prompt or a hold document)
    tags = set(_RULE_TAG.findall(data, first.start()))
    if b"PreAnswer" in tags:
        return True
    if b"Wait" in tags and (b"GetDigits" in tags or b"GetInput" in tags):
        return True
    if b"Stream" in tags and b"bidirectional" in data and (b"outbound" in data or b"both" in data):
        return True
    if b"GetInput" in tags and data.count(b"<GetInput") > len(_GETINPUT_ACTION.findall(data)):
        return True
    ssml = not tags <= _PLIVO_RULE_TAGS
    return ssml and data.count(b"<Speak") > len(_POLLY_SPEAK.findall(data))


def has_findings(root: etree._Element) -> bool:
    """Whether some rule finds a node of ``root``'s document."""
    return next(findings(root), None) is not None
