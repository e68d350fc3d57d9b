"""Speedup and parallel efficiency of a sweep, as a table and a plot.

Speedup is measured against the 1-thread/1-rank run when there is one,
otherwise against the least parallel configuration that succeeded (and the
table says so). pandas and matplotlib are imported only when asked for.
"""

from __future__ import annotations

from typing import Any

from kernel_magics.result import RunRecord


def baseline(runs: list[RunRecord]) -> RunRecord | None:
    """The successful run with the fewest workers (1 thread x 1 rank ideally)."""
    good = [r for r in runs if r.ok]
    return min(good, key=lambda r: (r.workers, r.ranks)) if good else None


def scaling_rows(runs: list[RunRecord]) -> list[dict[str, Any]]:
    """Per configuration: median/min/max time, speedup and efficiency vs the baseline."""
    base = baseline(runs)
    rows = []
    for run in runs:
        speedup = efficiency = None
        if base is not None and run.ok and run.time_s:
            speedup = base.time_s / run.time_s
            efficiency = speedup / (run.workers / base.workers)
        rows.append(
            {
                "threads": run.threads,
                "ranks": run.ranks,
                "time_s": run.time_s,
                "min_s": run.min_s,
                "max_s": run.max_s,
                "repeats": len(run.times_s),
                "speedup": speedup,
                "efficiency": efficiency,
                "status": "ok" if run.ok else (run.error or "failed"),
            }
        )
    return rows


def scaling_table(runs: list[RunRecord]):
    """The scaling rows as a pandas DataFrame indexed by (threads, ranks)."""
    import pandas as pd

    frame = pd.DataFrame(scaling_rows(runs))
    if frame.empty:
        return frame
    if not any(r.mpi for r in runs):
        frame = frame.drop(columns=["ranks"]).set_index("threads")
    elif all(r.threads == 1 for r in runs):
        frame = frame.drop(columns=["threads"]).set_index("ranks")
    else:
        frame = frame.set_index(["ranks", "threads"])
    return frame


def speedup_plot_png(runs: list[RunRecord]) -> bytes | None:
    """A PNG of speedup against workers with the ideal line; None if < 2 good runs."""
    rows = [row for row in scaling_rows(runs) if row["speedup"] is not None]
    if len(rows) < 2:
        return None
    import io

    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    base = baseline(runs)
    fig = Figure(figsize=(5, 3.4), dpi=100)
    ax = fig.add_subplot()
    mpi = any(r.mpi for r in runs)
    series: dict[str, list[tuple[int, float]]] = {}
    for row in rows:
        if mpi and len({r["ranks"] for r in rows}) > 1 and len({r["threads"] for r in rows}) > 1:
            key = f"{row['ranks']} rank{'s' if row['ranks'] > 1 else ''}"
        else:
            key = "measured"
        series.setdefault(key, []).append((row["threads"] * row["ranks"], row["speedup"]))
    max_workers = max(x for points in series.values() for x, _ in points)
    ideal_x = [base.workers, max_workers]
    ax.plot(ideal_x, [1, max_workers / base.workers], "k--", label="ideal", linewidth=1)
    for key, points in series.items():
        points.sort()
        ax.plot([p[0] for p in points], [p[1] for p in points], "o-", label=key)
    unit = (
        "threads x ranks"
        if mpi and any(r.threads > 1 for r in runs)
        else ("ranks" if mpi else "threads")
    )
    ax.set_xlabel(unit)
    ax.set_ylabel(f"speedup vs {base.label}")
    ax.set_title("Speedup")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
