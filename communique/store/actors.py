"""Actors kept across articles: match a mention's name to a known actor, or create one."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from rapidfuzz import fuzz, process, utils

from communique.records import ActorRef, Speaker
from communique.extract.statements.speakers import is_description

FUZZY_CUTOFF = 92  # near-miss spellings only ("Emmanuel Macrom"); different people score lower
ORG_WORDS = {
    "ministry", "government", "council", "agency", "party", "army", "forces", "union", "organization",
    "organisation", "nations", "committee", "commission", "office", "department", "court", "parliament",
    "bank", "company", "group", "alliance", "kremlin", "house", "police", "navy", "front", "movement",
    "association", "institute", "university", "news", "service", "assembly", "senate", "congress",
}
GOV_WORDS = {"government", "ministry", "cabinet", "kremlin", "presidency", "administration", "white house"}

Ref = Union[Speaker, ActorRef]
# The statement columns of the facts an actor can learn (event_actors columns are named as the facts are).
SPEAKER_COLUMNS = {"country": "speaker_country", "sector": "speaker_sector", "role": "speaker_role"}


@dataclass
class Actor:
    """One row of the actors table."""

    actor_id: str
    name: str
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None


class ActorRegistry:
    """Resolves names to actor ids, writing new actors and aliases through the store's connection.

    The actors are cached in memory. Every write transaction that changes actors stamps the rows it
    touches with a new number from store_state, and `refresh` (run by Store.atomic under the write
    lock) reads the rows stamped since this process last looked: several processes writing to one
    store each see every actor the others created, so none creates the same actor twice."""

    def __init__(self, db: Any, before_rewrite: Optional[Callable[[], None]] = None):
        """`before_rewrite` is called before stored records are rewritten (the store writes its queued rows)."""
        self.db = db
        self.before_rewrite = before_rewrite or (lambda: None)
        self.reload()

    def reload(self) -> None:
        """Read all actors and aliases from the database (also after a rollback)."""
        self.by_id: dict[str, Actor] = {}
        self.by_key: dict[str, str] = {}  # lower-cased name or alias -> actor_id
        self.aliases: set[tuple[str, str]] = set()  # (lower-cased alias, actor_id) stored
        self.seen = self._state()  # read first: a change committed meanwhile is read again, never missed
        self._load(-1)  # every row: those written before version 2 are stamped 0
        self.stamp: Optional[int] = None

    def refresh(self) -> None:
        """Read what other writers changed since the last look; called at the start of a write transaction."""
        self.stamp = None
        current = self._state()
        if current != self.seen:
            self._load(self.seen)
            self.seen = current

    def _state(self) -> int:
        """The number of actor-changing writes committed so far."""
        return self.db.execute("SELECT value FROM store_state WHERE key = 'actors'").fetchone()[0]

    def _load(self, since: int) -> None:
        """Merge the actors and aliases stamped after `since` into the cache."""
        for r in self.db.execute("SELECT actor_id, name, kind, country, sector, role FROM actors WHERE version > ?",
                                 (since,)):
            actor = Actor(*r)
            known = self.by_id.get(actor.actor_id)
            if known is not None:
                known.__dict__.update(actor.__dict__)
                actor = known
            self.by_id[actor.actor_id] = actor
            self.by_key.setdefault(actor.name.lower(), actor.actor_id)
        for alias, actor_id in self.db.execute("SELECT alias, actor_id FROM actor_aliases WHERE version > ?",
                                               (since,)):
            self.by_key.setdefault(alias.lower(), actor_id)
            self.aliases.add((alias.lower(), actor_id))

    def _version(self) -> int:
        """This transaction's stamp for the actor rows it writes (taken on its first actor write)."""
        if self.stamp is None:
            self.stamp = self.db.execute(
                "UPDATE store_state SET value = value + 1 WHERE key = 'actors' RETURNING value").fetchall()[0][0]
            self.seen = self.stamp  # under the write lock: nobody else wrote since refresh()
        return self.stamp

    def resolve_all(self, refs: list[Ref]) -> None:
        """Give an article's mentions their actors, then each mention the name, country, sector (and role) its
        actor has once the whole article is read, so an early mention gets what a later one taught."""
        # Full names first, then mentions that know their country: a new actor is made from the mention that
        # says most ("Donald Trump", USA: id donald-trump@USA), whichever the article names first.
        order = sorted(refs, key=lambda r: (" " not in (r.name or "").strip(), r.country is None))
        for ref, actor in [(r, self._resolve(r)) for r in order]:
            if actor is not None:
                _complete(ref, actor)

    def _resolve(self, ref: Ref) -> Optional[Actor]:
        """The actor `ref` names, found or created, after learning what the mention says of it."""
        name = (ref.name or "").strip()
        if not name or is_description(name):
            return None  # "senior official" in one story is not the "senior official" of the next
        role = ref.role if isinstance(ref, Speaker) else None
        actor = self._find(name, ref, role) or self._create(name, ref, role)
        self._learn(actor, ref, role)  # nothing to learn when the actor was just created from this mention
        if name.lower() != actor.name.lower():
            self._alias(name, actor.actor_id)
        return actor

    def _find(self, name: str, ref: Ref, role: Optional[str]) -> Optional[Actor]:
        """The known actor `ref` names: by the id the extractor (or the user's actor file) gave, else by name."""
        known = self.by_id.get(ref.actor_id or "")
        if known is not None:
            return known
        return self.match(name, ref.country) or self._complete_short(name, ref.country, role)

    def match(self, name: str, country: Optional[str] = None) -> Optional[Actor]:
        """Known actor for `name`: exact name or alias, a unique surname, else a near-miss spelling."""
        exact = self.by_key.get(name.lower())
        if exact:
            return self.by_id[exact]
        if " " not in name:
            short = [a for a in self.by_id.values() if _last_token(a.name) == name.lower() and " " in a.name
                     and a.kind == "person" and _compatible(a, country)]
            if len(short) == 1:
                return short[0]
            if short:
                return None  # ambiguous surname: two known people share it
        if len(name) >= 6 and self.by_key:
            hit = process.extractOne(name, list(self.by_key), scorer=fuzz.ratio,
                                     processor=utils.default_process, score_cutoff=FUZZY_CUTOFF)
            if hit and _compatible(self.by_id[self.by_key[hit[0]]], country):
                return self.by_id[self.by_key[hit[0]]]
        return None

    def _complete_short(self, name: str, country: Optional[str], role: Optional[str]) -> Optional[Actor]:
        """A surname-only actor stored earlier ("Macron") takes this full name ("Emmanuel Macron")."""
        if " " not in name or _kind(name, role) != "person":
            return None
        short = [a for a in self.by_id.values() if a.name.lower() == _last_token(name) and a.kind == "person"
                 and _compatible(a, country)]
        if len(short) != 1:
            return None
        actor, old = short[0], short[0].name
        actor.name = name
        self.db.execute("UPDATE actors SET name = ?, version = ? WHERE actor_id = ?",
                        (name, self._version(), actor.actor_id))
        self._alias(old, actor.actor_id)
        self.by_key[name.lower()] = actor.actor_id
        self.before_rewrite()
        _rename_in_records(self.db, actor.actor_id, name)
        return actor

    def _create(self, name: str, ref: Ref, role: Optional[str]) -> Actor:
        """Insert a new actor named `name`."""
        actor = Actor(self._new_id(name, ref.country, ref.actor_id), name, _kind(name, role), ref.country, ref.sector, role)
        # ON CONFLICT rather than a failed insert: on PostgreSQL a failed insert would abort the article's transaction.
        got = self.db.execute(
            "INSERT INTO actors (actor_id, name, kind, country, sector, role, version) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (actor_id) DO NOTHING RETURNING actor_id",
            (actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, actor.role, self._version()),
        ).fetchall()
        if not got:
            # A row this cache never saw (written without a stamp: by hand, or by an older Communiqué):
            # read every actor again, then resolve afresh; the id now taken is never proposed twice.
            self._load(-1)
            return self._find(name, ref, role) or self._create(name, ref, role)
        self.by_id[actor.actor_id] = actor
        self.by_key.setdefault(name.lower(), actor.actor_id)
        return actor

    def _learn(self, actor: Actor, ref: Ref, role: Optional[str]) -> None:
        """Fill the known actor's missing country, sector or role from this mention, and its stored records'."""
        learned = {}
        for attr, value in (("country", ref.country), ("sector", ref.sector), ("role", role)):
            if value and not getattr(actor, attr):
                setattr(actor, attr, value)
                learned[attr] = value
        if learned:
            self.db.execute(
                "UPDATE actors SET country = ?, sector = ?, role = ?, version = ? WHERE actor_id = ?",
                (actor.country, actor.sector, actor.role, self._version(), actor.actor_id),
            )
            self.before_rewrite()
            _fill_in_records(self.db, actor.actor_id, learned)

    def _alias(self, alias: str, actor_id: str) -> None:
        """Remember another name for an actor."""
        if (alias.lower(), actor_id) in self.aliases:
            return  # stored already: no write, no new stamp
        self.db.execute("INSERT INTO actor_aliases (alias, actor_id, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        (alias, actor_id, self._version()))
        self.by_key.setdefault(alias.lower(), actor_id)
        self.aliases.add((alias.lower(), actor_id))

    def _new_id(self, name: str, country: Optional[str], proposed: Optional[str]) -> str:
        """The extractor's id, else a stable one from the name (and country), made unique in this store."""
        base = proposed or _actor_key(name, country)
        candidate, n = base, 1
        while candidate in self.by_id:
            n += 1
            candidate = f"{base}-{n}"
        return candidate


def _complete(ref: Ref, actor: Actor) -> None:
    """The actor's id and name on the mention, and its country, sector and role where the mention has none."""
    ref.actor_id, ref.name = actor.actor_id, actor.name
    ref.country = ref.country or actor.country
    ref.sector = ref.sector or actor.sector
    if isinstance(ref, Speaker):
        ref.role = ref.role or actor.role


def _rename_in_records(db: Any, actor_id: str, name: str) -> None:
    """Give already stored statements and events the actor's new full name (columns and JSON)."""
    _rewrite_json(db, actor_id, lambda ref: ref.update(name=name))
    db.execute("UPDATE statements SET speaker_name = ? WHERE actor_id = ?", (name, actor_id))
    db.execute("UPDATE event_actors SET name = ? WHERE actor_id = ?", (name, actor_id))


def _fill_in_records(db: Any, actor_id: str, learned: dict[str, str]) -> None:
    """Give the actor's stored statements and events the facts it just learned where they have none, as if known
    when they were written: what a record ends with does not depend on whether its article came first."""
    columns = {attr: SPEAKER_COLUMNS[attr] for attr in learned}
    facts = [attr for attr in learned if attr != "role"]  # event actors carry no role
    _rewrite_json(db, actor_id, lambda ref: ref.update({a: v for a, v in learned.items() if a in ref and not ref[a]}),
                  " OR ".join(f"{c} IS NULL" for c in columns.values()),
                  " OR ".join(f"{a} IS NULL" for a in facts) or "1 = 0")
    for attr, value in learned.items():
        db.execute(f"UPDATE statements SET {columns[attr]} = ? WHERE actor_id = ? AND {columns[attr]} IS NULL",
                   (value, actor_id))
        if attr in facts:
            db.execute(f"UPDATE event_actors SET {attr} = ? WHERE actor_id = ? AND {attr} IS NULL", (value, actor_id))


def _rewrite_json(db: Any, actor_id: str, change: Callable[[dict], Any], statement_if: str = "1 = 1",
                  event_if: str = "1 = 1") -> None:
    """Apply `change` to the actor's references in the JSON of its stored statements (whose columns meet
    `statement_if`) and events (whose event actor rows for it meet `event_if`)."""
    for table, sql in (
        ("statements", f"SELECT id, json FROM statements WHERE actor_id = ? AND ({statement_if})"),
        ("events", "SELECT id, json FROM events WHERE id IN"
                   f" (SELECT event_id FROM event_actors WHERE actor_id = ? AND ({event_if}))"),
    ):
        for rid, js in db.execute(sql, (actor_id,)).fetchall():
            rec = json.loads(js)
            for ref in [rec.get("speaker")] + rec.get("actors", []) + rec.get("recipients", []):
                if ref and ref.get("actor_id") == actor_id:
                    change(ref)
            db.execute(f"UPDATE {table} SET json = ? WHERE id = ?", (json.dumps(rec, ensure_ascii=False), rid))


def _actor_key(name: str, country: Optional[str]) -> str:
    """The extractor's actor key when that module provides one, else a slug of the name."""
    try:
        from communique.extract.actors.describe import actor_key  # type: ignore[attr-defined]
    except ImportError:
        return slug(name)
    return actor_key(name, country)


def slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Emmanuel Macron" -> "emmanuel-macron")."""
    text = utils.default_process(name)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def _last_token(name: str) -> str:
    """The last word of a name, lower-cased."""
    return name.split()[-1].lower() if name.split() else ""


def _compatible(actor: Actor, country: Optional[str]) -> bool:
    """False only when both sides know a country and the countries differ."""
    return not (country and actor.country and country != actor.country)


def _kind(name: str, role: Optional[str]) -> str:
    """person, organisation, government or country, guessed from the name's words."""
    lower = name.lower()
    try:
        from communique.countries import lookup

        place = lookup(name)
    except ImportError:
        place = None
    if place is not None and place.kind in ("country", "capital", "metonym", "demonym"):
        return "government" if place.kind == "metonym" else "country"
    if place is not None and place.kind in ("igo", "ngo"):
        return "organisation"
    if role:
        return "person"
    if any(w in lower for w in GOV_WORDS):
        return "government"
    if set(re.findall(r"[a-z]+", lower)) & ORG_WORDS:
        return "organisation"
    return "person"
