"""``<Response>``: the root of every document a webhook returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs
from lxml import etree
from typing_extensions import Self

from ._base import Element, xml_element
from .companions import Hangup, Play, Redirect, Speak, Wait
from .conference import Conference
from .multiparty import MultiPartyCall

__all__ = ["ANSWER_CHILDREN", "SOUND_CHILDREN", "Response"]

ANSWER_CHILDREN = ("Conference", "MultiPartyCall", "Play", "Speak", "Wait", "Hangup", "Redirect")
# What a waitSound, enter/exitSound, wait-music or hold-music URL may return.
SOUND_CHILDREN = ("Play", "Speak", "Wait")


_copy_empty_root: Callable[[], etree._Element] = etree.Element("Response").__copy__  # type: ignore[attr-defined]
_CHILD_CLASSES = frozenset((Conference, MultiPartyCall, Play, Speak, Wait, Hangup, Redirect))


@xml_element("Response", children=ANSWER_CHILDREN)
@attrs.define(slots=False, repr=False)
class Response(Element):
    """The document root. Add children with :meth:`add` or the ``add_*`` helpers,
    which build the child from the same keywords as its class and return ``self``."""

    children: list[Element] = attrs.field(factory=list)

    def __init__(self, children: Iterable[Element] = ()) -> None:
        store = self.__dict__
        store["_wire"] = {}
        store["children"] = []
        for child in children:
            self.add(child)

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "children":
            raise type(self)._unknown(name, "attribute")
        self.__dict__["children"] = []
        for child in value:
            self.add(child)

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
            store = child.__dict__
            leaf = sub(node, child.tag, store["_wire"])
            text = store.get("content")
            if text is not None:
                leaf.text = text
        return node

    def add_conference(self, content: str, **attributes: Any) -> Self:
        return self.add(Conference(content, **attributes))

    def add_multi_party_call(self, content: str, role: str, **attributes: Any) -> Self:
        return self.add(MultiPartyCall(content, role, **attributes))

    def add_play(self, content: str, **attributes: Any) -> Self:
        return self.add(Play(content, **attributes))

    def add_speak(self, content: str, **attributes: Any) -> Self:
        return self.add(Speak(content, **attributes))

    def add_wait(self, **attributes: Any) -> Self:
        return self.add(Wait(**attributes))

    def add_hangup(self, **attributes: Any) -> Self:
        return self.add(Hangup(**attributes))

    def add_redirect(self, content: str, **attributes: Any) -> Self:
        return self.add(Redirect(content, **attributes))

    @property
    def is_sound_document(self) -> bool:
        """True when every child is Play, Speak or Wait (what sound URLs must return)."""
        return all(child.tag in SOUND_CHILDREN for child in self.children)
