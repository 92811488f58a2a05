"""Call-flow coverage: which branches of which documents a simulation took.

A branch is what happened at one element of one document: the keys a
``<GetDigits>`` sent, a Dial's status, what ended a ``<Record>``, why a caller left
a room. Documents are named by the URL they came from (an answer URL, an action
URL's reply, a Redirect's), or ``answer of call NAME`` for an answer given inline;
an element by its place among its document's top-level elements
(``/Response/GetDigits[1]``). Recorded only when asked for
(``Simulation(coverage=True)``): the documents are kept until the run ends.
"""

from __future__ import annotations

from collections import defaultdict

from ..elements import Element, Response

__all__ = [
    "DIGITS",
    "FINISH_KEY",
    "FOLLOWED",
    "HANGUP",
    "HANGUP_ON_STAR",
    "HUNG_UP",
    "INVALID_DIGITS",
    "KICKED",
    "MAX_LENGTH",
    "NOT_FOLLOWED",
    "NO_INPUT",
    "RECORD_ENDS",
    "RETRIES_EXHAUSTED",
    "ROOM_ENDED",
    "RUN",
    "SILENCE",
    "TIME_LIMIT",
    "CoverageRecorder",
    "ElementKey",
    "digits_branch",
    "exit_branch",
]

RUN = "run"  # the branch of an element that only runs (a Speak, a Wait...)

# The branches the venues report and the report counts (one name each, used by both).
DIGITS = "digits"  # a GetDigits' keys: "digits 12" names the keys sent
NO_INPUT = "no input"
INVALID_DIGITS = "invalid digits"
RETRIES_EXHAUSTED = "retries exhausted"
RECORD_ENDS = ("silence", "maxLength", "finishOnKey", "hangup")  # what ends a <Record> (I3)
SILENCE, MAX_LENGTH, FINISH_KEY, HANGUP = RECORD_ENDS
FOLLOWED, NOT_FOLLOWED = "followed", "failed"  # a <Redirect>
HUNG_UP, ROOM_ENDED, HANGUP_ON_STAR, TIME_LIMIT, KICKED = "hung up", "room ended", "hangupOnStar", "timeLimit", "kicked"

ElementKey = tuple[str, str]  # (document, element path)


class CoverageRecorder:
    """What a run executed: each document seen, each element reached, each branch it took."""

    __slots__ = ("_current", "_inline", "_running", "_sources", "documents", "taken")

    def __init__(self) -> None:
        self._sources: dict[int, tuple[Response, str]] = {}  # id -> (the document, kept alive; its URL)
        self._running: dict[str, tuple[str, dict[int, str]]] = {}  # call -> its document, element paths by id
        self._current: dict[str, ElementKey] = {}  # call -> the element it runs
        self._inline: dict[str, str] = {}  # an inline answer's XML -> the name of the first call that ran it
        self.documents: dict[str, list[tuple[str, Element]]] = {}  # source -> its elements (path, element)
        self.taken: dict[ElementKey, set[str]] = defaultdict(set)

    def fetched(self, document: Response, url: str) -> None:
        """``document`` came from ``url``."""
        self._sources[id(document)] = (document, url)

    def source_of(self, document: Response) -> str | None:
        found = self._sources.get(id(document))
        return found[1] if found is not None and found[0] is document else None

    def entered(self, call: str, source: str | None, children: list[Element]) -> None:
        """Call ``call`` starts running ``children``, the document ``source`` (None: an
        answer given inline, named after the first call that ran the same XML)."""
        if source is None:
            text = "".join(child.to_string() for child in children)
            source = self._inline.setdefault(text, f"answer of call {call!r}")
        places: dict[str, int] = defaultdict(int)
        elements = []
        for child in children:
            places[child.tag] += 1
            elements.append((f"/Response/{child.tag}[{places[child.tag]}]", child))
        self.documents.setdefault(source, elements)
        self._running[call] = (source, {id(element): path for path, element in elements})
        self._current.pop(call, None)

    def reached(self, call: str, element: Element) -> None:
        """Call ``call`` runs ``element`` (one of its document's top-level elements, or
        a child of a ``<PreAnswer>``, which is not followed on its own)."""
        running = self._running.get(call)
        path = None if running is None else running[1].get(id(element))
        if running is None or path is None:
            self._current.pop(call, None)
            return
        key = (running[0], path)
        self._current[call] = key
        self.taken[key].add(RUN)

    def took(self, call: str, outcome: str) -> None:
        """The element ``call`` runs ended with ``outcome``."""
        key = self._current.get(call)
        if key is not None:
            self.taken[key].add(outcome)


# A room exit's cause, as the rooms word it, and the branch it is (the same for a
# Conference and a MultiPartyCall).
_EXITS = (
    ("hangupOnStar", HANGUP_ON_STAR),
    ("hung up", HUNG_UP),
    ("hangup", HUNG_UP),
    ("kicked", KICKED),
    ("time", TIME_LIMIT),
    ("ended", ROOM_ENDED),
)


def digits_branch(keys: str) -> str:
    """The branch of a GetDigits that sent ``keys`` to its action URL."""
    return f"{DIGITS} {keys}"


def exit_branch(reason: str) -> str:
    """The branch of a room element that a member leaving for ``reason`` took."""
    for words, branch in _EXITS:
        if words in reason:
            return branch
    return reason
