"""Composable value checks: one object per kind of attribute value.

A check is a small immutable value that knows four things about its kind of value:
how to *clean* a Python value (refuse it, or return the value to store), how to
write it on the wire (``to_wire``), how to read it back from the wire
(``from_wire``, used by the parser) and how to describe, to a person, what it
allows (``allowed``). Element classes attach one check to each attribute; the
schema agreement tests read the same objects' facets (``minimum``, ``choices``,
``pattern``...) and compare them with ``schemas/plivoxml.xsd``.

Checks raise :class:`Refused`, a private signal; the element layer turns it into
the package's :class:`~plivoxml_plus.ValidationError`, adding which element and
attribute the value was given to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from itertools import pairwise
from typing import Any, Generic, NamedTuple, TypeVar

from .._terminal import counted
from .._xml_whitespace import XML_WHITESPACE, xml_collapse, xml_strip

T = TypeVar("T")

# XSD's xs:int upper bound: every integer attribute is an xs:int in the schema,
# so the Python side refuses what the schema would refuse.
INT_MAX = 2**31 - 1

# Characters XML 1.0 cannot carry at all; lxml would refuse them at serialization
# time, deep inside; we refuse them when the value is given.
# (Written as the complement of XML's Char production: the same set, but a small
# class, which compiles in microseconds instead of milliseconds at import.)
_XML_SPACES = frozenset(XML_WHITESPACE)
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Absolute http(s) URL. Written with explicit character classes (not \s, \w) so
# that Python's and XSD's regex dialects accept exactly the same strings: the
# schema carries the same pattern (see URL_PATTERN).
# User information (RFC 3986: "user:password@") may precede the host.
USER_INFO = r"([A-Za-z0-9\-._~%!$&'()*+,;=:]+@)?"
URL_PATTERN = (
    r"https?://" + USER_INFO + r"[A-Za-z0-9]([A-Za-z0-9\-.]*[A-Za-z0-9])?(:[0-9]{1,5})?([/?#][^ \t\n\r]*)?"
)
# Where an AI agent's audio is streamed: a WebSocket URL, or an http(s) one.
STREAM_URL_PATTERN = "(wss?|https?)" + URL_PATTERN[len("https?") :]
DTMF_PATTERN = r"[0-9*#]+"
SEND_DIGITS_PATTERN = r"[0-9*#wW]+"

# Webhook code passes the same few values (callback URLs, voices, numbers, prompts)
# on every request, so some checks remember the values they admitted: admitting one
# again is a set lookup instead of a regex match or a scan. Bounded in count and in
# length, so the memory cannot grow without limit; only exact strs are remembered
# (a str subclass may redefine == and hash, and is checked every time).
KNOWN_MAX = 1024  # values remembered per check (then forgotten all at once)
KNOWN_LEN = 512  # the longest value remembered: at most ~0.5 MB a check


def shown(value: object) -> str:
    """``repr(value)`` for a message; an int too long to print (Python refuses
    ints of more than 4300 digits), or a container holding one, is described
    instead."""
    try:
        return repr(value)
    except ValueError:
        if isinstance(value, int):
            return f"<an integer of {value.bit_length()} bits>"
        return f"<a {type(value).__name__} holding an integer too long to print>"


class Refused(Exception):
    """Private signal from a check: the value is not allowed (args[0]: why)."""


class Check(Generic[T]):
    """Base of every check. Subclasses set ``allowed`` and override the methods."""

    __slots__ = ()
    allowed: str = ""

    def clean(self, value: object) -> T:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_wire(self, value: T) -> str:
        return str(value)

    def admit(self, value: object) -> tuple[T, str]:
        """``clean`` and ``to_wire`` in one call: the element constructor's hot path."""
        cleaned = self.clean(value)
        return cleaned, self.to_wire(cleaned)

    def from_wire(self, text: str) -> T:
        return self.clean(text)

    def known(self) -> Set[str] | None:
        """For the generated constructors: a set of strs ``v`` (exact strs) for which
        ``admit(v) == (v, v)``, tested before admit is called; the same object as
        admit adds to, so it stays up to date. None: admit is always called."""
        return None

    def variant(self, text: str) -> Variant | None:
        """If ``text`` is not the documented form but a spelling the platform is
        known to accept (what an SDK writes), the documented form and who writes
        it; else None. Only asked of text ``from_wire`` refuses."""
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.allowed}>"


class Variant(NamedTuple):
    """A value written otherwise than Plivo documents it, which the platform accepts."""

    documented: str  # the same value in the documented form
    why: str  # who writes it so, or why it is accepted


_WIRE_BOOLEANS = {"true": True, "false": False}


class Boolean(Check[bool]):
    """``True``/``False`` only: ``1`` and ``'false'`` are refused, not coerced."""

    __slots__ = ()
    allowed = "True or False (a bool)"
    wire_values = ("true", "false")

    def clean(self, value: object) -> bool:
        if value is True or value is False:
            return value
        raise Refused(self.allowed)

    def to_wire(self, value: bool) -> str:
        return "true" if value else "false"

    def admit(self, value: object) -> tuple[bool, str]:
        if value is True:
            return True, "true"
        if value is False:
            return False, "false"
        raise Refused(self.allowed)

    def variant(self, text: str) -> Variant | None:
        # plivo-python writes str(value): a Python bool comes out as True/False
        if xml_strip(text) in ("True", "False"):
            return Variant(xml_strip(text).lower(), "plivo-python writes a Python bool so")
        return None

    def from_wire(self, text: str) -> bool:
        value = _WIRE_BOOLEANS.get(text)  # (as written almost always: no strip)
        if value is None:
            # xs:boolean collapses surrounding XML whitespace before its pattern applies
            value = _WIRE_BOOLEANS.get(xml_strip(text))
            if value is None:
                raise Refused('"true" or "false"')
        return value


class Integer(Check[int]):
    """An int (never a bool) within ``minimum..maximum`` inclusive."""

    __slots__ = ("allowed", "maximum", "minimum")

    def __init__(self, minimum: int, maximum: int = INT_MAX) -> None:
        self.minimum = minimum
        self.maximum = maximum
        # the upper bound is named even when it is just xs:int's, so a refusal of
        # 99999999999 says what the limit is
        if minimum + 1 == maximum:
            self.allowed = f"the integer {minimum} or {maximum}"
        else:
            self.allowed = f"an integer from {minimum} to {maximum}"

    def clean(self, value: object) -> int:
        if type(value) is not int or not self.minimum <= value <= self.maximum:
            raise Refused(self.allowed)
        return value

    def admit(self, value: object) -> tuple[int, str]:
        if type(value) is not int or not self.minimum <= value <= self.maximum:
            raise Refused(self.allowed)
        return value, str(value)

    def from_wire(self, text: str) -> int:
        if text.isascii() and text.isdigit() and len(text) < 10:  # (the common form, read without a pattern)
            value = int(text)
            if self.minimum <= value <= self.maximum:
                return value
            raise Refused(self.allowed)
        text = xml_strip(text)
        if re.fullmatch(r"[+-]?[0-9]+", text) is None:
            raise Refused(self.allowed)
        # (int() of a long digit string costs quadratic time, and Python refuses one
        # over 4300 digits: past 19 significant digits no bound of ours can hold it)
        if len(text.lstrip("+-").lstrip("0")) > 19:
            raise Refused(self.allowed)
        return self.clean(int(text))


class Choice(Check[str]):
    """One of a fixed set of strings.

    With ``case_insensitive`` (MPC ``role``) any spelling is accepted and stored
    as given, so the XML says what the user wrote; :meth:`canonical` gives the
    value's canonical spelling for code that must act on it.
    """

    __slots__ = ("_by_key", "_exact", "allowed", "case_insensitive", "choices")

    def __init__(self, *choices: str, case_insensitive: bool = False) -> None:
        self.choices = choices
        self.case_insensitive = case_insensitive
        listed = ", ".join(repr(c) for c in choices)
        self.allowed = f"one of {listed}" + (" (any case)" if case_insensitive else "")
        self._by_key = {(c.lower() if case_insensitive else c): c for c in choices}
        self._exact = frozenset(choices)

    def clean(self, value: object) -> str:
        if isinstance(value, str):
            key = value.lower() if self.case_insensitive else value
            if key in self._by_key:
                return value
        raise Refused(self.allowed)

    def admit(self, value: object) -> tuple[str, str]:
        # clean() inlined: role and every method pass here (the constructor's hot path);
        # a value written exactly as a choice needs no case folding
        if isinstance(value, str) and (
            value in self._exact or (self.case_insensitive and value.lower() in self._by_key)
        ):
            return value, value
        raise Refused(self.allowed)

    def known(self) -> Set[str]:
        return self._exact

    def canonical(self, value: str) -> str:
        return self._by_key[value.lower() if self.case_insensitive else value]


def non_capturing(pattern: str) -> str:
    """``pattern`` with every group made non-capturing: the same language. A ``(``
    that is escaped or inside a character class is a literal and stays one (the
    URL pattern's user information allows ``(`` and ``)``)."""
    out: list[str] = []
    in_class = escaped = False
    class_start = -1  # where the current class's members begin (a "]" there is a member)
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            if char == "]" and index != class_start:
                in_class = False
        elif char == "[":
            in_class = True
            class_start = index + 2 if pattern.startswith("^", index + 1) else index + 1
        elif char == "(":
            out.append("(?:")
            continue
        out.append(char)
    return "".join(out)


class Pattern(Check[str]):
    """A string matching a regular expression written in the common subset of
    Python's and XSD's dialects (the schema uses the same ``pattern``).

    With ``xml`` (the default: a value written into a document), a value must also
    be text XML can carry: a class such as ``[^@]`` matches control characters,
    which no XML document holds (so the schema never sees them), and lxml would
    refuse them only when the document is written."""

    __slots__ = ("_fullmatch", "_known", "allowed", "maximum", "pattern", "xml")

    def __init__(self, pattern: str, allowed: str, *, xml: bool = True, maximum: int | None = None) -> None:
        self.pattern = pattern
        self.allowed = allowed
        self.xml = xml
        self.maximum = maximum  # most characters (the XSD's maxLength), if the docs bound it
        # Compiled on first use (compiling every pattern cost ~10 ms of each import),
        # then the compiled fullmatch replaces this method.
        self._fullmatch: Callable[[str], object] = self._compile_and_match
        self._known: set[str] = set()  # values admitted (see KNOWN_MAX)

    def _compile_and_match(self, value: str) -> object:
        # Same language as ``pattern``; non-capturing groups only make matching faster.
        full = re.compile(non_capturing(self.pattern)).fullmatch
        if USER_INFO not in self.pattern:
            self._fullmatch = full
            return full(value)
        # A URL's optional user information ends with "@": in a value without one it
        # matches nothing, so the pattern without it accepts the same strings, at half
        # the cost (no scan of the host for an "@" and back; measured, 0.6 -> 0.3 µs)
        bare = re.compile(non_capturing(self.pattern.replace(USER_INFO, "", 1))).fullmatch

        def fullmatch(text: str) -> object:
            return full(text) if "@" in text else bare(text)

        self._fullmatch = fullmatch
        return fullmatch(value)

    def _matches(self, value: object) -> bool:
        return (
            isinstance(value, str)
            and (self.maximum is None or len(value) <= self.maximum)
            and self._fullmatch(value) is not None
            and (not self.xml or (value.isascii() and value.isprintable()) or _NOT_XML_CHAR.search(value) is None)
        )

    def clean(self, value: object) -> str:
        if self._matches(value):
            return value  # type: ignore[return-value]
        raise Refused(self.refusal(value))

    def admit(self, value: object) -> tuple[str, str]:
        if type(value) is str:
            known = self._known
            if value in known:
                return value, value
            # _matches inlined, and the value remembered: every value not seen before passes here
            # (a webhook's room names, URLs, numbers)
            if (
                (self.maximum is None or len(value) <= self.maximum)
                and self._fullmatch(value) is not None
                and (not self.xml or (value.isascii() and value.isprintable()) or _NOT_XML_CHAR.search(value) is None)
            ):
                if len(value) <= KNOWN_LEN:
                    if len(known) >= KNOWN_MAX:
                        known.clear()
                    known.add(value)
                return value, value
        elif self._matches(value):  # a str subclass: checked every time, never remembered
            return value, value  # type: ignore[return-value]
        raise Refused(self.refusal(value))

    def refusal(self, value: object) -> str:
        """Why ``value`` is refused: what is allowed (and, in a subclass, what is
        wrong with it when that can be named)."""
        return self.allowed

    def known(self) -> Set[str]:
        return self._known


class Unaccented(Pattern):
    """A ``Pattern`` of ASCII names that an SDK may write with their accents
    (``Polly.Céline`` for ``Polly.Celine``): the accented spelling is a variant,
    read without its accents; ``who`` says who writes it so."""

    __slots__ = ("who",)

    def __init__(self, pattern: str, allowed: str, *, who: str) -> None:
        super().__init__(pattern, allowed)
        self.who = who

    def variant(self, text: str) -> Variant | None:
        import unicodedata  # only for refused text: off the hot path

        bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        if bare == text or not self._matches(bare):
            return None
        return Variant(bare, self.who)


# A scheme written twice ("http://http://host/x"), as a base URL joined to a full one writes it
_DOUBLED_SCHEME = re.compile(r"((?:https?|wss?)://)+(?=(?:https?|wss?)://)", re.IGNORECASE)


def _url_refusal(check: Pattern, value: object) -> str:
    """What a URL check allows, naming a doubled scheme when that is what is wrong."""
    if isinstance(value, str):
        doubled = _DOUBLED_SCHEME.match(xml_strip(value))
        if doubled is not None:
            single = xml_strip(value)[doubled.end() :]
            schemes = doubled.group(0) + single.partition("//")[0] + "//"  # ("http://http://")
            fix = f": write {shown(single)}" if check._matches(single) else ""
            return f"{check.allowed}; this one repeats its scheme, {schemes}{fix}"
    return check.allowed


class Url(Pattern):
    """An absolute http:// or https:// URL.

    The URLs admitted are remembered (see KNOWN_MAX).
    """

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(URL_PATTERN, "an absolute http:// or https:// URL")

    def clean(self, value: object) -> str:
        return self.admit(value)[0]  # (UrlText's admit trims first)

    def refusal(self, value: object) -> str:
        return _url_refusal(self, value)


class StreamUrl(Pattern):
    """Where audio is streamed: an absolute URL whose scheme may also be ws:// or wss://."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(STREAM_URL_PATTERN, "an absolute ws://, wss://, http:// or https:// URL")

    def refusal(self, value: object) -> str:
        return _url_refusal(self, value)


class UrlText(Url):
    """An absolute http(s) URL given as element text (Play, Redirect): like a room
    name, its surrounding XML whitespace is not part of it, so the URL on its own
    indented line of a pretty-printed document is the URL."""

    __slots__ = ()

    def admit(self, value: object) -> tuple[str, str]:
        # a remembered URL has no surrounding whitespace to trim
        if type(value) is str and value in self._known:
            return value, value
        if isinstance(value, str):
            value = xml_strip(value)
        return super().admit(value)


class Text(Check[str]):
    """Element text content: required, not blank; surrounding whitespace is not
    part of it and is trimmed (the seed writes room names on their own line)."""

    __slots__ = ("_known", "allowed", "maximum")

    def __init__(self, allowed: str = "a non-blank string", *, maximum: int | None = None) -> None:
        self.allowed = allowed
        self.maximum = maximum  # most characters, counted as xs:token counts them (whitespace runs as one)
        self._known: set[str] = set()  # trimmed texts admitted (see KNOWN_MAX)

    def clean(self, value: object) -> str:
        return self.admit(value)[0]

    def admit(self, value: object) -> tuple[str, str]:
        # every Conference/MPC name passes here (the constructor's hot path): one
        # method, no call out (each costs as much as a test); a remembered text has no
        # surrounding whitespace to trim
        known = self._known
        if type(value) is str and value in known:
            return value, value
        if isinstance(value, str):
            text = value.strip(XML_WHITESPACE)  # (an exact str, from a str subclass too)
            # printable ASCII is the common case and needs no scan for non-XML characters
            if (
                text
                and ((text.isascii() and text.isprintable()) or not _NOT_XML_CHAR.search(text))
                and (self.maximum is None or len(text) <= self.maximum or len(xml_collapse(text)) <= self.maximum)
            ):
                if len(text) <= KNOWN_LEN:  # remembered (see KNOWN_MAX)
                    if len(known) >= KNOWN_MAX:
                        known.clear()
                    known.add(text)
                return text, text
        raise Refused(self.allowed)

    def known(self) -> Set[str]:
        return self._known


class StringList(Check[tuple[str, ...]]):
    """A comma-separated list on the wire; a sequence of items or one comma
    string in Python, stored as a tuple. Each item must pass ``item``; with
    ``unique`` an item may appear once."""

    __slots__ = ("allowed", "item", "unique")

    def __init__(self, item: Check[str], *, unique: bool = False, what: str) -> None:
        self.item = item
        self.unique = unique
        self.allowed = f"{what}, as a list or a comma-separated string"

    def clean(self, value: object) -> tuple[str, ...]:
        items: Sequence[object]
        if isinstance(value, str):
            items = value.split(",")
        elif isinstance(value, (list, tuple)):
            items = value
        else:
            raise Refused(self.allowed)
        if not items:
            raise Refused(self.allowed)
        cleaned: list[str] = []
        for raw in items:
            try:
                cleaned.append(self.item.clean(raw))
            except Refused:
                raise Refused(f"{self.allowed} (item {raw!r} is not {self.item.allowed})") from None
        if self.unique and len(set(cleaned)) != len(cleaned):
            raise Refused(f"{self.allowed}, each item once")
        return tuple(cleaned)

    def to_wire(self, value: tuple[str, ...]) -> str:
        return ",".join(value)

    def variant(self, text: str) -> Variant | None:
        written = text.split(",")
        items = [xml_strip(item) for item in written]
        reasons = []
        if items != written:
            # what was seen, counted: "1 comma" for one spaced comma
            spaced = sum(left[-1:] in _XML_SPACES or right[:1] in _XML_SPACES for left, right in pairwise(written))
            where = f"around {counted(spaced, 'comma')}" if spaced else "around the value"
            if spaced and xml_strip(text) != text:
                where += " and the value"
            reasons.append(
                f"spaces {where} (plivo-node, plivo-ruby and plivo-dotnet write lists so; plivoframework "
                "strips them)"
            )
        if self.unique and len(set(items)) != len(items):
            items = list(dict.fromkeys(items))
            reasons.append(
                "an item more than once (plivo-python, plivo-node, plivo-ruby, plivo-java and plivo-php let repeats "
                "through; each counts once)"
            )
        if not reasons:
            return None
        documented = ",".join(items)
        try:
            self.from_wire(documented)
        except Refused:
            return None
        return Variant(documented, " and ".join(reasons))


class OrWords(Check[Any]):
    """One of a few fixed ``words``, or a value ``other`` allows: GetInput's
    ``digitEndTimeout`` is ``auto`` or 2 to 10 seconds; Dial's ``dialMusic`` is
    ``real`` or a URL."""

    __slots__ = ("allowed", "other", "words")

    def __init__(self, other: Check[Any], *words: str) -> None:
        self.other = other
        self.words = words
        listed = ", ".join(repr(w) for w in words)
        self.allowed = f"{listed} or {other.allowed}"

    def clean(self, value: object) -> object:
        if isinstance(value, str) and value in self.words:
            return value
        try:
            return self.other.clean(value)
        except Refused:
            raise Refused(self.allowed) from None

    def admit(self, value: object) -> tuple[object, str]:
        if isinstance(value, str) and value in self.words:
            return value, value
        try:
            return self.other.admit(value)
        except Refused:
            raise Refused(self.allowed) from None

    def to_wire(self, value: object) -> str:
        return value if isinstance(value, str) and value in self.words else self.other.to_wire(value)

    def from_wire(self, text: str) -> object:
        if text in self.words:
            return text
        try:
            return self.other.from_wire(text)
        except Refused:
            raise Refused(self.allowed) from None


class Sound(OrWords):
    """``beep:1``, ``beep:2``, a URL, or one of ``words`` that mean "no sound"
    (Conference: the empty string; MultiPartyCall: ``none``): the words, or a URL."""

    __slots__ = ()

    def __init__(self, *words: str) -> None:
        super().__init__(Url(), "beep:1", "beep:2", *words)
        listed = ", ".join(repr(w) for w in self.words)
        self.allowed = f"{listed} or an absolute http(s) URL"


class Spoken(Check[str]):
    """Text that is spoken (Speak's, or an SSML element's that holds others): kept
    as given, spaces included, since the space before an SSML element separates
    two words. With ``blank``, blank text is allowed and means none (a Speak made
    only of SSML elements: plivo-python's ``SpeakElement('')``)."""

    __slots__ = ("_known", "allowed", "blank")

    def __init__(self, *, blank: bool = False) -> None:
        self.blank = blank
        self.allowed = "text (blank: none, for a Speak made only of SSML elements)" if blank else "non-blank text"
        self._known: set[str] = set()  # non-blank texts admitted (see KNOWN_MAX)

    def clean(self, value: object) -> str:
        return self.admit(value)[0]

    def to_wire(self, value: str) -> str:
        return value  # blank text is stored as None and written as no text at all

    def admit(self, value: object) -> tuple[str, str]:
        # every Speak's text passes here: one method, no call out (see Text.admit)
        known = self._known
        if type(value) is str and value in known:
            return value, value
        if isinstance(value, str) and ((value.isascii() and value.isprintable()) or not _NOT_XML_CHAR.search(value)):
            if value.strip(XML_WHITESPACE):  # not blank
                if type(value) is str and len(value) <= KNOWN_LEN:  # remembered (see KNOWN_MAX)
                    if len(known) >= KNOWN_MAX:
                        known.clear()
                    known.add(value)
                return value, value
            if self.blank:  # no text: stored as None, as if not given, so Speak('') == Speak()
                return None, None  # type: ignore[return-value]
        raise Refused(self.allowed)

    def known(self) -> Set[str]:
        return self._known
