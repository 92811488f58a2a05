"""What the REST API answers: Plivo's status codes and JSON bodies, and the one
error every refusal is (``RestError``: Plivo's status and ``{"api_id", "error"}``
body, which plivo-python turns into its own exceptions)."""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["NOT_FOUND", "Answer", "RestError", "listed"]

NOT_FOUND = "not found"  # Plivo's body for an unknown or no longer live resource


class Answer(NamedTuple):
    """A status and, unless it is 204, the JSON body (``api_id`` is added when sent)."""

    status: int
    body: dict[str, Any] | None = None


def listed(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """A list answer as plivo-python pages it: ``meta`` (all on one page) and ``objects``."""
    meta = {"count": len(objects), "limit": len(objects), "offset": 0, "next": None, "previous": None}
    return {"meta": meta, "objects": objects}


class RestError(Exception):
    """Plivo's refusal: ``status`` (400 bad parameters, 404 unknown resource, 405
    method, 500 the simulation could not take the call) and its ``error`` text;
    ``why`` says more, in the simulation's notes, than Plivo's body does."""

    def __init__(self, status: int, error: str, why: str | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.why = why or error
