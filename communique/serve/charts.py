"""Server-rendered SVG charts: no script, no external library."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT, PAD = 720, 220, 32


@dataclass
class Bar:
    """One day's stacked bar: statements below, events on top."""

    day: str
    x: float
    width: float
    statements_y: float
    statements_h: float
    events_y: float
    events_h: float
    statements: int
    events: int


def day_bars(by_day: list[dict[str, Any]], max_days: int = 60) -> dict[str, Any]:
    """Geometry of a stacked bar chart of the latest `max_days` days with records."""
    days = by_day[-max_days:]
    if not days:
        return {"bars": [], "width": WIDTH, "height": HEIGHT, "top": 0, "ticks": []}
    top = max(d["statements"] + d["events"] for d in days) or 1
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = inner_w / len(days)
    bars = []
    for i, d in enumerate(days):
        sh = inner_h * d["statements"] / top
        eh = inner_h * d["events"] / top
        base = HEIGHT - PAD
        bars.append(Bar(d["day"], PAD + i * step + step * 0.1, max(step * 0.8, 1), base - sh, sh, base - sh - eh, eh,
                        d["statements"], d["events"]))
    every = max(1, len(days) // 6)
    ticks = [(b.x + b.width / 2, b.day) for i, b in enumerate(bars) if i % every == 0]
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "top": top, "ticks": ticks, "pad": PAD}
