"""Rules on one document's flow: what never runs, and input that goes nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .._terminal import counted
from ._rules import Hit, LintContext, children, flag, rule, written

# The containers whose children run one after the other (docs/rules.md, "Call flow").
_SEQUENCES = ("Response", "PreAnswer")


def _ends_document(node: etree._Element) -> str | None:
    """Why nothing after ``node`` runs, or None when the call may go on past it.

    A ``<Conference>`` or ``<MultiPartyCall>`` never ends the document for sure: a
    caller turned away from a full room goes on with the next element whatever its
    action URL (rules C5 and M5), so the elements after it are reachable.
    """
    tag = node.tag
    if tag == "Hangup":
        if written(node, "schedule") not in (None, "0"):
            return None  # a scheduled hangup: the call goes on until then
        return "the call hangs up at <Hangup>"
    if tag == "Redirect":
        return "<Redirect> replaces this document with the one its URL returns"
    if tag == "Dial" and written(node, "action") is not None and flag(node, "redirect", True):
        return "when the <Dial> ends, the document its action URL returns replaces this one (rule I5)"
    return None


@rule(
    "PXL001", "unreachable-element", "warning", "an element that comes after the end of its document's flow never runs"
)
def unreachable(context: LintContext) -> Iterator[Hit]:
    for document in context.documents:
        for sequence in document.elements(*_SEQUENCES):
            steps = list(children(sequence))
            for at, step in enumerate(steps[:-1]):
                why = _ends_document(step)
                if why is not None:
                    left = len(steps) - at - 1
                    line, after = document.position(step)[0], document.position(steps[at + 1])[0]
                    where = f" (line {line})" if line is not None and line != after else ""
                    what = f"<{steps[at + 1].tag!s}>" + (
                        f" and {counted(left - 1, 'more element')}" if left > 1 else ""
                    )
                    yield Hit(
                        document, steps[at + 1], None, f"{what} never run{'s' if left == 1 else ''}: {why}{where}"
                    )
                    break


@rule("PXL002", "input-goes-nowhere", "warning", "what the caller keys, says or records is sent nowhere")
def input_goes_nowhere(context: LintContext) -> Iterator[Hit]:
    for document in context.documents:
        for node in document.elements("GetDigits", "GetInput", "Record"):
            if written(node, "action") is not None:
                continue
            if node.tag != "Record":
                what, rule_id = ("the keys", "I1") if node.tag == "GetDigits" else ("the keys or speech", "I2")
                yield Hit(
                    document,
                    node,
                    None,
                    f"<{node.tag!s}> has no action: {what} collected are sent nowhere and the call goes on "
                    f'with its next element (rule {rule_id}); add action="https://..."',
                )
            elif written(node, "callbackUrl") is None:
                yield Hit(
                    document,
                    node,
                    None,
                    "<Record> has neither action nor callbackUrl: nothing tells your app where the recording "
                    "is (rule I3); add one of them",
                )
