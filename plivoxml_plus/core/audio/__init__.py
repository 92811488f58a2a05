"""Layer 3's mixing core (rules A1-A3 of docs/rules.md): real 16-bit audio
through the simulated bridges. Needs NumPy (``pip install 'plivoxml-plus[audio]'``);
importing this package without it raises :class:`~plivoxml_plus.MissingExtra`
saying so. ``import plivoxml_plus`` never imports it."""

from ..._extras import require

require("numpy", "audio", "mixing audio")

from ._memory import DEFAULT_MEMORY_LIMIT  # noqa: E402
from ._mixer import clamp, mix, mix_frames, mix_kernel  # noqa: E402
from ._render import AudioResult, CallAudio, Voice, render  # noqa: E402
from ._signals import FRAME_MS, RATES, check_rate, check_samples, read_wav, tone, write_wav  # noqa: E402
from ._talk import TalkDetector  # noqa: E402

__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "FRAME_MS",
    "RATES",
    "AudioResult",
    "CallAudio",
    "TalkDetector",
    "Voice",
    "check_rate",
    "check_samples",
    "clamp",
    "mix",
    "mix_frames",
    "mix_kernel",
    "read_wav",
    "render",
    "tone",
    "write_wav",
]
