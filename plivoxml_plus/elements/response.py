"""``<Response>``: the root of every document a webhook returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from lxml import etree

from .._errors import ValidationError
from ._base import Element, adder, write_children, xml_element
from .companions import Hangup, Play, Redirect, Speak, Wait
from .conference import Conference
from .dial import Dial
from .gather import GetDigits, GetInput
from .multiparty import MultiPartyCall
from .preanswer import PreAnswer
from .record import Record
from .signals import DTMF, Message, Stream

if TYPE_CHECKING:  # annotations only: typing_extensions stays off the import path
    from typing_extensions import Never, Self

__all__ = ["ANSWER_CHILDREN", "SOUND_CHILDREN", "Response"]

# What a Response may hold (plivo-python's order).
ANSWER_CHILDREN = (
    "Conference", "Dial", "DTMF", "GetDigits", "GetInput", "Hangup", "Message", "Play", "PreAnswer", "Record",
    "Redirect", "Speak", "Wait", "MultiPartyCall", "Stream",
)  # fmt: skip
# What a waitSound, enter/exitSound, wait-music or hold-music URL may return.
SOUND_CHILDREN = ("Play", "Speak", "Wait")


def _limited(helper: Callable[..., Response], takes: int) -> Any:
    """``helper`` taking at most ``takes`` arguments by position: where plivo-python's
    helper lists its arguments in another order than its class (``add_dial`` has no
    ``confirm_timeout``), the arguments after the common ones must be keywords, so
    none can land on another attribute than it did there."""

    def add(self: Response, /, *args: Any, **kwargs: Any) -> Response:
        if len(args) > takes:
            raise ValidationError(
                f"Response.{helper.__name__}() takes at most {takes} arguments by position; give the others by "
                f"keyword (plivo-python's {helper.__name__}() orders them otherwise than its class).",
                element="Response",
                value=args[takes],
                allowed=f"{takes} positional arguments",
            )
        return helper(self, *args, **kwargs)

    add.__name__ = add.__qualname__ = helper.__name__
    add.__doc__ = helper.__doc__
    return add


_copy_empty_root: Callable[[], etree._Element] = etree.Element("Response").__copy__  # type: ignore[attr-defined]
_NO_CHILDREN: tuple[Element, ...] = ()
_tostring = etree.tostring


@xml_element("Response", children=ANSWER_CHILDREN)
@attrs.define(slots=False, repr=False)
class Response(Element):
    """The document root. Add children with :meth:`add` or the ``add_*`` helpers,
    which build the child from the same keywords as its class and return ``self``."""

    children: list[Element] = attrs.field(factory=list)
    own_init: ClassVar[bool] = True

    # (*extra/**unknown typed Never: mypy still flags them; at run time they give
    # the package's error instead of Python's TypeError)
    def __init__(self, children: Iterable[Element] = _NO_CHILDREN, *extra: Never, **unknown: Never) -> None:
        if extra or unknown:
            raise self._bad_arguments(extra, unknown)
        store = self.__dict__
        store["_wire"] = {}
        store["children"] = []
        if children is _NO_CHILDREN:  # the common Response(): nothing to check
            return
        try:
            items = iter(children)
        except TypeError:
            raise ValidationError(
                f"Response() takes an iterable of elements, such as [Conference(...)], not "
                f"{type(children).__name__} ({children!r}); or use Response().add(element).",
                element=self.tag,
                attribute="children",
                value=children,
                allowed="an iterable of elements",
            ) from None
        for child in items:
            self.add(child)

    @classmethod
    def _bad_arguments(cls, extra: tuple[object, ...], unknown: Mapping[str, object]) -> ValidationError:
        if unknown:
            name, value = next(iter(unknown.items()))
            return ValidationError(
                f"<Response> has no keyword {name!r}; it takes only children (an iterable of elements).",
                element=cls.tag,
                attribute=name,
                value=value,
                allowed="children",
            )
        return ValidationError(
            f"Response() takes one argument, children (an iterable of elements); got {1 + len(extra)}.",
            element=cls.tag,
            value=extra,
            allowed="children",
        )

    def _validated_setattr(self, name: str, value: Any) -> None:
        if name != "children":
            raise type(self)._unknown(name, "attribute")
        replacement = Response(value)  # validates every child before anything changes
        self.__dict__["children"] = replacement.children

    def add(self, element: Element) -> Self:
        """Append a child element; returns ``self`` so calls chain."""
        if type(element) in self._fast_children:  # the hot path: one set lookup
            self.__dict__["children"].append(element)
            return self
        return super().add(element)  # subclasses of the element classes, or the error

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        # Copying an empty root is cheaper than creating one (no new document to set up);
        # the children, and theirs, are written in a flat loop (see write_children).
        node = _copy_empty_root() if parent is None else etree.SubElement(parent, "Response")
        children = self.__dict__["children"]
        if children:
            write_children(self, children, node)
        return node

    def to_string(self, pretty: bool = False, *, xml_declaration: bool = False) -> str:
        # the webhook's hot path: to_element inlined, and one call into lxml
        if xml_declaration:
            return super().to_string(pretty, xml_declaration=True)
        node = _copy_empty_root()
        children = self.__dict__["children"]
        if children:
            write_children(self, children, node)
        return _tostring(node, encoding=str, pretty_print=True) if pretty else _tostring(node, encoding=str)

    # The add_* helpers take exactly what their class takes: their signatures are
    # the classes' own (``adder``), so mypy checks a helper's keywords and types as
    # it checks the class, and no attribute is listed a second time.
    add_conference = adder(Conference, "add_conference")
    add_dial = _limited(adder(Dial, "add_dial"), 8) if not TYPE_CHECKING else adder(Dial, "add_dial")
    add_dtmf = adder(DTMF, "add_dtmf")
    add_get_digits = adder(GetDigits, "add_get_digits")
    add_get_input = adder(GetInput, "add_get_input")
    add_hangup = adder(Hangup, "add_hangup")
    add_message = adder(Message, "add_message")
    add_multi_party_call = (
        _limited(adder(MultiPartyCall, "add_multi_party_call"), 4)
        if not TYPE_CHECKING
        else adder(MultiPartyCall, "add_multi_party_call")
    )
    add_play = adder(Play, "add_play")
    add_pre_answer = adder(PreAnswer, "add_pre_answer")
    add_record = _limited(adder(Record, "add_record"), 12) if not TYPE_CHECKING else adder(Record, "add_record")
    add_redirect = adder(Redirect, "add_redirect")
    add_speak = adder(Speak, "add_speak")
    add_wait = adder(Wait, "add_wait")
    add_stream = adder(Stream, "add_stream")

    @property
    def is_sound_document(self) -> bool:
        """True when every child is Play, Speak or Wait (what sound URLs must return)."""
        return all(child.tag in SOUND_CHILDREN for child in self.children)
