"""Per-thread and per-rank measurements of one run (``--profile``).

Two helper libraries written for this project, shipped as C source and built at
first use (``kernel_magics/csrc``):

* ``ompt_profile.c``, an OMPT tool loaded with ``OMP_TOOL_LIBRARIES``: time per
  thread inside parallel regions, time waiting at barriers, regions, loop
  iterations. OMPT is implemented by LLVM's OpenMP runtime (libomp), not by
  gcc's libgomp, so programs built with gcc run on libomp (``LD_PRELOAD``; it
  provides gcc's ``GOMP_*`` entry points) while they are profiled.
* ``pmpi_profile.c``, a PMPI interposition library preloaded into every rank:
  total time, time inside MPI by call, messages and bytes sent and received.

Each process writes one JSON file into a folder given by ``HPC_PROFILE_OUT``;
this module sets up the environment and reads the files back.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from kernel_magics.source import SourceInfo

PROFILE_DIR_VAR = "HPC_PROFILE_OUT"


@dataclass
class ThreadProfile:
    """One OpenMP thread of one process."""

    thread: int
    parallel_s: float  # inside parallel regions (implicit tasks)
    wait_s: float  # waiting at barriers and other synchronisation
    regions: int
    loop_iterations: int = 0
    rank: int = -1

    @property
    def busy_s(self) -> float:
        """Time in parallel regions spent working rather than waiting."""
        return max(self.parallel_s - self.wait_s, 0.0)


@dataclass
class OpenMPProfile:
    """What the OMPT tool saw in one process (one MPI rank, or the program)."""

    rank: int
    wall_s: float
    parallel_regions: int
    region_s: float  # wall time inside (outermost) parallel regions
    max_team_size: int
    threads: list[ThreadProfile] = field(default_factory=list)


@dataclass
class CallStats:
    count: int
    seconds: float
    bytes: int = 0


@dataclass
class RankProfile:
    """What the PMPI library saw in one MPI rank."""

    rank: int
    size: int
    host: str
    total_s: float  # MPI_Init -> MPI_Finalize
    mpi_s: float  # inside MPI calls
    bytes_sent: int
    bytes_received: int
    messages_sent: int
    messages_received: int
    calls: dict[str, CallStats] = field(default_factory=dict)

    @property
    def compute_s(self) -> float:
        return max(self.total_s - self.mpi_s, 0.0)


@dataclass
class HotLine:
    """A source line where ``perf`` samples found the program spending its time."""

    line: int | None  # in the cell (or file); None when perf could not tell
    percent: float  # of the samples
    code: str = ""  # the line's text
    where: str = ""  # as perf printed it (file:line or a function)


@dataclass
class RunProfile:
    """The profile of one configuration (threads x ranks)."""

    threads: int
    ranks: int
    openmp: list[OpenMPProfile] = field(default_factory=list)  # one per process
    mpi: list[RankProfile] = field(default_factory=list)  # one per rank
    notes: list[str] = field(default_factory=list)
    hot_lines: list[HotLine] = field(default_factory=list)  # sampled with perf, if it could

    @property
    def thread_rows(self) -> list[ThreadProfile]:
        """Every thread of every process, rank by rank."""
        return [t for process in sorted(self.openmp, key=lambda p: p.rank) for t in process.threads]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ProfileTools:
    """How to run a program with the profilers: environment and launcher additions."""

    env: dict[str, str]  # for the program's processes
    notes: list[str] = field(default_factory=list)  # what cannot be measured, and why
    openmp: bool = False
    mpi: bool = False


class ProfileSetupError(RuntimeError):
    """A profiler could not be built."""


@lru_cache(maxsize=1)
def llvm_openmp_runtime() -> str | None:
    """Path of LLVM's libomp (it implements OMPT), or None when not installed."""
    clang = shutil.which("clang")
    if clang:
        proc = subprocess.run([clang, "-print-file-name=libomp.so"], capture_output=True, text=True)
        path = proc.stdout.strip()
        if proc.returncode == 0 and os.path.isabs(path) and os.path.exists(path):
            return os.path.realpath(path)
    candidates = sorted(glob.glob("/usr/lib/llvm-*/lib/libomp.so"), reverse=True)
    candidates += glob.glob("/usr/lib/x86_64-linux-gnu/libomp.so.5")
    return next((os.path.realpath(c) for c in candidates if os.path.exists(c)), None)


def profile_tools(info: SourceInfo, compiler: str, settings) -> ProfileTools:
    """Build (once) and describe the profilers this program needs.

    ``compiler`` is the compiler the program was built with: gcc-built OpenMP
    programs are run on LLVM's runtime so that the OMPT tool sees them.
    """
    from kernel_magics.native import NativeBuildError, native_tool

    tools = ProfileTools(env={})
    if info.uses_openmp:
        runtime = llvm_openmp_runtime()
        if runtime is None:
            tools.notes.append(
                "per-thread OpenMP data not measured: LLVM's OpenMP runtime (libomp) was not "
                "found; install it (Debian/Ubuntu: apt-get install libomp-dev)"
            )
        else:
            try:
                tool = native_tool("ompt_profile", extra_flags=("-shared", "-fPIC"))
            except NativeBuildError as err:
                tools.notes.append(f"per-thread OpenMP data not measured: {err}")
            else:
                tools.env["OMP_TOOL_LIBRARIES"] = str(tool)
                if "clang" not in os.path.basename(compiler):
                    tools.env["LD_PRELOAD"] = runtime  # libgomp has no OMPT
                tools.openmp = True
    if info.uses_mpi:
        mpicc = shutil.which(settings.mpicc)
        try:
            if mpicc is None:
                raise NativeBuildError(f"{settings.mpicc} was not found")
            library = native_tool("pmpi_profile", compiler=mpicc, extra_flags=("-shared", "-fPIC"))
        except NativeBuildError as err:
            tools.notes.append(f"per-rank MPI data not measured: {err}")
        else:
            preload = [str(library)] + (
                [tools.env["LD_PRELOAD"]] if "LD_PRELOAD" in tools.env else []
            )
            tools.env["LD_PRELOAD"] = ":".join(preload)
            tools.mpi = True
    return tools


def read_run_profile(folder: Path, threads: int, ranks: int, tools: ProfileTools) -> RunProfile:
    """Collect the JSON files the profilers wrote for one run."""
    profile = RunProfile(threads=threads, ranks=ranks, notes=list(tools.notes))
    for path in sorted(folder.glob("omp-*.json")):
        data = _load(path, profile)
        if data is None:
            continue
        rank = int(data.get("rank", -1))
        process = OpenMPProfile(
            rank=rank,
            wall_s=float(data.get("wall_s", 0.0)),
            parallel_regions=int(data.get("parallel_regions", 0)),
            region_s=float(data.get("region_s", 0.0)),
            max_team_size=int(data.get("max_team_size", 0)),
            threads=[
                ThreadProfile(
                    thread=int(t["thread"]),
                    parallel_s=float(t.get("parallel_s", 0.0)),
                    wait_s=float(t.get("wait_s", 0.0)),
                    regions=int(t.get("regions", 0)),
                    loop_iterations=int(t.get("loop_iterations", 0)),
                    rank=rank,
                )
                for t in data.get("threads", [])
            ],
        )
        profile.openmp.append(process)
    for path in sorted(folder.glob("mpi-*.json")):
        data = _load(path, profile)
        if data is None:
            continue
        profile.mpi.append(
            RankProfile(
                rank=int(data["rank"]),
                size=int(data.get("size", ranks)),
                host=str(data.get("host", "")),
                total_s=float(data.get("total_s", 0.0)),
                mpi_s=float(data.get("mpi_s", 0.0)),
                bytes_sent=int(data.get("bytes_sent", 0)),
                bytes_received=int(data.get("bytes_received", 0)),
                messages_sent=int(data.get("messages_sent", 0)),
                messages_received=int(data.get("messages_received", 0)),
                calls={
                    name: CallStats(
                        count=int(c.get("count", 0)),
                        seconds=float(c.get("seconds", 0.0)),
                        bytes=int(c.get("bytes", 0)),
                    )
                    for name, c in data.get("calls", {}).items()
                },
            )
        )
    profile.mpi.sort(key=lambda r: r.rank)
    if tools.openmp and not profile.openmp:
        profile.notes.append(
            "the OpenMP profiler wrote nothing (the program may have exited through a crash "
            "or _exit, or its OpenMP runtime does not support OMPT)"
        )
    if tools.mpi and len(profile.mpi) < ranks:
        profile.notes.append(
            f"the MPI profiler wrote {len(profile.mpi)} of {ranks} rank files "
            "(ranks that did not reach MPI_Finalize are missing)"
        )
    return profile


# --------------------------------------------------------------------------- perf

PERF_FREQUENCY = 499  # samples per second per thread


@lru_cache(maxsize=1)
def perf_status() -> tuple[bool, str]:
    """Whether ``perf record`` works here, and if not, why (said to the user)."""
    perf = shutil.which("perf")
    if perf is None:
        return False, "perf is not installed (Debian/Ubuntu: apt-get install linux-perf)"
    try:
        proc = subprocess.run(
            [perf, "record", "-q", "-F", str(PERF_FREQUENCY), "-o", os.devnull, "--", "true"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return False, f"perf did not run ({err})"
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["unknown error"])[0]
        return False, f"perf cannot sample on this machine ({reason}; see perf_event_paranoid)"
    return True, ""


def perf_prefix(output: Path) -> list[str]:
    """The command that samples a program into ``output``."""
    return [
        shutil.which("perf") or "perf",
        "record",
        "-q",
        "-F",
        str(PERF_FREQUENCY),
        "-o",
        str(output),
        "--",
    ]


def read_hot_lines(
    perf_data: Path, source_name: str, cell_lines: list[str], limit: int = 5
) -> list[HotLine]:
    """The top lines of ``source_name`` in a perf recording (the build has -g)."""
    proc = subprocess.run(
        [
            shutil.which("perf") or "perf",
            "report",
            "-i",
            str(perf_data),
            "--stdio",
            "--no-children",
            "--sort",
            "srcline",
            "-q",
            "--percent-limit",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    hot = []
    for raw in proc.stdout.splitlines():
        parts = raw.split()
        if len(parts) < 2 or not parts[0].endswith("%"):
            continue
        percent, where = float(parts[0].rstrip("%")), parts[1]
        name, _, number = where.rpartition(":")
        line = int(number) if number.isdigit() and name.endswith(source_name) else None
        code = cell_lines[line - 1].strip() if line and line <= len(cell_lines) else ""
        hot.append(HotLine(line=line, percent=percent, code=code, where=where))
    hot.sort(key=lambda h: (h.line is None, -h.percent))  # the program's own lines first
    return hot[:limit]


def _load(path: Path, profile: RunProfile) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as err:
        profile.notes.append(f"unreadable profile file {path.name}: {err}")
        return None
