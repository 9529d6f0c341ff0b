"""The loader's cache: the same table and problems, and a changed file is parsed again."""

import pandas as pd

import analysis

from ..conftest import SAMPLE, shared_path


def _same(a, b):
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(analysis.problems(a), analysis.problems(b))


def test_cached_load_equals_uncached(tmp_path):
    for source in (SAMPLE, shared_path("abc_lee_2001"), shared_path("tass_2024")):
        plain = analysis.load_corpus(source, errors="ignore", cache=False)
        cold = analysis.load_corpus(source, errors="ignore", cache=tmp_path)
        warm = analysis.load_corpus(source, errors="ignore", cache=tmp_path)
        _same(plain, cold)
        _same(plain, warm)
    info = analysis.cache.cache_info(tmp_path)
    # Files parsed: 16 in the sample (an archive is one), the Lee .cor file, TASS's JSON
    # (its LICENSE is skipped before parsing).
    assert set(info["kind"]) == {"load"} and info["articles"].sum() == 16 + 1 + 1


def test_cached_load_keeps_problems_and_sees_changes(tmp_path, write):
    good = write("a.txt", "Title\n\nMOSCOW, May 2. /TASS/. The CSTO met.\n")
    write("b.json", '[{"title": "x", "text": "fine"}, {"title": ')
    write("c.txt", b"")
    corpus = good.parent
    cache = tmp_path / "cache"
    first = analysis.load_corpus(corpus, errors="ignore", year=2025, cache=cache)
    again = analysis.load_corpus(corpus, errors="ignore", year=2025, cache=cache)
    _same(first, again)
    assert len(analysis.problems(again)) == 2
    good.write_text("Title\n\nMOSCOW, May 3. /TASS/. The SCO met.\n", encoding="utf-8")
    changed = analysis.load_corpus(corpus, errors="ignore", year=2025, cache=cache)
    _same(changed, analysis.load_corpus(corpus, errors="ignore", year=2025, cache=False))
    assert changed.loc["a.txt", "text"] == "The SCO met."
    other_year = analysis.load_corpus(corpus, errors="ignore", year=2024, cache=cache)
    assert other_year.loc["a.txt", "date"].year == 2024


def test_a_tampered_segment_is_ignored(tmp_path, write, capsys):
    import pickle

    path = write("a.txt", "Title\n\nMOSCOW, May 2. /TASS/. The CSTO met.\n")
    cache = tmp_path / "cache"
    first = analysis.load_corpus(path.parent, errors="ignore", cache=cache)
    (segment,) = cache.glob("load-*/seg-*.pkl")

    class Boom:
        def __reduce__(self):
            return (print, ("unpickled code ran",))

    stored = pickle.loads(segment.read_bytes())
    segment.write_bytes(pickle.dumps({k: Boom() for k in stored}))
    _same(first, analysis.load_corpus(path.parent, errors="ignore", cache=cache))
    assert "unpickled code ran" not in capsys.readouterr().out


def test_a_file_changed_while_loading_is_not_cached_under_its_old_bytes(tmp_path, write,
                                                                         monkeypatch):
    from analysis import cache as cache_module

    path = write("a.txt", "Title\n\nMOSCOW, May 2. /TASS/. The CSTO met.\n")
    cache = tmp_path / "cache"
    original = cache_module.per_key_objects

    def edit_first(*args, **kwargs):
        # The file changes after it was hashed, before it is parsed.
        path.write_text("Title\n\nMOSCOW, May 3. /TASS/. The SCO met.\n", encoding="utf-8")
        return original(*args, **kwargs)

    monkeypatch.setattr(cache_module, "per_key_objects", edit_first)
    first = analysis.load_corpus(path.parent, errors="ignore", cache=cache)
    monkeypatch.setattr(cache_module, "per_key_objects", original)
    assert first.loc["a.txt", "text"] == "The SCO met."
    assert not list(cache.glob("load-*/seg-*.pkl"))         # nothing stored for the old bytes
    _same(analysis.load_corpus(path.parent, errors="ignore", cache=cache),
          analysis.load_corpus(path.parent, errors="ignore", cache=False))


def test_an_archive_is_one_cached_item_keyed_by_its_bytes(tmp_path, write):
    import gzip
    import io
    import zipfile

    def zipped(members):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in members.items():
                archive.writestr(name, text)
        return buffer.getvalue()

    members = {"2024/a.txt": "Title\n\nMOSCOW, May 2. /TASS/. The CSTO met.\n",
               "b.json": '[{"title": "x", "text": "fine"}, {"title": ', "c.txt": ""}
    path = write("batch.zip", zipped(members))
    write("feed.jsonl.gz", gzip.compress(b'{"title": "t", "text": "A record."}\n{"ti'))
    corpus, cache = path.parent, tmp_path / "cache"
    plain = analysis.load_corpus(corpus, errors="ignore", cache=False)
    cold = analysis.load_corpus(corpus, errors="ignore", cache=cache)
    warm = analysis.load_corpus(corpus, errors="ignore", cache=cache)
    _same(plain, cold)
    _same(plain, warm)
    assert plain.index.tolist() == ["batch.zip/2024/a.txt", "batch.zip/b.json#1",
                                    "feed.jsonl.gz#1"]
    assert len(analysis.problems(warm)) == 3
    # Two items: the archive (all its members together) and the .gz file.
    assert analysis.cache.cache_info(cache)["articles"].sum() == 2
    members["2024/a.txt"] = "Title\n\nMOSCOW, May 3. /TASS/. The SCO met.\n"
    path.write_bytes(zipped(members))
    changed = analysis.load_corpus(corpus, errors="ignore", cache=cache)
    _same(changed, analysis.load_corpus(corpus, errors="ignore", cache=False))
    assert changed.loc["batch.zip/2024/a.txt", "text"] == "The SCO met."
