"""The answers part of the link tables: which statements answer, and which claim each answers.

Mixed into LinkStore. An answer's claim is chosen among the statements of its own article and
earlier ones found through named-actor and country keys; a claim that arrives later is offered to
the stored answers it could fit, so the choice does not depend on the order articles arrive in.
"""

from __future__ import annotations

import json
from typing import Any

from communique.links import responses

Row = dict[str, Any]


class LinkAnswers:
    """Write side of responses (uses self.db and self._lookup from LinkStore)."""

    db: Any

    def _find_responses(self, page: Any, feats: list[Row]) -> None:
        """Mark the page's answers, choose what each answers, and offer its claims to stored answers."""
        self.db.execute("DELETE FROM responses WHERE doc = ?", (page.doc,))
        prev, prev_head = None, None
        by_id = {f["id"]: f for f in feats}
        events = responses.EventIndex(page.events, page.text)
        for st in page.statements:
            f = by_id[st["id"]]
            f["relation"] = None
            found = responses.relation(st, page.text) or events.framed_by(st) or events.targeted(st)
            head = f["id"]
            if found is None and prev_head and st["kind"] == "direct" and responses.continues(prev, st) \
                    and by_id[prev_head]["relation"] != "decline":
                found, head = (by_id[prev_head]["relation"], f"continues {prev_head}"), prev_head
            prev = st
            if found is None or head != f["id"]:
                prev_head = None  # one quote carries an answer on, not a chain of them
            else:
                prev_head = head
            if found is None:
                continue
            f["relation"] = found[0]
            self.db.execute("INSERT INTO responses (statement_id, doc, relation, evidence, head, day)"
                            " VALUES (?, ?, ?, ?, ?, ?)", (f["id"], f["doc"], found[0], found[1], head, f["day"]))
        for f in feats:
            self.db.execute("UPDATE link_statements SET feat = ? WHERE statement_id = ?", (json.dumps(f), f["id"]))
        hints = responses.HintIndex(feats)
        for f in feats:
            if f["relation"] and f["day"] is not None:
                self._target(f, hints)
        for f in feats:
            if not f["relation"] and f["day"] is not None:
                self._offer(f)

    def _target(self, r: Row, same_article: responses.HintIndex) -> None:
        """Choose the claim a response answers among its article's statements and matching earlier ones."""
        rows = self._lookup("SELECT DISTINCT s.feat FROM link_keys k JOIN link_statements s ON s.statement_id ="
                            " k.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?",
                            sorted(claim_probe(r)), (r["day"] - responses.WINDOW_DAYS, r["day"]))
        candidates = {f["id"]: f for f in same_article.for_answer(r)}  # the others share no hint: they score 0
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

    def _offer(self, c: Row) -> None:
        """A new claim may fit an already stored, later answer better than what it answers now."""
        rows = self._lookup("SELECT DISTINCT s.feat, r.target, r.score FROM link_keys k JOIN responses r ON"
                            " r.statement_id = k.statement_id AND r.head = r.statement_id JOIN link_statements s"
                            " ON s.statement_id = r.statement_id WHERE k.key IN ({}) AND k.day BETWEEN ? AND ?"
                            " AND r.doc != ?", sorted(claim_probe(c)),
                            (c["day"], c["day"] + responses.WINDOW_DAYS, c["doc"]))
        for feat, target, current in rows:
            r = json.loads(feat)
            if not responses.may_answer(r, c):
                continue
            s, why = responses.score(r, c)
            if s < responses.MIN_SCORE:
                continue
            if target is None or target == c["id"] or _better((s, c), (current, self._claim(target))):
                self._set_target(r["id"], c["id"], s, why)

    def _claim(self, statement_id: str) -> Row:
        """Stored link features of one statement."""
        row = self.db.execute("SELECT feat FROM link_statements WHERE statement_id = ?", (statement_id,)).fetchone()
        return json.loads(row[0])


def _better(new: tuple[float, Row], old: tuple[float, Row]) -> bool:
    """The same order as responses.best: higher score, then later claim, then smaller id."""
    (s1, c1), (s2, c2) = new, old
    return (-s1, -c1["day"], c1["id"]) < (-s2, -c2["day"], c2["id"])


def claim_index(f: Row) -> set[str]:
    """Keys a statement is found by as a claim: its speaker and country (s:), whom and what it names (m:)."""
    out = {"r:m:" + x for x in f["names"]} | {"r:m:c:" + c for c in f["countries"]}
    if f["speaker"]:
        out.add("r:s:" + f["speaker"])
    if f["country"]:
        out.add("r:s:c:" + f["country"])
    return out


def claim_probe(f: Row) -> set[str]:
    """Keys a statement looks up the other side by: whom it names (s:), and who names its speaker (m:).

    The relation is symmetric: an answer's probe meets a claim's index exactly when the claim's
    probe meets the answer's index, so a claim arriving after its answer still finds it."""
    out = {"r:s:" + x for x in f["names"]} | {"r:s:c:" + c for c in f["countries"]}
    if f["speaker"]:
        out.add("r:m:" + f["speaker"])
    if f["country"]:
        out.add("r:m:c:" + f["country"])
    return out
