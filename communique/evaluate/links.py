"""`communique eval links DIR`: score incidents, remark groups and responses against a gold corpus.

Incidents and remarks are scored pairwise: a pair of gold reports counts when both are found and
end up in one group; precision is over the pairs the linker made among gold reports, recall over
the gold pairs. A response counts when its statement, relation and target are right; precision
is over every response the linker found in the corpus.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Optional

import click

from communique.evaluate.links_gold import Gold, Matcher, load_articles, load_gold


@dataclass
class Pairwise:
    """Pair counts of one grouping."""

    gold: int = 0
    predicted: int = 0
    right: int = 0
    items: int = 0
    missing: int = 0
    outside: int = 0  # records the gold leaves out that were joined to a gold report's group
    errors: list[str] = field(default_factory=list)

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.right / self.predicted if self.predicted else 1.0
        r = self.right / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Answers:
    """Counts of responses."""

    gold: int = 0
    predicted: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> tuple[float, float]:
        """Precision and recall."""
        return (self.right / self.predicted if self.predicted else 1.0, self.right / self.gold if self.gold else 1.0)


def pairwise(gold: dict[str, list[Any]], found: dict[tuple[str, int], Optional[str]],
             group_of: dict[str, str]) -> Pairwise:
    """Compare gold groups with the stored groups of the records their items were matched to."""
    out = Pairwise()
    members = [((name, i), found[(name, i)]) for name, items in gold.items() for i in range(len(items))]
    out.items = len(members)
    out.missing = sum(1 for _, rec in members if rec is None)
    out.errors += [f"not found: {name} #{i + 1} {gold[name][i]}" for (name, i), rec in members if rec is None]
    for (ka, ra), (kb, rb) in combinations(members, 2):
        same_gold = ka[0] == kb[0]
        same_pred = ra is not None and rb is not None and group_of.get(ra) == group_of.get(rb)
        out.gold += same_gold
        out.predicted += same_pred
        out.right += same_gold and same_pred
        if same_gold != same_pred and (ra and rb or same_gold):
            what = "not joined" if same_gold else "wrongly joined"
            out.errors.append(f"{what}: {ka[0]} {ra} / {kb[0]} {rb}")
    return out


def score_responses(gold: Gold, matcher: Matcher, links: Any, incident_found: dict, remark_found: dict,
                    incident_of: dict[str, str]) -> Answers:
    """Compare stored responses with the gold ones."""
    out = Answers(gold=len(gold.responses))
    expected: dict[str, tuple[str, set[str], set[str]]] = {}
    for g in gold.responses:
        sid = matcher.statement(*g["response"])
        statements, incidents = set(), set()
        for target in g["answers"]:
            if isinstance(target, list):
                statements.add(matcher.statement(*target))
            elif target.startswith("remark:"):
                name = target.split(":", 1)[1]
                statements |= {remark_found[(name, i)] for i in range(len(gold.remarks[name]))}
            else:
                name = target.split(":", 1)[1]
                incidents |= {incident_of.get(incident_found[(name, i)])
                              for i in range(len(gold.incidents[name]))}
        if sid is None:
            out.errors.append(f"response not found: {g['response']}")
            continue
        expected[sid] = (g["relation"], statements - {None}, incidents - {None})
    for r in links.responses():
        out.predicted += 1
        target = (r["answers"] or {}).get("statement_id")
        incident = (r["incident"] or {}).get("incident")
        if r["id"] not in expected:
            out.errors.append(f"extra response: {r['id']} {r['relation']} -> {target or incident}")
            continue
        rel, statements, incidents = expected.pop(r["id"])
        ok = r["relation"] == rel and (target in statements if target else incident in incidents)
        out.right += ok
        if not ok:
            out.errors.append(f"wrong response: {r['id']} {r['relation']} -> {target or incident} (want {rel})")
    out.errors += [f"response missed: {sid} {rel}" for sid, (rel, _, _) in expected.items()]
    return out


def evaluate(root: Path, store: Any) -> tuple[Pairwise, Pairwise, Answers]:
    """Score the links in a store that holds the corpus."""
    gold = load_gold(root)
    matcher = Matcher(store.links)
    inc_found = {(name, i): matcher.event(*item) for name, items in gold.incidents.items()
                 for i, item in enumerate(items)}
    rem_found = {(name, i): matcher.statement(*item) for name, items in gold.remarks.items()
                 for i, item in enumerate(items)}
    incident_of, remark_of = store.links.groups()
    incidents, remarks = pairwise(gold.incidents, inc_found, incident_of), pairwise(gold.remarks, rem_found, remark_of)
    for pw, found, group_of in ((incidents, inc_found, incident_of), (remarks, rem_found, remark_of)):
        named = set(found.values())
        gold_groups = {group_of.get(r) for r in named if r}
        joined = sorted(r for r, g in group_of.items() if r not in named and g in gold_groups)
        pw.outside = len(joined)
        pw.errors += [f"joined, not in gold: {r} (group {group_of[r]})" for r in joined]
    return incidents, remarks, score_responses(gold, matcher, store.links, inc_found, rem_found, incident_of)


def report(figures: tuple[Pairwise, Pairwise, Answers], echo: Callable[[str], None], errors: bool) -> None:
    """Print the scores (and, if asked, every error)."""
    for name, pw in (("incidents", figures[0]), ("remarks", figures[1])):
        p, r, f = pw.scores()
        echo(f"{name:<10} pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({pw.gold} gold pairs, {pw.predicted} made,"
             f" {pw.right} right; {pw.missing} of {pw.items} gold reports not extracted;"
             f" {pw.outside} records outside the gold joined to gold groups)")
    ans = figures[2]
    p, r = ans.scores()
    echo(f"{'responses':<10} P {p:.3f}  R {r:.3f}   ({ans.gold} gold, {ans.predicted} found, {ans.right} right)")
    if errors:
        for pw in figures:
            for line in pw.errors:
                echo("  " + line)


@click.command("links")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="List every missed, wrong or extra link.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="Keep the store here (default: a temporary file).")
@click.pass_context
def links_command(ctx: click.Context, root: Path, errors: bool, model: Optional[str], db_path: Optional[str]) -> None:
    """Ingest the links corpus at ROOT (articles.yaml, gold.yaml) and score incidents, remarks and responses."""
    from communique.options import Options
    from communique.pipeline import run
    from communique.records import Skip
    from communique.store import Store

    try:
        articles = load_articles(root)
        load_gold(root)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from None
    options = Options(model=model or getattr(ctx.obj, "model", None))
    with tempfile.TemporaryDirectory() as tmp:
        with Store(db_path or Path(tmp) / "links.db") as store:
            skipped = 0
            for out in run(articles, options):
                if isinstance(out, Skip):
                    skipped += 1
                    click.echo(f"skipped {out.path}: {out.reason}", err=True)
                else:
                    store.add(out)
            try:
                figures = evaluate(root, store)
            except ValueError as exc:
                raise click.ClickException(str(exc)) from None
    click.echo(f"Links corpus: {root} ({len(articles)} articles, {len({a.source for a in articles})} outlets)")
    report(figures, click.echo, errors)
    sys.exit(1 if skipped else 0)
