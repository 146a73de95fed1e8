"""The incident pair test: type, dates by precision, participants; blocking keys find every linkable pair."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from communique.links.incidents import keys, participant, same_incident

D = date(2026, 3, 3).toordinal()


def person(actor_id, country="PRT", sector="GOV"):
    return {"id": actor_id, "country": country, "sector": sector, "name": actor_id}


def state(country, sector="GOV"):
    return {"id": None, "country": country, "sector": sector, "name": country}


def report(eid, actors=(), recipients=(), lo=D, hi=D, type_="CONSULT", fallback=(), hypothetical=False,
           dated=True):
    return {"id": eid, "doc": eid.split(":")[0], "type": type_, "lo": lo, "hi": hi, "actors": list(actors),
            "recipients": list(recipients), "fallback": list(fallback), "negated": False,
            "hypothetical": hypothetical, "dated": dated}


def test_same_actors_same_day_are_one_incident_with_reasons():
    a = report("a:e1", [person("vasconcelos")], [person("bennani", "MAR")])
    b = report("b:e1", [state("PRT"), person("vasconcelos")], [person("bennani", "MAR")], lo=D - 1, hi=D + 1)
    assert same_incident(a, b) == {"type": "CONSULT", "dates": "2026-03-03 and 2026-03-02..2026-03-04 overlap",
                                   "participants": "same actor bennani; same actor vasconcelos; same country PRT/GOV"}
    assert same_incident(b, a) == same_incident(a, b)


def test_another_counterpart_or_another_week_is_another_incident():
    a = report("a:e1", [person("vasconcelos")], [person("bennani", "MAR")])
    assert same_incident(a, report("b:e1", [person("vasconcelos")], [person("quiroga", "ESP")])) is None
    assert same_incident(a, report("b:e1", [person("vasconcelos")], [person("bennani", "MAR")], lo=D + 7,
                                   hi=D + 7)) is None
    assert same_incident(a, report("b:e1", [person("vasconcelos")], [person("bennani", "MAR")],
                                   type_="AGREE")) is None


def test_directed_types_compare_sides_and_countries_stand_for_unnamed_actors():
    accuse = report("a:e1", [state("ISL")], [state("NOR")], type_="ACCUSE")
    by_minister = report("b:e1", [person("eiriksson", "ISL")], [state("NOR")], type_="ACCUSE")
    reversed_ = report("c:e1", [state("NOR")], [state("ISL")], type_="ACCUSE")
    assert same_incident(accuse, by_minister)["actors"] == "same country ISL/GOV"
    assert same_incident(accuse, reversed_) is None


def test_countries_alone_join_only_reports_with_their_own_dates():
    accuse = report("a:e1", [state("ISL")], [state("NOR")], type_="ACCUSE")
    undated = report("b:e1", [person("eiriksson", "ISL")], [state("NOR")], type_="ACCUSE", dated=False)
    assert same_incident(accuse, undated) is None
    by_id = report("c:e1", [person("eiriksson", "ISL")], [state("NOR")], type_="ACCUSE", dated=False)
    assert same_incident(undated, by_id)["actors"] == "same actor eiriksson"


def test_a_description_without_sector_is_not_its_government():
    gov = report("a:e1", [state("NOR")], type_="REJECT")
    body = report("b:e1", [{"id": None, "country": "NOR", "sector": None, "name": "fishing association"}],
                  type_="REJECT")
    assert same_incident(gov, body) is None


def test_vague_or_hypothetical_reports_join_nothing():
    a = report("a:e1", [person("x")])
    assert same_incident(a, report("b:e1", [person("x")], lo=D - 200, hi=D + 165)) is None
    assert same_incident(a, report("b:e1", [person("x")], hypothetical=True)) is None


def test_a_report_without_actors_uses_whom_its_sentence_names():
    a = report("a:e1", [state("KEN"), state("TZA")], type_="AGREE")
    b = report("b:e1", fallback=[person("kamau", "KEN"), person("rashidi", "TZA")], type_="AGREE")
    why = same_incident(a, b)
    assert why["participants"] == "same country KEN/GOV; same country TZA/GOV"
    assert why["note"].startswith("a report without actors")


def test_countries_and_bodies_are_generic_participants():
    assert participant({"actor_id": "norway@NOR", "name": "Norway", "country": "NOR", "sector": "GOV"})["id"] is None
    assert participant({"actor_id": "aasen", "name": "Ingrid Aasen", "country": "NOR"}, "person")["id"] == "aasen"
    assert participant({"actor_id": "gov", "name": "Myanmar's government", "country": "MMR"}, "government")["id"] is None


PEOPLE = st.sampled_from([person("p1", "PRT"), person("p2", "PRT"), person("p3", "MAR"), state("PRT"),
                          state("MAR"), {"id": None, "country": None, "sector": "GOV", "name": "the minister"},
                          {"id": None, "country": "MAR", "sector": None, "name": "x", "mention": True}])
SIDES = st.lists(PEOPLE, max_size=3)


@settings(max_examples=300, deadline=None)
@given(SIDES, SIDES, SIDES, SIDES, st.sampled_from(["CONSULT", "ACCUSE"]), st.integers(-3, 3))
def test_blocking_finds_every_pair_the_test_would_join(a1, a2, b1, b2, type_, shift):
    a = report("a:e1", a1, a2, type_=type_)
    b = report("b:e1", b1, b2, lo=D + shift, hi=D + shift, type_=type_)
    if same_incident(a, b):
        assert keys(a)[1] & keys(b)[0] and keys(b)[1] & keys(a)[0]
