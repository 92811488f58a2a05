"""The bridge under every room (docs/rules.md, "The bridge"): members with
flags (speaks, hears, group, what they hear instead), per-pair rules between
groups, who hears whom derived from them, and the history as their changes.

Conference and MultiPartyCall are configurations of it: each sets the flags
from its own rules, and nothing else decides who hears whom.
"""

from ._audibility import Audibility
from ._bridge import Bridge, Change, Tape
from ._history import History
from ._seats import NO_RULES, PairRules, Seat, audible, group_hears

__all__ = [
    "NO_RULES",
    "Audibility",
    "Bridge",
    "Change",
    "History",
    "PairRules",
    "Seat",
    "Tape",
    "audible",
    "group_hears",
]
