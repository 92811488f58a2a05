"""The linter on an app's worth of documents: linear in the size of the set.

Run from the repository root:

    .venv/bin/python bench/bench_lint.py

Builds N distinct documents (IVR menus, dials, conference and MPC joins, sound
documents, each with its own names and URLs, several joining each room, so the
rules across documents have work to do) and times ``lint`` over sets of 1,000 and
10,000 of them (best of 3), against ``validate`` of the same documents in the same
process: the baseline, since the linter reads and validates each document once
before its rules run. Linear means the cost per document at 10,000 is that at
1,000 (1.00x); a rule comparing every document with every other would cost 10x.
Target (issue 22): scaling <= 1.3x.
"""

from __future__ import annotations

import sys
import time

from plivoxml_plus import lint, validate

SIZES = (1_000, 10_000)
REPEATS = 3


def document(i: int) -> tuple[str, str]:
    """The i-th document of the app: a name and its text (every one distinct)."""
    room, host = f"room-{i // 4}", f"https://app{i % 97}.example.com"
    shapes = (
        f'<Response><GetDigits action="{host}/menu/{i}" numDigits="1"><Speak>Menu {i}</Speak></GetDigits>'
        f"<Redirect>{host}/again/{i}</Redirect></Response>",
        f'<Response><Dial action="{host}/dialled/{i}" callerId="1415555{i % 10000:04d}">'
        f"<Number>1415666{i % 10000:04d}</Number></Dial></Response>",
        f'<Response><Conference waitSound="{host}/hold-{i // 4}.xml" callbackUrl="{host}/events/{i}">'
        f"{room}</Conference></Response>",
        f'<Response><MultiPartyCall role="{("Agent", "Customer", "Supervisor")[i % 3]}" '
        f'statusCallbackUrl="{host}/mpc/{i}">mpc-{room}</MultiPartyCall></Response>',
        f"<Response><Play>{host}/music/{i}.mp3</Play></Response>",
    )
    return (f"hold-{i // 4}.xml" if i % 5 == 4 else f"doc-{i}.xml"), shapes[i % 5]


def best(run: object, documents: dict[str, str]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run(documents)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def validate_all(documents: dict[str, str]) -> None:
    for text in documents.values():
        validate(text)


def main() -> int:
    print(f"lint vs validate over distinct documents (best of {REPEATS}; Python {sys.version.split()[0]})\n")
    print("| documents | validate (s) | lint (s) | lint / validate | µs per document |")
    print("|---:|---:|---:|---:|---:|")
    per_document = []
    for size in SIZES:
        documents = dict(document(i) for i in range(size))
        assert len(documents) == size
        base, linted = best(validate_all, documents), best(lint, documents)
        per_document.append(linted / size)
        print(f"| {size:,} | {base:.3f} | {linted:.3f} | {linted / base:.2f}x | {linted / size * 1e6:.0f} |")
    scaling = per_document[1] / per_document[0]
    verdict = "met" if scaling <= 1.3 else "NOT met"
    sizes = f"{SIZES[1]:,} over {SIZES[0]:,}"
    print(f"\nScaling (cost per document at {sizes}): {scaling:.2f}x; target <= 1.3x: {verdict}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
