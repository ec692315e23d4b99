"""ISO 3166 countries, ISO 4217 currencies and ISO 639 languages, from pycountry.

pycountry is imported on first use, not when `dronemarket` is imported: it
costs tens of milliseconds to import (it reads its own package metadata).
"""

from __future__ import annotations

import functools
from typing import Any, Final

__all__ = [
    "LANGUAGE_CODES",
    "countries",
    "currencies",
    "historic",
    "historic_lookup",
    "languages",
]


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


LANGUAGE_CODES: Final = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    """.split()  # noqa: SIM905 - 184 codes read best as words
)
"""The 184 ISO 639-1 (two-letter) language codes, as pycountry's ISO 639 database gives them.

Kept here so that checking a source's language does not load that database
(about 8,000 languages, a tenth of a second); a test checks it against pycountry.
"""


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
