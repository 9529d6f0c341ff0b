"""Compressed files and archives load like the same files uncompressed in a folder; what
cannot be read is a problems row, and the members around it are still loaded."""

import bz2
import gzip
import io
import lzma
import os
import tarfile
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import analysis

from .helpers import load, rows, tar_bytes, write_folder, zip_bytes

ARTICLES = {
    "2024/a.txt": "CSTO meets in Moscow\n\nMOSCOW, May 2. /TASS/. The CSTO met on Tuesday.\n\n"
                  "Ministers discussed the border.\n",
    "2024/b.txt": "Markets rise\n\nLONDON (Reuters) - Markets rose on Friday after the data.\n",
    "world/c.txt": "Summit ends\n\nASTANA, May 20. /TASS/. The summit ended with a joint "
                   "statement.\n",
    "feed.jsonl": '{"title": "First", "text": "Body of the first record.", "date": "2024-03-01"}\n'
                  '{"headline": "Second", "body": "Body of the second record.", "extra": 7}\n',
}
SINGLE = {
    "feed.jsonl": ARTICLES["feed.jsonl"],
    "story.txt": ARTICLES["2024/a.txt"],
    "table.csv": "title,text,date\nOne,The first row's body.,2024-01-05\n"
                 "Two,\"The second, quoted body.\",2024-01-06\n",
}
COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def make_zip(path: Path, members: dict, compression=zipfile.ZIP_DEFLATED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, text in members.items():
            archive.writestr(name, text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def make_tar(path: Path, members: dict, mode: str = "w") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, mode) as archive:
        for name, text in members.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def assert_same_articles(packed, plain, doc_ids):
    """The same table but for doc_id and source, which are checked exactly."""
    assert packed["doc_id"].tolist() == doc_ids
    assert packed.index.tolist() == doc_ids
    body = lambda frame: frame.drop(columns=["doc_id", "source"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(body(packed), body(plain))


# ---------------------------------------------------------------------------------------
# Compressed single files
# ---------------------------------------------------------------------------------------


def test_compressed_files_read_as_their_inner_format(tmp_path):
    plain = load(write_folder(tmp_path / "plain", SINGLE))
    names = {"feed.jsonl": "feed.jsonl.gz", "story.txt": "story.txt.bz2",
             "table.csv": "table.csv.xz"}
    packed_dir = tmp_path / "packed"
    packed_dir.mkdir()
    for name, packed_name in names.items():
        compress = COMPRESS[Path(packed_name).suffix]
        (packed_dir / packed_name).write_bytes(compress(SINGLE[name].encode("utf-8")))
    packed = load(packed_dir)
    assert plain["doc_id"].tolist() == ["feed.jsonl#1", "feed.jsonl#2", "story.txt",
                                        "table.csv#1", "table.csv#2"]
    expected = ["feed.jsonl.gz#1", "feed.jsonl.gz#2", "story.txt.bz2", "table.csv.xz#1",
                "table.csv.xz#2"]
    assert_same_articles(packed, plain, expected)
    assert packed["source"].tolist() == [f"{packed_dir.as_posix()}/{d}" for d in expected]
    assert rows(packed) == rows(plain) == []
    assert packed.loc["table.csv.xz#2", "text"] == "The second, quoted body."


def test_a_bare_gz_is_text_and_case_does_not_matter(tmp_path):
    folder = write_folder(tmp_path / "c", {"wire.GZ": gzip.compress(ARTICLES["2024/b.txt"]
                                                                     .encode())})
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["wire.GZ"]
    assert docs.loc["wire.GZ", "title"] == "Markets rise"
    assert docs.loc["wire.GZ", "agency"] == "Reuters"


def test_a_truncated_gz_keeps_what_came_before_the_cut(tmp_path):
    lines = "".join(f'{{"title": "T{i}", "text": "Body number {i}, with words {i * 7}."}}\n'
                    for i in range(300))
    data = gzip.compress(lines.encode())
    folder = write_folder(tmp_path / "c", {"a.txt": ARTICLES["2024/b.txt"],
                                           "cut.jsonl.gz": data[: len(data) * 2 // 3],
                                           "tiny.txt.gz": data[:12],
                                           "z.txt": ARTICLES["world/c.txt"]})
    docs = load(folder)
    kept = [d for d in docs["doc_id"] if d.startswith("cut.jsonl.gz#")]
    assert 0 < len(kept) < 300
    assert kept == [f"cut.jsonl.gz#{i}" for i in range(1, len(kept) + 1)]
    assert {"a.txt", "z.txt"} <= set(docs["doc_id"])
    found = rows(docs)
    cut = [r for r in found if r[0] == f"{folder.as_posix()}/cut.jsonl.gz" and r[1] is pd.NA]
    assert [(r[2], r[4]) for r in cut] == [("truncated compressed file", "kept partially")]
    assert cut[0][3].startswith("the gzip data is cut short; ")
    # The line the cut went through is the only other row of that file.
    assert [r[2] for r in found if r[0].endswith("cut.jsonl.gz") and r[1] is not pd.NA] \
        in ([], ["invalid JSON line"])
    assert (f"{folder.as_posix()}/tiny.txt.gz", pd.NA, "truncated compressed file") in \
        [r[:3] for r in found]
    assert [r[4] for r in found if r[0].endswith("tiny.txt.gz")] == ["skipped"]


def test_corrupt_and_mislabelled_compressed_files(tmp_path):
    data = bytearray(gzip.compress(ARTICLES["2024/a.txt"].encode()))
    data[len(data) // 2] ^= 0xFF
    folder = write_folder(tmp_path / "c", {"bad.txt.gz": bytes(data),
                                           "plain.txt.xz": "not compressed at all",
                                           "good.txt": ARTICLES["2024/b.txt"]})
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["good.txt"]
    assert [(Path(r[0]).name, r[2], r[4]) for r in rows(docs)] == [
        ("bad.txt.gz", "corrupt compressed file", "skipped"),
        ("plain.txt.xz", "corrupt compressed file", "skipped"),
    ]


def test_binary_files_are_still_refused(tmp_path):
    folder = write_folder(tmp_path / "c", {
        "good.txt": ARTICLES["2024/b.txt"],
        "noise.txt": bytes(range(256)) * 8,
        "packed.txt": gzip.compress(b"hidden text"),           # gzip bytes, a .txt name
        "packed.text": lzma.compress(b"hidden text"),
        "inner.txt.gz": gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        "report.pdf.gz": gzip.compress(b"%PDF-1.4"),
    })
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["good.txt"]
    found = {Path(r[0]).name: (r[2], r[3]) for r in rows(docs)}
    assert found.keys() == {"inner.txt.gz", "noise.txt", "packed.text", "packed.txt",
                            "report.pdf.gz"}
    assert found["packed.text"] == ("binary file", "looks like an xz archive, not text")
    assert found["inner.txt.gz"] == ("binary file", "looks like a PNG image, not text")
    assert found["noise.txt"][0] == "binary file"
    assert found["packed.txt"] == ("binary file", "looks like a gzip archive, not text")
    assert found["report.pdf.gz"] == (
        "unsupported file type",
        "'.pdf.gz' files are not read (text, .json, .jsonl, .csv, .tsv, .cor, .html, .xml, "
        ".nitf, .parquet and .feather are)")


# ---------------------------------------------------------------------------------------
# Archives
# ---------------------------------------------------------------------------------------

ARCHIVE_KINDS = {
    "batch.zip": lambda path, members: make_zip(path, members),
    "batch.tar": lambda path, members: make_tar(path, members, "w"),
    "batch.tar.gz": lambda path, members: make_tar(path, members, "w:gz"),
    "batch.tgz": lambda path, members: make_tar(path, members, "w:gz"),
    "batch.tar.bz2": lambda path, members: make_tar(path, members, "w:bz2"),
    "batch.tar.xz": lambda path, members: make_tar(path, members, "w:xz"),
}


@pytest.mark.parametrize("name", list(ARCHIVE_KINDS))
def test_an_archive_loads_like_the_folder_it_holds(tmp_path, name):
    plain = load(write_folder(tmp_path / "plain", ARTICLES))
    # Members in an order other than their names' order: rows follow the names.
    members = dict(sorted(ARTICLES.items(), reverse=True))
    archive = ARCHIVE_KINDS[name](tmp_path / "exports" / name, members)
    packed = load(tmp_path / "exports")
    folder_ids = ["2024/a.txt", "2024/b.txt", "feed.jsonl#1", "feed.jsonl#2", "world/c.txt"]
    assert plain["doc_id"].tolist() == folder_ids
    assert_same_articles(packed, plain, [f"{name}/{d}" for d in folder_ids])
    assert packed["source"].tolist() == [f"{archive.as_posix()}/{d}" for d in folder_ids]
    assert rows(packed) == rows(plain) == []
    # The year folder inside the archive dates the dateline without a year.
    assert packed.loc[f"{name}/2024/a.txt", "date"] == pd.Timestamp("2024-05-02")
    # Named directly, and from another working directory: the same ids.
    direct = load(archive)
    assert direct["doc_id"].tolist() == packed["doc_id"].tolist()
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        relative = load(Path("exports") / name)
    finally:
        os.chdir(cwd)
    assert relative["doc_id"].tolist() == packed["doc_id"].tolist()
    assert relative["source"].tolist() == [f"exports/{name}/{d}" for d in folder_ids]


def test_compressed_members_and_members_tar_writes_with_dot_slash(tmp_path):
    archive = make_zip(tmp_path / "c" / "mixed.zip", {
        "feed.jsonl.gz": gzip.compress(ARTICLES["feed.jsonl"].encode()),
        "./2024/a.txt.bz2": bz2.compress(ARTICLES["2024/a.txt"].encode()),
    })
    docs = load(archive)
    assert docs["doc_id"].tolist() == ["mixed.zip/2024/a.txt.bz2", "mixed.zip/feed.jsonl.gz#1",
                                       "mixed.zip/feed.jsonl.gz#2"]
    assert docs.loc["mixed.zip/2024/a.txt.bz2", "date"] == pd.Timestamp("2024-05-02")


def test_member_names_are_labels_and_nothing_is_written(tmp_path):
    names = {"../evil.txt": "Evil\n\nThe body of evil.", "/abs.txt": "Abs\n\nAn absolute one.",
             "C:\\win\\drive.txt": "Drive\n\nA drive letter.",
             "back\\slash.txt": "Slash\n\nBackslashes.", "ok/../../up.txt": "Up\n\nUp two."}
    archive = make_zip(tmp_path / "in" / "names.zip", names)
    before = sorted(p for p in tmp_path.parent.rglob("*") if "names" not in str(p))
    docs = load(archive)
    after = sorted(p for p in tmp_path.parent.rglob("*") if "names" not in str(p))
    assert before == after
    assert not (tmp_path / "evil.txt").exists() and not Path("/abs.txt").exists()
    assert not (tmp_path.parent / "up.txt").exists()
    assert docs["doc_id"].tolist() == ["names.zip/" + n for n in sorted(names)]
    assert docs["source"].tolist() == [f"{archive.as_posix()}/{n}" for n in sorted(names)]
    assert docs["title"].tolist() == [names[n].split("\n")[0] for n in sorted(names)]


def test_hidden_members_and_directories_are_skipped_silently(tmp_path):
    archive = make_zip(tmp_path / "c" / "mac.zip", {
        "__MACOSX/._a.txt": b"\x00\x05\x16\x07junk", "__MACOSX/2024/._b.txt": b"junk",
        ".hidden.txt": "Hidden\n\nNot read.", "2024/.DS_Store": b"\x00\x00\x00\x01Bud1",
        ".git/config": "[core]", "2024/": b"", "2024/a.txt": ARTICLES["2024/a.txt"],
    })
    make_tar(tmp_path / "c" / "mac.tar", {"./.hidden.txt": "x", "./a.txt": ARTICLES["2024/b.txt"]})
    docs = load(archive.parent)
    assert docs["doc_id"].tolist() == ["mac.tar/a.txt", "mac.zip/2024/a.txt"]
    assert rows(docs) == []


def test_a_corrupt_member_between_good_ones(tmp_path):
    for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        path = make_zip(tmp_path / f"c{compression}" / "batch.zip", {
            "a.txt": ARTICLES["2024/a.txt"], "b.txt": "Middle\n\n" + "The middle body. " * 50,
            "c.txt": ARTICLES["world/c.txt"]}, compression=compression)
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("b.txt")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        data[start + info.compress_size // 2] ^= 0xFF
        path.write_bytes(bytes(data))
        docs = load(path.parent)
        assert docs["doc_id"].tolist() == ["batch.zip/a.txt", "batch.zip/c.txt"]
        (row,) = rows(docs)
        assert row[0] == f"{path.as_posix()}/b.txt"
        assert (row[1], row[2], row[4]) == (pd.NA, "corrupt archive member", "skipped")


def test_a_file_named_zip_that_is_not_one(tmp_path):
    folder = write_folder(tmp_path / "c", {"a.txt": ARTICLES["2024/b.txt"],
                                           "fake.zip": "just some text",
                                           "fake.tar.gz": gzip.compress(b"not a tar"),
                                           "z.txt": ARTICLES["world/c.txt"]})
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["a.txt", "z.txt"]
    assert rows(docs) == [
        (f"{folder.as_posix()}/fake.tar.gz", pd.NA, "not an archive",
         "not a readable gzipped tar archive (truncated header)", "skipped"),
        (f"{folder.as_posix()}/fake.zip", pd.NA, "not an archive",
         "not a zip archive (File is not a zip file)", "skipped"),
    ]


def test_a_zip_cut_short_is_one_row(tmp_path):
    path = make_zip(tmp_path / "c" / "cut.zip", ARTICLES)
    path.write_bytes(path.read_bytes()[:-40])
    folder = write_folder(path.parent, {"ok.txt": ARTICLES["2024/b.txt"]})
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["ok.txt"]
    assert [(Path(r[0]).name, r[2], r[4]) for r in rows(docs)] == [
        ("cut.zip", "truncated archive", "skipped")]


@pytest.mark.parametrize("mode", ["w", "w:gz"])
def test_a_tar_cut_short_keeps_the_members_before_the_cut(tmp_path, mode):
    # Random words (incompressible, so a cut falls inside a member), none of them long
    # enough to be a run of text without spaces.
    members = {f"m{i}.txt": f"Title {i}\n\n" + f"Body {i}: " + " ".join(
        os.urandom(8).hex() for _ in range(50)) + "\n" for i in range(6)}
    path = make_tar(tmp_path / "full" / "t.tar", members, mode)
    data = path.read_bytes()
    with tarfile.open(path) as archive:
        last = archive.getmembers()[-1]
    # Plain: up to the end-of-archive blocks; gzipped: up to the gzip trailer.
    end = last.offset_data + last.size if mode == "w" else len(data) - 1
    outcomes = set()
    for cut in list(range(len(data) // 10, end, max(1, end // 23))) + [end - 1]:
        folder = write_folder(tmp_path / f"cut{cut}", {"t.tar" if mode == "w" else "t.tgz":
                                                      data[:cut], "z.txt": ARTICLES["2024/b.txt"]})
        docs = load(folder)
        ids = docs["doc_id"].tolist()
        assert ids[-1] == "z.txt"
        read = [i.split("/")[1] for i in ids[:-1]]
        assert read == sorted(members)[: len(read)] and len(read) < 6 + (mode != "w")
        problems_found = rows(docs)
        assert len(problems_found) == 1, problems_found
        assert problems_found[0][2] == "truncated archive"
        outcomes.add(problems_found[0][0].count("/") - folder.as_posix().count("/"))
    # Cuts inside a member name it; cuts elsewhere name the archive.
    assert outcomes <= {1, 2}


def test_links_broken_nested_archives_and_other_types_get_a_row(tmp_path):
    path = tmp_path / "c" / "odd.tar"
    path.parent.mkdir(parents=True)
    with tarfile.open(path, "w") as archive:
        for name, data in {"a.txt": ARTICLES["2024/a.txt"].encode(), "inner.zip": b"PK\x03\x04",
                           "photo.jpg": b"\xff\xd8\xff", "README.md": b"# About"}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "a.txt"
        archive.addfile(link)
        fifo = tarfile.TarInfo("pipe.txt")
        fifo.type = tarfile.FIFOTYPE
        archive.addfile(fifo)
        folder = tarfile.TarInfo("dir")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
    docs = load(path)
    assert docs["doc_id"].tolist() == ["odd.tar/a.txt"]
    base = path.as_posix()
    assert [(r[0], r[2]) for r in rows(docs)] == [
        (f"{base}/README.md", "documentation file"),
        (f"{base}/inner.zip", "truncated archive"),     # read as an archive: a stub
        (f"{base}/link.txt", "unreadable path"),
        (f"{base}/photo.jpg", "unsupported file type"),
        (f"{base}/pipe.txt", "unreadable path"),
    ]
    assert all(r[4] == "skipped" for r in rows(docs))


def test_members_too_large_once_decompressed_are_skipped(tmp_path, monkeypatch):
    from analysis.corpus import compressed

    monkeypatch.setattr(compressed, "_LIMIT", 1000)
    big = "Big\n\n" + "word " * 2000
    zipped = make_zip(tmp_path / "c" / "a.zip", {"big.txt": big, "small.txt": "Small\n\nTiny."})
    (zipped.parent / "big.txt.gz").write_bytes(gzip.compress(big.encode()))
    docs = load(zipped.parent)
    assert docs["doc_id"].tolist() == ["a.zip/small.txt"]
    assert [(Path(r[0]).name, r[2], r[4]) for r in rows(docs)] == [
        ("big.txt", "too large", "skipped"), ("big.txt.gz", "too large", "skipped")]


def test_duplicate_member_names_and_empty_archives(tmp_path):
    path = tmp_path / "c" / "dup.zip"
    path.parent.mkdir(parents=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")            # zipfile warns about the duplicate name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("a.txt", "First\n\nThe first one.")
            archive.writestr("a.txt", "Second\n\nThe second one.")
    make_zip(path.parent / "empty.zip", {})
    docs = load(path.parent)
    assert docs["title"].tolist() == ["First"]
    assert [(Path(r[0]).name, r[2]) for r in rows(docs)] == [
        ("a.txt", "duplicate archive member"), ("empty.zip", "empty archive")]


def test_archives_in_the_cache_give_the_same_table(tmp_path):
    folder = write_folder(tmp_path / "c", {"feed.jsonl.gz": gzip.compress(
        ARTICLES["feed.jsonl"].encode()), "x.txt": ARTICLES["2024/b.txt"]})
    make_zip(folder / "batch.zip", {**ARTICLES, "bad.json": '[{"title": "x", "text": "y"}, {'})
    make_tar(folder / "batch.tgz", ARTICLES, "w:gz")
    plain = load(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cold = analysis.load_corpus(folder, errors="ignore", cache=tmp_path / "cache")
        warm = analysis.load_corpus(folder, errors="ignore", cache=tmp_path / "cache")
    for other in (cold, warm):
        pd.testing.assert_frame_equal(plain, other)
        pd.testing.assert_frame_equal(analysis.problems(plain), analysis.problems(other))
    assert len(plain) == 2 + 1 + 5 + 5 + 1
    assert analysis.cache.cache_info(tmp_path / "cache")["articles"].sum() == 4


def test_zip_links_and_encrypted_members_get_a_row(tmp_path):
    import stat

    path = tmp_path / "c" / "odd.zip"
    path.parent.mkdir(parents=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", ARTICLES["2024/a.txt"])
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "a.txt")
        archive.writestr("locked.txt", b"\x00" * 40)
    # zipfile cannot write encrypted members: set the flag in both headers by hand.
    data = bytearray(path.read_bytes())
    local = data.rfind(b"PK\x03\x04", 0, data.find(b"locked.txt"))
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"locked.txt"))
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    docs = load(path)
    assert docs["doc_id"].tolist() == ["odd.zip/a.txt"]
    assert [(r[0].rsplit("/", 1)[1], r[2], r[4]) for r in rows(docs)] == [
        ("link.txt", "unreadable path", "skipped"),
        ("locked.txt", "encrypted archive member", "skipped")]


# ---------------------------------------------------------------------------------------
# Decompression bombs: stopped while reading
# ---------------------------------------------------------------------------------------

ZEROS = b"\x00" * (20 * 2**20)          # 20 MB, about 20 KB deflated: 1,000 to 1
BOMB = "decompresses to over 10 MB, more than 100 times its compressed size; not read"
REST = "this member and any after it were not read"


def test_the_limits_and_their_texts():
    from analysis.corpus import archives, compressed

    assert (compressed._LIMIT, compressed._RATIO, compressed._RATIO_FLOOR, archives._MAX_DEPTH) == \
        (2**30, 100, 10 * 2**20, 2)
    assert compressed._too_large() == ("too large", "more than 1 GB once decompressed; not read",
                                     "skipped")
    assert compressed._size(1000) == "1,000 bytes" and compressed._size(16 * 2**10) == "16 KB"


def test_a_zip_bomb_member_is_a_row_and_its_neighbours_are_read(tmp_path):
    import time

    path = make_zip(tmp_path / "c" / "bomb.zip", {"a.txt": ARTICLES["2024/a.txt"],
                                                  "bomb.txt": ZEROS,
                                                  "z.txt": ARTICLES["world/c.txt"]})
    assert path.stat().st_size < 100_000
    started = time.perf_counter()
    docs = load(path)
    assert time.perf_counter() - started < 2.0
    assert docs["doc_id"].tolist() == ["bomb.zip/a.txt", "bomb.zip/z.txt"]
    assert rows(docs) == [(f"{path.as_posix()}/bomb.txt", pd.NA, "decompression bomb", BOMB,
                           "skipped")]


def test_the_ratio_counts_only_past_the_floor(tmp_path, monkeypatch):
    from analysis.corpus import compressed

    monkeypatch.setattr(compressed, "_RATIO_FLOOR", 16 * 2**10)
    squeezed = "Squeezed\n\n" + "word " * 4000         # 20 KB, deflated to about 100 bytes
    small = "Small\n\n" + "word " * 2000                # 10 KB, under the floor: read
    path = make_zip(tmp_path / "c" / "a.zip", {"small.txt": small, "squeezed.txt": squeezed,
                                               "story.txt": ARTICLES["2024/b.txt"]})
    (path.parent / "squeezed.txt.gz").write_bytes(gzip.compress(squeezed.encode()))
    docs = load(path.parent)
    assert docs["doc_id"].tolist() == ["a.zip/small.txt", "a.zip/story.txt"]
    detail = "decompresses to over 16 KB, more than 100 times its compressed size; not read"
    assert [(Path(r[0]).name, r[2], r[3], r[4]) for r in rows(docs)] == [
        ("squeezed.txt", "decompression bomb", detail, "skipped"),
        ("squeezed.txt.gz", "decompression bomb", detail, "skipped")]


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_a_compressed_file_bomb_is_a_row(tmp_path, monkeypatch, suffix):
    from analysis.corpus import compressed

    if suffix == ".gz":
        data = gzip.compress(ZEROS)                     # real limits
        detail = BOMB
    else:    # bzip2 and xz take seconds to write 20 MB: limits made small instead
        monkeypatch.setattr(compressed, "_RATIO_FLOOR", 2**20)
        data = COMPRESS[suffix](ZEROS[: 2 * 2**20])
        detail = BOMB.replace("10 MB", "1 MB")
    folder = write_folder(tmp_path / "c", {f"bomb.txt{suffix}": data,
                                           "good.txt": ARTICLES["2024/b.txt"]})
    docs = load(folder)
    assert docs["doc_id"].tolist() == ["good.txt"]
    assert rows(docs) == [(f"{folder.as_posix()}/bomb.txt{suffix}", pd.NA,
                           "decompression bomb", detail, "skipped")]


def test_a_tar_gz_bomb_stops_the_archive_at_the_bomb(tmp_path):
    # tarfile writes members in this order: a.txt, bomb.txt, z.txt.
    path = make_tar(tmp_path / "c" / "bomb.tar.gz", {"a.txt": ARTICLES["2024/a.txt"],
                                                     "bomb.txt": ZEROS,
                                                     "z.txt": ARTICLES["world/c.txt"]}, "w:gz")
    docs = load(path)
    assert docs["doc_id"].tolist() == ["bomb.tar.gz/a.txt"]
    assert rows(docs) == [(
        f"{path.as_posix()}/bomb.txt", pd.NA, "decompression bomb",
        f"the gzipped tar data decompresses to over 10 MB, more than 100 times its compressed "
        f"size; {REST}", "skipped")]


def test_a_tar_gz_bomb_in_a_member_not_read_or_after_the_end(tmp_path):
    # A member the loader does not read is still decompressed to skip it.
    skipped = make_tar(tmp_path / "c" / "photo.tgz", {"a.txt": ARTICLES["2024/a.txt"],
                                                      "photo.jpg": ZEROS,
                                                      "z.txt": ARTICLES["world/c.txt"]}, "w:gz")
    # 20 MB of zeros after the end-of-archive blocks, in the same gzip stream.
    plain = make_tar(tmp_path / "plain" / "t.tar", {"a.txt": ARTICLES["2024/b.txt"]})
    (skipped.parent / "tail.tgz").write_bytes(gzip.compress(plain.read_bytes() + ZEROS))
    docs = load(skipped.parent)
    assert docs["doc_id"].tolist() == ["photo.tgz/a.txt", "tail.tgz/a.txt"]
    claim = "the gzipped tar data decompresses to over 10 MB, more than 100 times its " \
            "compressed size"
    assert [(Path(r[0]).name, r[2], r[3], r[4]) for r in rows(docs)] == [
        ("photo.tgz", "decompression bomb", f"{claim}, after 2 member(s); the rest was not "
         "read", "kept partially"),
        ("photo.jpg", "unsupported file type", "'.jpg' files are not read (text, .json, "
         ".jsonl, .csv, .tsv, .cor, .html, .xml, .nitf, .parquet and .feather are)", "skipped"),
        ("tail.tgz", "decompression bomb", f"{claim}, after the last member; the rest was "
         "not read", "kept partially")]


def test_many_small_bombs_spend_the_archive_budget(tmp_path, monkeypatch):
    """Members each under the floor, or each within its own ratio (compressed members
    stored in a zip), still count together against the archive's size."""
    from analysis.corpus import compressed

    monkeypatch.setattr(compressed, "_TOTAL_FLOOR", 64 * 2**10)
    body = "Word\n\n" + "word " * 10_000                     # 50 KB, deflated to 100 bytes
    path = make_zip(tmp_path / "c" / "many.zip", {f"m{i}.txt": body for i in range(1, 9)})
    gzipped = make_zip(tmp_path / "c" / "gz.zip", {f"m{i}.txt.gz": gzip.compress(body.encode())
                                                   for i in range(1, 9)},
                       compression=zipfile.ZIP_STORED)
    for archive in (path, gzipped):
        assert archive.stat().st_size * 100 < 8 * len(body)
    docs = load(path.parent)
    detail = ("the archive's contents decompress to over 64 KB, more than 100 times the "
              f"archive's size; {REST}")
    found = [(r[0].rsplit("/", 2)[-2:], r[2], r[3], r[4]) for r in rows(docs)]
    # The budget is spent in the first member that passes both the floor and the ratio.
    for archive, suffix in (("gz.zip", ".gz"), ("many.zip", "")):
        read = [n for n in docs["doc_id"] if n.startswith(f"{archive}/")]
        assert read == [f"{archive}/m{i}.txt{suffix}" for i in range(1, len(read) + 1)]
        assert 2 <= len(read) < 8
        assert [f for f in found if f[0][0] == archive and f[1] != "duplicate"] == [
            ([archive, f"m{len(read) + 1}.txt{suffix}"], "decompression bomb", detail,
             "skipped")]
    # Each member alone is no bomb, and the duplicates are flagged, not dropped.
    assert {f[1] for f in found} == {"decompression bomb", "duplicate"}


# ---------------------------------------------------------------------------------------
# Archives inside archives
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("inner", ["inner.zip", "inner.tar.gz", "inner.tar"])
@pytest.mark.parametrize("outer", ["batch.zip", "batch.tar", "batch.tgz"])
def test_an_archive_inside_an_archive_loads_like_the_folder_it_holds(tmp_path, outer, inner):
    plain = load(write_folder(tmp_path / "plain", ARTICLES))
    packed = zip_bytes(ARTICLES) if inner.endswith(".zip") else \
        tar_bytes(ARTICLES, "w:gz" if inner.endswith(".gz") else "w")
    archive = ARCHIVE_KINDS["batch.zip" if outer == "batch.zip" else "batch.tar" if
                            outer == "batch.tar" else "batch.tgz"](
        tmp_path / "exports" / outer, {inner: packed, "top.txt": ARTICLES["2024/b.txt"]})
    docs = load(tmp_path / "exports")
    folder_ids = ["2024/a.txt", "2024/b.txt", "feed.jsonl#1", "feed.jsonl#2", "world/c.txt"]
    nested = docs[docs["doc_id"] != f"{outer}/top.txt"]
    assert_same_articles(nested, plain, [f"{outer}/{inner}/{d}" for d in folder_ids])
    assert nested["source"].tolist() == [f"{archive.as_posix()}/{inner}/{d}" for d in folder_ids]
    assert docs["doc_id"].tolist()[-1] == f"{outer}/top.txt"
    assert rows(docs) == [("%s/top.txt" % archive.as_posix(), pd.NA, "duplicate",
                           f"same body text as {outer}/{inner}/2024/b.txt", "kept")]
    # The year folder inside the nested archive dates the dateline without a year.
    assert docs.loc[f"{outer}/{inner}/2024/a.txt", "date"] == pd.Timestamp("2024-05-02")


def test_nesting_is_read_two_archives_deep(tmp_path, monkeypatch):
    from analysis.corpus import archives

    deepest = zip_bytes({"d.txt": "Four\n\nThe fourth level."})
    level3 = zip_bytes({"c.txt": "Three\n\nThe third level.", "l3.zip": deepest})
    level2 = tar_bytes({"b.txt": "Two\n\nThe second level.", "l2.zip": level3})
    path = make_zip(tmp_path / "c" / "l0.zip", {"a.txt": "One\n\nThe first level.",
                                                "l1.tgz": level2})
    docs = load(path)
    assert docs["doc_id"].tolist() == ["l0.zip/a.txt", "l0.zip/l1.tgz/b.txt",
                                       "l0.zip/l1.tgz/l2.zip/c.txt"]
    assert rows(docs) == [(f"{path.as_posix()}/l1.tgz/l2.zip/l3.zip", pd.NA, "nested archive",
                           "archives inside archives are read 2 levels deep and this one is "
                           "deeper; extract it and load it directly", "skipped")]
    monkeypatch.setattr(archives, "_MAX_DEPTH", 0)
    docs = load(path)
    assert docs["doc_id"].tolist() == ["l0.zip/a.txt"]
    assert rows(docs) == [(f"{path.as_posix()}/l1.tgz", pd.NA, "nested archive",
                           "archives inside archives are not read; extract this one and load "
                           "it directly", "skipped")]


def test_an_archive_that_holds_itself_stops_at_the_depth_limit(tmp_path, monkeypatch):
    """A zip quine (r.zip holding r.zip, the same bytes): simulated by handing back the
    archive's own bytes for its member r.zip."""
    path = make_zip(tmp_path / "c" / "r.zip", {"a.txt": "Quine\n\nA zip that holds itself.",
                                               "r.zip": b"placeholder"})
    real_open = zipfile.ZipFile.open

    def open_member(self, member, *args, **kwargs):
        if getattr(member, "filename", member) == "r.zip":
            self.fp.seek(0)
            return io.BytesIO(self.fp.read())
        return real_open(self, member, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_member)
    docs = load(path)
    assert docs["doc_id"].tolist() == ["r.zip/a.txt", "r.zip/r.zip/a.txt",
                                       "r.zip/r.zip/r.zip/a.txt"]
    assert [(r[0].split("/c/", 1)[1], r[2]) for r in rows(docs)] == [
        ("r.zip/r.zip/a.txt", "duplicate"), ("r.zip/r.zip/r.zip/a.txt", "duplicate"),
        ("r.zip/r.zip/r.zip/r.zip", "nested archive")]


def test_a_nested_archive_s_own_problems_are_rows_of_its_label(tmp_path):
    path = make_zip(tmp_path / "c" / "outer.zip", {
        "empty.zip": zip_bytes({}), "fake.tgz": b"not gzip at all",
        "cut.tar": tar_bytes({"m.txt": ARTICLES["2024/a.txt"]}, "w")[:700],
        "ok.zip": zip_bytes({"b.txt": ARTICLES["2024/b.txt"]})})
    docs = load(path)
    assert docs["doc_id"].tolist() == ["outer.zip/cut.tar/m.txt", "outer.zip/ok.zip/b.txt"]
    base = path.as_posix()
    assert [(r[0], r[2], r[4]) for r in rows(docs)] == [
        (f"{base}/cut.tar", "truncated archive", "kept partially"),
        (f"{base}/empty.zip", "empty archive", "skipped"),
        (f"{base}/fake.tgz", "not an archive", "skipped"),
    ]


def test_nested_archives_in_the_cache_give_the_same_table(tmp_path):
    folder = tmp_path / "c"
    make_zip(folder / "batch.zip", {"inner.zip": zip_bytes(ARTICLES), "bomb.txt": ZEROS,
                                    "deep.tgz": tar_bytes({"x.zip": zip_bytes({
                                        "y.zip": zip_bytes({"z.txt": "Z\n\nToo deep."}),
                                        "w.txt": "W\n\nDeep enough."})})})
    plain = load(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cold = analysis.load_corpus(folder, errors="ignore", cache=tmp_path / "cache")
        warm = analysis.load_corpus(folder, errors="ignore", cache=tmp_path / "cache")
    for other in (cold, warm):
        pd.testing.assert_frame_equal(plain, other)
        pd.testing.assert_frame_equal(analysis.problems(plain), analysis.problems(other))
    assert plain["doc_id"].tolist() == ["batch.zip/deep.tgz/x.zip/w.txt"] + [
        f"batch.zip/inner.zip/{d}" for d in ("2024/a.txt", "2024/b.txt", "feed.jsonl#1",
                                             "feed.jsonl#2", "world/c.txt")]
    assert [(r[0].split("/c/", 1)[1], r[2]) for r in rows(plain)] == [
        ("batch.zip/bomb.txt", "decompression bomb"),
        ("batch.zip/deep.tgz/x.zip/y.zip", "nested archive")]


# ---------------------------------------------------------------------------------------
# Hostile names and links: labels only, nothing written
# ---------------------------------------------------------------------------------------


def test_tar_member_names_and_links_are_labels_and_nothing_is_written(tmp_path):
    path = tmp_path / "in" / "names.tar"
    path.parent.mkdir(parents=True)
    texts = {"../evil.txt": "Evil\n\nThe body of evil.", "/abs.txt": "Abs\n\nAn absolute one.",
             "ok/../../up.txt": "Up\n\nUp two."}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
            for name, text in texts.items():
                data = text.encode()
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            for name, kind, target in (("link.txt", tarfile.SYMTYPE, "/etc/passwd"),
                                       ("../hard.txt", tarfile.LNKTYPE, "../evil.txt"),
                                       ("dir/up.txt", tarfile.SYMTYPE, "../../../up.txt")):
                link = tarfile.TarInfo(name)
                link.type, link.linkname = kind, target
                archive.addfile(link)
    nested = make_zip(tmp_path / "in" / "outer.zip", {"inner.tar": path.read_bytes()})
    before = sorted(p for p in tmp_path.parent.rglob("*") if "names" not in str(p)
                    and "outer" not in str(p))
    docs = load(path.parent)
    after = sorted(p for p in tmp_path.parent.rglob("*") if "names" not in str(p)
                   and "outer" not in str(p))
    assert before == after
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "hard.txt").exists()
    assert not Path("/abs.txt").exists()
    names = sorted(texts)
    assert docs["doc_id"].tolist() == [f"names.tar/{n}" for n in names] + \
        [f"outer.zip/inner.tar/{n}" for n in names]
    assert docs["title"].tolist() == [texts[n].split("\n")[0] for n in names] * 2
    links = [(r[0], r[2], r[3]) for r in rows(docs) if not r[2] == "duplicate"]
    expected = []
    for base in (path.as_posix(), f"{nested.as_posix()}/inner.tar"):
        expected += [(f"{base}/../hard.txt", "unreadable path", "a link inside the archive; "
                      "not read"),
                     (f"{base}/dir/up.txt", "unreadable path", "a link inside the archive; "
                      "not read"),
                     (f"{base}/link.txt", "unreadable path", "a link inside the archive; "
                      "not read")]
    assert links == sorted(expected)
