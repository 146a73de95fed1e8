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


def _scan_framed_by(st, events, text):
    """The scan EventIndex.framed_by replaced: every event for each statement."""
    from communique.links.features import sentence_span
    from communique.links.responses import _same_actor

    sp = st.get("speaker") or {}
    start = st["content"]["start"] if not st.get("cue") else min(st["content"]["start"], st["cue"]["start"])
    own = sentence_span(text, start, start)[0]
    for ev in events:
        if ev["event_type"] != "REJECT" or ev.get("negated") or ev["trigger"]["end"] > start:
            continue
        ev_end = sentence_span(text, ev["trigger"]["start"], ev["trigger"]["end"])[1]
        if not text[ev_end:own].strip() and any(_same_actor(sp, a) for a in ev.get("actors") or []):
            return "reject", f"follows '{ev['trigger']['text']}' ({ev['id']})"
    return None


def test_event_index_agrees_with_a_scan_of_every_event():
    import random

    from communique.links.responses import EventIndex, _targeted

    rng = random.Random(8)
    sentences = ["Lindqvist rejected the threat. ", "Europe will not be pressured, she said. ", "Then she left.\n\n",
                 "Aasen accused Oslo of lying! ", "No, said Oslo. ", "The fee stays.   "]
    text = "".join(rng.choice(sentences) for _ in range(300))
    events = []
    for n in range(250):
        start = rng.randrange(len(text) - 10)
        ev = event(rng.choice(["REJECT", "ACCUSE", "THREATEN", "SANCTION", "CONSULT"]), start,
                   actors=[(rng.choice(["lindqvist", "aasen"]), rng.choice(["EU", "NOR"]))],
                   recipients=[(rng.choice(["oslo", "eu"]), rng.choice(["NOR", "EU"]))])
        ev["id"], ev["negated"] = f"a:e{n}", rng.random() < 0.2
        events.append(ev)
    events.sort(key=lambda e: e["trigger"]["start"])
    index = EventIndex(events, text)
    for start in range(20, len(text) - 40, 13):
        st = statement("not a word of it is true", actor=rng.choice(["lindqvist", "oslo", "eu"]),
                       country=rng.choice(["EU", "NOR", None]), start=start, kind=rng.choice(["direct", "indirect"]))
        assert index.framed_by(st) == _scan_framed_by(st, events, text)
        assert index.targeted(st) == targeted(st, events)  # the wrapper scans every event
        assert targeted(st, events) in (None, _targeted(st, events))


def test_an_answer_is_scored_only_against_claims_that_can_share_a_hint():
    import random

    from communique.links.responses import HintIndex, score

    rng = random.Random(6)
    people = [("lindqvist", "Mara Lindqvist"), ("aasen", "Ingrid Aasen"), ("al-sudani", "Ali al-Sudani"), (None, None)]
    claims = []
    for n in range(300):
        actor, name = rng.choice(people)
        words = rng.sample(["ferry", "fees", "quota", "sardine", "border", "talks", "harbour", "2026"], 3)
        claims.append({
            "id": f"a:s{n:03d}", "doc": "a", "pos": n * 40, "day": 700_000 + rng.randrange(3), "relation": None,
            "speaker": actor, "speaker_text": (name or "officials").lower(), "speaker_name": name or "officials",
            "surname": name.split()[-1] if name else None, "country": rng.choice(["NOR", "SWE", None]),
            "names": rng.sample(["lindqvist", "aasen", "al-sudani"], rng.randrange(0, 2)),
            "countries": rng.sample(["NOR", "SWE", "EST"], rng.randrange(0, 2)),
            "sentence": " ".join(rng.sample(["Lindqvist", "Aasen", "al-Sudani", "said", "the", "ferry", "quota"], 3)),
            "topic": words, "words": rng.sample(words + ["minister", "week"], 3)})
    index = HintIndex(claims)
    for r in claims[::7]:
        found = {c["id"] for c in index.for_answer(r)}
        assert {c["id"] for c in claims if score(r, c)[0] > 0} <= found
        assert best(r, index.for_answer(r)) == best(r, claims)
