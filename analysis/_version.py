"""The kit's version: one home, read by the package, the cache and the report manifest."""

# A new version also starts new cache namespaces: results cached by an older kit (which may
# have loaded or counted differently) are not reused.
__version__ = "0.3.0.dev0"
