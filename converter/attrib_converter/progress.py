"""How library code reports long-running steps without printing itself."""

from collections.abc import Callable

Progress = Callable[[str], None]
"""Receives one short human-readable line per step; the caller decides where
it goes (the CLI writes it to stderr)."""


def silent(_message: str) -> None:
    """A :data:`Progress` that drops every message."""
