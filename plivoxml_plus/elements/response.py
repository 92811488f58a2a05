"""``<Response>``: the root of every document a webhook returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Concatenate

import attrs
from lxml import etree
from typing_extensions import Never, ParamSpec, Self

from .._errors import ValidationError
from ._base import Element, xml_element
from .companions import Hangup, Play, Redirect, Speak, Wait
from .conference import Conference
from .multiparty import MultiPartyCall

__all__ = ["ANSWER_CHILDREN", "SOUND_CHILDREN", "Response"]

ANSWER_CHILDREN = ("Conference", "MultiPartyCall", "Play", "Speak", "Wait", "Hangup", "Redirect")
# What a waitSound, enter/exitSound, wait-music or hold-music URL may return.
SOUND_CHILDREN = ("Play", "Speak", "Wait")


P = ParamSpec("P")


def _adder(cls: Callable[P, Element], name: str) -> Callable[Concatenate[Response, P], Response]:
    """The method ``name`` of Response: build a ``cls`` from the arguments, add it,
    return the response (so calls chain)."""

    def add(self: Response, /, *args: P.args, **kwargs: P.kwargs) -> Response:
        return self.add(cls(*args, **kwargs))

    add.__name__ = add.__qualname__ = name
    add.__doc__ = f"Add a {cls.__name__} built from these arguments (those of {cls.__name__}); returns the response."
    return add


_copy_empty_root: Callable[[], etree._Element] = etree.Element("Response").__copy__  # type: ignore[attr-defined]
_CHILD_CLASSES = frozenset((Conference, MultiPartyCall, Play, Speak, Wait, Hangup, Redirect))
_NO_CHILDREN: tuple[Element, ...] = ()
_tostring = etree.tostring


@xml_element("Response", children=ANSWER_CHILDREN)
@attrs.define(slots=False, repr=False)
class Response(Element):
    """The document root. Add children with :meth:`add` or the ``add_*`` helpers,
    which build the child from the same keywords as its class and return ``self``."""

    children: list[Element] = attrs.field(factory=list)

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
        if element.__class__ in _CHILD_CLASSES:  # the hot path: one set lookup
            self.__dict__["children"].append(element)
            return self
        return super().add(element)  # subclasses of the element classes, or the error

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        # Flat loop: every allowed child is a leaf element, so no recursion is needed.
        # Copying an empty root is cheaper than creating one (no new document to set up).
        node = _copy_empty_root() if parent is None else etree.SubElement(parent, "Response")
        sub = etree.SubElement
        for child in self.children:
            if child.__class__ not in _CHILD_CLASSES:  # one set lookup; see _stray
                self._stray(child)
            store = child.__dict__
            leaf = sub(node, child.tag)
            # one set() per attribute is faster than passing SubElement the mapping (measured, lxml 6)
            set_attribute = leaf.set
            for name, value in store["_wire"].items():
                set_attribute(name, value)
            text = store.get("content")
            if text is not None:
                leaf.text = text
        return node

    def _stray(self, child: object) -> None:
        """``children`` is a plain list, so something may have been appended without
        ``add()``: serialize it only if ``add()`` would have taken it."""
        if not (isinstance(child, Element) and child.tag in self._child_tags):
            error = self._misplaced(child)
            raise type(error)(
                f"Response.children holds {child!r}, which was not added with add(): {error}",
                element=error.element,
                value=error.value,
                allowed=error.allowed,
            )

    def to_string(self, pretty: bool = False, *, xml_declaration: bool = False) -> str:
        # the webhook's hot path: one call into lxml, without the generic method's branch
        if xml_declaration:
            return super().to_string(pretty, xml_declaration=True)
        return _tostring(self.to_element(), encoding=str, pretty_print=pretty)

    # The add_* helpers take exactly what their class takes: their signatures are
    # the classes' own (``_adder``), so mypy checks a helper's keywords and types as
    # it checks the class, and no attribute is listed a second time.
    add_conference = _adder(Conference, "add_conference")
    add_multi_party_call = _adder(MultiPartyCall, "add_multi_party_call")
    add_play = _adder(Play, "add_play")
    add_speak = _adder(Speak, "add_speak")
    add_wait = _adder(Wait, "add_wait")
    add_hangup = _adder(Hangup, "add_hangup")
    add_redirect = _adder(Redirect, "add_redirect")

    @property
    def is_sound_document(self) -> bool:
        """True when every child is Play, Speak or Wait (what sound URLs must return)."""
        return all(child.tag in SOUND_CHILDREN for child in self.children)
