"""Show progress and Results in a notebook (or a terminal IPython)."""

from __future__ import annotations

import sys

from kernel_magics.reporter import Reporter
from kernel_magics.result import Result
from kernel_magics.rng_shim import shared_generator_hint

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
            hint = shared_generator_hint(check)
            if hint:
                lines.append(f"  {hint}")
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
        if result.findings or result.explanation or result.profile:
            show_analysis(result)
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
    if result.findings or result.explanation or result.profile:
        show_analysis(result)


def analysis_lines(result: Result) -> list[str]:
    """Findings as bullets (warnings first), then the prose: plain text for terminals."""
    lines = []
    for note in sorted({n for p in result.profile for n in p.notes}):
        lines.append(f"{PREFIX} profile: {note}")
    if result.findings:
        lines.append("Findings:")
        ordered = sorted(result.findings, key=lambda f: f.severity != "warning")
        for finding in ordered:
            mark = "!" if finding.severity == "warning" else "-"
            lines.append(f"  {mark} {finding.message}")
            if finding.suggestion:
                lines.append(f"      try: {finding.suggestion}")
    if result.explanation:
        who = result.explanation.writer
        if result.explanation.model:
            who += f", {result.explanation.model}"
        lines.append(f"Explanation ({who}):")
        lines += ["  " + para for para in result.explanation.text.split("\n\n")]
        if result.explanation.note:
            lines.append(f"{PREFIX} {result.explanation.note}")
    return lines


def analysis_html(result: Result) -> str:
    """The same as analysis_lines, as HTML for the notebook."""
    from html import escape

    parts = []
    notes = sorted({n for p in result.profile for n in p.notes})
    if notes:
        parts.append("".join(f"<p><i>profile: {escape(n)}</i></p>" for n in notes))
    if result.findings:
        items = []
        for finding in sorted(result.findings, key=lambda f: f.severity != "warning"):
            icon = "&#9888;&#65039; " if finding.severity == "warning" else ""
            item = f"{icon}{escape(finding.message)}"
            if finding.suggestion:
                item += f"<br><b>Try:</b> {escape(finding.suggestion)}"
            items.append(f"<li>{item}</li>")
        parts.append("<b>Findings</b><ul>" + "".join(items) + "</ul>")
    if result.explanation:
        who = escape(result.explanation.writer)
        if result.explanation.model:
            who += f", {escape(result.explanation.model)}"
        paragraphs = "".join(
            f"<p>{escape(p)}</p>" for p in result.explanation.text.split("\n\n") if p.strip()
        )
        parts.append(f"<b>Explanation</b> <small>({who})</small>{paragraphs}")
        if result.explanation.note:
            parts.append(f"<p><small>{escape(result.explanation.note)}</small></p>")
    return "".join(parts)


def show_analysis(result: Result) -> None:
    """Efficiency chart, per-thread/per-rank chart, findings and prose."""
    from IPython.display import Image, display

    from kernel_magics.charts import efficiency_plot_png, profile_bars_png

    png = efficiency_plot_png(result.runs)
    if png:
        display(Image(data=png, format="png"))
    profiled = [r for r in result.runs if r.profile is not None]
    if profiled:
        widest = max(profiled, key=lambda r: (r.workers, r.threads))
        png = profile_bars_png(widest.profile)
        if png:
            display(Image(data=png, format="png"))
    display(
        {"text/plain": "\n".join(analysis_lines(result)), "text/html": analysis_html(result)},
        raw=True,
    )


class GenerationDisplay(NotebookReporter):
    """A NotebookReporter that also streams the model's reply as it is written."""

    def token(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    def end_of_reply(self) -> None:
        print(flush=True)


def generation_lines(generation) -> list[str]:
    """What a Generation came to, in plain lines (magic and CLI)."""
    attempts = len(generation.attempts)
    best = generation.best
    lines = []
    not_holding = [k for k, v in best.checks.items() if not v] if best else []
    if generation.ok:
        passed = ", ".join(k for k, v in best.checks.items() if v) if best.checks else ""
        lines.append(
            f"{PREFIX} verified code after {attempts} attempt{'s' if attempts > 1 else ''}"
            f" in {generation.seconds:.1f} s" + (f": {passed}" if passed else "")
        )
        if not_holding:  # e.g. the tool's test of a function was inconclusive
            lines.append(f"{PREFIX} only those checks hold; not checked: {', '.join(not_holding)}")
    elif best is None:
        lines.append(
            f"{PREFIX} no code: the model's replies contained no C/C++ code block "
            "(its reply is shown above)"
        )
    else:
        lines.append(
            f"{PREFIX} NOT verified after {attempts} attempts: {best.what}"
            + (f" (failed check: {', '.join(not_holding)})" if not_holding else "")
        )
        lines.append(
            f"{PREFIX} the best attempt is shown below; it was not run. "
            "Try --max-repairs 4, -k 5, another --llm, or more detail in the request."
        )
    if best is not None and best.fixes:
        lines.append(
            f"{PREFIX} the tool fixed what the compiler or the checks pointed at: "
            + "; ".join(best.fixes)
        )
    return lines


def show_generation(generation) -> None:
    """The final code (with a diff against the user's code), then what was verified."""
    from IPython.display import display

    for line in generation_lines(generation):
        print(line, flush=True)
    if generation.code is None:
        return
    fence = "cpp" if generation.lang == "c++" else "c"
    metadata = {"jupyter_hpc": {"generation": generation.provenance}}
    display(
        {"text/markdown": f"```{fence}\n{generation.code}```", "text/plain": generation.code},
        raw=True,
        metadata=metadata,
    )
    if generation.request.code:
        import difflib

        diff = difflib.unified_diff(
            generation.request.code.splitlines(),
            generation.code.splitlines(),
            "your code",
            "parallel version",
            lineterm="",
            n=1,
        )
        text = "\n".join(diff)
        if text:
            display(
                {"text/markdown": f"Changes:\n```diff\n{text}\n```", "text/plain": text},
                raw=True,
            )
