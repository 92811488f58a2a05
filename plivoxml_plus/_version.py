"""The package's version: its one place. Hatch reads it for the package metadata
(pyproject.toml, [tool.hatch.version]); ``plivoxml_plus.__version__`` and
``plivoxml-plus --version`` import it. A release tags the commit ``v`` + this
(CONTRIBUTING.md)."""

__version__ = "0.1.0"
