"""Which statements answer, how, and which claim each answers."""

from __future__ import annotations

from communique.links.responses import best, continues, framed_by, relation, targeted


def statement(text, lemma="say", start=100, actor="aasen", country="NOR", doc="a"):
    return {"id": f"{doc}:s{start}", "doc": doc, "content": {"text": text, "start": start, "end": start + len(text)},
            "cue": {"text": lemma, "lemma": lemma, "start": start - 5, "end": start - 1},
            "speaker": {"actor_id": actor, "country": country, "text": actor}}


def event(type_, start, actors=(), recipients=()):
    return {"id": f"a:e{start}", "event_type": type_, "trigger": {"text": type_.lower(), "start": start,
                                                                   "end": start + 6},
            "actors": [{"actor_id": a, "country": c} for a, c in actors],
            "recipients": [{"actor_id": a, "country": c} for a, c in recipients], "negated": False}


def test_relations_from_formula_cue_and_short_denial():
    assert relation(statement("I can neither confirm nor deny it", "tell"), "") == ("decline", "neither confirm nor deny")
    assert relation(statement("the claim", "comment"), "The ministry declined to comment on the claim.") == (
        "decline", "declined to comment")
    assert relation(statement("the accusation", "deny"), "") == ("deny", "cue 'deny'")
    assert relation(statement("the sanctions", "dismiss"), "") == ("reject", "cue 'dismiss'")
    assert relation(statement("she had spoken to him once", "confirm"), "") == ("confirm", "cue 'confirm'")
    assert relation(statement("the report was false"), "") == ("deny", "'false'")
    assert relation(statement("Europe will not be pressured"), "") is None
    long_claim = "the minister knew the figures were false and hid them from parliament for three years running"
    assert relation(statement(long_claim), "") is None


def test_framing_targets_and_continuation():
    quote = statement("Europe will not be pressured", actor="lindqvist", country="EU", start=200)
    assert framed_by(quote, [event("REJECT", 150, actors=[("lindqvist", "EU")])])[0] == "reject"
    assert framed_by(quote, [event("REJECT", 150, actors=[("wibisono", "IDN")])]) is None
    assert targeted(quote, [event("THREATEN", 20, actors=[("wibisono", "IDN")], recipients=[("eu", "EU")])])[0] == "reject"
    assert targeted(statement("Europe will act", actor="l", country="EU", start=200),
                    [event("THREATEN", 20, recipients=[("eu", "EU")])]) is None
    first = statement("the accusation", "deny", start=100)
    assert continues(first, statement("No vessel entered our waters", start=150))
    assert not continues(first, statement("No vessel entered our waters", start=900))
    assert not continues(first, statement("No vessel entered our waters", start=150, actor="other"))


def claim(cid, doc, pos, day, speaker, country, sentence, names=(), countries=(), relation_=None):
    return {"id": cid, "doc": doc, "pos": pos, "day": day, "speaker": speaker, "speaker_text": speaker,
            "speaker_name": speaker, "surname": None, "country": country, "names": list(names),
            "countries": list(countries), "sentence": sentence, "words": sentence.lower().split(),
            "topic": sentence.lower().split(), "relation": relation_}


def test_best_claim_is_the_one_in_the_same_article_that_names_the_answerer():
    answer = claim("a:s3", "a", 300, 10, "aasen", "NOR", "Aasen denied the accusation about trawlers",
                   relation_="deny")
    near = claim("a:s2", "a", 200, 10, "eiriksson", "ISL", "we counted Norwegian trawlers", countries=["NOR"])
    other = claim("b:s1", "b", 50, 9, "holt", "NOR", "Norway plans to double the quota", countries=["NOR"])
    later = claim("a:s4", "a", 400, 10, "eiriksson", "ISL", "we counted Norwegian trawlers", countries=["NOR"])
    found, score, why = best(answer, [other, later, near])
    assert found["id"] == "a:s2" and why[:2] == ["same article", "claim names NOR"]
    assert best(answer, [claim("a:s1", "a", 100, 10, "aasen", "NOR", "trawlers")]) is None
