"""Plain data in and out: JSON-ready primitives, losslessly, and back with every error.

:func:`unstructure` turns any `dronemarket` object into dicts, lists, strings,
numbers, booleans and None, ready for :func:`json.dumps`; :func:`structure`
turns such data back into the object, and the round trip is exact:

>>> import json
>>> import dronemarket as dm
>>> specs = dm.Specs(ceiling="25,000 ft", mtow="650 kg")
>>> data = dm.unstructure(specs)
>>> data
{'mtow': '650 kg', 'ceiling': '25000 ft'}
>>> dm.structure(json.loads(json.dumps(data)), dm.Specs) == specs
True

Bad data is answered with one :class:`~dronemarket.StructureError` that lists
every problem with its path:

>>> dm.structure({"mtow": "12 m", "ceiling": 3}, dm.Specs)
Traceback (most recent call last):
...
dronemarket.errors.StructureError: 2 errors in the data
  mtow: expected a mass, got '12 m'
  ceiling: expected a length such as '12 m' or '30,000 ft', got 3

The wire forms, the size limits and the market document are described in
the "Loading and saving data" page of the documentation.

The package is split as cattrs splits its own: ``_paths`` (errors and their
paths), ``_limits`` (size limits), ``_codecs`` (leaf types), ``_shapes``
(dronemarket's own wire shapes), ``_generate`` (generated per-class
functions), ``_walk`` (the type walk), ``_document`` (the market document),
``_known`` (loading with ``known=``) and ``_converter`` (the public entry
points).
"""

from dronemarket.serialization._converter import (
    LoadResult,
    Rejected,
    load_market,
    load_records,
    make_converter,
    structure,
    unstructure,
)
from dronemarket.serialization._document import DOCUMENT_FORMAT, DOCUMENT_VERSION
from dronemarket.serialization._limits import (
    MAX_DEPTH,
    MAX_INTEGER,
    MAX_ITEMS,
    MAX_LENGTH,
    MAX_STRING,
)
from dronemarket.serialization._schema import json_schema

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "MAX_DEPTH",
    "MAX_INTEGER",
    "MAX_ITEMS",
    "MAX_LENGTH",
    "MAX_STRING",
    "LoadResult",
    "Rejected",
    "json_schema",
    "load_market",
    "load_records",
    "make_converter",
    "structure",
    "unstructure",
]
