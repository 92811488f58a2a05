"""The mixer's two kernels (issue 21, item 7): NumPy's passes and the compiled
single-pass kernel (Numba, the ``speed`` extra) give bit for bit the same mix;
``PLIVOXML_PLUS_MIXER`` (read at the first mix, never at import) forces one, or,
unset or ``auto``, NumPy's passes mix until the process has mixed
``PAYBACK_MEMBER_SAMPLES`` and the compiled kernel after, if Numba imports;
without Numba the NumPy passes mix, with no error and one import tried."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus._errors import AudioError
from plivoxml_plus.core.audio import _mixer, mix, mix_frames, mix_kernel
from plivoxml_plus.core.bridge import Seat

# (the tests of Numba's absence run without it too: they hide it)
needs_numba = pytest.mark.skipif(
    importlib.util.find_spec("numba") is None, reason="the compiled kernel needs the speed extra (plivoxml-plus[speed])"
)

GROUPS = ("agent", "customer", "coach", "supervisor")
PAIRS = [(speaker, listener) for speaker in GROUPS for listener in GROUPS]


@contextmanager
def kernel(name: str | None, payback: int = _mixer.PAYBACK_MEMBER_SAMPLES) -> Iterator[None]:
    """Mix with ``PLIVOXML_PLUS_MIXER=name`` (None: unset), chosen afresh, ``auto``
    switching after ``payback`` member-samples."""
    before = os.environ.get(_mixer.KERNEL_ENV)
    if name is None:
        os.environ.pop(_mixer.KERNEL_ENV, None)
    else:
        os.environ[_mixer.KERNEL_ENV] = name
    _mixer._choose_afresh(payback)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(_mixer.KERNEL_ENV, None)
        else:
            os.environ[_mixer.KERNEL_ENV] = before
        _mixer._choose_afresh()


Mixed = TypeVar("Mixed")


def with_each_kernel(run: Callable[[], Mixed]) -> tuple[Mixed, Mixed]:
    """The same mix, made by NumPy's passes and by the compiled kernel."""
    results: dict[str, Mixed] = {}
    for name in ("numpy", "numba"):
        with kernel(name):
            assert mix_kernel() == name
            results[name] = run()
    return results["numpy"], results["numba"]


seat = st.builds(
    Seat,
    call=st.just(""),  # (named below, one name per member)
    speaks=st.booleans(),
    hears=st.booleans(),
    group=st.sampled_from(GROUPS),
    instead=st.none(),
)
bridges = st.tuples(
    st.lists(seat, min_size=1, max_size=12).map(
        lambda seats: [s._replace(call=f"m{i:02d}") for i, s in enumerate(seats)]
    ),
    st.frozensets(st.sampled_from(PAIRS), max_size=6),
)
# lengths about the kernels' blocks (1,024 samples) and chunks (38,400)
lengths = st.sampled_from([1, 2, 7, 1023, 1024, 1025, 3000, 38399, 38400, 38401, 80000]) | st.integers(1, 5000)


def voices_for(seats: list[Seat], count: int, seed: int, extreme: bool, dtype: type) -> dict[str, Any]:
    """What each speaking member says: full-scale random samples, or only the two
    extremes (every sum clamps), in ``dtype``; some speakers stay silent."""
    rng = np.random.default_rng(seed)
    voices: dict[str, Any] = {}
    for member in seats:
        if not member.speaks or rng.random() < 0.15:
            continue
        if extreme:
            samples = rng.choice(np.array([-32768, 32767]), size=count)
        else:
            samples = rng.integers(-32768, 32768, size=count)
        voices[member.call] = samples.astype(dtype)
    return voices


@needs_numba
@settings(max_examples=60, deadline=None)
@given(bridges, lengths, st.integers(0, 2**32 - 1), st.booleans(), st.sampled_from([np.int16, np.int32]))
def test_both_kernels_give_the_same_unclamped_mix(bridge, count, seed, extreme, dtype):
    seats, rules = bridge
    voices = voices_for(seats, count, seed, extreme, dtype)
    by_numpy, by_numba = with_each_kernel(lambda: mix(seats, rules, voices, count))
    assert by_numpy.keys() == by_numba.keys() == {s.call for s in seats if s.hears}
    for call, samples in by_numpy.items():
        assert by_numba[call].dtype == samples.dtype == np.int32
        np.testing.assert_array_equal(by_numba[call], samples, err_msg=call)


@needs_numba
@settings(max_examples=60, deadline=None)
@given(bridges, st.integers(1, 300), st.integers(0, 2**32 - 1), st.booleans(), st.sampled_from([8000, 16000]))
def test_both_kernels_give_the_same_clamped_frames(bridge, frames, seed, extreme, rate):
    seats, rules = bridge
    count = frames * rate // 50
    said = voices_for(seats, count, seed, extreme, np.int16)
    by_numpy, by_numba = with_each_kernel(lambda: mix_frames(seats, said, rules=rules, rate=rate))
    assert by_numpy.keys() == by_numba.keys() == {s.call for s in seats}
    for call, samples in by_numpy.items():
        assert by_numba[call].dtype == samples.dtype == np.int16
        np.testing.assert_array_equal(by_numba[call], samples, err_msg=call)


@needs_numba
def test_a_full_scale_bridge_is_mixed_alike_across_chunks():
    """20 members at 16 kHz with coaching, 10 s: the bench's bridge, three chunks and more."""
    seats = [Seat(f"c{i}", True, True, "coach", None) for i in range(2)]
    seats += [Seat(f"m{i:02d}", True, True, ("agent", "customer")[i % 2], None) for i in range(18)]
    rules = frozenset(("coach", group) for group in ("customer", "supervisor", "coach"))
    rng = np.random.default_rng(7)
    said = {s.call: rng.integers(-32768, 32768, size=160_000, dtype=np.int16) for s in seats}
    by_numpy, by_numba = with_each_kernel(lambda: mix_frames(seats, said, rules=rules, rate=16000))
    for call, samples in by_numpy.items():
        np.testing.assert_array_equal(by_numba[call], samples, err_msg=call)


def test_unset_or_auto_numpy_mixes_until_the_payback():
    """A process that mixes little never pays for Numba: NumPy's passes mix first."""
    assert _mixer.PAYBACK_MEMBER_SAMPLES > 10**8  # (seconds of one-off cost over ns saved per member-sample)
    seats = [Seat("a", True, True, "agent", None), Seat("b", True, True, "customer", None)]
    said = {"a": np.ones(16000, dtype=np.int16), "b": np.ones(16000, dtype=np.int16)}
    for name in (None, "auto", " Auto "):
        with kernel(name):
            assert mix_kernel() == "numpy"
            mix_frames(seats, said, rate=16000)
            assert mix_kernel() == "numpy"


@needs_numba
def test_numba_and_numpy_force_their_kernel_whatever_was_mixed():
    seats = [Seat("a", True, True, "agent", None), Seat("b", True, True, "customer", None)]
    said = {"a": np.ones(1600, dtype=np.int16), "b": np.ones(1600, dtype=np.int16)}
    with kernel(" NumPy ", payback=0):
        for _ in range(3):
            mix_frames(seats, said, rate=16000)
            assert mix_kernel() == "numpy"
    with kernel("numba"):  # (the default payback: never reached here)
        assert mix_kernel() == "numba"
        mix_frames(seats, said, rate=16000)
        assert mix_kernel() == "numba"
    with kernel("auto", payback=0):  # (paid back before any mix: the compiled kernel from the first)
        assert mix_kernel() == "numba"


@needs_numba
@settings(max_examples=25, deadline=None)
@given(bridges, st.lists(st.integers(1, 40), min_size=1, max_size=8), st.integers(0, 2**32 - 1), st.data())
def test_a_run_crossing_the_payback_mixes_as_numpy_alone(bridge, blocks, seed, data):
    """Under auto, block after block: NumPy's passes until the member-samples mixed
    reach the payback, the compiled kernel from the next block on, and every
    block's samples those NumPy's passes alone give."""
    seats, rules = bridge
    rate = 8000
    counts = [frames * rate // 50 for frames in blocks]
    said = [voices_for(seats, count, seed + i, False, np.int16) for i, count in enumerate(counts)]
    with kernel("numpy"):
        alone = [mix_frames(seats, block, rules=rules, rate=rate) for block in said]
    listeners = sum(s.hears for s in seats)
    total = listeners * sum(counts)
    payback = data.draw(st.integers(0, total + 1), label="payback")
    with kernel("auto", payback=payback):
        mixed, kernels = 0, []
        for block, count, expected in zip(said, counts, alone, strict=True):
            kernels.append(mix_kernel())
            # (a block with no speaker mixes nothing: it adds nothing to the count)
            assert kernels[-1] == ("numba" if mixed >= payback else "numpy"), (mixed, payback)
            got = mix_frames(seats, block, rules=rules, rate=rate)
            assert got.keys() == expected.keys()
            for call, samples in expected.items():
                np.testing.assert_array_equal(got[call], samples, err_msg=call)
            mixed += listeners * count if block else 0
        assert kernels == sorted(kernels, reverse=True)  # ("numpy" then "numba": it never goes back)


def test_an_unknown_kernel_is_one_clear_error():
    with kernel("fortran"), pytest.raises(AudioError) as caught:
        mix_frames([Seat("a", True, True, "agent", None)], {}, rate=8000)
    message = str(caught.value)
    assert "PLIVOXML_PLUS_MIXER = 'fortran' is not allowed" in message
    assert "auto, numba, numpy" in message


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != _mixer.KERNEL_ENV} | env
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


WITHOUT_NUMBA = "import sys; sys.modules['numba'] = None  # (import numba raises ImportError, as when not installed)\n"
MIX = """
import numpy as np
from plivoxml_plus.core.audio import mix_frames, mix_kernel
from plivoxml_plus.core.bridge import Seat
seats = [Seat("a", True, True, "agent", None), Seat("b", True, True, "customer", None)]
said = {"a": np.full(160, 30000, dtype=np.int16), "b": np.full(160, 9000, dtype=np.int16)}
heard = mix_frames(seats, said, rate=8000)
assert heard["a"].tolist() == [9000] * 160 and heard["b"].tolist() == [30000] * 160, heard
print(mix_kernel())
"""


def test_without_numba_the_numpy_passes_mix_with_no_error():
    result = _run(WITHOUT_NUMBA + MIX)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "numpy"
    assert result.stderr == ""


def test_demanding_numba_without_it_names_the_extra():
    code = (
        WITHOUT_NUMBA
        + """
from plivoxml_plus import MissingExtra
from plivoxml_plus.core.audio import mix_frames
from plivoxml_plus.core.bridge import Seat
try:
    mix_frames([Seat("a", True, True, "agent", None)], {}, rate=8000)
except MissingExtra as error:
    print(error)
"""
    )
    result = _run(code, PLIVOXML_PLUS_MIXER="numba")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "PLIVOXML_PLUS_MIXER=numba (the compiled mixer) needs numba, which is not installed: "
        "pip install 'plivoxml-plus[speed]'"
    )


def test_without_numba_auto_tries_the_import_once_past_the_payback():
    """Past the payback, auto tries Numba once; without it every mix after is
    NumPy's, with no error, no warning and no second try."""
    code = (
        """
import sys
tries = []
class NoNumba:  # (as when Numba is not installed, counting the imports tried)
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "numba":
            tries.append(name)
            raise ImportError("No module named 'numba'")
sys.meta_path.insert(0, NoNumba())
from plivoxml_plus.core.audio import _mixer
_mixer._choose_afresh(payback=320)
"""
        + MIX
        + """
for _ in range(5):
    heard = mix_frames(seats, said, rate=8000)
    assert heard["a"].tolist() == [9000] * 160 and heard["b"].tolist() == [30000] * 160, heard
    print(mix_kernel())
print(len(tries))
"""
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["numpy"] * 6 + ["1"]
    assert result.stderr == ""


@needs_numba
def test_numba_is_imported_at_the_first_mix_past_the_payback_never_before():
    code = (
        """
import sys
import plivoxml_plus, plivoxml_plus.pytest_plugin, plivoxml_plus.core, plivoxml_plus.core.audio
from plivoxml_plus.core.audio import _mixer
_mixer._choose_afresh(payback=321)  # (two members' 160 samples: 320 a mix, paid back by two)
assert "numba" not in sys.modules, "numba imported before the first mix"
"""
        + MIX
        + """
for imported in (False, True):  # the second mix is NumPy's (320 mixed before it), the third Numba's
    heard = mix_frames(seats, said, rate=8000)
    assert heard["a"].tolist() == [9000] * 160 and heard["b"].tolist() == [30000] * 160, heard
    assert ("numba" in sys.modules) is imported
print(mix_kernel())
"""
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["numpy", "numba"]


@needs_numba
def test_demanded_numba_is_imported_at_the_first_mix_never_before():
    code = (
        """
import sys
import plivoxml_plus, plivoxml_plus.pytest_plugin, plivoxml_plus.core, plivoxml_plus.core.audio
assert "numba" not in sys.modules, "numba imported before the first mix"
"""
        + MIX
        + """
assert "numba" in sys.modules
"""
    )
    result = _run(code, PLIVOXML_PLUS_MIXER="numba")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "numba"


@needs_numba
def test_both_kernels_refuse_float_voices_alike():
    """``mix`` takes integer samples; neither kernel converts floats silently."""
    seats = [Seat("a", True, True, "agent", None), Seat("b", True, True, "customer", None)]
    voices = {"a": np.full(4, 0.5), "b": np.ones(4, dtype=np.int16)}
    for name in ("numpy", "numba"):
        with kernel(name), pytest.raises(TypeError, match="same_kind"):
            mix(seats, frozenset(), voices, 4)


def test_the_docs_give_autos_payback_as_the_mixer_has_it():
    """docs/audio.md#speed states the threshold; the constant is its one truth."""
    docs = (Path(__file__).resolve().parent.parent / "docs" / "audio.md").read_text(encoding="utf-8")
    billions = _mixer.PAYBACK_MEMBER_SAMPLES / 1e9
    assert f"until the process has mixed {billions:g} billion member-samples" in docs
