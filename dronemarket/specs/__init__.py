"""A platform's specifications: the one table of specs, reported values, figures, `Specs`.

A spec is a Quantity in the unit it was published in. Published figures
disagree, so a spec can hold every reported value, each with its source; plain
attribute access answers with the *preferred* one, the first given:

>>> import dronemarket as dm
>>> army_tech = dm.Source("Bayraktar TB2", publisher="Army Technology")
>>> baykar_site = dm.Source("Bayraktar TB2 technical specifications", publisher="Baykar")
>>> specs = dm.Specs(
...     mtow=[dm.Reported("650 kg", baykar_site), dm.Reported("630 kg", army_tech)],
...     payload=[dm.Reported("150 kg", baykar_site), dm.Reported("55 kg", army_tech)],
...     ceiling="25,000 ft",
... )
>>> specs.mtow
<Quantity(650, 'kilogram')>
>>> [str(report) for report in specs.reported("payload")]
['150 kg (Baykar)', '55 kg (Army Technology)']
>>> specs.disputed
('mtow', 'payload')

Specs are equal, and hash equal, by value whatever the unit spelling:

>>> dm.Specs(wingspan="12 m") == dm.Specs(wingspan="1200 cm")
True
"""

from dronemarket.specs._reported import Figure, Reported
from dronemarket.specs._specs import Specs
from dronemarket.specs._table import SPEC_FIELDS, SpecField

__all__ = ["SPEC_FIELDS", "Figure", "Reported", "SpecField", "Specs"]
