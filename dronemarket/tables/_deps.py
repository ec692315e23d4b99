"""The optional dependencies of the tables: imported on first use, with a friendly error."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Final

from dronemarket.errors import DroneMarketError

__all__ = ["EXTRAS", "MissingExtraError", "require"]

EXTRAS: Final = {
    "pyarrow": "arrow",
    "pandas": "pandas",
    "polars": "polars",
    "networkx": "networkx",
}
"""The extra that installs each optional module: ``pip install "dronemarket[arrow]"``."""


class MissingExtraError(DroneMarketError, ImportError):
    """An optional dependency is not installed; the message names the extra to install.

    It is an :class:`ImportError` too, so code that already guards an import
    catches it.
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        """The module that could not be imported (``"pyarrow"``)."""
        self.extra = extra
        """The extra that installs it (``"arrow"``)."""
        message = (
            f"{module} is not installed: it comes with dronemarket's {extra!r} extra "
            f'(python -m pip install "dronemarket[{extra}]")'
        )
        super().__init__(message)

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str]]:
        return (type(self), (self.module, self.extra))


def require(module: str) -> ModuleType:
    """Import optional `module` (one of :data:`EXTRAS`), or raise :class:`MissingExtraError`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, EXTRAS[module.partition(".")[0]]) from None
