"""The mixer's two kernels (issue 21, item 7): NumPy's passes and the compiled
single-pass kernel (Numba, the ``speed`` extra) give bit for bit the same mix;
which one mixes is chosen at the first mix from ``PLIVOXML_PLUS_MIXER``, never
at import; without Numba the NumPy passes mix, with no error."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
def kernel(name: str | None) -> Iterator[None]:
    """Mix with ``PLIVOXML_PLUS_MIXER=name`` (None: unset), chosen afresh."""
    before = os.environ.get(_mixer.KERNEL_ENV)
    if name is None:
        os.environ.pop(_mixer.KERNEL_ENV, None)
    else:
        os.environ[_mixer.KERNEL_ENV] = name
    _mixer._compiled.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(_mixer.KERNEL_ENV, None)
        else:
            os.environ[_mixer.KERNEL_ENV] = before
        _mixer._compiled.cache_clear()


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


@needs_numba
def test_unset_the_compiled_kernel_mixes_and_numpy_forces_the_passes():
    with kernel(None):
        assert mix_kernel() == "numba"
    with kernel("auto"):
        assert mix_kernel() == "numba"
    with kernel(" NumPy "):
        assert mix_kernel() == "numpy"


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


@needs_numba
def test_numba_is_imported_at_the_first_mix_never_before():
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
    result = _run(code)
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
