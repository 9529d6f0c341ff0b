"""Quotes and their speakers (see :mod:`analysis.quotes.table` for :func:`quotes`)."""

from .ledger import LEDGER_COLUMNS, quote_ledger
from .table import CONFIDENCE, QUOTE_COLUMNS, quotes

__all__ = ["quotes", "quote_ledger", "QUOTE_COLUMNS", "LEDGER_COLUMNS", "CONFIDENCE"]
