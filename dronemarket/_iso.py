"""ISO 3166 countries, ISO 4217 currencies and ISO 639 languages, from pycountry.

pycountry is imported on first use, not when `dronemarket` is imported: it
costs tens of milliseconds to import (it reads its own package metadata).
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["countries", "currencies", "historic", "historic_lookup", "languages"]


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


@functools.cache
def _historic_by_alpha3() -> dict[str, Any]:
    return {record.alpha_3: record for record in _pycountry().historic_countries}


def historic(alpha_3: str) -> Any:  # noqa: ANN401
    """Return ISO 3166-3's record of the former country `alpha_3`, or None.

    A code ISO 3166-1 still uses (``ATF``) is a current country, not a former one.
    """
    if countries().get(alpha_3=alpha_3) is not None:
        return None
    return _historic_by_alpha3().get(alpha_3)


def historic_lookup(text: str) -> str | None:
    """Return the alpha-3 code of the former country named or coded `text`, or None."""
    try:
        record = _pycountry().historic_countries.lookup(text)
    except LookupError:
        return None
    code = str(record.alpha_3)
    return code if historic(code) is not None else None
