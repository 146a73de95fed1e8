"""Commands over the links: `incidents`, `remarks`, `responses` and `timeline` (thin layers over the store)."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any, Optional

import click

from communique import output, output_links
from communique.cli import DATE, Settings, _day, _format_option, _open_store

FORMATS = ("table", "jsonl", "csv")


def write(rows: list[dict[str, Any]], fmt: str, to_row: Any, columns: list[str], print_table: Any,
          out: Any = None) -> None:
    """Rows to `out` (stdout) as jsonl, csv or a table."""
    out = out or sys.stdout
    if fmt == "jsonl":
        output.write_jsonl(rows, out)
    elif fmt == "csv":
        output.write_csv(map(to_row, rows), columns, out)
    else:
        print_table(rows, out)


def _dates(f: Any) -> Any:
    """--since and --until."""
    f = click.option("--until", type=DATE, default=None, help="Only up to this date (YYYY-MM-DD).")(f)
    return click.option("--since", type=DATE, default=None, help="Only from this date (YYYY-MM-DD).")(f)


@click.command()
@click.option("--type", "event_type", default=None, help="PLOVER event type, e.g. CONSULT or SANCTION.")
@click.option("--actor", default=None, help="Actor or recipient name or alias (substring) in any report.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only incidents reported by at least this many articles.")
@click.option("--id", "incident_id", default=None, help="Show one incident, with the links that joined its reports.")
@_dates
@_format_option(FORMATS)
@click.pass_obj
def incidents(settings: Settings, event_type: Optional[str], actor: Optional[str], min_articles: int,
              incident_id: Optional[str], since: Optional[datetime], until: Optional[datetime], fmt: str) -> None:
    """List incidents: events from many articles that report one happening, with how often and by how many
    sources each was reported, its best-evidenced date, and whether any report negates it."""
    with _open_store(settings) as store:
        if incident_id:
            one = store.links.incident(incident_id)
            rows = [one] if one else []
        else:
            rows = store.links.incidents(type=event_type, actor=actor, since=_day(since), until=_day(until),
                                         min_articles=min_articles)
    write(rows, fmt, output_links.incident_row, output_links.INCIDENT_COLUMNS, output_links.print_incidents)


@click.command()
@click.option("--speaker", default=None, help="Speaker name or alias (case-insensitive substring).")
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only remarks quoted at least this many times.")
@click.option("--changed", is_flag=True, help="Only remarks whose quoted wordings disagree between reports.")
@click.option("--id", "remark_id", default=None, help="Show one remark group with every wording.")
@_dates
@_format_option(FORMATS)
@click.pass_obj
def remarks(settings: Settings, speaker: Optional[str], min_reports: int, changed: bool, remark_id: Optional[str],
            since: Optional[datetime], until: Optional[datetime], fmt: str) -> None:
    """List remarks: one speaker's statements that are the same remark (whole, partial or paraphrased
    quotes), with the fullest wording and any changed wordings."""
    with _open_store(settings) as store:
        rows = store.links.remarks(speaker=speaker, since=_day(since), until=_day(until), min_reports=min_reports,
                                   changed=changed, remark_id=remark_id)
    write(rows, fmt, output_links.remark_row, output_links.REMARK_COLUMNS, output_links.print_remarks)


@click.command()
@click.option("--actor", default=None, help="Name or alias of the one who answers or of the one answered.")
@click.option("--relation", type=click.Choice(("deny", "reject", "confirm", "decline")), default=None,
              help="Only answers of this kind.")
@click.option("--untargeted", is_flag=True, help="Also list answers whose claim or incident was not found.")
@_dates
@_format_option(FORMATS)
@click.pass_obj
def responses(settings: Settings, actor: Optional[str], relation: Optional[str], untargeted: bool,
              since: Optional[datetime], until: Optional[datetime], fmt: str) -> None:
    """List answers (denials, rejections, confirmations, refusals to comment) beside the claim or incident
    each answers, with the evidence for the link."""
    with _open_store(settings) as store:
        rows = store.links.responses(actor=actor, relation=relation, since=_day(since), until=_day(until),
                                     untargeted=untargeted)
    write(rows, fmt, output_links.response_row, output_links.RESPONSE_COLUMNS, output_links.print_responses)


@click.command()
@click.argument("actor")
@_dates
@_format_option(FORMATS)
@click.pass_obj
def timeline(settings: Settings, actor: str, since: Optional[datetime], until: Optional[datetime], fmt: str) -> None:
    """Show ACTOR's positions over time (demands, offers, threats, refusals, agreements, concessions) toward
    each counterpart, with the incidents and remarks behind them, and the answers it gave or drew."""
    with _open_store(settings) as store:
        rows = store.links.timeline(actor, since=_day(since), until=_day(until))
    write(rows, fmt, output_links.timeline_row, output_links.TIMELINE_COLUMNS,
          lambda r, out: output_links.print_timeline(r, out, actor))


@click.command()
@click.pass_obj
def relink(settings: Settings) -> None:
    """Link every stored article to incidents, remarks and answers again (after `ingest --no-links`, or for a
    store made before links existed); links already made are kept."""
    with _open_store(settings) as store:
        count = store.links.relink()
    click.echo(f"{count} articles linked")


def export_links(store: Any, what: str, fmt: str, out: Any) -> None:
    """`export --what incidents|responses`: every incident (with mention and source counts) or answer."""
    if what == "incidents":
        write(store.links.incidents(), fmt, output_links.incident_row, output_links.INCIDENT_COLUMNS, None, out)
    else:
        write(store.links.responses(), fmt, output_links.response_row, output_links.RESPONSE_COLUMNS, None, out)


COMMANDS = (incidents, remarks, responses, timeline, relink)
