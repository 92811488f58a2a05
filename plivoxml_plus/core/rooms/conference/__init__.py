"""The Conference model (rules C1-C11): rooms by name, each a state machine
over its own bridge."""

from ._registry import Conferences
from ._room import Member, Room

__all__ = ["Conferences", "Member", "Room"]
