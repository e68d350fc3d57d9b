"""Charts for profiled runs: efficiency against the ideal, and time per thread / per rank.

matplotlib is imported only here, and only when a chart is drawn.
"""

from __future__ import annotations

from kernel_magics.profile import RunProfile
from kernel_magics.result import RunRecord


def _png(fig) -> bytes:
    import io

    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def efficiency_plot_png(runs: list[RunRecord]) -> bytes | None:
    """Parallel efficiency per configuration with the ideal (100%) line; None if < 2 runs."""
    from kernel_magics.measure import scaling_rows

    rows = [r for r in scaling_rows(runs) if r["efficiency"] is not None]
    if len(rows) < 2:
        return None
    from matplotlib.figure import Figure

    rows.sort(key=lambda r: (r["threads"] * r["ranks"], r["ranks"]))
    labels = [
        f"{r['threads']}t" + (f"x{r['ranks']}r" if any(run.mpi for run in runs) else "")
        for r in rows
    ]
    fig = Figure(figsize=(5, 3.0), dpi=100)
    ax = fig.add_subplot()
    ax.bar(labels, [r["efficiency"] * 100 for r in rows], color="#4c72b0")
    ax.axhline(100, color="k", linestyle="--", linewidth=1, label="ideal")
    ax.set_ylabel("parallel efficiency (%)")
    ax.set_xlabel("threads (t) x ranks (r)" if any(run.mpi for run in runs) else "threads")
    ax.set_title("Efficiency")
    ax.set_ylim(0, max(110, max(r["efficiency"] * 100 for r in rows) + 10))
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def profile_bars_png(profile: RunProfile) -> bytes | None:
    """Stacked bars: per thread busy/waiting (OpenMP), per rank computing/in MPI."""
    threads = [t for t in profile.thread_rows if t.regions > 0]
    ranks = profile.mpi
    if not threads and not ranks:
        return None
    from matplotlib.figure import Figure

    panels = [p for p in (threads, ranks) if p]
    fig = Figure(figsize=(5 * len(panels), 3.0), dpi=100)
    axes = [fig.add_subplot(1, len(panels), i + 1) for i in range(len(panels))]
    if threads:
        ax = axes[0]
        multi = len({t.rank for t in threads}) > 1
        labels = [f"r{t.rank}.t{t.thread}" if multi else f"t{t.thread}" for t in threads]
        busy = [t.busy_s for t in threads]
        wait = [min(t.wait_s, t.parallel_s) for t in threads]
        ax.bar(labels, busy, label="working", color="#55a868")
        ax.bar(labels, wait, bottom=busy, label="waiting at barriers", color="#c44e52")
        ax.set_ylabel("seconds in parallel regions")
        ax.set_title("OpenMP threads")
        ax.legend(fontsize=8)
    if ranks:
        ax = axes[-1]
        labels = [f"rank {r.rank}" for r in ranks]
        compute = [r.compute_s for r in ranks]
        mpi = [r.mpi_s for r in ranks]
        ax.bar(labels, compute, label="computing", color="#55a868")
        ax.bar(labels, mpi, bottom=compute, label="inside MPI", color="#8172b2")
        ax.set_ylabel("seconds (MPI_Init to MPI_Finalize)")
        ax.set_title("MPI ranks")
        ax.legend(fontsize=8)
    fig.suptitle(f"Profile at {profile.threads} thread(s) x {profile.ranks} rank(s)", fontsize=10)
    return _png(fig)
