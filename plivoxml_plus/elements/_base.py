"""What every element class shares: declaring attributes, validating, serializing.

An element class is an attrs class (``attrs.fields`` lists its attributes, each
field's metadata holds its :class:`AttributeSpec`, ``==`` compares values, mypy
sees the typed constructor). :func:`xml_element` then finishes it for the hot
path of a webhook handler:

* ``__init__`` validates and stores only the values actually given; an unset
  attribute reads as ``None`` from the class and is not written (the platform
  default applies). attrs' own generated ``__init__`` would call one validator per
  declared field: 39 calls for a ``<MultiPartyCall>``, more than the whole lxml
  serialization costs.
* each value's wire string is computed once, when the value is set, and kept in
  schema order, so serialization does no per-value work beyond handing lxml the
  strings.
* ``__setattr__`` validates every later change the same way, and refuses unknown
  names (with the closest valid one), so nothing invalid can be serialized.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Literal, TypeVar

import attrs
from lxml import etree

from .._errors import ValidationError
from ._checks import Check, Refused, shown

__all__ = ["AttributeSpec", "Element", "attribute", "content", "xml_element"]

E = TypeVar("E", bound="Element")

SPEC = "plivoxml_plus.spec"  # key of an AttributeSpec in an attrs field's metadata

Level = Literal["mpc", "participant"]


@attrs.frozen
class AttributeSpec:
    """One attribute (or the text content) of an element: its single source of truth.

    ``default`` is the platform's default (what applies when the attribute is not
    written), not a value the object stores. ``level`` says, for a
    ``<MultiPartyCall>`` attribute, whether it configures the MPC (``"mpc"``: the
    first participant's value applies) or only this participant
    (``"participant"``); None for other elements.
    """

    name: str
    xml: str | None  # None for the text content
    check: Check[Any]
    default: Any = None
    required: bool = False
    order: int = 0
    level: Level | None = None


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def attribute(check: Check[Any], *, default: Any = None, xml: str | None = None, level: Level | None = None) -> Any:
    """Declare an optional XML attribute.

    ``default`` is the platform default; ``xml`` the exact XML name when it is not
    the camelCase of the Python name (``relay_dtmf`` -> ``relayDTMF``); ``level``
    the MPC level (see :class:`AttributeSpec`).
    """
    # keyword-only: plivo-python's positional order differs from the schema order
    # used here, so a positional attribute could silently land on another one
    return attrs.field(default=None, kw_only=True, metadata={SPEC: (check, default, xml, False, level)})


def content(check: Check[Any]) -> Any:
    """Declare the element's required text content (positional, first)."""
    return attrs.field(metadata={SPEC: (check, None, None, True, None)})


def required(check: Check[Any], *, xml: str | None = None, level: Level | None = None) -> Any:
    """Declare a required XML attribute (positional, after the content)."""
    return attrs.field(metadata={SPEC: (check, None, xml, True, level)})


class Element:
    """Base of every element class. Subclasses are built with :func:`xml_element`."""

    tag: ClassVar[str]
    allowed_children: ClassVar[tuple[str, ...]] = ()
    _child_tags: ClassVar[frozenset[str]] = frozenset()
    specs: ClassVar[dict[str, AttributeSpec]]  # Python name -> spec, in schema order
    _by_xml: ClassVar[dict[str, AttributeSpec]]
    _positional: ClassVar[tuple[str, ...]]
    _required: ClassVar[frozenset[str]]
    # name -> (XML name, or None for the content; its check's admit)
    _table: ClassVar[dict[str, tuple[str | None, Callable[[object], tuple[Any, str]]]]]
    _xml_order: ClassVar[tuple[str, ...]]
    _wire: dict[str, str]

    # -- construction and change -------------------------------------------------

    # Installed as __setattr__ by xml_element, at run time only: a __setattr__ in the
    # class body would tell mypy that any name and any value may be assigned, and
    # hide from it the typos and wrong types it can catch in users' code.
    def _validated_setattr(self, name: str, value: Any) -> None:
        cls = type(self)
        entry = cls._table.get(name)
        if entry is None:
            raise cls._unknown(name, "attribute")
        xml, admit = entry
        store = self.__dict__
        if value is None:
            if name in cls._required:
                raise cls._refuse(name, None, "is required")
            store.pop(name, None)
            if xml is not None:
                store["_wire"].pop(xml, None)
            return
        try:
            value, text = admit(value)
        except Refused as why:
            raise cls._refused(name, value, why) from None
        store[name] = value
        if xml is not None:
            wire = store["_wire"]
            wire[xml] = text
            if len(wire) > 1:  # keep schema order (rare path: a change after construction)
                store["_wire"] = {x: wire[x] for x in cls._xml_order if x in wire}

    def __delattr__(self, name: str) -> None:
        setattr(self, name, None)

    @classmethod
    def _refused(cls, name: str, value: object, why: Refused) -> ValidationError:
        return cls._refuse(name, value, f"is not allowed; allowed: {why.args[0]}")

    @classmethod
    def _bad_call(cls, first_extra: Any, unknown: dict[str, Any]) -> ValidationError:
        if first_extra is _NOT_GIVEN:
            return cls._unknown(next(iter(unknown)), "keyword")
        takes = ", ".join(cls._positional) or "no arguments"
        names = ", ".join(n for n in cls.specs if n not in cls._required)
        return ValidationError(
            f"{cls.__name__}() takes {takes} by position; got more positional arguments, "
            f"the first: {shown(first_extra)}. Give attributes by keyword ({names}).",
            element=cls.tag,
            value=first_extra,
            allowed=f"keywords: {names}",
        )

    @classmethod
    def _refuse(cls, name: str, value: object, problem: str) -> ValidationError:
        spec = cls.specs[name]
        if spec.xml is None:
            where = f"<{cls.tag}> content ({spec.name})"
        else:
            where = f"<{cls.tag}> attribute {spec.name} (XML {spec.xml})"
        given = "" if value is None else f" = {shown(value)}"
        return ValidationError(
            f"{where}{given} {problem}.",
            element=cls.tag,
            attribute=spec.name,
            xml_attribute=spec.xml,
            value=value,
            allowed=spec.check.allowed,
        )

    @classmethod
    def _unknown(cls, name: str, kind: str) -> ValidationError:
        known = list(cls.specs)
        spec = cls._by_xml.get(name)
        if spec is not None:
            hint = f" Did you mean {spec.name!r}? (Python names are snake_case; {name!r} is its XML name.)"
        else:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f" Did you mean {close[0]!r}?" if close else ""
        valid = f"Valid names: {', '.join(known)}." if known else f"<{cls.tag}> takes no attributes."
        return ValidationError(
            f"<{cls.tag}> has no {kind} {name!r}.{hint} {valid}",
            element=cls.tag,
            attribute=name,
        )

    # -- reading -------------------------------------------------------------------

    def effective(self, name: str) -> Any:
        """The value that applies on the platform: the one set, else the default."""
        spec = type(self).specs.get(name)
        if spec is None:
            raise type(self)._unknown(name, "attribute")
        value = self.__dict__.get(name)
        return spec.default if value is None else value

    def explicit(self) -> dict[str, Any]:
        """The attributes that were set, by Python name, in schema order."""
        store = self.__dict__
        return {name: store[name] for name, spec in type(self).specs.items() if spec.xml is not None and name in store}

    def xml_attributes(self) -> dict[str, str]:
        """The XML attributes that will be written, as strings, in schema order."""
        return dict(self._wire)

    def effective_xml_attributes(self) -> dict[str, str]:
        """Every XML attribute that applies on the platform, as strings in schema order:
        those written, plus the platform default of each other one that has a default.
        Two elements that make the platform do the same thing give equal dicts, whether
        or not one of them writes its defaults out (as plivo-python does)."""
        store = self.__dict__
        return {
            spec.xml: spec.check.to_wire(store.get(name, spec.default))
            for name, spec in type(self).specs.items()
            if spec.xml is not None and (name in store or spec.default is not None)
        }

    def __repr__(self) -> str:
        store = self.__dict__
        parts = [repr(store[n]) for n in type(self)._positional if n in store]
        parts += [f"{n}={v!r}" for n, v in self.explicit().items() if n not in type(self)._positional]
        if self.allowed_children and store.get("children"):
            parts.append(f"children={store['children']!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    # -- children ------------------------------------------------------------------

    def add(self: E, element: Element) -> E:
        """Append a child element; returns ``self`` so calls chain."""
        if isinstance(element, Element) and element.tag in self._child_tags:
            self.__dict__["children"].append(element)
            return self
        raise type(self)._misplaced(element)

    @classmethod
    def _misplaced(cls, element: object) -> ValidationError:
        allowed = ", ".join(cls.allowed_children) if cls.allowed_children else "no children"
        if not isinstance(element, Element):
            return ValidationError(
                f"<{cls.tag}>.add() takes an element object such as Conference(...), "
                f"not {type(element).__name__} ({shown(element)}).",
                element=cls.tag,
                value=element,
                allowed=allowed,
            )
        return ValidationError(
            f"<{element.tag}> cannot be nested in <{cls.tag}>; allowed: {allowed}.",
            element=cls.tag,
            value=element.tag,
            allowed=allowed,
        )

    def iter(self) -> Iterator[Element]:
        """This element and all its descendants, in document order."""
        yield self
        for child in self.__dict__.get("children", ()):
            yield from child.iter()

    # -- serialization -------------------------------------------------------------

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        """This element as an lxml element (appended to ``parent`` if given).
        (A leaf element's; Response, the one container, has its own.)"""
        store = self.__dict__
        if parent is None:
            node = etree.Element(self.tag, store["_wire"])
        else:
            node = etree.SubElement(parent, self.tag, store["_wire"])
        text = store.get("content")
        if text is not None:
            node.text = text
        return node

    def to_string(self, pretty: bool = False, *, xml_declaration: bool = False) -> str:
        """The document as a str. ``pretty`` indents it; ``xml_declaration`` adds
        ``<?xml version='1.0' encoding='UTF-8'?>``."""
        if xml_declaration:
            return self.to_bytes(pretty, xml_declaration=True).decode("utf-8")
        return etree.tostring(self.to_element(), encoding="unicode", pretty_print=pretty)

    def to_bytes(self, pretty: bool = False, *, xml_declaration: bool = False) -> bytes:
        """The document as UTF-8 bytes."""
        return etree.tostring(self.to_element(), encoding="UTF-8", pretty_print=pretty, xml_declaration=xml_declaration)

    def __str__(self) -> str:
        return self.to_string()


def _make_setter(name: str) -> Callable[[Any, Any], Any]:
    def setter(self: Any, value: Any) -> Any:
        setattr(self, name, value)
        return self

    setter.__name__ = f"set_{name}"
    setter.__doc__ = f"Set ``{name}`` (validated); returns ``self`` so calls chain."
    return setter


_REQUIRED: Any = type("_Required", (), {"__repr__": lambda self: "<required>"})()
_NOT_GIVEN: Any = type("_NotGiven", (), {"__repr__": lambda self: "<not given>"})()


def _make_init(cls: type[Element]) -> Callable[..., None]:
    """Generate ``cls.__init__`` as straight-line code, as attrs does.

    One ``if name is not None`` per attribute and one ``admit`` call per value
    given: validating is then cheaper than lxml's own work on the same document.
    Parameters keep the attrs field order, so the signature mypy sees (from the
    attrs plugin) is the one that runs; attributes are written in schema order.
    Only the required ones (content, role) may be given by position, as the attrs
    fields declare (the others are kw_only). They are not keyword-only parameters
    here, though: CPython fills keyword-only defaults by a dict lookup each, which
    made a ``MultiPartyCall()`` 0.3 µs slower. A guard parameter after the required
    ones catches any further positional argument instead.
    """
    namespace: dict[str, Any] = {
        "_Refused": Refused, "_REQUIRED": _REQUIRED, "_NOT_GIVEN": _NOT_GIVEN, "_cls": cls,
    }  # fmt: skip
    params: list[str] = []  # the required ones (content, role): positional
    keywords: list[str] = ["_by_position=_NOT_GIVEN"]  # then the guard, then every other attribute
    body = ["    _store = self.__dict__", "    _wire = {}"]
    for name, spec in cls.specs.items():
        admit = f"_admit_{name}"
        namespace[admit] = spec.check.admit
        target = f"_store[{name!r}], _wire[{spec.xml!r}]" if spec.xml else f"_store[{name!r}], _"
        if spec.required:
            params.append(f"{name}=_REQUIRED")
            body += [
                f"    if {name} is _REQUIRED or {name} is None:",
                f"        raise _cls._refuse({name!r}, None, 'is required')",
                "    try:",
                f"        {target} = {admit}({name})",
                "    except _Refused as why:",
                f"        raise _cls._refused({name!r}, {name}, why) from None",
            ]
        else:
            keywords.append(f"{name}=None")
            body += [
                f"    if {name} is not None:",
                "        try:",
                f"            {target} = {admit}({name})",
                "        except _Refused as why:",
                f"            raise _cls._refused({name!r}, {name}, why) from None",
            ]
    body.append("    _store['_wire'] = _wire")
    # No *args catch-all: like keyword-only parameters it takes CPython off its fast
    # path for binding keywords (measured: 0.25 µs a call); the guard suffices.
    signature = ", ".join(["self", *params, *keywords, "**_unknown"])
    source = (
        f"def __init__({signature}):\n"
        "    if _by_position is not _NOT_GIVEN or _unknown:\n"
        "        raise _cls._bad_call(_by_position, _unknown)\n" + "\n".join(body) + "\n"
    )
    exec(compile(source, f"<plivoxml_plus generated {cls.__name__}.__init__>", "exec"), namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__name__}.__init__"
    return init


def xml_element(tag: str, *, children: tuple[str, ...] = ()) -> Callable[[type[E]], type[E]]:
    """Finish an ``@attrs.define``-d element class (see the module docstring)."""

    def finish(cls: type[E]) -> type[E]:
        specs: dict[str, AttributeSpec] = {}
        for order, field in enumerate(attrs.fields(cls)):  # type: ignore[arg-type]
            if SPEC not in field.metadata:
                continue
            check, default, xml, is_required, level = field.metadata[SPEC]
            # the text content is the field named "content" (plivo-python's keyword)
            is_content = field.name == "content"
            xml_name = None if is_content else (xml or _camel(field.name))
            specs[field.name] = AttributeSpec(field.name, xml_name, check, default, is_required, order, level)
        cls.tag = tag
        cls.allowed_children = children
        cls._child_tags = frozenset(children)
        cls.specs = specs
        cls._by_xml = {s.xml: s for s in specs.values() if s.xml is not None}
        cls._table = {name: (spec.xml, spec.check.admit) for name, spec in specs.items()}
        cls._xml_order = tuple(spec.xml for spec in specs.values() if spec.xml is not None)
        cls._positional = tuple(n for n, s in specs.items() if s.required)
        cls._required = frozenset(cls._positional)
        # A generated __init__ and the validating __setattr__ replace attrs' own (see
        # the module docstring); unset attributes read as None from the class. A
        # container (Response) keeps the __init__ written in its body, and its own
        # _validated_setattr.
        if not children:
            cls.__init__ = _make_init(cls)  # type: ignore[method-assign]
        cls.__setattr__ = cls._validated_setattr  # type: ignore[assignment]
        for name, spec in specs.items():
            if not spec.required:
                setattr(cls, name, None)
            setattr(cls, f"set_{name}", _make_setter(name))
        return cls

    return finish
