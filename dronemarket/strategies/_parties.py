"""Strategies for dates, sources, countries, and the parties to a record.

Organizations, suppliers, recipients, statements and sanctions.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from dronemarket.dates import PartialDate
from dronemarket.errors import ValidationError
from dronemarket.parties import (
    Country,
    Organization,
    OrgKind,
    Recipient,
    Sanction,
    SanctionAuthority,
    Statement,
    Supplier,
)
from dronemarket.sources import Confidence, Source
from dronemarket.strategies._checks import (
    _check_years,
    _choose,
    _collection,
    _countries_of,
    _country_argument,
    _members,
)
from dronemarket.strategies._drawing import (
    _END_USERS,
    _GO_BETWEENS,
    _MAKERS,
    _draw_country,
    _draw_date,
    _draw_org,
    _draw_pooled,
    _draw_source,
    _draw_sources,
    _maybe,
    _Orgs,
)
from dronemarket.strategies._vocabulary import (
    _LANGUAGES,
    _PERSONS,
    _PRECISIONS,
    _PROGRAMS,
    COUNTRY_CODES,
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    Precision,
)

# --- dates, sources, parties --------------------------------------------------------------------


@st.composite
def _partial_dates(
    draw: st.DrawFn, min_year: int, max_year: int, precisions: tuple[Precision, ...]
) -> PartialDate:
    return _draw_date(draw, min_year, max_year, precisions)


def partial_dates(
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    *,
    precision: Precision | Collection[Precision] | None = None,
) -> SearchStrategy[PartialDate]:
    """Generate :class:`~dronemarket.PartialDate` s between `min_year` and `max_year`.

    `precision` is ``"year"``, ``"month"`` or ``"day"``, or a collection of
    them (default: any). Dates shrink to the year `min_year`.
    """
    _check_years(min_year, max_year)
    wanted: Collection[str] = (
        _PRECISIONS
        if precision is None
        else (precision,)
        if isinstance(precision, str)
        else _collection(precision, "precision")
    )
    if not set(wanted) <= set(_PRECISIONS):
        raise InvalidArgument(f"precision={precision!r} is not one of {_PRECISIONS}")
    return _partial_dates(min_year, max_year, tuple(p for p in _PRECISIONS if p in wanted))


@st.composite
def _sources(draw: st.DrawFn, languages: tuple[str, ...]) -> Source:
    return _draw_source(draw, languages)


def sources(*, languages: Collection[str] | None = None) -> SearchStrategy[Source]:
    """Generate :class:`~dronemarket.Source` s: a realistic headline and publisher.

    `languages` restricts the ISO 639-1 codes (default: en, de, it, fr, ru, tr).
    Sources shrink to an English Reuters article with no date or address.
    """
    chosen = _LANGUAGES if languages is None else tuple(_collection(languages, "languages"))
    for code in chosen:
        try:
            Source("title", publisher="publisher", language=code)
        except ValidationError:
            raise InvalidArgument(f"languages holds {code!r}, not an ISO 639-1 code") from None
    return _sources(chosen)


def countries(*, codes: Collection[str] | None = None) -> SearchStrategy[Country]:
    """Generate :class:`~dronemarket.Country` s.

    Drawn from `codes` (ISO 3166-1 alpha-3), by default from
    :data:`COUNTRY_CODES`, countries that make or buy military drones.
    Examples shrink to the first code (Türkiye by default).
    """
    if codes is None:
        return st.sampled_from(COUNTRY_CODES).map(Country)
    chosen = [_country_argument(code, "codes").code for code in _collection(codes, "codes")]
    return st.sampled_from(chosen).map(Country)


@st.composite
def _organizations(
    draw: st.DrawFn, kinds: tuple[OrgKind, ...], where: SearchStrategy[Country] | None
) -> Organization:
    return _draw_org(draw, kinds, None if where is None else draw(where))


def organizations(
    *,
    kinds: Collection[OrgKind] | None = None,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
) -> SearchStrategy[Organization]:
    """Generate :class:`~dronemarket.Organization` s of the given `kinds` and `countries`.

    Names are realistic and readable ("Sky Dynamics", "Kazakhstan Air
    Force"); `countries` is a collection of countries (or alpha-3 codes) or
    a strategy, by default :func:`countries`.
    """
    return _organizations(_members(kinds, OrgKind, "kinds"), _countries_of(countries, "countries"))


def _draw_supplier(
    draw: st.DrawFn,
    where: SearchStrategy[Country] | None,
    makers: _Orgs,
    known: bool | None,
) -> Supplier:
    if known is False or (known is None and draw(st.integers(0, 4)) == 4):
        return Supplier()
    country = _draw_country(draw) if where is None else draw(where)
    return Supplier(country, manufacturer=makers.maybe(draw, _MAKERS, country))


_suppliers = st.composite(_draw_supplier)


def suppliers(
    *,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
    manufacturers: Collection[Organization] | SearchStrategy[Organization] | None = None,
    known: bool | None = None,
) -> SearchStrategy[Supplier]:
    """Generate :class:`~dronemarket.Supplier` s: an exporting country, maybe with its maker.

    The manufacturer, when there is one, is drawn from `manufacturers`, by
    default a new one in the supplier's country. `known=True` always gives
    a country, `known=False` always the unknown ``Supplier()``; by default
    about one in five is unknown.
    """
    orgs = _Orgs.given(manufacturers, "manufacturers")
    return _suppliers(_countries_of(countries, "countries"), orgs, known)


def _draw_recipient(
    draw: st.DrawFn,
    country_of: Callable[[], Country],
    users: _Orgs,
    known: bool | None,
) -> Recipient:
    country = None
    if known is True or (known is None and draw(st.integers(0, 4)) != 4):
        country = country_of()
    end_user = users.maybe(draw, _END_USERS, country)
    if country is None and end_user is not None and end_user.kind is not OrgKind.NON_STATE_GROUP:
        end_user = None  # only a non-state group is named without the recipient's country
    return Recipient(country, end_user=end_user)


@st.composite
def _recipients(
    draw: st.DrawFn, where: SearchStrategy[Country] | None, users: _Orgs, known: bool | None
) -> Recipient:
    def country_of() -> Country:
        return _draw_country(draw) if where is None else draw(where)

    return _draw_recipient(draw, country_of, users, known)


def recipients(
    *,
    countries: Collection[Country | str] | SearchStrategy[Country] | None = None,
    end_users: Collection[Organization] | SearchStrategy[Organization] | None = None,
    known: bool | None = None,
) -> SearchStrategy[Recipient]:
    """Generate :class:`~dronemarket.Recipient` s: an importing country, maybe with its end user.

    The end user, when there is one, is drawn from `end_users`, by default a
    new armed service, ministry or non-state group in the recipient's
    country. `known` works as in :func:`suppliers`.
    """
    orgs = _Orgs.given(end_users, "end_users")
    return _recipients(_countries_of(countries, "countries"), orgs, known)


def _draw_statement(
    draw: st.DrawFn, positions: Sequence[Confidence], party: Callable[[], Organization | Country]
) -> Statement:
    return Statement(
        party(),
        position=draw(st.sampled_from(positions)),
        source=_draw_source(draw),
        date=_maybe(draw, lambda: _draw_date(draw)),
        quote=draw(st.sampled_from(("", "We deny these reports.", "The contract is signed."))),
    )


_T = TypeVar("_T")
_R = TypeVar("_R")


@st.composite
def _given_or(
    draw: st.DrawFn,
    make: Callable[[st.DrawFn, Callable[[], _T]], _R],
    given: SearchStrategy[_T] | None,
    first: Callable[[st.DrawFn], _T],
    second: Callable[[st.DrawFn], _T],
) -> _R:
    """Make a record whose party is drawn from `given`, or else from `first` or `second`."""

    def one() -> _T:
        if given is not None:
            return draw(given)
        return first(draw) if draw(st.booleans()) else second(draw)

    return make(draw, one)


_POSITIONS: Final = (Confidence.DENIED, Confidence.CONFIRMED)


def statements(
    *,
    positions: Collection[Confidence] | None = None,
    parties: Collection[Organization | Country]
    | SearchStrategy[Organization | Country]
    | None = None,
) -> SearchStrategy[Statement]:
    """Generate :class:`~dronemarket.Statement` s: a party confirming or denying a fact.

    `positions` is a subset of ``{CONFIRMED, DENIED}`` (default: both);
    `parties` by default are countries or new organizations.
    """
    chosen = _POSITIONS if positions is None else _members(positions, Confidence, "positions")
    if not set(chosen) <= set(_POSITIONS):
        raise InvalidArgument(f"positions={positions!r}: a party only confirms or denies")
    kept = tuple(p for p in _POSITIONS if p in chosen)
    return _given_or(
        lambda draw, party: _draw_statement(draw, kept, party),
        _choose(parties, "parties"),
        lambda draw: _draw_pooled(draw, tuple(OrgKind)),
        _draw_country,
    )


def _draw_sanction(
    draw: st.DrawFn,
    authorities: Sequence[SanctionAuthority],
    target: Callable[[], Organization | str],
) -> Sanction:
    return Sanction(
        draw(st.sampled_from(authorities)),
        target=target(),
        imposed=_maybe(draw, lambda: _draw_date(draw)),
        sources=_draw_sources(draw),
        program=_maybe(draw, lambda: draw(st.sampled_from(_PROGRAMS))),
    )


def sanctions(
    *,
    authorities: Collection[SanctionAuthority] | None = None,
    targets: Collection[Organization | str] | SearchStrategy[Organization | str] | None = None,
) -> SearchStrategy[Sanction]:
    """Generate :class:`~dronemarket.Sanction` s on an organization or a person.

    `targets` by default are new organizations (intermediaries first) or a
    person's name.
    """
    chosen = _members(authorities, SanctionAuthority, "authorities")
    kinds = (OrgKind.INTERMEDIARY, *(k for k in OrgKind if k not in _GO_BETWEENS))
    return _given_or(
        lambda draw, target: _draw_sanction(draw, chosen, target),
        _choose(targets, "targets"),
        lambda draw: draw(st.sampled_from(_PERSONS)),
        lambda draw: _draw_pooled(draw, kinds),
    )
