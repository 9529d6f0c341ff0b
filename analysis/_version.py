"""The kit's version: one home, read by the package, the cache and the report manifest."""

__version__ = "0.1.0"
