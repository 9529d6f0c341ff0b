"""save_figure and save_table: the one way report notebooks write files."""

import pandas as pd
import pytest

from analysis import save_figure, save_table


def test_save_helpers_refuse_unsafe_names(tmp_path):
    table = pd.DataFrame({"a": [1]})
    assert save_table(table, "ok_name", tmp_path) is table
    assert (tmp_path / "tables" / "ok_name.csv").read_text() == "a\n1\n"
    for bad in ("../escape", "a/b", "", ".hidden"):
        with pytest.raises(ValueError, match="is not a safe file name"):
            save_table(table, bad, tmp_path)
    with pytest.raises(ValueError, match="is not a safe file name"):
        save_figure(object(), "../x", tmp_path)
