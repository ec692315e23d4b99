"""Hypothesis entry point: registers `dronemarket`'s strategies for ``st.from_type``.

Hypothesis calls :func:`_register` when it is imported, through the
``hypothesis`` entry point declared in ``pyproject.toml``. After that,
``st.from_type(dm.Deal)`` (and ``st.builds`` of anything taking a ``Deal``)
yields valid deals with no import of :mod:`dronemarket.strategies`.

Each registration is a function of the type, resolved when a strategy is
first asked for, so importing Hypothesis imports neither
:mod:`dronemarket.strategies` nor builds pint's unit registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    """Return a resolver calling ``dronemarket.strategies.<name>()`` when first used."""

    def resolve(_: type[Any]) -> Any:  # noqa: ANN401 - a SearchStrategy of the registered type
        module = importlib.import_module("dronemarket.strategies")
        return getattr(module, name)()

    return resolve


# The public type (by its name in dronemarket) and the strategy that yields it.
_STRATEGIES = {
    "Country": "countries",
    "Organization": "organizations",
    "PartialDate": "partial_dates",
    "Source": "sources",
    "Statement": "statements",
    "Supplier": "suppliers",
    "Recipient": "recipients",
    "Sanction": "sanctions",
    "Count": "counts",
    "Delivery": "deliveries",
    "Money": "money",
    "Specs": "specs",
    "Platform": "platforms",
    "Deal": "deals",
    "LicensedProduction": "licensed_production",
    "Cooperation": "cooperations",
    "Market": "markets",
}
# Types whose strategy needs an argument: a dimension for their values.
_DIMENSIONED = {"Reported": "reported", "Figure": "figures"}


def _dimensioned(name: str) -> Callable[[type[Any]], Any]:
    """Return a resolver drawing a dimension, then a value of that dimension."""

    def resolve(_: type[Any]) -> Any:  # noqa: ANN401 - a SearchStrategy of the registered type
        from hypothesis import strategies as st  # noqa: PLC0415 - imported when used

        from dronemarket import strategies  # noqa: PLC0415
        from dronemarket.units import Dimension  # noqa: PLC0415

        make = getattr(strategies, name)
        return st.sampled_from(Dimension).flatmap(make)

    return resolve


def _register() -> None:
    """Register a strategy for every public type with ``st.register_type_strategy``.

    Called by Hypothesis on import. Hypothesis and `dronemarket` are
    imported here, not at module level, and a `dronemarket` that cannot be
    imported (a broken install) registers nothing rather than breaking
    Hypothesis.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - the plugin loads lazily

    try:
        import dronemarket  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a broken install must not break Hypothesis
        return
    for type_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(dronemarket, type_name), _lazy(strategy_name))
    for type_name, strategy_name in _DIMENSIONED.items():
        st.register_type_strategy(getattr(dronemarket, type_name), _dimensioned(strategy_name))
