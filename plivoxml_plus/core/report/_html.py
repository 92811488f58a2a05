"""The run as one self-contained HTML file: the report's data
(``_report.to_data``, the JSON any consumer gets) embedded in a small template
(``_report.html``: inline styles, a few hundred lines of plain JavaScript, an
inline SVG; no network fetch) that draws it.

Plain string building, no template library: the template has one slot, the
data, so the HTML needs no extra. Escaping happens in one place: the data is
JSON inside ``<script type="application/json">``, every ``<``, ``>`` and ``&``
in it written ``\\u003c``... (so no ``</script>`` or ``<!--`` can end or comment
out the block) and everything non-ASCII ``\\uXXXX`` (a lone surrogate too), or
for a big run that JSON gzip-compressed in base64 (``PACK_OVER``); its long lists of
records packed as columns, each string written once (``_packed``); the
script sets every user text with ``textContent``/``setAttribute``, never as markup.

Audio (an ``AudioResult``): a player per call's heard track and per recording,
as WAV files in ``<report stem>-audio/`` beside the report, or embedded as
``data:`` URIs (``embed_audio``); each knows its start on the timeline, so the
timeline cursor and the player follow each other.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from ..._errors import SimulationError
from ._packed import FIELDS, TEXT, pack
from ._timeline import MARK_KINDS


class AudioResult(Protocol):
    """What the page needs of an ``audio.AudioResult`` (the report layer does not import audio)."""

    @property
    def heard(self) -> Mapping[str, Any]: ...

    @property
    def recordings(self) -> Mapping[str, Any]: ...

    def write(self, folder: str | os.PathLike[str], *, mp3: bool = False) -> list[Path]: ...

__all__ = ["render_html", "write_html"]

_SLOT = "__DATA__"
# the record keys whose values repeat (a call's name, a URL, parameters): each string written once
_KINDS = {"method": TEXT, "url": TEXT, "kind": TEXT, "call": TEXT, "text": TEXT, "params": FIELDS}
# what the page draws of each request at once (a marker on its call's lane)
_INDEX_KEYS = ("at", "call", "status", "kind")
# data over this many characters is embedded gzip-compressed (a 4,000-call run's
# ~70 MB of JSON: ~14 MB; level 1, the quickest), which the page unpacks with the browser's DecompressionStream
PACK_OVER = 4 << 20


def _data_scripts(blocks: Mapping[str, Mapping[str, Any]]) -> str:
    """Each block (id -> data) as a script block its text cannot end or comment out.
    A block's JSON is compressed by a worker thread while the next one is written:
    zlib lets go of the interpreter's lock, so both run at once where a core is free."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        # (plain data: no circle to check)
        dump = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False).encode
        scripts = [worker.submit(_data_script, dump(data), name) for name, data in blocks.items()]
        return "".join(script.result() for script in scripts)


def _data_script(text: str, name: str) -> str:
    """``text`` (JSON, all ASCII) as a script block (id ``name``)."""
    if len(text) > PACK_OVER:
        packed = base64.b64encode(gzip.compress(text.encode("ascii"), 1, mtime=0)).decode("ascii")
        return f'<script type="application/gzip-base64" id="{name}-gzip">{packed}</script>'
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{name}">{text}</script>'


def render_html(data: Mapping[str, Any], audio: Mapping[str, Any] | None = None) -> str:
    """The report page for ``data`` (``to_data`` with the timeline); ``audio``:
    {"heard": {call: track}, "recordings": {id: track}}, a track {"src", "offset"}."""
    template = resources.files(__package__).joinpath("_report.html").read_text(encoding="utf-8")
    # what the page draws at once; the requests' details and the whole timeline (most
    # of a big run's data) are a second block, read on the first click on a request
    # (the long lists of records are packed: columns, each string written once)
    page = {key: value for key, value in data.items() if key not in ("requests", "timeline")}
    page |= {
        "call_order": sorted(data["calls"]),  # (Python's order, as Audibility's: the matrix's rows)
        "audio": audio,
    }
    marks = [e for e in data["timeline"] if e["call"] is not None and e["kind"] in MARK_KINDS]
    detail = pack({"requests": data["requests"], "timeline": data["timeline"], "marks": marks}, _KINDS)
    records = detail["records"]
    requests = records["requests"]  # (the requests' index: their columns the page draws, moved to it)
    index = {key: requests["columns"].pop(key) for key in _INDEX_KEYS if key in requests["columns"]}
    page |= {
        "strings": detail["strings"],
        "shapes": detail["shapes"],
        "records": {"request_index": {"length": requests["length"], "columns": index}, "marks": records.pop("marks")},
    }
    before, after = template.split(_SLOT)
    return before + _data_scripts({"report-data": page, "report-detail": detail}) + after


def _offsets(data: Mapping[str, Any]) -> dict[str, float | None]:
    """Where each recording starts on the timeline (seconds)."""
    offsets: dict[str, float | None] = {}
    for room in data["rooms"]:
        for tape in room["recordings"]:
            offsets[tape["id"]] = tape["spans"][0][0] if tape["spans"] else None
    for lane in data["lanes"].values():
        for start, _end, recording_id in lane["recordings"]:
            offsets.setdefault(recording_id, start)
    return offsets


def _tracks(data: Mapping[str, Any], audio: AudioResult, folder: Path, src: Any) -> dict[str, Any]:
    written = audio.write(folder)
    # (AudioResult.write: every call's heard track, then every recording, in order)
    owners = [("heard", name) for name in audio.heard] + [("recordings", rid) for rid in audio.recordings]
    offsets = _offsets(data)
    tracks: dict[str, Any] = {"heard": {}, "recordings": {}}
    for (group, owner), path in zip(owners, written, strict=True):
        offset = data["calls"][owner]["answer_at"] if group == "heard" else offsets.get(owner)
        tracks[group][owner] = {"src": src(path), "offset": offset}
    return tracks


def write_html(
    path: str | os.PathLike[str], data: Mapping[str, Any], audio: AudioResult | None, *, embed_audio: bool
) -> Path:
    """Write the report page to ``path`` (and its audio beside it, unless embedded); its path."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tracks = None
        if audio is not None and embed_audio:
            with tempfile.TemporaryDirectory() as scratch:
                tracks = _tracks(
                    data,
                    audio,
                    Path(scratch),
                    lambda file: "data:audio/wav;base64," + base64.b64encode(file.read_bytes()).decode("ascii"),
                )
        elif audio is not None:
            folder = target.parent / f"{target.stem}-audio"
            tracks = _tracks(data, audio, folder, lambda file: quote(f"{folder.name}/{file.name}"))
        target.write_text(render_html(data, tracks), encoding="utf-8")
    except OSError as error:
        where = error.filename if error.filename is not None else target
        raise SimulationError(f"cannot write the HTML report {where}: {error.strerror or error}") from None
    return target
