"""The SDK conformance suite covers the whole vocabulary, from every SDK that can write it.

Issue 19 (item 1): the fixtures of tests/sdk_fixtures/ and plivo-python's live cases
(tests/test_sdk_conformance.py) once covered only <Conference> and <MultiPartyCall>,
which is how documents the SDKs write for the other elements went unchecked. Here the
claim "every element, from every SDK" is itself tested: each element of Plivo XML
(``plivoxml_plus.elements.ELEMENT_CLASSES``, the one list of the vocabulary) appears in
at least one document of each SDK, unless the manifest's [sdk_gaps] table says that SDK
cannot write it and why. The suite's size per SDK is counted here too
(``python -m tests.test_sdk_vocabulary`` prints it for the README).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import plivoxml_plus
from plivoxml_plus.elements import ELEMENT_CLASSES
from tests.test_sdk_conformance import ENTRIES, FIXTURES, MANIFEST, PYTHON_CASES, SDKS

# what a <Response> can hold, at any depth (Response itself aside)
VOCABULARY = frozenset(ELEMENT_CLASSES) - {"Response"}
GAPS: dict[str, dict[str, str]] = MANIFEST.get("sdk_gaps", {})
SDK_NAMES = sorted(repo.split("/", 1)[1] for repo in SDKS)
# a document is data: no DTD, no entity expansion, no network
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# elements whose content is elements only: the whitespace between their children means nothing
ELEMENT_ONLY = frozenset({"Response", "Dial", "GetDigits", "GetInput", "PreAnswer"})


def documents() -> dict[str, list[bytes]]:
    """Every document the conformance suite judges, by the SDK that wrote it."""
    by_sdk: dict[str, list[bytes]] = {name: [] for name in SDK_NAMES}
    for entry in ENTRIES:
        by_sdk[entry["sdk"]].append((FIXTURES / entry["file"]).read_bytes())
    for case in PYTHON_CASES:
        by_sdk["plivo-python"].append(case.document().encode())
    return by_sdk


def fixture_counts() -> dict[str, int]:
    """How many documents of each SDK the conformance suite judges (the README quotes these)."""
    return {sdk: len(written) for sdk, written in documents().items()}


def verdict_counts() -> dict[str, Counter[str]]:
    """The same documents, by the verdict each gets: valid, warning or error."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in SDK_NAMES}
    for entry in ENTRIES:
        counts[entry["sdk"]][entry["expected"]] += 1
    for case in PYTHON_CASES:
        counts["plivo-python"][case.expected] += 1
    return counts


def pending_counts() -> Counter[str]:
    """Per SDK, the documents whose verdict waits for another branch (``needs``)."""
    pending = Counter(entry["sdk"] for entry in ENTRIES if entry.get("needs"))
    pending["plivo-python"] += sum(1 for case in PYTHON_CASES if case.needs)
    return pending


def elements_in(document: bytes) -> set[str]:
    """The elements of the vocabulary a document holds; none if it is not well-formed XML."""
    try:
        root = etree.fromstring(document, PARSER)
    except etree.XMLSyntaxError:  # (a document some SDK writes broken: it shows no element written right)
        return set()
    return {element.tag for element in root.iter() if isinstance(element.tag, str)} & VOCABULARY


# -- coverage ------------------------------------------------------------------------------


def test_the_gaps_table_names_sdks_and_elements_it_knows() -> None:
    assert set(GAPS) <= set(SDK_NAMES), f"[sdk_gaps] names an SDK the manifest does not know: {set(GAPS)}"
    for sdk, gaps in GAPS.items():
        for element, why in gaps.items():
            assert element in VOCABULARY, f"[sdk_gaps] {sdk}: {element} is not an element of Plivo XML"
            assert isinstance(why, str) and why, f"[sdk_gaps] {sdk}: {element} without a reason"


@pytest.mark.parametrize("sdk", SDK_NAMES)
def test_every_sdk_covers_the_vocabulary(sdk: str) -> None:
    written: set[str] = set().union(*(elements_in(document) for document in documents()[sdk]))
    gaps = set(GAPS.get(sdk, {}))
    assert not written & gaps, f"{sdk} is said to lack {sorted(written & gaps)}, but a document of it has them"
    missing = VOCABULARY - written - gaps
    assert not missing, f"no document of {sdk} holds {sorted(missing)}, and [sdk_gaps] does not say it cannot"


def test_fixture_count_per_sdk(record_property: Callable[[str, object], None]) -> None:
    counts = fixture_counts()
    record_property("sdk_fixture_counts", counts)
    record_property("sdk_fixtures_waiting_for_another_branch", dict(pending_counts()))
    assert set(counts) == set(SDK_NAMES)
    assert sum(counts.values()) == len(ENTRIES) + len(PYTHON_CASES)
    by_verdict = verdict_counts()
    assert all(sum(by_verdict[sdk].values()) == counts[sdk] for sdk in SDK_NAMES)
    # every SDK's documents include the documented form, not only its deviations
    assert all(by_verdict[sdk]["valid"] for sdk in SDK_NAMES), by_verdict


# -- the verdict is about the document, not about how an SDK lays it out --------------------


def _problems(document: bytes) -> tuple[bool, Counter[tuple[str, str]]]:
    result = plivoxml_plus.validate(document)
    return result.ok, Counter((problem.severity, problem.message) for problem in result.problems)


WELL_FORMED = [entry["file"] for entry in ENTRIES if elements_in((FIXTURES / entry["file"]).read_bytes())]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_an_sdks_layout_does_not_change_the_verdict(data: st.DataObject) -> None:
    """SDKs differ in layout: XML declaration or none, attribute order (given, sorted, struct
    order), indentation between elements. None of it changes what plivoxml_plus says."""
    path = FIXTURES / data.draw(st.sampled_from(WELL_FORMED), label="fixture")
    root = etree.fromstring(path.read_bytes(), PARSER)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = list(element.attrib.items())
        element.attrib.clear()
        for name, value in data.draw(st.permutations(attributes)):
            element.set(name, value)
        children = list(element)
        texts = [element.text, *(child.tail for child in children)]
        if element.tag in ELEMENT_ONLY and not any((text or "").strip() for text in texts):
            element.text = data.draw(st.sampled_from(["", "\n", "\n  ", "\t"]))
            for child in children:
                child.tail = data.draw(st.sampled_from(["", "\n", "\n    ", " "]))
    declaration = data.draw(st.sampled_from([b"", b'<?xml version="1.0" encoding="UTF-8"?>\n']))
    laid_out = declaration + etree.tostring(root, encoding="utf-8")
    assert _problems(laid_out) == _problems(path.read_bytes())


if __name__ == "__main__":  # the figures of the README's conformance paragraph
    pending = pending_counts()
    for name, counted in verdict_counts().items():
        verdicts = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counted.items()))
        print(f"{name}: {sum(counted.values())} ({verdicts}; {pending[name]} of them wait for another branch)")
