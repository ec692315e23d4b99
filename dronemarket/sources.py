"""Where a fact comes from, and how sure anyone is of it.

>>> import dronemarket as dm
>>> reuters = dm.Source(
...     "Chinese experts help Russia develop drones, documents show",
...     publisher="Reuters",
...     published=dm.PartialDate(2025, 9),
... )
>>> reuters.language
'en'
>>> dm.Confidence.DENIED.value
'denied'
"""

from __future__ import annotations

import enum
import re

import attrs
from attrs import field, frozen

from dronemarket import _iso
from dronemarket import _validate as v
from dronemarket.dates import PartialDate
from dronemarket.errors import UnknownCodeError

__all__ = ["Confidence", "Source"]

_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


class Confidence(enum.Enum):
    """How certain a reported fact is.

    A claim one side reports and another denies is held as a record with
    confidence ``REPORTED`` (or ``DENIED``) and a
    :class:`~dronemarket.Statement` from each party.
    """

    CONFIRMED = "confirmed"
    """Confirmed by a party to it (a government, a manufacturer, a buyer)."""
    REPORTED = "reported"
    """Reported by a credible source, not confirmed by a party."""
    UNCONFIRMED = "unconfirmed"
    """Claimed, but neither confirmed by a party nor credibly reported."""
    DENIED = "denied"
    """Denied by a party to it."""


def _check_language(instance: Source, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or len(value) != 2 or not (value.isascii() and value.islower()):
        v.fail(instance, attribute, value, "is not an ISO 639-1 language code such as 'en'")
    if value not in _iso.LANGUAGE_CODES:
        raise UnknownCodeError(
            type(instance).__name__, attribute.name, value, "is not an ISO 639-1 language code"
        )


def _check_url(instance: Source, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        return
    v.text()(instance, attribute, value)
    if not _URL.fullmatch(value):
        v.fail(instance, attribute, value, "is not an http(s) address")


@frozen(cache_hash=True)
class Source:
    """A published source: an article, a report, a manufacturer's page."""

    title: str = field(validator=v.text())
    """The title as published."""
    publisher: str = field(kw_only=True, validator=v.text())
    """Who published it: an outlet, an agency, a manufacturer."""
    url: str | None = field(default=None, kw_only=True, validator=_check_url)
    """Its address, when it has a public one."""
    published: PartialDate | None = field(
        default=None, kw_only=True, validator=v.optional(v.is_a(PartialDate))
    )
    """When it was published, as precisely as known."""
    language: str = field(default="en", kw_only=True, validator=_check_language)
    """The ISO 639-1 code of the language it is written in."""
