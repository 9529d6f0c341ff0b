import networkx as nx
import pandas as pd
import pytest

import analysis
from analysis import actor_counts, actor_mentions, actor_registry, co_mention_graph, co_mentions
from analysis.actors import MENTION_COLUMNS, build_default_registry

from ..conftest import shared_path


def test_shipped_registry_is_the_built_one():
    """analysis/data/actors.csv is what `python -m analysis.actors` builds from pycountry
    and the two hand-kept files: edit those, then rebuild."""
    pd.testing.assert_frame_equal(actor_registry(), build_default_registry())


def test_registry_contents():
    reg = actor_registry().set_index("actor_id")
    assert len(reg[reg["kind"] == "country"]) == 249
    assert {"KAZ", "RUS", "SYR", "UN", "UNSC", "NATO", "EU", "OSCE", "SCO", "CSTO", "CICA", "CIS",
            "EAEU", "BRICS", "ASEAN", "AU", "ARAB_LEAGUE", "OPEC", "IAEA", "ISIL", "AQ",
            "TALIBAN", "HAMAS", "HEZBOLLAH", "TASS", "REUTERS", "AP", "AFP", "XINHUA"} <= set(reg.index)
    assert "CICMA" in reg.loc["CICA", "aliases"].split("|")
    assert {"Kazakh", "Kazakhs"} <= set(reg.loc["KAZ", "aliases"].split("|"))
    assert set(reg["kind"]) <= {"country", "igo", "organisation", "armed_group", "person",
                                "place", "media", "nationality"}


def test_extra_registry_rows_add_and_override(tmp_path):
    extra = tmp_path / "people.csv"
    extra.write_text("actor_id,name,kind,aliases,role\n"
                     "KARIN,Yerlan Karin,person,Yerlan Karin|Karin,expert\n"
                     "SCO,Shanghai Cooperation Organization,igo,SCO|Shanghai Five,\n",
                     encoding="utf-8")
    reg = actor_registry(extra)
    assert reg.set_index("actor_id").loc["KARIN", "role"] == "expert"
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Yerlan Karin said the Shanghai Five met. "
                                                    "Karin added."]})
    assert actor_mentions(docs, registry=reg)["actor_id"].tolist() == ["KARIN", "SCO", "KARIN"]
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['kind'\]"):
        actor_registry(pd.DataFrame({"actor_id": ["X"], "name": ["X"], "aliases": ["X"]}))
    with pytest.raises(ValueError, match=r"kind \['alien'\] is not one of"):
        actor_registry(pd.DataFrame({"actor_id": ["X"], "name": ["X"], "kind": ["alien"],
                                     "aliases": ["X"]}))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        actor_registry(tmp_path / "none.csv")
