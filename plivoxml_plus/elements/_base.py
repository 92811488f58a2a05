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

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, Literal, ParamSpec, TypeVar

import attrs
from lxml import etree

from .._errors import ValidationError
from . import _generated
from ._checks import Check, Refused, shown
from ._init_source import class_path, compile_factory, init_key
from ._init_support import _NOT_GIVEN

if TYPE_CHECKING:  # annotations only: typing_extensions stays off the import path
    from typing_extensions import Self

__all__ = [
    "AttributeSpec", "Element", "adder", "attribute", "child_list", "content", "helper_name", "optional_content",
    "xml_element",
]  # fmt: skip

E = TypeVar("E", bound="Element")
P = ParamSpec("P")

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
    keyword: str = ""  # the constructor's keyword, when not ``name`` (plivo-python's camelCase Stream keywords)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def attribute(
    check: Check[Any],
    *,
    default: Any = None,
    xml: str | None = None,
    level: Level | None = None,
    keyword: str | None = None,
) -> Any:
    """Declare an optional XML attribute.

    ``default`` is the platform default; ``xml`` the exact XML name when it is not
    the camelCase of the Python name (``relay_dtmf`` -> ``relayDTMF``); ``level``
    the MPC level (see :class:`AttributeSpec`); ``keyword`` the constructor's
    keyword when it is not the Python name (plivo-python's ``StreamElement`` takes
    ``audioTrack=``). Attributes are declared in plivo-python's positional order,
    so a call that gives them by position means what it meant there.
    """
    if keyword is None:
        return attrs.field(default=None, metadata={SPEC: (check, default, xml, False, level)})
    return attrs.field(default=None, alias=keyword, metadata={SPEC: (check, default, xml, False, level)})


def content(check: Check[Any]) -> Any:
    """Declare the element's required text content (positional, first)."""
    return attrs.field(metadata={SPEC: (check, None, None, True, None)})


def optional_content(check: Check[Any]) -> Any:
    """Declare text content that may be left out (an SSML container, or a Speak
    made only of SSML elements): None writes no text; text given is checked."""
    return attrs.field(default=None, metadata={SPEC: (check, None, None, False, None)})


def child_list() -> Any:
    """Declare a container's children: a keyword-only ``children=`` after every
    attribute (plivo-python's constructors take none: it adds them with ``add()``
    or the ``add_*`` helpers, as this package does too), compared by ``==``."""
    return attrs.field(factory=list, kw_only=True)


def required(check: Check[Any], *, xml: str | None = None, level: Level | None = None) -> Any:
    """Declare a required XML attribute (positional, after the content)."""
    return attrs.field(metadata={SPEC: (check, None, xml, True, level)})


class Element:
    """Base of every element class. Subclasses are built with :func:`xml_element`."""

    tag: ClassVar[str]
    own_init: ClassVar[bool] = False  # True: the class body's __init__ is kept (Response)
    allowed_children: ClassVar[tuple[str, ...]] = ()  # the elements it may hold in a document
    # the classes written as text into it, not as elements (SSML's Text, plivo-python's Cont)
    text_runs: ClassVar[tuple[str, ...]] = ()
    _holds: ClassVar[tuple[str, ...]] = ()  # both: what add() admits
    _child_tags: ClassVar[frozenset[str]] = frozenset()
    # The element classes (built by xml_element, written by the generic to_element)
    # a container may hold: one set lookup admits a child, and writes it in place.
    _fast_children: ClassVar[set[type[Element]]] = set()
    specs: ClassVar[dict[str, AttributeSpec]]  # Python name -> spec, in schema order
    _by_xml: ClassVar[dict[str, AttributeSpec]]
    _positional: ClassVar[tuple[str, ...]]
    _required: ClassVar[frozenset[str]]
    # name -> (XML name, or None for the content; its check's admit)
    _table: ClassVar[dict[str, tuple[str | None, Callable[[object], tuple[Any, str]]]]]
    _xml_order: ClassVar[tuple[str, ...]]
    _fields: ClassVar[tuple[str, ...]]  # every attrs field's name: what == compares
    _wire: dict[str, str]
    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable, as attrs makes it

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # attrs' define() keeps the __init__ and __eq__ a class defines itself
        # (auto_detect). Giving each element class its own before define() runs spares
        # compiling attrs' versions at import: xml_element installs the generated
        # __init__, and every class compares with _equal. (Each class gets a function
        # object of its own: define() takes one inherited from a base as not its own.)
        super().__init_subclass__(**kwargs)
        if "__init__" not in cls.__dict__:

            def __init__(self: Element, *args: Any, **kwargs: Any) -> None:
                # (a plain subclass of an element class, not finished: its base's __init__)
                super(cls, self).__init__(*args, **kwargs)

            cls.__init__ = __init__  # type: ignore[method-assign,assignment]

        def __eq__(self: Element, other: object) -> bool:
            return self._equal(other)

        cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]

    def _equal(self, other: object) -> bool:
        """``==``, as attrs would write it: the same class, and every field equal (an
        unset attribute reads as None)."""
        if other.__class__ is not self.__class__:
            return NotImplemented  # type: ignore[no-any-return]
        mine, theirs = self.__dict__, other.__dict__
        # (attrs' own compares a tuple of the fields with another's: the same)
        return all(mine.get(name) == theirs.get(name) for name in self._fields)

    # -- construction and change -------------------------------------------------

    # Installed as __setattr__ by xml_element, at run time only: a __setattr__ in the
    # class body would tell mypy that any name and any value may be assigned, and
    # hide from it the typos and wrong types it can catch in users' code.
    def _validated_setattr(self, name: str, value: Any) -> None:
        cls = type(self)
        entry = cls._table.get(name)
        if entry is None:
            if name == "children" and cls._holds:
                self._set_children(value)
                return
            raise cls._unknown(name, "attribute")
        xml, admit = entry
        store = self.__dict__
        if value is None:
            if name in cls._required:
                raise cls._refuse(name, None, "is required")
            store.pop(name, None)
            if xml is not None:
                store["_wire"].pop(xml, None)
                _written_whole(store, xml)
            return
        try:
            value, text = admit(value)
        except Refused as why:
            raise cls._refused(name, value, why) from None
        store[name] = value
        if xml is not None:
            _written_whole(store, xml)
            wire = store["_wire"]
            wire[xml] = text
            if len(wire) > 1:  # keep schema order (rare path: a change after construction)
                store["_wire"] = {x: wire[x] for x in cls._xml_order if x in wire}

    def __delattr__(self, name: str) -> None:
        setattr(self, name, None)

    def __copy__(self) -> Self:
        """``copy.copy``: a shallow copy, as for any object (children are shared), but
        with its own written values: a later change to one never shows in the other's
        document."""
        clone = object.__new__(type(self))
        state = dict(self.__dict__)
        state["_wire"] = dict(state["_wire"])
        if "_fresh" in state:
            state["_fresh"] = dict(state["_fresh"])
        clone.__dict__.update(state)
        return clone

    @classmethod
    def _refused(cls, name: str, value: object, why: Refused) -> ValidationError:
        return cls._refuse(name, value, f"is not allowed; allowed: {why.args[0]}")

    @classmethod
    def _bad_call(cls, first_extra: Any, unknown: dict[str, Any]) -> ValidationError:
        if first_extra is _NOT_GIVEN:
            return cls._unknown(next(iter(unknown)), "keyword")
        takes = ", ".join(cls._positional) or "no arguments"
        return ValidationError(
            f"{cls.__name__}() takes at most {len(cls._positional)} arguments ({takes}), in that order; "
            f"got more, the first extra one: {shown(first_extra)}.",
            element=cls.tag,
            value=first_extra,
            allowed=f"arguments: {takes}",
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
            import difflib  # only for a mistake: off the import path

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
        cls = type(self)
        # the required ones by position (content, role), and optional text content too
        # (always the first argument); the attributes by keyword
        shown = [n for n in cls.specs if n in cls._required or (n == "content" and store.get(n) is not None)]
        parts = [repr(store[n]) for n in shown]
        parts += [f"{cls.specs[n].keyword}={v!r}" for n, v in self.explicit().items() if n not in cls._required]
        if self._holds and store.get("children"):
            parts.append(f"children={store['children']!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    # -- children ------------------------------------------------------------------

    def add(self: E, element: Element) -> E:
        """Append a child element; returns ``self`` so calls chain."""
        if type(element) in self._fast_children or (
            isinstance(element, Element) and element.tag in self._child_tags
        ):
            self.__dict__["children"].append(element)
            return self
        raise type(self)._misplaced(element)

    @classmethod
    def _misplaced(cls, element: object) -> ValidationError:
        allowed = ", ".join(cls._holds) if cls._holds else "no children"
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

    def _set_children(self, value: Any) -> None:
        """``element.children = [...]``: every item checked, as ``add()`` checks it,
        before anything changes."""
        try:
            items = list(value)
        except TypeError:
            raise ValidationError(
                f"<{self.tag}>.children takes an iterable of elements, not {type(value).__name__} ({shown(value)}).",
                element=self.tag,
                attribute="children",
                value=value,
                allowed=", ".join(self._holds),
            ) from None
        for item in items:
            if type(item) not in self._fast_children and not (
                isinstance(item, Element) and item.tag in self._child_tags
            ):
                raise type(self)._misplaced(item)
        self.__dict__["children"] = items

    def iter(self) -> Iterator[Element]:
        """This element and all its descendants, in document order."""
        yield self
        for child in self.__dict__.get("children", ()):
            yield from child.iter()

    # -- serialization -------------------------------------------------------------

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        """This element, and its children, as an lxml element (appended to
        ``parent`` if given)."""
        store = self.__dict__
        if parent is None:
            node = etree.Element(self.tag, store["_wire"])
        else:
            node = etree.SubElement(parent, self.tag, store["_wire"])
        text = store.get("content")
        if text is not None:
            node.text = text
        children = store.get("children")
        if children:
            write_children(self, children, node)
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


_SubElement = etree.SubElement

# Elements written before, with their attributes (no text, no children), by tag and
# attributes: lxml copies one in C for less than it costs to set an attribute
# (~0.45 µs each, measured, lxml 6), and webhook code writes the same few elements
# (a menu, a Dial, an MPC's settings) on every request. lxml still writes
# everything. Kept the second time an element is seen (so an element written once
# costs little more), bounded in count and size; only ever copied (copying is safe
# from any thread, as for Response's empty root).
# (a key: the tag, the attributes' names, their values; None where a new value goes)
_TEMPLATES: dict[tuple[str | None, ...], etree._Element] = {}
_SEEN: set[tuple[str | None, ...]] = set()  # written once
TEMPLATES_MAX = 1024  # elements kept, and elements seen once (then forgotten all at once)
TEMPLATE_LEN = 2048  # the most characters of attribute values an element kept may have


def _seen(key: tuple[str | None, ...], leaf: etree._Element, wire: dict[str, str]) -> None:
    """``leaf`` has just been written with the attributes ``wire`` (nothing else yet):
    the second time, keep a copy of it as the template of ``key``. (The length is
    tested both times: a key with new values' places stands for values of any length.)"""
    if sum(map(len, wire.values())) > TEMPLATE_LEN:
        return
    if key in _SEEN:
        if len(_TEMPLATES) >= TEMPLATES_MAX:
            _TEMPLATES.clear()
        _TEMPLATES[key] = leaf.__copy__()  # type: ignore[attr-defined]
    else:
        if len(_SEEN) >= TEMPLATES_MAX:
            _SEEN.clear()
        _SEEN.add(key)


def _written_whole(store: dict[str, Any], xml: str) -> None:
    """The attribute ``xml`` of the element whose ``__dict__`` is ``store`` changed after
    construction: its value is no longer set on a template's copy (see _fresh_leaf) but
    part of the template's key, as every changed value is. (A new dict: a shallow copy
    of the element shares the one it has.)"""
    fresh = store.get("_fresh")
    if fresh is not None and xml in fresh:
        store["_fresh"] = {other: None for other in fresh if other != xml}


def _fresh_leaf(node: etree._Element, tag: str, wire: dict[str, str], fresh: dict[str, None]) -> etree._Element:
    """The element ``tag`` with the attributes ``wire``, appended to ``node``, when the
    values named in ``fresh`` (``{name: None}``) are new to their checks (a webhook's
    room, callback URL, number). Its other values (flags, methods, a limit, a sound)
    repeat from document to document: a template holding them, and the new ones'
    names in their places, is kept for them, and only the new values are set on a
    copy of it (measured, lxml 6: SubElement spends ~0.6 µs on each attribute, setting
    one on a copy ~0.7 µs, and copying a template costs what creating the element
    does). Setting a value keeps the attribute's place, so the bytes are those of
    SubElement. With fewer than two values that repeat, a template spares nothing
    (the key and the copy cost what SubElement spends on one attribute): SubElement,
    and no cache touched."""
    if len(wire) - len(fresh) < 2:
        return _SubElement(node, tag, wire)
    shape = {**wire, **fresh}  # the new values' places: None
    key = (tag, *shape, *shape.values())
    template = _TEMPLATES.get(key)
    if template is None:
        leaf = _SubElement(node, tag, wire)
        _seen(key, leaf, wire)
        return leaf
    copied: etree._Element = template.__copy__()  # type: ignore[attr-defined]
    node.append(copied)
    for name in fresh:
        copied.set(name, wire[name])
    return copied


def write_children(parent: Element, children: list[Element], node: etree._Element) -> None:
    """Write ``children`` of ``parent`` into its lxml ``node``: a flat loop, with a
    method call only for a child that writes itself otherwise (Cont, a subclass)."""
    fast = parent._fast_children
    for child in children:
        if type(child) in fast:  # one set lookup: an allowed child of the generic kind
            store = child.__dict__
            wire = store["_wire"]
            if not wire:
                leaf = _SubElement(node, child.tag)
            elif "_fresh" in store:  # some values new to their checks: see _fresh_leaf
                leaf = _fresh_leaf(node, child.tag, wire, store["_fresh"])
            else:  # copied from a template (see _TEMPLATES)
                key = (child.tag, *wire, *wire.values())  # (the names say which values are which)
                template = _TEMPLATES.get(key)
                if template is None:
                    leaf = _SubElement(node, child.tag, wire)
                    _seen(key, leaf, wire)
                else:
                    leaf = template.__copy__()  # type: ignore[attr-defined]
                    node.append(leaf)
            text = store.get("content")
            if text is not None:
                leaf.text = text
            grandchildren = store.get("children")
            if grandchildren:
                write_children(child, grandchildren, leaf)
        elif isinstance(child, Element) and child.tag in parent._child_tags:
            child.to_element(node)
        else:  # appended to the list without add()
            raise stray_child(parent, child)


def adder(cls: Callable[P, Element], name: str) -> Callable[Concatenate[E, P], E]:
    """A container's method ``name``: build a ``cls`` from the arguments, add it,
    return the container (so calls chain). Its signature is ``cls``'s own, so mypy
    checks a helper's keywords and types as it checks the class, and no attribute
    is listed a second time."""

    def add(self: E, /, *args: P.args, **kwargs: P.kwargs) -> E:
        return self.add(cls(*args, **kwargs))

    add.__name__ = add.__qualname__ = name
    add.__doc__ = f"Add a {cls.__name__} built from these arguments (those of {cls.__name__}); returns self."
    return add


def helper_name(tag: str) -> str:
    """``GetDigits`` -> ``add_get_digits``, ``say-as`` -> ``add_say_as``: plivo-python's helper names."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z]?[a-z0-9]+", tag.replace("-", "_"))
    return "add_" + "_".join(word.lower() for word in words)


def stray_child(parent: Element, child: object) -> ValidationError:
    """``children`` is a plain list, so something may have been appended to it
    without ``add()``: the error for serializing one that ``add()`` would refuse."""
    error = parent._misplaced(child)
    return type(error)(
        f"{type(parent).__name__}.children holds {shown(child)}, which was not added with add(): {error}",
        element=error.element,
        value=error.value,
        allowed=error.allowed,
    )


def setter_name(name: str) -> str:
    """``set_muted``; DTMF's ``async_`` (``async`` is a Python keyword) has plivo-python's ``set_async``."""
    return f"set_{name.rstrip('_')}"


def _make_setter(name: str) -> Callable[[Any, Any], Any]:
    def setter(self: Any, value: Any) -> Any:
        setattr(self, name, value)
        return self

    setter.__name__ = setter_name(name)
    setter.__doc__ = f"Set ``{name}`` (validated); returns ``self`` so calls chain."
    return setter


def _make_init(cls: type[Element]) -> Callable[..., None]:
    """``cls.__init__``: straight-line code (see _generate.py), made by the factory
    checked in as plain source in _generated.py, so nothing is compiled at import.
    A class changed since the file was written (its key differs) gets the same
    source compiled here instead, so it is never wrong; tests/test_generated_code.py
    fails until ``python -m plivoxml_plus.elements._generate`` rewrites the file."""
    made: tuple[tuple[Any, ...], Callable[[type[Element]], Callable[..., None]]] | None
    made = _generated.INITS.get(class_path(cls))
    fresh = made is not None and made[0] == init_key(cls)
    init: Callable[..., None] = made[1](cls) if fresh else compile_factory(cls)(cls)  # type: ignore[index]
    init.__qualname__ = f"{cls.__name__}.__init__"
    return init


# Every class finished by xml_element; by tag, the first one of each tag.
_FINISHED: list[type[Element]] = []
_BY_TAG: dict[str, type[Element]] = {}


def _register(cls: type[Element]) -> None:
    """Fill in ``cls._fast_children`` (the class of each tag it may hold, unless that
    class writes itself: Cont), and add ``cls`` to those of the containers finished
    before it that may hold it (classes are finished in any order: SSML's nest)."""
    _FINISHED.append(cls)
    plain = _BY_TAG.setdefault(cls.tag, cls) is cls and cls.to_element is Element.to_element
    cls._fast_children = {
        child
        for child in map(_BY_TAG.get, cls.allowed_children)
        if child is not None and child.to_element is Element.to_element
    }
    if plain:
        for container in _FINISHED:
            if cls.tag in container._child_tags:
                container._fast_children.add(cls)


def xml_element(
    tag: str, *, children: tuple[str, ...] = (), text: tuple[str, ...] = ()
) -> Callable[[type[E]], type[E]]:
    """Finish an ``@attrs.define``-d element class (see the module docstring): it may
    hold the elements ``children`` and the text classes ``text`` (mixed content)."""

    def finish(cls: type[E]) -> type[E]:
        specs: dict[str, AttributeSpec] = {}
        for order, field in enumerate(attrs.fields(cls)):  # type: ignore[arg-type]
            if SPEC not in field.metadata:
                continue
            check, default, xml, is_required, level = field.metadata[SPEC]
            # the text content is the field named "content" (plivo-python's keyword)
            is_content = field.name == "content"
            xml_name = None if is_content else (xml or _camel(field.name))
            keyword = field.alias or field.name
            specs[field.name] = AttributeSpec(
                field.name, xml_name, check, default, is_required, order, level, keyword
            )
        cls.tag = tag
        cls.allowed_children = children
        cls.text_runs = text
        cls._holds = (*children, *text)
        cls._child_tags = frozenset(cls._holds)
        cls.specs = specs
        cls._by_xml = {s.xml: s for s in specs.values() if s.xml is not None}
        cls._table = {name: (spec.xml, spec.check.admit) for name, spec in specs.items()}
        cls._xml_order = tuple(spec.xml for spec in specs.values() if spec.xml is not None)
        cls._positional = tuple(spec.keyword for spec in specs.values())
        cls._required = frozenset(n for n, s in specs.items() if s.required)
        cls._fields = tuple(field.name for field in attrs.fields(cls))  # type: ignore[arg-type]
        # A generated __init__ and the validating __setattr__ replace attrs' own (see
        # the module docstring); unset attributes read as None from the class.
        # Response, which takes its children as its argument, keeps the __init__
        # written in its body.
        if not cls.__dict__.get("own_init", False):
            cls.__init__ = _make_init(cls)  # type: ignore[method-assign]
        cls.__setattr__ = cls._validated_setattr  # type: ignore[assignment]
        for name, spec in specs.items():
            if not spec.required:
                setattr(cls, name, None)
            setattr(cls, setter_name(name), _make_setter(name))
        _register(cls)
        return cls

    return finish
