"""Sphinx configuration: MyST markdown pages, autodoc reference, the furo theme.

The build needs no network: there is no intersphinx. CI builds with
``sphinx-build -W --keep-going -b html docs <out>`` (warnings are errors).
"""

from __future__ import annotations

import dronemarket

project = "dronemarket"
author = "The dronemarket authors"
copyright = "2025, The dronemarket authors"
release = dronemarket.__version__
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc"]

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
