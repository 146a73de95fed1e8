"""Link tables and their writes: incidents, remarks and responses, kept up to date at ingest.

`LinkStore.add` runs inside the store's `atomic()` transaction for each new article, after its
records are written and their actors resolved, so a run that is killed leaves whole articles with
their links. Each new record is compared only with candidates found through blocking keys (type
and actor for events, speaker and word for statements, named actors and countries for answers)
within a date window, never with the whole store. Groups are the connected components of a pure
pair test, named by their smallest member id, so any order of the same articles gives the same groups.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Optional

from communique.links import incidents, remarks, responses
from communique.links.features import (countries_in, interval, iso_day, name_candidates, names_in, sentence_span,
                                       surname, words)
from communique.records import Result
from communique.store import first_day
from communique.store_links_query import LinkQueries

SCHEMA = """
CREATE TABLE IF NOT EXISTS link_events (
    event_id TEXT PRIMARY KEY, doc TEXT NOT NULL, event_type TEXT NOT NULL, lo INTEGER, hi INTEGER,
    incident TEXT NOT NULL, feat TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS link_event_keys (key TEXT NOT NULL, lo INTEGER NOT NULL, event_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_links (
    a TEXT NOT NULL, b TEXT NOT NULL, why TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS link_statements (
    statement_id TEXT PRIMARY KEY, doc TEXT NOT NULL, actor_id TEXT, day INTEGER, remark TEXT NOT NULL,
    feat TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS link_keys (key TEXT NOT NULL, day INTEGER NOT NULL, statement_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS remark_links (
    a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL, score REAL NOT NULL, why TEXT NOT NULL,
    PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS responses (
    statement_id TEXT PRIMARY KEY, doc TEXT NOT NULL, relation TEXT NOT NULL, evidence TEXT NOT NULL,
    head TEXT NOT NULL, target TEXT, score REAL, why TEXT, day INTEGER);
CREATE INDEX IF NOT EXISTS link_events_incident ON link_events(incident);
CREATE INDEX IF NOT EXISTS link_event_keys_key ON link_event_keys(key, lo);
CREATE INDEX IF NOT EXISTS link_statements_remark ON link_statements(remark);
CREATE INDEX IF NOT EXISTS link_statements_actor ON link_statements(actor_id);
CREATE INDEX IF NOT EXISTS link_keys_key ON link_keys(key, day);
CREATE INDEX IF NOT EXISTS responses_target ON responses(target);
CREATE INDEX IF NOT EXISTS responses_head ON responses(head);
"""
CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                           "monday tuesday wednesday thursday friday saturday sunday".split())
CANDIDATE_CAP = 500  # per lookup; far above what a real story draws, it only bounds pathological keys


class LinkStore(LinkQueries):
    """The link tables of one store: written at ingest, read by the queries in LinkQueries."""

    def __init__(self, store: Any):
        self.store = store
        self.db: sqlite3.Connection = store.db
        self.db.executescript(SCHEMA)

    # --- ingest ----------------------------------------------------------------------------------

    def add(self, result: Result) -> None:
        """Link one just-written article's events and statements (inside the caller's transaction)."""
        art = result.article
        published = art.published.isoformat() if art.published else None
        people = self._people(result)
        for ev in result.events:
            self._add_event(ev.to_dict(), art.text, published, people, result)
        feats = []
        for st in result.statements:
            d = st.to_dict()
            day = iso_day(first_day((d.get("date") or {}).get("value"))) or iso_day(published)
            feats.append(self._add_statement(d, day, art.text, people))
        self._find_responses(result, feats, art.text)

    def _people(self, result: Result) -> list[tuple[str, str]]:
        """(actor_id, name) of everyone the article names as speaker, actor or recipient."""
        seen: dict[str, str] = {}
        for st in result.statements:
            if st.speaker and st.speaker.actor_id and st.speaker.name:
                seen.setdefault(st.speaker.actor_id, st.speaker.name)
        for ev in result.events:
            for ref in [*ev.actors, *ev.recipients]:
                if ref.actor_id and ref.name:
                    seen.setdefault(ref.actor_id, ref.name)
        return sorted(seen.items())

    def _kind(self, actor_id: Optional[str]) -> Optional[str]:
        """The stored actor's kind (person, organisation, government, country)."""
        actor = self.store.actors_registry.by_id.get(actor_id or "")
        return actor.kind if actor else None

    def _participant(self, actor_id: str) -> dict[str, Any]:
        """A participant from a known actor."""
        actor = self.store.actors_registry.by_id[actor_id]
        ref = {"actor_id": actor_id, "country": actor.country, "sector": actor.sector, "name": actor.name}
        return incidents.participant(ref, actor.kind)

    def _add_event(self, ev: dict[str, Any], text: str, published: Optional[str],
                   people: list[tuple[str, str]], result: Result) -> None:
        """Store one event's link features and join it to the incidents of matching reports."""
        kinds = {r["actor_id"]: self._kind(r["actor_id"]) for r in ev["actors"] + ev["recipients"] if r.get("actor_id")}
        fallback: list[dict[str, Any]] = []
        if not any(r.get("actor_id") or r.get("country") for r in ev["actors"] + ev["recipients"]):
            fallback = self._named_in_sentence(ev, text, people, result)
        f = incidents.features(ev, interval(ev.get("date"), published, text), kinds, fallback)
        self.db.execute("INSERT OR REPLACE INTO link_events (event_id, doc, event_type, lo, hi, incident, feat)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (f["id"], f["doc"], f["type"], f["lo"], f["hi"], f["id"], json.dumps(f)))
        if not incidents.linkable(f):
            return
        index, probe = incidents.keys(f)
        lo = f["lo"] - incidents.MAX_SPAN_DAYS - incidents.SLACK_DAYS
        hi = f["hi"] + incidents.SLACK_DAYS
        rows = self._lookup("SELECT DISTINCT e.event_id, e.incident, e.feat FROM link_event_keys k"
                            " JOIN link_events e ON e.event_id = k.event_id WHERE k.key IN ({}) AND k.lo BETWEEN ? AND ?",
                            sorted(probe), (lo, hi))
        groups = {f["id"]}
        for other_id, incident, feat in rows:
            why = incidents.same_incident(f, json.loads(feat))
            if why:
                a, b = sorted((f["id"], other_id))
                self.db.execute("INSERT OR REPLACE INTO incident_links (a, b, why) VALUES (?, ?, ?)",
                                (a, b, json.dumps(why, sort_keys=True)))
                groups.add(incident)
        self.db.executemany("INSERT INTO link_event_keys (key, lo, event_id) VALUES (?, ?, ?)",
                            [(k, f["lo"], f["id"]) for k in sorted(index)])
        self._merge("link_events", "incident", groups)

    def _named_in_sentence(self, ev: dict[str, Any], text: str, people: list[tuple[str, str]],
                           result: Result) -> list[dict[str, Any]]:
        """Participants of an event without actors: known actors and countries its sentence names,
        less the speaker who claims it."""
        lo, hi = sentence_span(text, ev["trigger"]["start"], ev["trigger"]["end"])
        sentence = text[lo:hi]
        claimant = next((s.speaker.actor_id for s in result.statements
                         if s.id == ev.get("claimed_by") and s.speaker), None)
        found = [self._participant(a) for a in self._named(sentence, people) if a != claimant]
        found += [{"id": None, "country": c, "sector": None, "name": c, "mention": True} for c in countries_in(sentence)]
        return found

    def _named(self, sentence: str, people: list[tuple[str, str]]) -> list[str]:
        """Ids of known actors a sentence names: the article's own (also by surname), or any by full name."""
        registry = self.store.actors_registry
        found = set(names_in(sentence, people))
        for name in name_candidates(sentence):
            actor_id = registry.by_key.get(name.lower())
            if actor_id and (" " in name or name.lower() not in CALENDAR_WORDS):
                found.add(actor_id)
        return sorted(a for a in found if a in registry.by_id)

    def _lookup(self, sql: str, keys: list[str], args: tuple) -> list[tuple]:
        """Run a blocking query over a key list (nothing when there are no keys), capped."""
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        return self.db.execute(sql.format(marks) + f" LIMIT {CANDIDATE_CAP}", (*keys, *args)).fetchall()

    def _merge(self, table: str, column: str, groups: set[str]) -> str:
        """Make several groups one, named by the smallest id among them; returns that name."""
        root = min(groups)
        others = sorted(groups - {root})
        if others:
            marks = ", ".join("?" for _ in others)
            self.db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} IN ({marks})", (root, *others))
        return root

    def _add_statement(self, st: dict[str, Any], day: Optional[int], text: str,
                       people: list[tuple[str, str]]) -> dict[str, Any]:
        """Store one statement's link features and join it to the remark groups of matching quotes."""
        f = remarks.features(st, day)
        f.update(self._claim_features(st, day, text, people))
        self.db.execute("INSERT OR REPLACE INTO link_statements (statement_id, doc, actor_id, day, remark, feat)"
                        " VALUES (?, ?, ?, ?, ?, ?)", (f["id"], f["doc"], f["speaker"], day, f["id"], json.dumps(f)))
        index = sorted(_claim_index(f))
        if remarks.linkable(f):
            rkeys = sorted(remarks.keys(f))
            rows = self._lookup("SELECT DISTINCT s.statement_id, s.remark, s.feat FROM link_keys k JOIN link_statements s"
                                " ON s.statement_id = k.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?",
                                rkeys, (day - remarks.WINDOW_DAYS, day + remarks.WINDOW_DAYS))
            groups = {f["id"]}
            for other_id, remark, feat in rows:
                link = remarks.same_remark(f, json.loads(feat))
                if link:
                    a, b = sorted((f["id"], other_id))
                    self.db.execute("INSERT OR REPLACE INTO remark_links (a, b, kind, score, why) VALUES (?, ?, ?, ?, ?)",
                                    (a, b, link["kind"], link["score"], json.dumps(link["why"], sort_keys=True)))
                    groups.add(remark)
            self._merge("link_statements", "remark", groups)
            index += rkeys
        if day is not None:
            self.db.executemany("INSERT INTO link_keys (key, day, statement_id) VALUES (?, ?, ?)",
                                [(k, day, f["id"]) for k in index])
        return f

    def _claim_features(self, st: dict[str, Any], day: Optional[int], text: str,
                        people: list[tuple[str, str]]) -> dict[str, Any]:
        """What answering needs: position, speaker, the sentence and whom and which countries it names."""
        sp = st.get("speaker") or {}
        c = st["content"]
        cue = st.get("cue") or c
        lo, hi = sentence_span(text, min(c["start"], cue["start"]), max(c["end"], cue["end"]))
        sentence = text[lo:hi]
        name = sp.get("name") or sp.get("text") or ""
        country = sp.get("country")
        actor = self.store.actors_registry.by_id.get(sp.get("actor_id") or "")
        person = actor is not None and actor.kind == "person"
        own = set(words(name))
        return {
            "pos": c["start"], "speaker_text": (sp.get("text") or "").lower(), "speaker_name": name,
            "surname": surname(name) if person else None, "country": country or (actor and actor.country),
            "names": [a for a in self._named(sentence, people) if a != sp.get("actor_id")],
            "countries": countries_in(sentence), "sentence": sentence,
            "topic": [w for w in words(sentence) if w not in own], "relation": None,
        }

    # --- answers ---------------------------------------------------------------------------------

    def _find_responses(self, result: Result, feats: list[dict[str, Any]], text: str) -> None:
        """Mark the article's answers, choose what each answers, and offer its claims to earlier answers."""
        events = [e.to_dict() for e in result.events]
        prev, prev_head = None, None
        by_id = {f["id"]: f for f in feats}
        for st in result.statements:
            d, f = st.to_dict(), by_id[st.id]
            found = (responses.relation(d, f["sentence"]) or responses.framed_by(d, events)
                     or responses.targeted(d, events))
            head = f["id"]
            if found is None and prev_head and responses.continues(prev, d):
                found, head = (by_id[prev_head]["relation"], f"continues {prev_head}"), prev_head
            prev = d
            if found is None:
                prev_head = None
                continue
            f["relation"] = found[0]
            prev_head = head
            self.db.execute("UPDATE link_statements SET feat = ? WHERE statement_id = ?", (json.dumps(f), f["id"]))
            self.db.execute("INSERT OR REPLACE INTO responses (statement_id, doc, relation, evidence, head, day)"
                            " VALUES (?, ?, ?, ?, ?, ?)", (f["id"], f["doc"], found[0], found[1], head, f["day"]))
        for f in feats:
            if f["relation"] and f["day"] is not None:
                self._target(f, feats)
        for f in feats:
            if not f["relation"] and f["day"] is not None:
                self._offer(f)

    def _target(self, r: dict[str, Any], same_article: list[dict[str, Any]]) -> None:
        """Choose the claim a response answers among its article's statements and matching earlier ones."""
        probe = sorted(_claim_probe(r))
        rows = self._lookup("SELECT DISTINCT s.feat FROM link_keys k JOIN link_statements s ON s.statement_id ="
                            " k.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?",
                            probe, (r["day"] - responses.WINDOW_DAYS, r["day"]))
        candidates = {f["id"]: f for f in same_article}
        for (feat,) in rows:
            c = json.loads(feat)
            candidates.setdefault(c["id"], c)
        found = responses.best(r, sorted(candidates.values(), key=lambda c: c["id"]))
        if found:
            c, s, why = found
            self._set_target(r["id"], c["id"], s, why)

    def _set_target(self, response_id: str, claim_id: str, score: float, why: list[str]) -> None:
        """Record what a response answers."""
        self.db.execute("UPDATE responses SET target = ?, score = ?, why = ? WHERE statement_id = ?",
                        (claim_id, score, json.dumps(why), response_id))

    def _offer(self, c: dict[str, Any]) -> None:
        """A new claim may fit an already stored, later answer better than what it answers now."""
        rows = self._lookup("SELECT DISTINCT s.feat, r.target, r.score FROM link_keys k JOIN responses r ON"
                            " r.statement_id = k.statement_id AND r.head = r.statement_id JOIN link_statements s"
                            " ON s.statement_id = r.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?"
                            " AND r.doc != ?", sorted(_claim_probe(c)),
                            (c["day"], c["day"] + responses.WINDOW_DAYS, c["doc"]))
        for feat, target, current in rows:
            r = json.loads(feat)
            if not responses.may_answer(r, c):
                continue
            s, why = responses.score(r, c)
            if s < responses.MIN_SCORE:
                continue
            if target is None or _better((s, c), (current, self._claim(target))):
                self._set_target(r["id"], c["id"], s, why)

    def _claim(self, statement_id: str) -> dict[str, Any]:
        """Stored link features of one statement."""
        row = self.db.execute("SELECT feat FROM link_statements WHERE statement_id = ?", (statement_id,)).fetchone()
        return json.loads(row[0])


def _better(new: tuple[float, dict], old: tuple[float, dict]) -> bool:
    """The same order as responses.best: higher score, then later claim, then smaller id."""
    (s1, c1), (s2, c2) = new, old
    return (-s1, -c1["day"], c1["id"]) < (-s2, -c2["day"], c2["id"])


def _claim_index(f: dict[str, Any]) -> set[str]:
    """Keys a statement is found by as a claim: its speaker and country (s:), whom and what it names (m:)."""
    out = {"r:m:" + x for x in f["names"]} | {"r:m:c:" + c for c in f["countries"]}
    if f["speaker"]:
        out.add("r:s:" + f["speaker"])
    if f["country"]:
        out.add("r:s:c:" + f["country"])
    return out


def _claim_probe(f: dict[str, Any]) -> set[str]:
    """Keys a statement looks up the other side by: whom it names (s:), and who names its speaker (m:).

    The relation is symmetric: an answer's probe meets a claim's index exactly when the claim's
    probe meets the answer's index, so a claim arriving after its answer still finds it."""
    out = {"r:s:" + x for x in f["names"]} | {"r:s:c:" + c for c in f["countries"]}
    if f["speaker"]:
        out.add("r:m:" + f["speaker"])
    if f["country"]:
        out.add("r:m:c:" + f["country"])
    return out


def link_all(store: Any, results: Iterable[Result]) -> None:
    """Link results already written (used by tests and tools that add links afterwards)."""
    for result in results:
        with store.atomic():
            store.links.add(result)
