"""Sphinx configuration: MyST markdown pages, autodoc reference, the furo theme.

The build needs no network: there is no intersphinx. CI builds with
``sphinx-build -W --keep-going -b html docs <out>`` (warnings are errors).
"""

from __future__ import annotations

from pathlib import Path

import dronemarket

project = "dronemarket"
author = "The dronemarket authors"
copyright = "2025, The dronemarket authors"
release = dronemarket.__version__
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc", "matplotlib.sphinxext.plot_directive"]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}

html_theme = "furo"
html_title = f"dronemarket {release}"

# Plots (docs/plotting.md): matplotlib's plot directive runs each {plot} block
# at build time and saves its images into the build directory. It collects the
# figures pyplot manages, so `show` hands a dronemarket figure (built without
# pyplot) to pyplot. `imported()` reads the invented SIPRI test fixture.
_SIPRI_FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/sipri/register.csv"
plot_pre_code = f"""
from pathlib import Path
from matplotlib import pyplot as plt
import dronemarket as dm
from dronemarket import plot, sipri

def show(figure):
    plt.figure(figure)

def imported():
    data = Path({str(_SIPRI_FIXTURE)!r}).read_bytes()
    return sipri.read(data, drones_only=True).market
"""
plot_include_source = False
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 100)]
