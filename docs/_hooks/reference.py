"""MkDocs hook: the element reference and the API reference, generated at build time.

The element reference is read from ``schemas/plivoxml.xsd`` (the contract), one
page per element: each attribute's XML name, type, default, range or enumeration
and documentation come from the XSD; its Python name and MPC level from the
element class; the SDK spellings read with a warning from
``plivoxml_plus/elements/_spellings.py``; the examples are the valid documents
shipped in ``examples/`` and written in ``docs/``, so no example can be invalid.
The API reference lists the names of ``plivoxml_plus.__all__``, and only those.
Nothing here is written twice: a change to the XSD, a class or ``__all__`` changes
the site (tests/test_docs_site.py builds it and checks every element and attribute).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import plivoxml_plus
from plivoxml_plus import Element, schema_path, validate
from plivoxml_plus.elements import ELEMENT_CLASSES, AttributeSpec
from plivoxml_plus.elements._spellings import SPELLINGS

XS = "{http://www.w3.org/2001/XMLSchema}"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
ROOT = Path(__file__).resolve().parents[2]
ELEMENTS_DIR = "reference/elements"
API_PAGE = "reference/api.md"
NAV_TITLE = "Element reference"
# where the example documents are found (relative to the repository)
EXAMPLE_SOURCES = ("examples/**/*.xml", "examples/**/*.toml", "examples/**/*.py", "docs/*.md")
EXAMPLES_PER_ELEMENT = 3


class Attribute(NamedTuple):
    xml: str
    type: str  # the type as the reader should see it (a named type, or the built-in base)
    allowed: str  # range, enumeration, length or pattern
    default: str | None
    required: bool
    doc: str


class Declaration(NamedTuple):
    tag: str
    doc: str
    text: str | None  # what the element's text may be; None when it takes none
    attributes: list[Attribute]
    children: list[str]


# -- reading the XSD -------------------------------------------------------------


def _doc(node: etree._Element) -> str:
    text = node.findtext(f"{XS}annotation/{XS}documentation")
    return " ".join(text.split()) if text else ""


class _Schema:
    def __init__(self, path: Path) -> None:
        self.root = etree.parse(str(path)).getroot()
        self.simple = {n.get("name"): n for n in self.root.iter(f"{XS}simpleType") if n.get("name")}
        self.complex = {n.get("name"): n for n in self.root.iter(f"{XS}complexType") if n.get("name")}

    def declarations(self) -> dict[str, Declaration]:
        """Every element of the nesting, from ``Response`` down, by tag."""
        found: dict[str, Declaration] = {}
        todo = list(self.root.iterchildren(f"{XS}element"))
        while todo:
            node = todo.pop(0)
            tag = node.get("name")
            if tag is None or tag in found:
                continue
            complex_type = self.complex.get(node.get("type", ""))
            if complex_type is None:
                complex_type = node.find(f"{XS}complexType")
            if complex_type is None:
                raise ValueError(f"plivoxml.xsd: <{tag}> has no complex type the reference can read")
            found[tag] = self._declaration(tag, node, complex_type)
            todo.extend(complex_type.iter(f"{XS}element"))
        return found

    def _declaration(self, tag: str, node: etree._Element, complex_type: etree._Element) -> Declaration:
        text = None
        extension = complex_type.find(f"{XS}simpleContent/{XS}extension")
        if extension is not None:
            kind, allowed = self.describe(extension.get("base", ""))
            text = f"`{kind}`" + (f": {allowed}" if allowed else "")
        elif complex_type.get("mixed") == "true":
            text = "text between the child elements (mixed content)"
        children = sorted({e.get("name", "") for e in complex_type.iter(f"{XS}element")})
        return Declaration(
            tag=tag,
            doc=_doc(node) or _doc(complex_type),
            text=text,
            attributes=[self._attribute(a) for a in complex_type.iter(f"{XS}attribute")],
            children=children,
        )

    def _attribute(self, node: etree._Element) -> Attribute:
        name = node.get("name") or node.get("ref") or ""
        inline = node.find(f"{XS}simpleType")
        if inline is not None:
            kind, allowed = self._restriction(inline)
        elif node.get("ref") == "xml:lang":
            kind, allowed = "xs:language", "a language tag (xml.xsd)"
        else:
            kind, allowed = self.describe(node.get("type", "xs:string"))
        return Attribute(
            xml=name,
            type=kind,
            allowed=allowed,
            default=node.get("default"),
            required=node.get("use") == "required",
            doc=_doc(node),
        )

    def describe(self, type_name: str) -> tuple[str, str]:
        """(the type's name, what it allows) for a named or built-in type."""
        node = self.simple.get(type_name)
        if node is None:  # a built-in type
            return type_name, ""
        _, allowed = self._restriction(node)
        doc = _doc(node)
        return type_name, " ".join(part for part in (doc, allowed if not doc else "") if part)

    def _restriction(self, simple_type: etree._Element) -> tuple[str, str]:
        union = simple_type.find(f"{XS}union")
        if union is not None:
            members = [self.describe(m) for m in union.get("memberTypes", "").split()]
            return "union", " or ".join(f"{allowed or name}" for name, allowed in members)
        restriction = simple_type.find(f"{XS}restriction")
        if restriction is None:
            raise ValueError("plivoxml.xsd: a simple type that is neither a restriction nor a union")
        base = restriction.get("base", "")
        facets: dict[str, list[str]] = {}
        for facet in restriction:
            kind, value = facet.tag, facet.get("value")
            if isinstance(kind, str) and kind.startswith(XS) and value is not None:
                facets.setdefault(kind[len(XS) :], []).append(value)
        parts = []
        if "enumeration" in facets:
            parts.append("one of " + ", ".join(f"`{v}`" if v else '`""`' for v in facets["enumeration"]))
        low, high = facets.get("minInclusive", [None])[0], facets.get("maxInclusive", [None])[0]
        if low is not None and high is not None:
            parts.append(f"from {low} to {high}")
        elif low is not None:
            parts.append(f"at least {low}")
        elif high is not None:
            parts.append(f"at most {high}")
        for length, words in (("length", "exactly"), ("minLength", "at least"), ("maxLength", "at most")):
            if length in facets:
                parts.append(f"{words} {facets[length][0]} characters")
        if "pattern" in facets:
            parts.append("matching " + " or ".join(f"`{p}`" for p in facets["pattern"]))
        if base in self.simple:  # a restriction of a named type: what that allows too
            parts.append(self.describe(base)[1])
        return base, "; ".join(p for p in parts if p)


# -- examples ------------------------------------------------------------------------


def _documents(top_level: list[str]) -> Iterator[tuple[str, etree._Element]]:
    """(source path, root) of every answer document, valid with no warning, written
    in the example files and the docs' own pages; an element a Response may hold,
    written on its own (``<Speak>...</Speak>``), counts as the Response of it."""
    seen: set[str] = set()
    for pattern in EXAMPLE_SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            for tag in ["Response", *top_level]:
                # from each <tag to the next </tag>: a start in prose (`<Response>`) gives
                # an invalid candidate, skipped, and the document after it is still found
                for start in (m.start() for m in re.finditer(rf"<{tag}[\s>]", text)):
                    end = text.find(f"</{tag}>", start)
                    if end < 0:
                        break
                    document = text[start : end + len(f"</{tag}>")]
                    if tag != "Response":
                        document = f"<Response>{document}</Response>"
                    # valid and written as Plivo documents it: no SDK spelling, no warning
                    if document in seen or validate(document).problems:
                        continue
                    seen.add(document)
                    yield path.relative_to(ROOT).as_posix(), etree.fromstring(document)


def _examples(top_level: list[str]) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for source, root in _documents(top_level):
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            snippet = etree.tostring(node, encoding="unicode", with_tail=False)
            examples = found.setdefault(node.tag, [])
            if snippet not in (s for _, s in examples):
                examples.append((source, snippet))
    # the shortest first: each one shows the element, not a whole call flow
    return {tag: sorted(e, key=lambda pair: len(pair[1]))[:EXAMPLES_PER_ELEMENT] for tag, e in found.items()}


# -- pages -------------------------------------------------------------------------


def page_name(tag: str) -> str:
    return f"{tag}.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _xsd_name(xml: str | None) -> str | None:
    # the class names xml:lang by its namespace ({...}lang); the XSD by its prefix
    if xml is None or not xml.startswith("{"):
        return xml
    name = etree.QName(xml)
    return f"xml:{name.localname}" if name.namespace == XML_NAMESPACE else xml


def _python_names(cls: type[Element] | None) -> dict[str | None, AttributeSpec]:
    return {} if cls is None else {_xsd_name(spec.xml): spec for spec in cls.specs.values()}


def _attribute_sections(tag: str, attributes: list[Attribute], specs: dict[str | None, AttributeSpec]) -> list[str]:
    """A table to scan (XML name, Python name, default, level), then one section per
    attribute: its type, what it allows, the SDKs' variants and what it does."""
    with_level = any(spec.level for spec in specs.values())
    lines = ["## Attributes", ""]
    lines.append("| XML name | Python name | default |" + (" level |" if with_level else ""))
    lines.append("|---|---|---|" + ("---|" if with_level else ""))
    sections: list[str] = []
    for attribute in attributes:
        spec = specs.get(attribute.xml)
        python = f"`{spec.name}`" if spec is not None else ""
        if spec is not None and spec.keyword != spec.name:
            python += f" (keyword `{spec.keyword}`)"
        if attribute.required:
            default = "required"
        elif attribute.default is None:
            default = "none"
        else:
            default = f'`"{attribute.default}"`'
        level = (spec.level or "") if spec is not None else ""
        anchor = attribute.xml.replace(":", "-").lower()
        cells = [f"[`{attribute.xml}`](#{anchor})", python, default] + ([level] if with_level else [])
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        variants = [
            f"`{s.written}` ({s.who})" for s in SPELLINGS.values() if s.element == tag and s.documented == attribute.xml
        ]
        sections += [f"### `{attribute.xml}` {{#{anchor}}}", "", attribute.doc, ""]
        sections += [f"- Python: {python}" if python else "- Python: none", f"- type: `{attribute.type}`"]
        if attribute.allowed:
            sections.append(f"- allowed: {attribute.allowed}")
        sections.append(f"- default: {default}")
        if level:
            sections.append(f"- level: `{level}`")
        if variants:
            sections.append("- also written (read with a warning): " + "; ".join(variants))
        sections.append("")
    lines.append("")
    if with_level:
        lines += [
            "Level `mpc`: the attribute configures the MultiPartyCall, and the first participant's "
            "value applies; `participant`: it applies to this participant only.",
            "",
        ]
    return lines + sections


def element_page(declaration: Declaration, examples: list[tuple[str, str]]) -> str:
    tag = declaration.tag
    cls = ELEMENT_CLASSES.get(tag)
    specs = _python_names(cls)
    lines = [f"# `<{tag}>`", "", declaration.doc, ""]
    if cls is not None and cls.__name__ in plivoxml_plus.__all__:
        lines += [f"Python class: [`plivoxml_plus.{cls.__name__}`](../api.md#{cls.__name__.lower()})", ""]
    elif cls is not None:
        lines += [f"Python class: `{cls.__module__}.{cls.__qualname__}`", ""]
    if declaration.text is not None:
        content = specs.get(None)
        name = f" (Python `{content.name}`)" if content is not None else ""
        lines += [f"**Text**{name}: {declaration.text}", ""]
    if declaration.children:
        links = ", ".join(f"[`<{c}>`]({page_name(c)})" for c in declaration.children)
        lines += [f"**Children**, in any order and number: {links}", ""]
    if declaration.attributes:
        lines += _attribute_sections(tag, declaration.attributes, specs)
    undocumented = [s for s in SPELLINGS.values() if s.element == tag and s.documented is None]
    if undocumented:
        lines += ["## Written by an SDK, not documented by Plivo", ""]
        lines += ["Read with a warning and left out of the parsed element:", ""]
        lines += [f"- `{s.written}`: written by {s.who}" for s in undocumented]
        lines.append("")
    lines += ["## Examples", ""]
    if not examples:
        lines += ["No shipped example holds this element yet.", ""]
    for source, snippet in examples:
        lines += [f"From `{source}`:", "", "```xml", snippet, "```", ""]
    return "\n".join(lines)


def index_page(declarations: dict[str, Declaration]) -> str:
    lines = [
        "# Element reference",
        "",
        "Generated from `schemas/plivoxml.xsd`, the contract, when the site is built: it cannot "
        "disagree with the XSD, and the tests prove that the XSD and the element classes agree "
        "(`tests/test_schema_agreement.py`). The [element classes guide](../../elements.md) shows "
        "how to build them in Python.",
        "",
        "| element | what it is |",
        "|---|---|",
    ]
    lines += [f"| [`<{tag}>`]({page_name(tag)}) | {_cell(d.doc)} |" for tag, d in declarations.items()]
    return "\n".join(lines) + "\n"


def api_page() -> str:
    lines = [
        "# API reference",
        "",
        "The public names of `plivoxml_plus` (its `__all__`), from their docstrings. "
        "Anything else is private and may change.",
        "",
    ]
    for name in sorted(plivoxml_plus.__all__, key=str.lower):
        lines += [f"## `{name}`", "", f"::: plivoxml_plus.{name}", "    options:", "      show_root_heading: false", ""]
    return "\n".join(lines)


# -- the hooks ------------------------------------------------------------------


def _declarations() -> dict[str, Declaration]:
    return _Schema(schema_path("answer")).declarations()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # the nav's element reference entry becomes a section listing every element
    tags = sorted(_declarations(), key=str.lower)
    nav: list[Any] = config.nav or []
    for section in nav:
        if not isinstance(section, dict):
            continue
        for entries in section.values():
            if not isinstance(entries, list):
                continue
            for i, entry in enumerate(entries):
                if isinstance(entry, dict) and entry.get(NAV_TITLE) == f"{ELEMENTS_DIR}/index.md":
                    pages: list[Any] = [f"{ELEMENTS_DIR}/index.md"]
                    pages += [{tag: f"{ELEMENTS_DIR}/{page_name(tag)}"} for tag in tags]
                    entries[i] = {NAV_TITLE: pages}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    declarations = _declarations()
    examples = _examples(declarations["Response"].children)
    files.append(File.generated(config, f"{ELEMENTS_DIR}/index.md", content=index_page(declarations)))
    for tag, declaration in declarations.items():
        page = element_page(declaration, examples.get(tag, []))
        files.append(File.generated(config, f"{ELEMENTS_DIR}/{page_name(tag)}", content=page))
    files.append(File.generated(config, API_PAGE, content=api_page()))
    return files
