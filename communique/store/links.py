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
from dataclasses import dataclass
from typing import Any, Callable, Optional

from communique.links import incidents, remarks
from communique.links.features import (NameFinder, countries_in, interval, iso_day, name_candidates, sentence_span,
                                       surname, words)
from communique.records import Result
from communique.store.links_answers import LinkAnswers, claim_index
from communique.store.links_query import LinkQueries

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
CREATE TABLE IF NOT EXISTS link_actor_facts (actor_id TEXT PRIMARY KEY, facts TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS link_events_incident ON link_events(incident);
CREATE INDEX IF NOT EXISTS link_events_doc ON link_events(doc);
CREATE INDEX IF NOT EXISTS link_event_keys_key ON link_event_keys(key, lo);
CREATE INDEX IF NOT EXISTS link_event_keys_event ON link_event_keys(event_id);
CREATE INDEX IF NOT EXISTS link_statements_remark ON link_statements(remark);
CREATE INDEX IF NOT EXISTS link_statements_actor ON link_statements(actor_id);
CREATE INDEX IF NOT EXISTS link_keys_key ON link_keys(key, day);
CREATE INDEX IF NOT EXISTS link_keys_statement ON link_keys(statement_id);
CREATE INDEX IF NOT EXISTS responses_target ON responses(target);
CREATE INDEX IF NOT EXISTS responses_head ON responses(head);
CREATE INDEX IF NOT EXISTS responses_doc ON responses(doc);
"""
CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                           "monday tuesday wednesday thursday friday saturday sunday".split())
CANDIDATE_CAP = 500  # per lookup; far above what a real story draws, it only bounds pathological keys
RELINK_CAP = 200  # articles re-linked at most when the store learns a fact about an actor


@dataclass
class Page:
    """One stored article as linking sees it: text, date and its records as contract dicts."""

    doc: str
    text: str
    published: Optional[str]
    statements: list[dict[str, Any]]
    events: list[dict[str, Any]]
    _speakers: Optional[dict[str, Any]] = None

    def claimant(self, statement_id: Optional[str]) -> Optional[str]:
        """The actor id of the speaker of one of the page's statements (None when unknown), looked up by id."""
        if self._speakers is None:
            self._speakers = {}
            for st in self.statements:  # the first statement of an id, as a scan from the start finds
                self._speakers.setdefault(st["id"], (st.get("speaker") or {}).get("actor_id"))
        return self._speakers.get(statement_id)


class LinkStore(LinkAnswers, LinkQueries):
    """The link tables of one store: written at ingest, read by the queries in LinkQueries."""

    def __init__(self, store: Any):
        self.store = store
        self.db: Any = store.db  # the store's connection-like object (SQLite or PostgreSQL)
        self.db.executescript(SCHEMA)

    # --- ingest ----------------------------------------------------------------------------------

    def add(self, result: Result) -> None:
        """Link one just-written article (inside the caller's transaction).

        When the article taught the store something about an actor (a country, a sector, a full
        name), the stored articles of that actor are linked again with what is now known, so the
        links end up those of the final knowledge whatever the order articles came in."""
        art = result.article
        page = Page(art.id, art.text, art.published.isoformat() if art.published else None,
                    [s.to_dict() for s in result.statements], [e.to_dict() for e in result.events])
        learned = self._learned(page)
        self._link(page)
        for doc in self._docs_of(learned, page.doc):
            self._link(self._page(doc))

    def relink(self) -> int:
        """Link every stored article again, one transaction each, in the order they were added."""
        docs = [r[0] for r in self.db.execute("SELECT doc FROM articles ORDER BY id")]
        for doc in docs:
            with self.store.atomic():
                self._link(self._page(doc))
        return len(docs)

    def _link(self, page: Page) -> None:
        """Link (or link again) every record of one article."""
        self._complete(page)
        people = NameFinder(_people(page))  # made once: a long article names thousands of people
        for ev in page.events:
            self._add_event(ev, page, people)
        feats = []
        for st in page.statements:
            day = iso_day(_first_day((st.get("date") or {}).get("value"))) or iso_day(page.published)
            feats.append(self._add_statement(st, day, page.text, people))
        self._find_responses(page, feats)

    def _refs(self, page: Page) -> list[dict[str, Any]]:
        """Every speaker, actor and recipient reference of a page."""
        refs = [st["speaker"] for st in page.statements if st.get("speaker")]
        return refs + [r for ev in page.events for r in ev.get("actors", []) + ev.get("recipients", [])]

    def _complete(self, page: Page) -> None:
        """Give references what the store now knows of their actors (name, country, sector)."""
        by_id = self.store.actors_registry.by_id
        for ref in self._refs(page):
            actor = by_id.get(ref.get("actor_id") or "")
            if actor is not None:
                ref["name"] = actor.name
                ref["country"] = ref.get("country") or actor.country
                ref["sector"] = ref.get("sector") or actor.sector

    def _learned(self, page: Page) -> list[str]:
        """Actors of this page whose known name, country or sector changed since linking last saw them."""
        by_id, changed = self.store.actors_registry.by_id, []
        for actor_id in sorted({r["actor_id"] for r in self._refs(page) if r.get("actor_id")}):
            actor = by_id.get(actor_id)
            if actor is None:
                continue
            facts = json.dumps([actor.name, actor.country, actor.sector])
            row = self.db.execute("SELECT facts FROM link_actor_facts WHERE actor_id = ?", (actor_id,)).fetchone()
            if row is None or row[0] != facts:
                self.db.execute("INSERT INTO link_actor_facts (actor_id, facts) VALUES (?, ?)"
                                " ON CONFLICT (actor_id) DO UPDATE SET facts = excluded.facts",
                                (actor_id, facts))
                if row is not None:
                    changed.append(actor_id)
        return changed

    def _docs_of(self, actor_ids: list[str], skip: str) -> list[str]:
        """Other stored articles that name these actors (most recent first, at most RELINK_CAP)."""
        if not actor_ids:
            return []
        marks = ", ".join("?" for _ in actor_ids)
        rows = self.db.execute(
            f"SELECT a.doc FROM articles a WHERE a.doc != ? AND a.doc IN (SELECT doc FROM statements WHERE actor_id"
            f" IN ({marks}) UNION SELECT e.doc FROM events e JOIN event_actors x ON x.event_id = e.id WHERE"
            f" x.actor_id IN ({marks})) ORDER BY a.id DESC LIMIT {RELINK_CAP}", (skip, *actor_ids, *actor_ids))
        return [r[0] for r in rows]

    def _page(self, doc: str) -> Page:
        """A stored article and its records."""
        art = self.db.execute("SELECT text, published FROM articles WHERE doc = ?", (doc,)).fetchone()
        sts = [json.loads(r[0]) for r in self.db.execute("SELECT json FROM statements WHERE doc = ? ORDER BY rowid",
                                                          (doc,))]
        evs = [json.loads(r[0]) for r in self.db.execute("SELECT json FROM events WHERE doc = ? ORDER BY rowid",
                                                          (doc,))]
        return Page(doc, art[0], art[1], sts, evs)

    def _kind(self, actor_id: Optional[str]) -> Optional[str]:
        """The stored actor's kind (person, organisation, government, country)."""
        actor = self.store.actors_registry.by_id.get(actor_id or "")
        return actor.kind if actor else None

    def _participant(self, actor_id: str) -> dict[str, Any]:
        """A participant from a known actor."""
        actor = self.store.actors_registry.by_id[actor_id]
        ref = {"actor_id": actor_id, "country": actor.country, "sector": actor.sector, "name": actor.name}
        return incidents.participant(ref, actor.kind)

    def _add_event(self, ev: dict[str, Any], page: Page, people: NameFinder) -> None:
        """Store one event's link features and join it to the incidents of matching reports."""
        kinds = {r["actor_id"]: self._kind(r["actor_id"]) for r in ev["actors"] + ev["recipients"] if r.get("actor_id")}
        fallback: list[dict[str, Any]] = []
        if not any(r.get("actor_id") or r.get("country") for r in ev["actors"] + ev["recipients"]):
            fallback = self._named_in_sentence(ev, page, people)
        f = incidents.features(ev, interval(ev.get("date"), page.published, page.text), kinds, fallback)
        self.db.execute("INSERT INTO link_events (event_id, doc, event_type, lo, hi, incident, feat)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET lo = excluded.lo,"
                        " hi = excluded.hi, feat = excluded.feat",
                        (f["id"], f["doc"], f["type"], f["lo"], f["hi"], f["id"], json.dumps(f)))
        self.db.execute("DELETE FROM link_event_keys WHERE event_id = ?", (f["id"],))
        if not incidents.linkable(f):
            return
        index, probe = incidents.keys(f)
        lo = f["lo"] - incidents.MAX_SPAN_DAYS - incidents.SLACK_DAYS
        hi = f["hi"] + incidents.SLACK_DAYS
        rows = self._lookup("SELECT DISTINCT e.event_id, e.incident, e.feat FROM link_event_keys k"
                            " JOIN link_events e ON e.event_id = k.event_id WHERE k.key IN ({}) AND k.lo BETWEEN ? AND ?",
                            sorted(probe), (lo, hi))
        def link(other_id: str, other: dict[str, Any]) -> bool:
            why = incidents.same_incident(f, other)
            if why:
                a, b = sorted((f["id"], other_id))
                self.db.execute("INSERT INTO incident_links (a, b, why) VALUES (?, ?, ?)"
                                " ON CONFLICT (a, b) DO UPDATE SET why = excluded.why",
                                (a, b, json.dumps(why, sort_keys=True)))
            return bool(why)

        self._join("link_events", "incident", "event_id", f["id"], rows, link)
        self.db.executemany("INSERT INTO link_event_keys (key, lo, event_id) VALUES (?, ?, ?)",
                            [(k, f["lo"], f["id"]) for k in sorted(index)])

    def _named_in_sentence(self, ev: dict[str, Any], page: Page, people: NameFinder) -> list[dict[str, Any]]:
        """Participants of an event without actors: known actors and countries its sentence names,
        less the speaker who claims it."""
        lo, hi = sentence_span(page.text, ev["trigger"]["start"], ev["trigger"]["end"])
        sentence = page.text[lo:hi]
        claimant = page.claimant(ev.get("claimed_by"))
        found = [self._participant(a) for a in self._named(sentence, people) if a != claimant]
        found += [{"id": None, "country": c, "sector": None, "name": c, "mention": True} for c in countries_in(sentence)]
        return found

    def _named(self, sentence: str, people: NameFinder) -> list[str]:
        """Ids of known actors a sentence names: the article's own (also by surname), or any by full name."""
        registry = self.store.actors_registry
        found = set(people(sentence))
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

    def _join(self, table: str, column: str, key: str, record_id: str, rows: list[tuple],
              link: Callable[[str, dict[str, Any]], bool]) -> None:
        """Join a new record's group with the groups of the candidates `link` accepts (and records the link for)."""
        groups = {self._group(table, column, key, record_id)}
        for other_id, group, feat in rows:
            if other_id != record_id and link(other_id, json.loads(feat)):
                groups.add(group)
        self._merge(table, column, groups)

    def _group(self, table: str, column: str, key: str, record_id: str) -> str:
        """The group a stored record belongs to now."""
        return self.db.execute(f"SELECT {column} FROM {table} WHERE {key} = ?", (record_id,)).fetchone()[0]

    def _merge(self, table: str, column: str, groups: set[str]) -> str:
        """Make several groups one, named by the smallest id among them; returns that name."""
        root = min(groups)
        others = sorted(groups - {root})
        if others:
            marks = ", ".join("?" for _ in others)
            self.db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} IN ({marks})", (root, *others))
        return root

    def _add_statement(self, st: dict[str, Any], day: Optional[int], text: str,
                       people: NameFinder) -> dict[str, Any]:
        """Store one statement's link features and join it to the remark groups of matching quotes."""
        f = remarks.features(st, day)
        f.update(self._claim_features(st, day, text, people))
        self.db.execute("INSERT INTO link_statements (statement_id, doc, actor_id, day, remark, feat)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (statement_id) DO UPDATE SET actor_id ="
                        " excluded.actor_id, day = excluded.day, feat = excluded.feat",
                        (f["id"], f["doc"], f["speaker"], day, f["id"], json.dumps(f)))
        self.db.execute("DELETE FROM link_keys WHERE statement_id = ?", (f["id"],))
        index = sorted(claim_index(f))
        if remarks.linkable(f):
            rkeys = sorted(remarks.keys(f))
            rows = self._lookup("SELECT DISTINCT s.statement_id, s.remark, s.feat FROM link_keys k JOIN link_statements s"
                                " ON s.statement_id = k.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?",
                                rkeys, (day - remarks.WINDOW_DAYS, day + remarks.WINDOW_DAYS))
            def link(other_id: str, other: dict[str, Any]) -> bool:
                same = remarks.same_remark(f, other)
                if same:
                    a, b = sorted((f["id"], other_id))
                    self.db.execute("INSERT INTO remark_links (a, b, kind, score, why) VALUES (?, ?, ?, ?, ?) ON CONFLICT (a, b)"
                                    " DO UPDATE SET kind = excluded.kind, score = excluded.score, why = excluded.why",
                                    (a, b, same["kind"], same["score"], json.dumps(same["why"], sort_keys=True)))
                return bool(same)

            self._join("link_statements", "remark", "statement_id", f["id"], rows, link)
            index += rkeys
        if day is not None:
            self.db.executemany("INSERT INTO link_keys (key, day, statement_id) VALUES (?, ?, ?)",
                                [(k, day, f["id"]) for k in index])
        return f

    def _claim_features(self, st: dict[str, Any], day: Optional[int], text: str,
                        people: NameFinder) -> dict[str, Any]:
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


def _people(page: Page) -> list[tuple[str, str]]:
    """(actor_id, name) of everyone the article names as speaker, actor or recipient."""
    seen: dict[str, str] = {}
    refs = [st.get("speaker") for st in page.statements]
    refs += [r for ev in page.events for r in ev.get("actors", []) + ev.get("recipients", [])]
    for ref in refs:
        if ref and ref.get("actor_id") and ref.get("name"):
            seen.setdefault(ref["actor_id"], ref["name"])
    return sorted(seen.items())


def _first_day(value: Optional[str]) -> Optional[str]:
    """The first day of a date value (the store's rule)."""
    from communique.store import first_day

    return first_day(value)
