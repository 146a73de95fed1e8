"""Which statements answer, how, and which claim each answers."""

from __future__ import annotations

from communique.links.responses import best, continues, framed_by, relation, targeted


def statement(text, lemma="say", start=100, actor="aasen", country="NOR", doc="a", kind="direct"):
    return {"id": f"{doc}:s{start}", "doc": doc, "kind": kind,
            "content": {"text": text, "start": start, "end": start + len(text)},
            "cue": {"text": lemma, "lemma": lemma, "start": start - 5, "end": start - 1},
            "speaker": {"actor_id": actor, "country": country, "text": actor}}


def event(type_, start, actors=(), recipients=()):
    return {"id": f"a:e{start}", "event_type": type_, "trigger": {"text": type_.lower(), "start": start,
                                                                   "end": start + 6},
            "actors": [{"actor_id": a, "country": c} for a, c in actors],
            "recipients": [{"actor_id": a, "country": c} for a, c in recipients], "negated": False}


def test_relations_from_formula_cue_and_short_denial():
    assert relation(statement("I can neither confirm nor deny it", "tell"), "") == ("decline", "neither confirm nor deny")
    text = "The ministry declined to comment on the claim. Others had no comment, but Olsen said the fee was fair."
    declined = statement("the claim", "comment", start=text.index("the claim"))
    declined["cue"].update(start=text.index("comment on"), end=text.index("comment on") + 7)
    declined["speaker"].update(start=0, end=12)
    assert relation(declined, text) == ("decline", "declined to comment")
    fair = statement("the fee was fair", start=text.index("the fee"))
    fair["cue"].update(start=text.index("said"), end=text.index("said") + 4)
    fair["speaker"].update(start=text.index("Olsen"), end=text.index("Olsen") + 5)
    assert relation(fair, text) is None  # "no comment" is someone else's
    text = "Britain has not confirmed any details."
    unconfirmed = statement("any details", "confirm", start=text.index("any"))
    unconfirmed["cue"].update(start=text.index("confirmed"), end=text.index("confirmed") + 9)
    unconfirmed["speaker"].update(start=0, end=7)
    assert relation(unconfirmed, text) == ("decline", "has not confirm")
    text = "Neither Britain nor Mauritius have confirmed any details."
    neither = statement("any details", "confirm", start=text.index("any"))
    neither["cue"].update(start=text.index("confirmed"), end=text.index("confirmed") + 9)
    neither["speaker"].update(start=0, end=15)
    assert relation(neither, text) == ("decline", "Neither Britain nor Mauritius have confirm")
    assert relation(statement("We strongly reject the baseless allegations"), "") == (
        "reject", "'We strongly reject'")
    assert relation(statement("the accusation", "deny"), "") == ("deny", "cue 'deny'")
    assert relation(statement("the sanctions", "dismiss"), "") == ("reject", "cue 'dismiss'")
    assert relation(statement("she had spoken to him once", "confirm"), "") == ("confirm", "cue 'confirm'")
    assert relation(statement("the report was false"), "") == ("deny", "'was false'")
    assert relation(statement("false names were given to migrants"), "") is None
    assert relation(statement("Europe will not be pressured"), "") is None
    long_claim = "the minister knew the figures were false and hid them from parliament for three years running"
    assert relation(statement(long_claim), "") is None


def test_framing_targets_and_continuation():
    text = "Lindqvist rejected the threat. Europe will not be pressured, she said. Then she left."
    quote = statement("Europe will not be pressured", actor="lindqvist", country="EU", start=31)
    quote["cue"].update(start=text.index("she said"), end=text.index("she said") + 8)
    rejected = event("REJECT", 10, actors=[("lindqvist", "EU")])
    assert framed_by(quote, [rejected], text)[0] == "reject"
    assert framed_by(quote, [event("REJECT", 10, actors=[("wibisono", "IDN")])], text) is None
    later = statement("Then she left", actor="lindqvist", country="EU", start=text.index("Then"))
    later["cue"] = None
    assert framed_by(later, [rejected], text) is None  # not the sentence right after
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


def test_being_near_is_not_enough():
    answer = claim("a:s3", "a", 300, 10, "aasen", "NOR", "Aasen denied it", relation_="deny")
    assert best(answer, [claim("a:s2", "a", 200, 10, "berg", "SWE", "the ferry will sail")]) is None


def test_best_claim_is_the_one_in_the_same_article_that_names_the_answerer():
    answer = claim("a:s3", "a", 300, 10, "aasen", "NOR", "Aasen denied the accusation about trawlers",
                   relation_="deny")
    near = claim("a:s2", "a", 200, 10, "eiriksson", "ISL", "we counted Norwegian trawlers", countries=["NOR"])
    other = claim("b:s1", "b", 50, 9, "holt", "NOR", "Norway plans to double the quota", countries=["NOR"])
    later = claim("a:s4", "a", 400, 10, "eiriksson", "ISL", "we counted Norwegian trawlers", countries=["NOR"])
    found, score, why = best(answer, [other, later, near])
    assert found["id"] == "a:s2" and why == ["same article", "claim names NOR", "shares trawlers"]
    assert best(answer, [claim("a:s1", "a", 100, 10, "aasen", "NOR", "trawlers")]) is None
