"""``validate``: the verdict of the XSD on a document, fast when it is valid.

The compiled schemas are lxml ``XMLSchema`` objects, loaded on first use and kept
per thread (an ``XMLSchema`` keeps the error log of its last run, so one shared
between threads could report another thread's errors). A valid document costs
one libxml2 validation; anything else goes to the review (``_review.py``), which
finds every problem. The review, and the element classes it describes problems
with, load on first need: a run of valid documents never loads them.
"""

from __future__ import annotations

from _thread import _local

from lxml import etree

from ._cross import has_findings, may_have_findings
from ._location import KINDS, Kind, check_kind, schema_file
from ._read import _PROLOG_SECOND, MAX_BYTES, Loaded, Source, load, parser
from ._result import Problem, ValidationResult
from ._wide import NEVER_WIDE, SLICE, WIDE_ELEMENTS

__all__ = ["check_loaded", "compiled", "validate"]


class _PerThread(_local):  # (threading.local, without loading the threading module)
    def __init__(self) -> None:
        self.schemas: dict[str, etree.XMLSchema] = {}
        self.parser = parser()  # (the reader's, of this thread: validate()'s fast path parses itself)


_per_thread = _PerThread()
# first bytes of a document whose encoding writes ASCII as itself: "<", a UTF-8
# byte-order mark, XML whitespace (not UTF-16/32, EBCDIC...)
_ASCII_FIRST = (b"<", b"\xef", b" ", b"\t", b"\n", b"\r")
_VALID = {kind: ValidationResult(kind) for kind in KINDS}  # (frozen: one shared instance per kind)


def compiled(kind: Kind) -> etree.XMLSchema:
    """The XSD for ``kind`` documents, compiled once per thread."""
    schema = _per_thread.schemas.get(kind)
    if schema is None:
        # (file=: libxml2 reads the file itself, where a parsed tree would be copied first: a
        # quarter of the compile, which a one-file run of plivoxml-plus validate pays)
        schema = _per_thread.schemas[kind] = etree.XMLSchema(file=schema_file(kind))
    return schema


def _has_namespaced_attribute(root: etree._Element) -> bool:
    return any(name[0] == "{" for node in root.iter("*") for name in node.attrib)


def _may_be_wide(root: etree._Element, data: bytes | None) -> bool:
    """Whether an element of ``root`` may have more than :data:`SLICE` children.

    An element with that many children takes a "<" for itself and one each; a
    document with fewer, in an encoding that writes "<" as the byte 0x3C (an
    early "<" says so), has none: a webhook answer is told so by its size, or
    else a byte count, with no walk of its tree."""
    if data is not None and data.find(b"<", 0, 8) >= 0 and _few_tags(data):
        return False
    return bool(WIDE_ELEMENTS(root))


def _few_tags(data: bytes) -> bool:
    """Whether ``data``, which writes "<" as the byte 0x3C, holds too few tags for any
    element to have more than :data:`SLICE` children (most are told by their size)."""
    return len(data) < NEVER_WIDE or data.count(b"<") <= SLICE + 1


def _nothing_more(root: etree._Element, data: bytes | None) -> bool:
    """Whether ``root``, which the XSD accepts, is valid as it is: no namespaced
    attribute, and no rule between elements (``_cross.py``), which the XSD cannot
    state, broken.

    The XSD lets xsi: attributes stand anywhere; Plivo XML takes no namespaced
    attribute. One gets a namespace only through a prefix declared by
    "xmlns:..." (xml: attributes the XSD refuses itself), and names are written as
    is (no character references), so the bytes of an ASCII-compatible encoding
    without "xmlns:" hold none; those bytes tell most webhook answers free of the
    rules between elements too. The tree is walked only for what they cannot rule out."""
    narrow = data if data is not None and ((data[0] == 0x3C and data[1]) or not _is_wide(data)) else None
    if narrow is None:
        return not _has_namespaced_attribute(root) and not has_findings(root)
    # (find, not "in": bytes' "in" first tries its operand as an integer, twice the cost)
    if narrow.find(b"xmlns:") >= 0 and _has_namespaced_attribute(root):
        return False
    return (narrow[:1] in _ASCII_FIRST and not may_have_findings(narrow)) or not has_findings(root)


def _is_wide(data: bytes) -> bool:
    from ._positions import is_wide  # (with the patterns that locate problems: rarely needed here)

    return is_wide(data)


def check_loaded(loaded: Loaded, kind: Kind) -> ValidationResult:
    """The verdict on a parsed document."""
    schema = _per_thread.schemas.get(kind) or compiled(kind)
    root, data = loaded
    # (a document with a wide element goes straight to the review, which validates
    # its children in slices: libxml2 alone takes quadratic time over many invalid siblings)
    if not _may_be_wide(root, data) and schema.validate(root) and _nothing_more(root, data):
        return _VALID[kind]
    return _reviewed(schema, root, data, kind)


def _reviewed(schema: etree.XMLSchema, root: etree._Element, data: bytes | None, kind: Kind) -> ValidationResult:
    from ._review import review  # (loaded for the first document that is not plainly valid: it needs the elements)

    problems, omitted, omitted_errors = review(schema, root, data, kind)
    return ValidationResult(kind, problems, omitted, omitted_errors) if problems else _VALID[kind]


def validate(source: Source, *, kind: Kind = "answer", max_bytes: int = MAX_BYTES) -> ValidationResult:
    """Check a document against the XSD and list every problem found.

    ``source`` is the XML text (str), its bytes, a path (``pathlib.Path``), an
    lxml element or tree, or an element object of this package. ``kind="sound"``
    checks a sound document (a ``<Response>`` of Play, Speak and Wait, what
    waitSound, enter/exitSound, wait-music, hold-music, dialMusic and confirmSound
    URLs return).
    Documents over ``max_bytes`` are refused unread. A path that cannot be read
    (missing, a folder, a FIFO or device: only regular files are read) raises
    :class:`~plivoxml_plus.ParseError`; every problem of the document itself is
    in the result, the first :data:`~plivoxml_plus.schema.MAX_PROBLEMS` of them
    listed.
    """
    if kind not in KINDS:
        kind = check_kind(kind)  # raises: a usage error
    # The fast path, what load() and check_loaded() do in one frame for the bytes of a
    # webhook answer: "<" and a name first (so no prolog, hence no DOCTYPE, and ASCII
    # as itself), no wide element possible (_may_be_wide), no "xmlns:" or no namespaced
    # attribute, and no rule between elements broken (_nothing_more). Anything else
    # takes the general path below, or the review, which the same verdicts call for.
    if source.__class__ is bytes and 1 < len(source) <= max_bytes:  # (the hot path: a webhook's response body)
        data: bytes = source
        local = _per_thread
        schema = local.schemas.get(kind)  # (None until the general path compiled it in this thread)
        if (
            schema is not None
            and data[0] == 0x3C
            and data[1] not in _PROLOG_SECOND
            and _few_tags(data)
        ):
            try:
                root = etree.fromstring(data, local.parser)
            except etree.XMLSyntaxError:
                pass  # (the general path says what is wrong)
            else:
                # (_nothing_more's byte tests, inline: data starts with "<" and a name)
                if (
                    schema(root)
                    and (data.find(b"xmlns:") < 0 or not _has_namespaced_attribute(root))
                    and (not may_have_findings(data) or not has_findings(root))
                ):
                    return _VALID[kind]
                return _reviewed(schema, root, data, kind)
    loaded = load(source, max_bytes=max_bytes)
    if isinstance(loaded, Problem):
        return ValidationResult(kind, (loaded,))
    return check_loaded(loaded, kind)
