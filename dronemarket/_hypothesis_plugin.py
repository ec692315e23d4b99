"""Hypothesis entry point: registers `dronemarket`'s strategies for ``st.from_type``."""

from __future__ import annotations


def _register() -> None:
    """Register a strategy for every public type (filled in by `strategies`)."""
