"""Queries over the link tables: incidents, remark groups, responses and an actor's timeline.

These are the store methods the CLI (and the HTTP API and dashboard) call; each returns plain,
JSON-ready dicts. Groups are read whole, so their summaries are always those of the current store.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable, Optional

from communique.links import positions, responses as answers
from communique.links.features import best_date, words
from communique.output import sentence_around
from communique.store.queries import contains, like_pattern

Row = dict[str, Any]


def _day_iso(day: Optional[int]) -> Optional[str]:
    """A day number as YYYY-MM-DD."""
    return date.fromordinal(day).isoformat() if day else None


def _iso(value: Any) -> Optional[str]:
    """A date or string as YYYY-MM-DD."""
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


class LinkQueries:
    """Read side of LinkStore (mixed in; uses self.db)."""

    db: Any

    def actor_ids(self, name: str) -> list[str]:
        """Ids of the actors whose name or an alias contains `name` (case-insensitive)."""
        like = like_pattern(name)  # '%' and '_' in a name are matched as themselves
        rows = self.db.execute(f"SELECT actor_id FROM actors WHERE {contains('name')} UNION"
                               f" SELECT actor_id FROM actor_aliases WHERE {contains('alias')}", (like, like))
        return sorted(r[0] for r in rows)

    def _article(self, doc: str, cache: dict[str, Row]) -> Row:
        """Article columns needed to show a report, cached per query."""
        if doc not in cache:
            row = self.db.execute("SELECT doc, title, source, published, text FROM articles WHERE doc = ?",
                                  (doc,)).fetchone()
            cache[doc] = dict(row) if row else {"doc": doc, "title": None, "source": None, "published": None,
                                                "text": ""}
        return cache[doc]

    def groups(self) -> tuple[dict[str, str], dict[str, str]]:
        """Every event's incident and every statement's remark group, by record id."""
        incidents = dict(self.db.execute("SELECT event_id, incident FROM link_events").fetchall())
        remarks = dict(self.db.execute("SELECT statement_id, remark FROM link_statements").fetchall())
        return incidents, remarks

    def records(self, doc: str) -> tuple[Optional[str], list[Row], list[Row]]:
        """An article's text, statements and events (contract dicts, in article order)."""
        art = self.db.execute("SELECT text FROM articles WHERE doc = ?", (doc,)).fetchone()
        sts = [json.loads(r[0]) for r in self.db.execute("SELECT json FROM statements WHERE doc = ? ORDER BY rowid",
                                                          (doc,))]
        evs = [json.loads(r[0]) for r in self.db.execute("SELECT json FROM events WHERE doc = ? ORDER BY rowid",
                                                          (doc,))]
        return (art[0] if art else None), sts, evs

    # --- incidents -----------------------------------------------------------------------------------

    def incidents(self, type: Optional[str] = None, actor: Optional[str] = None,  # noqa: A002 - CLI name
                  since: Any = None, until: Any = None, min_articles: int = 1,
                  incident_id: Optional[str] = None) -> list[Row]:
        """Incidents with their reports, counts, dates and flags, ordered by date; filters match any report."""
        where, args = [], []
        if incident_id:
            where.append("l.incident = ?")
            args.append(incident_id)
        if type:
            where.append("l.event_type = ?")
            args.append(type.upper())
        if actor:
            ids = self.actor_ids(actor)
            marks = ", ".join("?" for _ in ids) or "NULL"
            where.append(f"l.event_id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({marks}))")
            args += ids
        if since:
            where.append("COALESCE(e.happened_on, a.published) >= ?")
            args.append(_iso(since))
        if until:
            where.append("COALESCE(e.happened_on, a.published) <= ?")
            args.append(_iso(until))
        cond = " WHERE " + " AND ".join(where) if where else ""
        chosen = f"SELECT DISTINCT l.incident FROM link_events l JOIN events e ON e.id = l.event_id" \
                 f" JOIN articles a ON a.doc = e.doc{cond}"
        rows = self.db.execute(
            "SELECT l.incident, e.json FROM link_events l JOIN events e ON e.id = l.event_id"
            f" JOIN articles a ON a.doc = e.doc WHERE l.incident IN ({chosen})"
            " ORDER BY l.incident, a.published, e.doc, e.rowid", args).fetchall()
        groups: dict[str, list[Row]] = {}
        for incident, js in rows:
            groups.setdefault(incident, []).append(json.loads(js))
        cache: dict[str, Row] = {}
        out = [self._incident(i, evs, cache) for i, evs in groups.items()]
        out = [i for i in out if i["articles"] >= min_articles]
        return sorted(out, key=lambda i: ((i["date"] or {}).get("value") or i["first_reported"] or "", i["id"]))

    def incident(self, incident_id: str) -> Optional[Row]:
        """One incident with its reports and the links (with reasons) that joined them; any member event's id
        (or the id of a group merged since) finds it."""
        row = self.db.execute("SELECT incident FROM link_events WHERE event_id = ?", (incident_id,)).fetchone()
        found = self.incidents(incident_id=row[0] if row else incident_id)
        if not found:
            return None
        inc = found[0]
        ids = [r["event_id"] for r in inc["reports"]]
        marks = ", ".join("?" for _ in ids)
        inc["links"] = [{"a": a, "b": b, "why": json.loads(w)} for a, b, w in self.db.execute(
            f"SELECT a, b, why FROM incident_links WHERE a IN ({marks}) ORDER BY a, b", ids)]
        return inc

    def _incident(self, incident_id: str, events: list[Row], cache: dict[str, Row]) -> Row:
        """Summary of one incident from its events."""
        reports = []
        for ev in events:
            art = self._article(ev["doc"], cache)
            trig = ev["trigger"]
            reports.append({
                "event_id": ev["id"], "doc": ev["doc"], "title": art["title"], "source": art["source"],
                "published": art["published"], "sentence": sentence_around(art["text"], trig["start"], trig["end"]),
                "trigger": trig["text"], "date": ev.get("date"), "negated": ev.get("negated", False),
                "claimed_by": ev.get("claimed_by")})
        published = sorted(r["published"] for r in reports if r["published"])
        return {
            "type": "incident", "id": incident_id, "event_type": events[0]["event_type"],
            "actors": _names(r for ev in events for r in ev.get("actors") or []),
            "recipients": _names(r for ev in events for r in ev.get("recipients") or []),
            "date": best_date(ev.get("date") for ev in events),
            "first_reported": published[0] if published else None,
            "last_reported": published[-1] if published else None,
            "reports": reports, "mentions": len(reports), "articles": len({r["doc"] for r in reports}),
            "sources": len({r["source"] or r["doc"] for r in reports}),
            "negated": any(r["negated"] for r in reports),
            "claimed_only": all(r["claimed_by"] for r in reports),
        }

    # --- remarks -------------------------------------------------------------------------------------

    def remarks(self, speaker: Optional[str] = None, since: Any = None, until: Any = None,
                min_reports: int = 1, changed: bool = False, remark_id: Optional[str] = None) -> list[Row]:
        """Remark groups of statements by one speaker, with every wording and whether any changed."""
        where, args = ["s.actor_id IS NOT NULL"], []
        if remark_id:
            where.append("s.remark = ?")
            args.append(remark_id)
        if speaker:
            ids = self.actor_ids(speaker)
            where.append(f"s.actor_id IN ({', '.join('?' for _ in ids) or 'NULL'})")
            args += ids
        for op, value in ((">=", since), ("<=", until)):
            if value:
                where.append(f"s.day {op} ?")
                args.append(date.fromisoformat(_iso(value)).toordinal())
        chosen = f"SELECT DISTINCT s.remark FROM link_statements s WHERE {' AND '.join(where)}"
        rows = self.db.execute(
            "SELECT s.remark, s.day, t.json FROM link_statements s JOIN statements t ON t.id = s.statement_id"
            f" JOIN articles a ON a.doc = t.doc WHERE s.remark IN ({chosen}) ORDER BY s.remark, s.day, a.id, t.rowid",
            args).fetchall()
        groups: dict[str, list[tuple[int, Row]]] = {}
        for remark, day, js in rows:
            groups.setdefault(remark, []).append((day, json.loads(js)))
        cache: dict[str, Row] = {}
        out = [self._remark(r, sts, cache) for r, sts in groups.items()]
        out = [r for r in out if r["reports_count"] >= min_reports and (r["changed"] or not changed)]
        return sorted(out, key=lambda r: (r["first_said"] or "", r["id"]))

    def remark(self, remark_id: str) -> Optional[Row]:
        """One remark group with all its reports and the links (kind, score, reasons) between them; any member
        statement's id finds it."""
        row = self.db.execute("SELECT remark FROM link_statements WHERE statement_id = ?", (remark_id,)).fetchone()
        found = self.remarks(remark_id=row[0] if row else remark_id)
        return found[0] if found else None

    def _remark(self, remark_id: str, members: list[tuple[int, Row]], cache: dict[str, Row]) -> Row:
        """Summary of one remark group."""
        ids = [st["id"] for _, st in members]
        marks = ", ".join("?" for _ in ids)
        links = [{"a": a, "b": b, "kind": k, "score": s, "why": json.loads(w)} for a, b, k, s, w in self.db.execute(
            f"SELECT a, b, kind, score, why FROM remark_links WHERE a IN ({marks}) ORDER BY a, b", ids)]
        reports = []
        for day, st in members:
            art = self._article(st["doc"], cache)
            reports.append({"statement_id": st["id"], "doc": st["doc"], "title": art["title"], "source": art["source"],
                            "published": art["published"], "said": _day_iso(day), "kind": st["kind"],
                            "text": st["content"]["text"], "cue": (st.get("cue") or {}).get("text")})
        quotes = [r for r in reports if r["kind"] == "direct"] or reports
        sp = members[0][1].get("speaker") or {}
        days = [d for d, _ in members if d]
        return {
            "type": "remark", "id": remark_id, "speaker": sp.get("name") or sp.get("text"),
            "actor_id": sp.get("actor_id"), "fullest": max(quotes, key=lambda r: (len(words(r["text"])), r["text"]))["text"],
            "reports_count": len(reports), "articles": len({r["doc"] for r in reports}),
            "sources": len({r["source"] or r["doc"] for r in reports}),
            "first_said": _day_iso(min(days)) if days else None, "last_said": _day_iso(max(days)) if days else None,
            "changed": any(link["kind"] == "changed" for link in links),
            "changes": [link["why"]["changed"] for link in links if link["kind"] == "changed"],
            "reports": reports, "links": links,
        }

    # --- responses -----------------------------------------------------------------------------------

    def responses(self, actor: Optional[str] = None, relation: Optional[str] = None,
                  since: Any = None, until: Any = None, untargeted: bool = False) -> list[Row]:
        """Answers (deny, reject, confirm, decline) with the claim or incident each answers, by date;
        with `untargeted`, also answers whose claim was not found."""
        rows = self.db.execute(
            "SELECT r.statement_id, r.relation, r.evidence, r.head, h.target, h.score, h.why, s.feat, t.json"
            " FROM responses r JOIN responses h ON h.statement_id = r.head"
            " JOIN link_statements s ON s.statement_id = r.statement_id JOIN statements t ON t.id = r.statement_id"
            " ORDER BY r.day, r.doc, t.rowid").fetchall()
        ids = set(self.actor_ids(actor)) if actor else None
        out = []
        for sid, rel, evidence, head, target, score, why, feat, js in rows:
            if relation and rel != relation:
                continue
            row = self._response(sid, rel, evidence, head, target, score, why, json.loads(feat), json.loads(js))
            if not (untargeted or row["answers"] or row["incident"]):
                continue
            if ids is not None and not ({row["actor_id"], (row["answers"] or {}).get("actor_id")} & ids):
                continue
            if (since and (row["said"] or "") < _iso(since)) or (until and (row["said"] or "9") > _iso(until)):
                continue
            out.append(row)
        return out

    def _response(self, sid: str, rel: str, evidence: str, head: str, target: Optional[str], score: Any,
                  why: Optional[str], f: Row, st: Row) -> Row:
        """One answer with what it answers."""
        sp = st.get("speaker") or {}
        row = {"type": "response", "id": sid, "doc": st["doc"], "relation": rel, "evidence": evidence,
               "speaker": sp.get("name") or sp.get("text"), "actor_id": sp.get("actor_id"),
               "text": st["content"]["text"], "said": _day_iso(f["day"]), "continues": None if head == sid else head,
               "answers": None, "incident": None, "score": score, "why": json.loads(why) if why else []}
        if target:
            claim = self.db.execute("SELECT t.json, s.remark, s.day FROM statements t JOIN link_statements s"
                                    " ON s.statement_id = t.id WHERE t.id = ?", (target,)).fetchone()
            c = json.loads(claim[0])
            csp = c.get("speaker") or {}
            row["answers"] = {"statement_id": target, "doc": c["doc"], "speaker": csp.get("name") or csp.get("text"),
                              "actor_id": csp.get("actor_id"), "text": c["content"]["text"], "remark": claim[1],
                              "said": _day_iso(claim[2])}
        incident = self._answered_incident(f)
        if incident:
            row["incident"] = incident
            if not target:
                row["why"] = [f"names {incident['event_type'].lower()} ({incident['event_id']})"]
        return row

    def _answered_incident(self, f: Row) -> Optional[Row]:
        """The incident an answer's event noun points at ("dismissed the sanctions"), found at query time."""
        types = answers.event_nouns(words(f["sentence"]))
        if not types or f["day"] is None:
            return None
        keys = [f"{t}|{k}" for t in types for k in positions.participant_keys(f.get("speaker"), f.get("country"))]
        marks, kmarks = ", ".join("?" for _ in types), ", ".join("?" for _ in keys) or "NULL"
        rows = self.db.execute(
            f"SELECT l.event_id, l.incident, l.event_type, l.doc, l.lo, l.feat FROM link_events l"
            f" WHERE l.event_type IN ({marks}) AND l.lo BETWEEN ? AND ? AND (l.doc = ? OR l.event_id IN"
            f" (SELECT event_id FROM link_event_keys WHERE key IN ({kmarks}) AND lo BETWEEN ? AND ?))",
            (*types, f["day"] - answers.WINDOW_DAYS, f["day"], f["doc"], *keys,
             f["day"] - answers.WINDOW_DAYS, f["day"])).fetchall()
        best = None
        for event_id, incident, etype, doc, lo, feat in rows:
            ev = json.loads(feat)
            if not positions.involves(ev, f.get("speaker"), f.get("country")):
                continue
            rank = (doc != f["doc"], -lo, event_id)
            if best is None or rank < best[0]:
                best = (rank, {"incident": incident, "event_id": event_id, "event_type": etype})
        return best[1] if best else None

    # --- timeline ------------------------------------------------------------------------------------

    def timeline(self, actor: str, since: Any = None, until: Any = None) -> list[Row]:
        """An actor's positions (demands, offers, threats, refusals, agreements) toward each counterpart,
        and the answers it gave or drew, ordered by date."""
        ids = self.actor_ids(actor)
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(
            "SELECT e.json, l.incident, a.published, a.source, a.text, s.remark FROM events e"
            " JOIN articles a ON a.doc = e.doc LEFT JOIN link_events l ON l.event_id = e.id"
            " LEFT JOIN link_statements s ON s.statement_id = e.claimed_by"
            f" WHERE e.event_type IN ({', '.join('?' for _ in positions.POSITION_TYPES)}) AND e.id IN"
            f" (SELECT event_id FROM event_actors WHERE role = 'actor' AND actor_id IN ({marks}))",
            (*positions.POSITION_TYPES, *ids)).fetchall()
        out = [positions.position_row(json.loads(js), incident, pub, source, text, remark)
               for js, incident, pub, source, text, remark in rows]
        out += [positions.answer_row(r, ids) for r in self.responses(actor=actor)]
        out = [r for r in out if (not since or (r["date"] or "") >= _iso(since))
               and (not until or (r["date"] or "9") <= _iso(until))]
        return sorted(out, key=lambda r: (r["date"] or "", r["kind"], r["id"]))


def _names(refs: Iterable[Row]) -> list[str]:
    """Distinct names (or mention texts) of actor references, in first-seen order."""
    seen: list[str] = []
    for r in refs:
        name = r.get("name") or r.get("text")
        if name and name not in seen:
            seen.append(name)
    return seen
