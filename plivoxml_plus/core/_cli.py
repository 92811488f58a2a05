"""``simulate`` subcommand (issue 4 fills this in)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    del commands


__all__ = ["argparse", "register"]
