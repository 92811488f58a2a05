"""Rules on attributes that do nothing where they are written."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..elements import ELEMENT_CLASSES
from ._rules import Hit, LintContext, flag, rule, written

_METHOD = "Method"

# Settings of a recording that only a record="true" on the same element starts
# (rules C9 and M7); the recordings the REST API starts take their own parameters.
_RECORDING_SETTINGS = {
    "Conference": ("recordFileFormat", "recordWhenAlone", "transcriptionType", "transcriptionUrl"),
    "MultiPartyCall": ("recordCoachVoice", "recordParticipantTrack", "recordFileFormat", "recordMinMemberCount"),
}


@cache
def method_partners() -> dict[str, dict[str, str]]:
    """For each element, each method attribute and the URL attribute it is the method of.

    The partner is named after the method: ``method`` is ``action``'s, ``XMethod``
    is ``XUrl``'s, else ``X``'s (``enterSoundMethod``: ``enterSound``). A
    ``<Redirect>``'s method is its text's, which is always there.
    """
    partners: dict[str, dict[str, str]] = {}
    for tag, cls in ELEMENT_CLASSES.items():
        names = {spec.xml for spec in cls.specs.values() if spec.xml is not None}
        for name in sorted(names):
            if name == "method":
                candidates: tuple[str, ...] = ("action",)
            elif name.endswith(_METHOD):
                base = name[: -len(_METHOD)]
                candidates = (f"{base}Url", base)
            else:
                continue
            partner = next((candidate for candidate in candidates if candidate in names), None)
            if partner is not None:
                partners.setdefault(tag, {})[name] = partner
    return partners


@rule(
    "PXL005",
    "coach-mode-not-supervisor",
    "warning",
    "coachMode on a MultiPartyCall participant who is not a Supervisor changes nothing",
)
def coach_mode_not_supervisor(context: LintContext) -> Iterator[Hit]:
    for document in context.documents:
        for node in document.elements("MultiPartyCall"):
            role = written(node, "role") or ""
            if node.get("coachMode") is not None and role.lower() != "supervisor":
                yield Hit(
                    document,
                    node,
                    "coachMode",
                    f'coachMode has no effect on role="{role}": coach mode concerns Supervisors only (rule M2); '
                    'is the role meant to be "Supervisor"?',
                )


@rule("PXL006", "attribute-without-effect", "warning", "an attribute that what else is (not) written makes idle")
def attribute_without_effect(context: LintContext) -> Iterator[Hit]:
    partners = method_partners()
    for document in context.documents:
        for node in document.elements(*partners, *_RECORDING_SETTINGS):
            tag = str(node.tag)
            for method, url in partners.get(tag, {}).items():
                if node.get(method) is not None and written(node, url) is None:
                    yield Hit(
                        document, node, method, f"<{tag}> {method} has no effect without {url}: no request is made"
                    )
            if (
                node.get("redirect") is not None
                and "action" in partners.get(tag, {}).values()
                and written(node, "action") is None
            ):
                yield Hit(document, node, "redirect", f"<{tag}> redirect has no effect without action")
            if not flag(node, "record", False):
                for setting in _RECORDING_SETTINGS.get(tag, ()):
                    if node.get(setting) is not None:
                        yield Hit(
                            document,
                            node,
                            setting,
                            f'<{tag}> {setting} has no effect without record="true": nothing is recorded',
                        )


@rule(
    "PXL007",
    "confirm-key-without-prompt",
    "warning",
    "a Dial asks the callee to press confirmKey but plays no confirmSound that says so",
)
def confirm_key_without_prompt(context: LintContext) -> Iterator[Hit]:
    for document in context.documents:
        for node in document.elements("Dial"):
            if written(node, "confirmKey") is not None and written(node, "confirmSound") is None:
                yield Hit(
                    document,
                    node,
                    "confirmKey",
                    f'<Dial> confirmKey="{node.get("confirmKey")}" with no confirmSound: the callee hears nothing '
                    "that asks for it (rule I5); add a confirmSound "
                    "URL whose document asks for the key",
                )
