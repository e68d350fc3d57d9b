"""The records a run produces: build, runs, race check, and the Result holding them.

Plain dataclasses with a ``to_dict`` that is JSON-ready, so the magic, the
CLI (``--json``) and the side panel all show the same facts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kernel_magics.explain import Explanation
    from kernel_magics.findings import Finding
    from kernel_magics.profile import RunProfile


def _median(values: list[float]) -> float:
    """The median (the statistics module is not imported: it slows the CLI's start)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class BuildInfo:
    """How the program was compiled (or why it was not)."""

    ok: bool
    command: list[str]
    compiler: str
    compiler_version: str
    flags: list[str]
    log: str
    binary: Path | None
    source_path: Path
    cache_hit: bool
    build_hash: str
    seconds: float

    @property
    def command_line(self) -> str:
        return " ".join(self.command)


@dataclass
class RunRecord:
    """All repetitions of one (threads, ranks) configuration."""

    threads: int
    ranks: int
    mpi: bool
    times_s: list[float] = field(default_factory=list)
    exit_code: int | None = None
    signal: int | None = None
    timed_out: bool = False
    interrupted: bool = False
    error: str | None = None  # readable description of a failure
    stdout: str = ""
    stderr: str = ""
    notes: list[str] = field(default_factory=list)
    profile: RunProfile | None = None  # with --profile: per-thread / per-rank data

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.times_s)

    @property
    def time_s(self) -> float | None:
        """Median wall time over the repetitions."""
        return _median(self.times_s) if self.times_s else None

    @property
    def min_s(self) -> float | None:
        return min(self.times_s) if self.times_s else None

    @property
    def max_s(self) -> float | None:
        return max(self.times_s) if self.times_s else None

    @property
    def workers(self) -> int:
        """Threads times ranks: the parallelism of this configuration."""
        return self.threads * self.ranks

    @property
    def label(self) -> str:
        parts = [f"{self.threads} thread{'s' if self.threads != 1 else ''}"]
        if self.mpi:
            parts.append(f"{self.ranks} rank{'s' if self.ranks != 1 else ''}")
        return " x ".join(parts)


@dataclass
class Race:
    """One data race: two accesses to the same memory, at least one a write."""

    line_a: int | None
    kind_a: str  # "write" or "read"
    code_a: str
    line_b: int | None
    kind_b: str
    code_b: str
    variable: str = ""

    def describe(self) -> str:
        """One readable line, e.g. ``write at line 7 races with read at line 7``."""

        def side(kind: str, line: int | None, code: str) -> str:
            where = f"line {line}" if line else "an unknown line"
            return f"{kind} at {where}" + (f" (`{code.strip()}`)" if code.strip() else "")

        return f"{side(self.kind_a, self.line_a, self.code_a)} races with " + side(
            self.kind_b, self.line_b, self.code_b
        )


@dataclass
class RaceCheck:
    """What the ThreadSanitizer run found."""

    ran: bool
    threads: int = 0
    ranks: int = 1
    races: list[Race] = field(default_factory=list)
    error: str | None = None  # why it could not run or what else went wrong
    log: str = ""

    @property
    def race_free(self) -> bool:
        return self.ran and not self.races and self.error is None


@dataclass
class Result:
    """Everything one ``%%hpc_run`` (or ``jupyter hpc run``) produced."""

    source: str
    lang: str
    lang_reason: str
    api: str
    build: BuildInfo
    runs: list[RunRecord] = field(default_factory=list)
    race_check: RaceCheck | None = None
    provenance: dict[str, Any] = field(default_factory=dict)
    name: str | None = None
    line_offset: int = 0  # source line N is line N + line_offset of the cell
    findings: list[Finding] = field(default_factory=list)  # from the sweep and the profiles
    explanation: Explanation | None = None  # the findings in prose

    @property
    def profile(self) -> list[RunProfile]:
        """The per-thread / per-rank profiles of the configurations that were profiled."""
        return [run.profile for run in self.runs if run.profile is not None]

    @property
    def ok(self) -> bool:
        """Built, every run succeeded, and no race was found."""
        races = self.race_check is not None and bool(self.race_check.races)
        return self.build.ok and all(r.ok for r in self.runs) and not races

    def scaling_rows(self) -> list[dict[str, Any]]:
        """One dict per configuration with times, speedup and efficiency."""
        from kernel_magics.measure import scaling_rows

        return scaling_rows(self.runs)

    def table(self):
        """The runs as a pandas DataFrame (configuration -> time, speedup, efficiency)."""
        from kernel_magics.measure import scaling_table

        return scaling_table(self.runs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the CLI's ``--json`` output)."""
        build = asdict(self.build)
        build["binary"] = str(self.build.binary) if self.build.binary else None
        build["source_path"] = str(self.build.source_path)
        rows = {(r["threads"], r["ranks"]): r for r in self.scaling_rows()}
        runs = []
        for run in self.runs:
            row = rows.get((run.threads, run.ranks), {})
            runs.append(
                {
                    "threads": run.threads,
                    "ranks": run.ranks,
                    "time_s": run.time_s,
                    "min_s": run.min_s,
                    "max_s": run.max_s,
                    "times_s": run.times_s,
                    "speedup": row.get("speedup"),
                    "efficiency": row.get("efficiency"),
                    "ok": run.ok,
                    "exit_code": run.exit_code,
                    "signal": run.signal,
                    "timed_out": run.timed_out,
                    "error": run.error,
                    "stdout": run.stdout,
                    "stderr": run.stderr,
                    "notes": run.notes,
                    "profile": run.profile.to_dict() if run.profile else None,
                }
            )
        return {
            "ok": self.ok,
            "name": self.name,
            "language": self.lang,
            "language_reason": self.lang_reason,
            "api": self.api,
            "build": build,
            "runs": runs,
            "race_check": asdict(self.race_check) if self.race_check else None,
            "findings": [f.to_dict() for f in self.findings],
            "explanation": self.explanation.text if self.explanation else None,
            "explanation_writer": self.explanation.writer if self.explanation else None,
            "provenance": self.provenance,
        }
