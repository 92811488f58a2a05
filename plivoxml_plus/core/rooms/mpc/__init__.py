"""The MultiPartyCall model (rules M1-M8): MPCs by name, each a state machine
over its own bridge, with its event stream and the REST API's controls."""

from ._participant import Participant
from ._registry import MultiPartyCalls
from ._room import Mpc

__all__ = ["Mpc", "MultiPartyCalls", "Participant"]
