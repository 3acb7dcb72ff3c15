"""The catalogue of the law as coded: a static HTML site and Markdown of every parameter, variable and scheme.

- :func:`build_catalogue` writes the site (``openfisca-ajk catalogue``);
- :func:`check_site` checks its internal links (``openfisca-ajk catalogue --check``).
"""

from openfisca_ajk.catalogue.build import BuildResult, build_catalogue
from openfisca_ajk.catalogue.links import LinkReport, check_site

__all__ = ["BuildResult", "LinkReport", "build_catalogue", "check_site"]
