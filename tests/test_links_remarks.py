"""Remark pair test: whole, partial, paraphrased and changed quotes of one speaker."""

from __future__ import annotations

from communique.links.remarks import features, keys, same_remark


def st(sid, text, kind="direct", speaker="eiriksson", day=100):
    return features({"id": sid, "doc": sid.split(":")[0], "kind": kind, "content": {"text": text},
                     "speaker": {"actor_id": speaker}}, day)


COUNT = "Our coast guard counted eleven Norwegian trawlers inside our zone last week"


def test_a_changed_number_between_two_quotes_is_flagged_with_the_words():
    link = same_remark(st("a:s1", COUNT), st("b:s1", COUNT.replace("eleven", "twelve")))
    assert link["kind"] == "changed" and link["why"]["changed"] == "eleven / twelve"


def test_partial_quote_paraphrase_and_same_wording():
    assert same_remark(st("a:s1", "No vessel has entered Icelandic waters"),
                       st("b:s1", "No vessel has entered Icelandic waters, and our logbooks show it"))["kind"] == "partial"
    assert same_remark(st("a:s1", COUNT), st("b:s1", "the coast guard counted trawlers inside the zone",
                                             "indirect"))["kind"] == "paraphrase"
    assert same_remark(st("a:s1", COUNT), st("b:s1", COUNT + "."))["kind"] == "same"


def test_other_remarks_other_speakers_and_short_contents_stay_apart():
    assert same_remark(st("a:s1", COUNT), st("b:s1", "he would raise the matter with the trade association")) is None
    assert same_remark(st("a:s1", COUNT), st("b:s1", COUNT, speaker="aasen")) is None
    assert same_remark(st("a:s1", "the sanctions"), st("b:s1", "the sanctions")) is None
    assert same_remark(st("a:s1", COUNT), st("b:s1", COUNT, day=300)) is None


def test_keys_pair_the_speaker_with_longer_words():
    assert keys(st("a:s1", "We counted 11 trawlers")) == {"eiriksson|counted", "eiriksson|trawlers"}
