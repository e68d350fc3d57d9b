"""Show progress and Results in a notebook (or a terminal IPython)."""

from __future__ import annotations

import sys

from kernel_magics.pipeline import Reporter
from kernel_magics.result import Result

PREFIX = "[hpc]"


class NotebookReporter(Reporter):
    """Stage lines and program output go straight to the cell as they happen."""

    def stage(self, message: str) -> None:
        print(f"{PREFIX} {message}", flush=True)

    def output(self, stream: str, text: str) -> None:
        target = sys.stderr if stream == "stderr" else sys.stdout
        target.write(text)
        target.flush()

    def warning(self, message: str) -> None:
        print(f"{PREFIX} {message}", file=sys.stderr, flush=True)


def summary_lines(result: Result) -> list[str]:
    """Plain-text lines describing the outcome (used by the magic and the CLI)."""
    lines: list[str] = []
    build = result.build
    if not build.ok:
        lines.append(build.log or "(the compiler printed nothing)")
        lines.append(
            f"{PREFIX} compilation failed ({build.command_line}); nothing was run. "
            + ("Line numbers above are the cell's." if result.line_offset else "")
        )
        return lines
    truncated = [r for r in result.runs if "bytes of output dropped" in r.stdout]
    if truncated:
        lines.append(f"{PREFIX} output was long: the head and tail were kept (see _hpc.runs)")
    for run in result.runs:
        for note in run.notes:
            lines.append(f"{PREFIX} {run.label}: {note}")
    check = result.race_check
    if check is not None:
        if check.races:
            lines.append(
                f"{PREFIX} race check ({check.threads} threads, ThreadSanitizer): "
                f"{len(check.races)} data race{'s' if len(check.races) > 1 else ''} found:"
            )
            lines += [f"  - {race.describe()}" for race in check.races]
        elif check.error:
            lines.append(f"{PREFIX} race check: {check.error}")
        else:
            lines.append(
                f"{PREFIX} race check ({check.threads} threads, ThreadSanitizer): "
                "no data race found"
            )
    return lines


def show_result(result: Result) -> None:
    """Display the build warnings, the runs table, the speedup plot and the race report."""
    from IPython.display import Image, display

    if result.build.ok and result.build.log and not result.build.cache_hit:
        print(result.build.log, file=sys.stderr)  # warnings
    for line in summary_lines(result):
        stream = sys.stderr if not result.build.ok and not line.startswith(PREFIX) else sys.stdout
        print(line, file=stream, flush=True)
    if not (result.build.ok and result.runs):
        return
    metadata = {"jupyter_hpc": {"provenance": result.provenance, "ok": result.ok}}
    good = [run for run in result.runs if run.ok]
    if len(result.runs) == 1 and len(result.runs[0].times_s) <= 1:
        run = result.runs[0]
        line = f"{PREFIX} {run.label}: {run.time_s:.4f} s" if run.ok else f"{PREFIX} run failed"
        display({"text/plain": line}, raw=True, metadata=metadata)
        return
    if good:
        table = result.table().round(
            {"time_s": 4, "min_s": 4, "max_s": 4, "speedup": 2, "efficiency": 2}
        )
        display(table, metadata=metadata)
    from kernel_magics.measure import speedup_plot_png

    png = speedup_plot_png(result.runs)
    if png:
        display(Image(data=png, format="png"))
