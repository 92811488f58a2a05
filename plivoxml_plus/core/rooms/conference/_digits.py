"""digitsMatch: which patterns a member's digits match (rule C7).

A member's digits collect in a buffer while they may still become one of its
patterns. A pattern is reported as soon as it is complete, unless it is also the
start of a longer pattern: then it is reported when the next digit does not
extend it, or when ``timeout`` passes without another digit. Digits that cannot
become a pattern are given back to be relayed (relayDTMF). Patterns are literal
strings of 0-9, * and #.
"""

from __future__ import annotations

__all__ = ["DigitMatcher"]


class DigitMatcher:
    __slots__ = ("buffer", "last_ms", "longer", "patterns", "prefixes", "timeout_ms")

    def __init__(self, patterns: tuple[str, ...], timeout_ms: int) -> None:
        self.patterns = frozenset(patterns)
        self.prefixes = frozenset(p[:i] for p in patterns for i in range(1, len(p) + 1))
        self.longer = frozenset(p[:i] for p in patterns for i in range(1, len(p)))  # proper prefixes
        self.timeout_ms = timeout_ms
        self.buffer = ""
        self.last_ms = 0

    def feed(self, digit: str, now: int) -> tuple[list[str], str, bool]:
        """One digit pressed at ``now``: (patterns matched, digits to relay,
        whether digits are held: call :meth:`resolve` after ``timeout_ms``)."""
        matched: list[str] = []
        relay = ""
        if self.buffer and now - self.last_ms > self.timeout_ms:
            matched, relay = self.resolve()
        self.last_ms = now
        candidate = self.buffer + digit
        if candidate not in self.prefixes:
            more, held = self.resolve()
            matched += more
            relay += held
            candidate = digit
            if candidate not in self.prefixes:
                return matched, relay + digit, False
        if candidate in self.patterns and candidate not in self.longer:
            self.buffer = ""
            matched.append(candidate)
            return matched, relay, False
        self.buffer = candidate
        return matched, relay, True

    def resolve(self) -> tuple[list[str], str]:
        """The held digits end: (the pattern they complete, if any; else the digits to relay)."""
        buffer, self.buffer = self.buffer, ""
        if not buffer:
            return [], ""
        if buffer in self.patterns:
            return [buffer], ""
        return [], buffer
