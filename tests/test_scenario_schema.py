"""The scenario format is one declaration (plivoxml_plus/core/scenario/_format.py):
the loader's key checks, the published JSON Schema (schemas/scenario.schema.json,
``plivoxml-plus schema --kind scenario``) and docs/scenario-reference.md come
from it (issue 23, item 2), and an unknown key anywhere gets the closest known
one (issue 19, item 6: "did you mean hangup?").

The schema and the loader agree: the same verdict on every shipped scenario and
on a corpus of bad files made from them (wrong types, unknown keys, values out
of range, required keys missing, keys that need or exclude others), the
loader's ``FILE:LINE`` message naming the key.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import ScenarioError
from plivoxml_plus.core.scenario._format import FORMAT, closest
from plivoxml_plus.core.scenario._scenario import load_scenario

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover - Python 3.10
    pass

ROOT = Path(__file__).resolve().parent.parent


# -- "did you mean": an unknown key anywhere gets the closest known one ---------------------

CALL = "[[call]]\nname = \"a\"\nanswer = \"<Response><Wait length='1'/></Response>\"\n"
TYPOS = [
    ("untill = 5\n" + CALL, 1, "unknown key 'untill' in the scenario; did you mean until?"),
    (CALL + "hangpu = 5\n", 4, "unknown key 'hangpu' in [[call]]; did you mean hangup?"),
    (CALL + "Hangup = 5\n", 4, "unknown key 'Hangup' in [[call]]; did you mean hangup?"),
    (CALL + "digits = [{ at = 1, pres = '1' }]\n", 4, "unknown key 'pres' in call 'a' digits; did you mean press?"),
    (CALL + "[[probe]]\nta = 1\n", 5, "unknown key 'ta' in [[probe]]; did you mean at?"),
    (CALL + "[options]\ndial_timout = 5\n", 5, "unknown key 'dial_timout' in [options]; did you mean dial_timeout?"),
    (CALL + "[mpc_options]\nbilled_rat = '1'\n", 5, "in [mpc_options]; did you mean billed_rate?"),
    (CALL + "[durations]\nbeep_second = 1\n", 5, "in [durations]; did you mean beep_seconds?"),
    (CALL + "[[rest]]\nat = 1\nmetod = 'GET'\n", 6, "unknown key 'metod' in [[rest]] #1; did you mean method?"),
    (CALL + "[[api]]\nat = 1\ncall = 'a'\nhodl = true\n", 7, "unknown key 'hodl' in [[api]] #1; did you mean hold?"),
    (
        CALL + "[[api]]\nat = 1\nmpc = 'm'\nadd = { name = 'b', rol = 'Agent' }\n",
        7,
        "unknown key 'rol' in [[api]] #1: add; did you mean role?",
    ),
    (CALL + "[[talk]]\ncall = 'a'\nfom = 1\nto = 2\n", 6, "unknown key 'fom' in [[talk]]; did you mean from?"),
]


@pytest.mark.parametrize(("text", "line", "message"), TYPOS)
def test_a_mistyped_key_gets_the_closest_known_key(tmp_path: Path, text: str, line: int, message: str):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)


def test_a_key_like_no_known_one_gets_the_list_only():
    assert closest("colour", FORMAT["[[call]]"].names()) is None


def _keys() -> list[tuple[str, str]]:
    return [(where, key.name) for where, table in FORMAT.items() for key in table.keys]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_keys()), st.data())
def test_a_key_written_in_another_case_or_with_two_letters_swapped_is_suggested(found, data):
    where, name = found
    known = FORMAT[where].names()
    assert closest(name.upper(), known) == name
    if len(name) >= 5:
        # two neighbouring letters swapped (the commonest typo) keeps the key closest
        at = data.draw(st.integers(0, len(name) - 2))
        typo = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
        if typo not in known:
            assert closest(typo, known) == name, (where, typo)


