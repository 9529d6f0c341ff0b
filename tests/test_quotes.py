import pandas as pd
import pytest

import analysis
from analysis import actor_mentions
from analysis.quotes import LEDGER_COLUMNS, QUOTE_COLUMNS

from .conftest import shared_path

SHOWN = ["quote", "kind", "speaker_text", "speaker_name", "speaker_how", "confidence"]


def _quotes(text: str, columns=SHOWN) -> list[list]:
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]}, index=["a"])
    table = analysis.quotes(docs)
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.quote
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker_text
    return table[columns].astype(object).where(table[columns].notna(), None).values.tolist()


def test_columns_and_ids():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ['"We will sign it today," Doe said.']})
    table = analysis.quotes(docs)
    assert list(table.columns) == QUOTE_COLUMNS
    assert table["quote_id"].tolist() == ["a:text:1-23"]
    assert table["para"].tolist() == [0]


def test_cue_after_with_party_tag_and_a_second_piece():
    assert _quotes('"The bill is dead," Sen. Jane Doe, D-N.Y., told reporters. '
                   '"We will try again next year."') == [
        ["The bill is dead,", "direct", "Sen. Jane Doe", "Jane Doe", "cue-after", "high"],
        ["We will try again next year.", "direct", "Sen. Jane Doe", "Jane Doe", "sibling",
         "medium"]]


def test_inverted_cue_with_initials_and_bracketed_party():
    assert _quotes('"This is a disaster for working families," said Rep. John D. Miller '
                   '(R-Texas).') == [
        ["This is a disaster for working families,", "direct", "Rep. John D. Miller",
         "John D. Miller", "cue-after", "high"]]


def test_descriptor_age_and_surname_alone():
    got = _quotes('Pat Caddell, a pollster, spoke on Monday. "It is over for them," said '
                  'Caddell. Smith, 54, said: "I have never seen anything like it." "We are '
                  'confident," campaign spokesman Tim Ruiz said in a statement.')
    assert got == [
        ["It is over for them,", "direct", "Caddell", "Pat Caddell", "cue-after", "high"],
        ["I have never seen anything like it.", "direct", "Smith", "Smith", "cue-before",
         "high"],
        ["We are confident,", "direct", "campaign spokesman Tim Ruiz", "Tim Ruiz",
         "cue-after", "high"]]


def test_signature_tweet_and_saying():
    assert _quotes('"Never give up on the people." ― Maria Lopez') == [
        ["Never give up on the people.", "direct", "Maria Lopez", "Maria Lopez", "signature",
         "high"]]
    assert _quotes('Governor Ann Black tweeted: "Proud of our state today."')[0][2:5] == [
        "Governor Ann Black", "Ann Black", "cue-before"]
    assert _quotes('Black defended the plan, saying "it will pay for itself within five '
                   'years."')[0][2:5] == ["Black", "Black", "cue-before"]


def test_colon_introduction_in_the_paragraph_before():
    assert _quotes('Caddell continued:\n\n"The polls were wrong in 2016 and they are wrong '
                   'now."') == [
        ["The polls were wrong in 2016 and they are wrong now.", "direct", "Caddell",
         "Caddell", "colon", "high"]]


def test_multi_paragraph_quote_shares_its_cue():
    text = ('Doe spoke at length.\n\n"We have to do better on housing. People cannot wait.\n\n'
            '"And we will deliver it," Doe said.')
    assert _quotes(text, ["quote", "speaker_name", "speaker_how", "para"]) == [
        ["We have to do better on housing. People cannot wait.", "Doe", "continued", 1],
        ["And we will deliver it,", "Doe", "cue-after", 2]]


def test_unclosed_quote_stops_at_its_paragraph():
    text = 'He said "this will not stand.\n\nThe next paragraph is reporting, "not" a quote.'
    got = _quotes(text, ["quote", "para"])
    assert got == [["this will not stand.", 0]]


def test_transcript_lines():
    text = ('Vice President Mike Pence spoke to the host.\n\nPENCE: We will win this state.\n\n'
            'HOST: Are you sure about that?\n\nPENCE: Absolutely sure.')
    got = _quotes(text, ["quote", "speaker_text", "speaker_name", "speaker_how"])
    assert got[0] == ["We will win this state.", "PENCE", "Mike Pence", "transcript"]
    assert got[2] == ["Absolutely sure.", "PENCE", "Mike Pence", "transcript"]
    assert got[1][:2] == ["Are you sure about that?", "HOST"]


def test_misdecoded_marks_do_not_pair_across_text():
    got = _quotes('The minister said she don"t know why. Later, "We expect a deal soon," '
                  'Doe said.', ["quote", "kind", "speaker_name"])
    assert ["We expect a deal soon,", "direct", "Doe"] in got
    assert all('"' not in q for q, kind, _ in got if kind == "direct")


def test_uk_single_marks_possessives_and_roles():
    assert _quotes("‘We will not be moved on this,’ Mr Starmer told MPs. ‘Not now, not "
                   "ever.’", ["quote", "speaker_name", "speaker_how"]) == [
        ["We will not be moved on this,", "Starmer", "cue-after"],
        ["Not now, not ever.", "Starmer", "sibling"]]
    assert _quotes("Jane Roe spoke. ‘The farmers’ anger is justified,’ she said.",
                   ["quote", "speaker_name", "speaker_how"]) == [
        ["The farmers’ anger is justified,", "Jane Roe", "pronoun"]]
    assert _quotes('"We do not comment on leaks," a Downing Street spokesman said.') == [
        ["We do not comment on leaks,", "direct", "a Downing Street spokesman", None, "role",
         "low"]]


def test_other_marks():
    assert _quotes("«We are ready for dialogue», Lavrov said.", ["quote", "speaker_name"]) == [
        ["We are ready for dialogue", "Lavrov"]]
    assert _quotes("„We will manage,“ Angela Merkel said.", ["quote", "speaker_name"]) == [
        ["We will manage,", "Angela Merkel"]]
    assert _quotes("''We will not back down,'' Smith said.", ["quote", "speaker_name"]) == [
        ["We will not back down,", "Smith"]]


def test_pronouns_and_definite_roles_resolve_to_the_person_named_before():
    assert _quotes('Jane Doe arrived late. "We nearly lost it," she said.')[0][3:5] == [
        "Jane Doe", "pronoun"]
    assert _quotes('Sen. Jane Doe arrived late. "We nearly lost it," the senator said.'
                   )[0][3:5] == ["Jane Doe", "role"]
    assert _quotes('"There is no deal yet," officials said.')[0][3:6] == [None, "role", "low"]


def test_scare_quotes_and_titles_are_not_quotes_unless_a_cue_attributes_them():
    assert _quotes('The so-called "peace plan" was rejected by the "Coalition for Change".') == []
    assert _quotes('Doe called the ruling "a disgrace".', ["quote", "speaker_name"]) == [
        ["a disgrace", "Doe"]]


def test_reported_speech():
    assert _quotes("Doe said the committee would vote on the measure next week.",
                   ["quote", "kind", "speaker_name"]) == [
        ["the committee would vote on the measure next week", "reported", "Doe"]]
    assert _quotes("The committee will vote on the measure next week, Doe said.",
                   ["quote", "kind", "speaker_name"]) == [
        ["The committee will vote on the measure next week", "reported", "Doe"]]
    assert _quotes("According to the Kremlin, the talks will resume in March next year.",
                   ["quote", "kind", "speaker_name", "speaker_how"]) == [
        ["the talks will resume in March next year", "reported", "Kremlin", "according-to"]]
    # A leading adverbial clause is not a claim.
    assert _quotes("On Tuesday, Doe said that the plan would fail.",
                   ["quote", "speaker_name"]) == [["the plan would fail", "Doe"]]


def test_seed_quotes_are_attributed_to_karin():
    docs = analysis.load_corpus(shared_path("seed"))
    table = analysis.quotes(docs)
    for row in table.itertuples(index=False):
        assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.quote
    direct = table[table["kind"] == "direct"]
    assert (direct["speaker_name"] == "Yerlan Karin").all() and len(direct) >= 5
    assert direct["quote"].str.startswith("very closely and efficiently").any()
    headline = table[table["kind"] == "headline"]
    assert headline[["quote", "speaker_name", "cue"]].values.tolist() == [[
        "Kazakhstan, Russia should widely use Post-Soviet security blocs to fight terror",
        "Yerlan Karin", "Expert:"]]
    assert (table[table["kind"] == "reported"]["speaker_name"] == "Yerlan Karin").all()


def test_shared_corpora_quotes_stay_inside_their_paragraphs():
    for path in (shared_path("abc_lee_2001", "lee_background.cor"),
                 shared_path("tass_2024", "politics_20.json")):
        docs = analysis.load_corpus(path, errors="ignore")
        table = analysis.quotes(docs)
        assert len(table) > 20
        assert table["quote"].str.len().max() <= 3000
        for row in table.itertuples(index=False):
            text = docs.loc[row.doc_id, row.field]
            assert text[row.start:row.end] == row.quote
            assert "\n\n" not in row.quote
        named = table[table["kind"] == "direct"]["speaker_name"].notna().mean()
        assert named > 0.6, (path, named)


def test_wire_attributions_and_desk_tags():
    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "title": ["Talks go on", "UPDATE 2: Oil prices rise as OPEC cuts output"],
                         "text": ['"We will respond firmly to this," said Kremlin spokesman '
                                  'Dmitry Peskov.', "Deputy Prime Minister Alexander Novak spoke."]})
    table = analysis.quotes(docs)
    assert table[["doc_id", "speaker_id", "kind"]].values.tolist() == [
        ["a", "person:dmitry-peskov", "direct"]]


def test_ledger_counts_by_speaker_name_with_confidence():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        'Pat Caddell spoke. "It is over," said Caddell. "Done," he said. Officials said the '
        'count would go on for days.',
        '"We lost," Pat Caddell said.']})
    ledger = analysis.quote_ledger(analysis.quotes(docs))
    assert list(ledger.columns) == LEDGER_COLUMNS
    top = ledger.iloc[0]
    assert (top["speaker_name"], top["quotes"], top["docs"], top["high"]) == (
        "Pat Caddell", 3, 2, 2)
    assert ledger["speaker_name"].isna().iloc[-1]          # unnamed sources, last


def test_parallel_quotes_equal_serial(monkeypatch):
    from analysis import _run

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    mentions = actor_mentions(docs, n_jobs=1)
    serial = analysis.quotes(docs, mentions=mentions, n_jobs=1)
    assert len(serial) > 50
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 37 * 1_000)
    pd.testing.assert_frame_equal(analysis.quotes(docs, mentions=mentions, n_jobs=2), serial)


@pytest.mark.parametrize("bad", ["not a frame", 3])
def test_ledger_rejects_what_is_not_a_quote_table(bad):
    with pytest.raises((TypeError, ValueError)):
        analysis.quote_ledger(bad)
