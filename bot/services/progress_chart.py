"""The /progress chart: answers' ratings over time, one line per job, as a PNG.

Drawn with matplotlib (the Agg backend: no display, thread-safe when each call owns its
figure) in a worker thread, so the event loop never waits for it. Labels come from the caller
(the catalogue); this module words nothing.
"""

from __future__ import annotations

import asyncio
import io
from collections import defaultdict
from dataclasses import dataclass

from bot.services.learning import Point


@dataclass(frozen=True, slots=True)
class Labels:
    title: str
    rating: str
    answer: str  # the x axis: answers in order


def _draw(points: list[Point], labels: Labels) -> bytes:
    from matplotlib.figure import Figure  # imported here: slow, and only /progress needs it

    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.subplots()
    by_job: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, point in enumerate(points, 1):
        by_job[point.job].append((number, point.rating))
    for job, rows in by_job.items():
        xs, ys = zip(*rows, strict=True)
        axes.plot(xs, ys, marker="o", linewidth=1.5, label=job)
    window = 5
    if len(points) >= window:
        ratings = [p.rating for p in points]
        averages = [sum(ratings[i - window : i]) / window for i in range(window, len(ratings) + 1)]
        axes.plot(
            range(window, len(ratings) + 1),
            averages,
            color="black",
            linestyle="--",
            linewidth=1,
            label=f"⌀ {window}",
        )
    axes.set_ylim(0.5, 10.5)
    axes.set_yticks(range(1, 11))
    axes.set_xlabel(labels.answer)
    axes.set_ylabel(labels.rating)
    axes.set_title(labels.title)
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


async def chart_png(points: list[Point], labels: Labels) -> bytes:
    """The PNG, drawn in a worker thread."""
    return await asyncio.to_thread(_draw, list(points), labels)
