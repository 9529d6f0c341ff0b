"""show: tables escaped and formatted for notebooks and reports."""

import pandas as pd
import pytest

import analysis

HOSTILE = "<script>alert(1)</script>"


def test_show_escapes_and_formats():
    table = pd.DataFrame({"title": [HOSTILE, None], "share": [0.125, 1.0], "count": [1234, 5],
                          "<b>col</b>": [1.5, 2.25]})
    page = analysis.show(table).to_html()
    assert "&lt;script&gt;" in page and HOSTILE not in page and "<b>col" not in page
    assert "12.5%" in page and "1,234" in page and "2.25" in page
    cells = analysis.show(pd.DataFrame({"section": [["<svg onload=alert(2)>"], None]})).to_html()
    assert "<svg" not in cells and "&lt;svg onload=alert(2)&gt;" in cells
    with pytest.raises(ValueError, match=r"formats=.* names columns \['nope'\]"):
        analysis.show(table, formats={"nope": "{:.1f}"})


def test_show_cuts_a_very_long_cell_and_says_so():
    blob = "A" + "b" * 199_999
    page = analysis.show(pd.DataFrame({"term": [blob, "sco"]})).to_html()
    assert blob not in page and "b" * 998 in page and "(200,000 characters" in page
    assert "sco" in page
