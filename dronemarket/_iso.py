"""ISO 3166 countries, ISO 4217 currencies and ISO 639 languages, from pycountry.

pycountry is imported on first use, not when `dronemarket` is imported: it
costs tens of milliseconds to import (it reads its own package metadata).
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["countries", "currencies", "languages"]


@functools.cache
def _pycountry() -> Any:  # noqa: ANN401 - pycountry ships no type information
    import pycountry  # noqa: PLC0415 - deferred on purpose, see the module docstring

    return pycountry


def countries() -> Any:  # noqa: ANN401
    """Return pycountry's ISO 3166-1 country database."""
    return _pycountry().countries


def currencies() -> Any:  # noqa: ANN401
    """Return pycountry's ISO 4217 currency database."""
    return _pycountry().currencies


def languages() -> Any:  # noqa: ANN401
    """Return pycountry's ISO 639 language database."""
    return _pycountry().languages
