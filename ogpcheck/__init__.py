"""ogpcheck: find translation errors across the language versions of a report."""

__version__ = "0.1.0"
