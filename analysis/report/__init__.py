"""Reports: run the notebooks with papermill, export code-free HTML, save charts and tables.

The family, by module:

- :mod:`.outputs`: :func:`~analysis.save_figure` and :func:`~analysis.save_table`, the one way report
  notebooks write files;
- :mod:`.display`: :func:`~analysis.show` (escaped, formatted tables), :func:`~analysis.describe_corpus`
  (the line under each report's title) and :func:`~analysis.describe_groups` (the line
  saying how the articles fall into the groups compared);
- :mod:`.notebooks`: where the report notebooks are (:func:`notebook_folder`,
  :data:`NOTEBOOK_DIR`; ``$DATELINE_NOTEBOOKS`` overrides) and the checks of their
  parameters;
- :mod:`.runner`: :func:`~analysis.run_report`, what ``python -m analysis report`` and
  ``make report`` call;
- :mod:`.index`: :func:`corpus_fingerprint`, :func:`headline_numbers` and the index page.
"""

from .display import describe_corpus, describe_groups, show
from .index import corpus_fingerprint, headline_numbers
from .notebooks import NOTEBOOK_DIR, notebook_folder
from .outputs import save_figure, save_table
from .runner import run_report

__all__ = ["save_figure", "save_table", "run_report", "NOTEBOOK_DIR", "corpus_fingerprint",
           "headline_numbers", "notebook_folder", "show", "describe_corpus", "describe_groups"]
