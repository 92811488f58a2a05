"""Where the documentation lives, for texts a user reads outside the repository
(``--help``): a wheel user has the site, not ``docs/``. The same URL is
``site_url`` in mkdocs.yml and Documentation in pyproject.toml (tests/test_packaging.py
ties the three)."""

from __future__ import annotations

__all__ = ["DOCS_URL", "docs_url"]

DOCS_URL = "https://plivoxml-plus.github.io/plivoxml-plus/"


def docs_url(page: str = "", anchor: str = "") -> str:
    """The site's URL of ``page`` (docs/PAGE.md), at ``anchor`` if given."""
    url = DOCS_URL + (f"{page}/" if page else "")
    return f"{url}#{anchor}" if anchor else url
