"""Deterministic identifiers: the same scenario always gives the same IDs.

Every ID is a UUID version 5 (a SHA-1 of a name in a namespace), never uuid4 or a
clock reading. The namespace is derived from the simulation's ``seed`` (default
empty), so two simulations with the same seed and input agree byte for byte, and
changing the seed changes every ID.
"""

from __future__ import annotations

import uuid

__all__ = ["Ids"]


class Ids:
    __slots__ = ("_namespace",)

    def __init__(self, seed: str = "") -> None:
        self._namespace = uuid.uuid5(uuid.NAMESPACE_URL, "plivoxml-plus:simulation:" + seed)

    def _make(self, name: str) -> str:
        return str(uuid.uuid5(self._namespace, name))

    def call(self, name: str) -> str:
        """CallUUID of the call labelled ``name`` (labels are unique)."""
        return self._make("call/" + name)

    def request(self, name: str) -> str:
        """ALegRequestUUID of the outbound call labelled ``name``: the id of the API
        request that made it."""
        return self._make("request/" + name)

    def conference(self, room: str, instance: int) -> str:
        """ConferenceUUID of the ``instance``-th conference (1-based) held in ``room``."""
        return self._make(f"conference/{instance}/{room}")

    def mpc(self, name: str, instance: int) -> str:
        """MPCUUID of the ``instance``-th MPC (1-based) held under ``name``."""
        return self._make(f"mpc/{instance}/{name}")

    def record(self, call: str, number: int) -> str:
        """RecordingID of the ``number``-th ``<Record>`` (1-based) of the call labelled ``call``."""
        return self._make(f"record/{number}/{call}")

    def message(self, call: str, position: int, part: int = 0) -> str:
        """MessageUUID of the SMS a ``<Message>`` of the call labelled ``call`` sends
        (``position``: how many elements the call had run then; ``part``: to which of
        its destinations, from 0)."""
        return self._make(f"message/{position}/{call}" + (f"/{part}" if part else ""))

    def stream(self, call: str, position: int) -> str:
        """StreamID of a ``<Stream>`` of the call labelled ``call``, as for ``message``."""
        return self._make(f"stream/{position}/{call}")

    def recording(self, conference_uuid: str) -> str:
        """RecordingID of a conference's recording (one per conference)."""
        return self._make("recording/" + conference_uuid)
