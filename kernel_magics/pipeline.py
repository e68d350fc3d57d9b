"""Build -> run sweep -> race check: the one code path behind ``%%hpc_run`` and the CLI.

Front ends pass a ``RunRequest`` and a ``Reporter`` (how to show progress and
live output) and get back a ``Result``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kernel_magics import __version__
from kernel_magics.build import CompilerNotFound, build_program, choose_toolchain
from kernel_magics.launch import describe_failure, run_command, run_environment
from kernel_magics.paths import cache_subdir
from kernel_magics.profile import (
    PROFILE_DIR_VAR,
    ProfileTools,
    perf_prefix,
    perf_status,
    profile_tools,
    read_hot_lines,
    read_run_profile,
)
from kernel_magics.race import TSAN_OPTIONS, parse_tsan_races
from kernel_magics.reporter import Reporter
from kernel_magics.result import BuildInfo, RaceCheck, Result, RunRecord
from kernel_magics.rng_shim import with_rng_shims
from kernel_magics.sandbox import Limits, run_limited
from kernel_magics.settings import Settings
from kernel_magics.source import SourceInfo, analyse_source


class RequestError(ValueError):
    """A request that cannot be run as given (bad option values)."""


@dataclass
class RunRequest:
    """What to build and how to run it."""

    source: str
    lang: str | None = None
    threads: list[int] | None = None  # None: a default chosen from the program
    ranks: list[int] | None = None
    cflags: str = ""
    ldflags: str = ""
    args: str = ""
    repeat: int = 1
    timeout: float | None = None
    race_check: bool = False
    race_threads: list[int] | None = None  # None: one run at max(2, min(max threads, 4))
    profile: bool = False  # per-thread (OMPT) and per-rank (PMPI) data for each configuration
    explain: str | None = None  # "llm" or "template": findings in prose (None: no prose)
    explain_level: str = "student"  # or "expert"
    name: str | None = None
    source_name: str = "cell"  # file name (without suffix) compiler messages use
    line_offset: int = 0  # the code's first line is line 1 + line_offset for the user
    on: str = "local"  # "cluster": run on the engines of %hpc cluster start
    inputs: list[str] = field(default_factory=list)  # files copied into each run's folder


@dataclass
class _Plan:
    info: SourceInfo
    threads: list[int]
    ranks: list[int]
    limits: Limits
    notes: list[str] = field(default_factory=list)


def count_problem(threads: list[int], ranks: list[int], settings: Settings) -> str | None:
    """Why these thread / rank counts are not allowed by the settings, or None."""
    for name, values, top in (
        ("thread", threads, settings.max_threads),
        ("rank", ranks, settings.max_ranks),
    ):
        bad = [v for v in values if v < 1 or v > top]
        if bad:
            return f"{name} counts must be between 1 and {top} (got {bad})"
    return None


def _plan(request: RunRequest, settings: Settings) -> _Plan:
    """Check the request against the settings; choose defaults for the sweep."""
    if not request.source.strip():
        raise RequestError("the cell is empty: write a C or C++ program below %%hpc_run")
    if request.explain not in (None, "llm", "template"):
        raise RequestError(f"--explain must be llm or template, not {request.explain!r}")
    if request.explain_level not in ("student", "expert"):
        raise RequestError(f"--level must be student or expert, not {request.explain_level!r}")
    try:
        info = analyse_source(request.source, request.lang)
    except ValueError as err:
        raise RequestError(str(err)) from err
    if request.on not in ("local", "cluster"):
        raise RequestError(f"--on must be local or cluster, not {request.on!r}")
    cores = Settings.default_parallelism()
    threads = request.threads or ([cores] if info.uses_openmp and not info.uses_mpi else [1])
    if request.ranks and not info.uses_mpi and request.on == "local":
        raise RequestError(
            "-n/--np needs an MPI program, and this one does not use MPI "
            "(no #include <mpi.h> or MPI_Init found)"
        )
    ranks = request.ranks or ([cores] if info.uses_mpi else [1])
    problem = count_problem(threads, ranks, settings)
    if problem:
        raise RequestError(problem)
    if request.repeat < 1:
        raise RequestError("--repeat must be at least 1")
    for name in request.inputs:
        if not Path(name).is_file():
            raise RequestError(f"--input {name}: no such file (relative to {os.getcwd()})")
    timeout = request.timeout if request.timeout is not None else settings.timeout
    if not 0 < timeout <= settings.max_timeout:
        raise RequestError(f"--timeout must be between 0 and {settings.max_timeout:g} s")
    limits = Limits(
        timeout_s=timeout,
        memory_mb=settings.memory_limit_mb,
        file_size_mb=settings.file_size_limit_mb,
        max_processes=settings.max_processes,
        output_head_kb=settings.output_limit_kb,
        output_tail_kb=max(settings.output_limit_kb // 4, 1),
    )
    return _Plan(info=info, threads=threads, ranks=ranks, limits=limits)


def _utc_now() -> str:
    """The current time as ISO 8601 UTC (datetime is not imported: the CLI starts faster)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def _user_name() -> str:
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return str(os.getuid())


def _work_dir(build: BuildInfo, inputs: list[str] = ()) -> Path:
    """A fresh folder for one run, so programs that write files cannot collide; the
    ``--input`` files are copied into it (by their base name)."""
    folder = Path(tempfile.mkdtemp(prefix=f"run-{build.build_hash[:8]}-", dir=cache_subdir("runs")))
    for name in inputs:
        shutil.copyfile(name, folder / Path(name).name)
    return folder


def _run_sweep(request, plan, build, settings, reporter) -> list[RunRecord]:
    records: list[RunRecord] = []
    configs = [(t, r) for r in plan.ranks for t in plan.threads]
    tools = _profile_tools(plan, build, settings, reporter) if request.profile else None
    for index, (threads, ranks) in enumerate(configs):
        record = RunRecord(threads=threads, ranks=ranks, mpi=plan.info.uses_mpi)
        records.append(record)
        for repetition in range(request.repeat):
            progress = f"run {index + 1}/{len(configs)}: {record.label}"
            if request.repeat > 1:
                progress += f" (repeat {repetition + 1}/{request.repeat})"
            profile_dir = None
            if tools is not None and repetition == 0:  # the first repetition is profiled
                profile_dir = Path(tempfile.mkdtemp(prefix="profile-", dir=cache_subdir("runs")))
                progress += ", profiled"
            reporter.stage(progress)
            argv, env = _launch(request, plan, build, settings, threads, ranks, tools, profile_dir)
            stream = reporter.output if repetition == 0 else None
            work_dir = _work_dir(build, request.inputs)
            outcome = run_limited(argv, cwd=work_dir, env=env, limits=plan.limits, on_output=stream)
            shutil.rmtree(work_dir, ignore_errors=True)
            if profile_dir is not None:
                record.profile = read_run_profile(profile_dir, threads, ranks, tools)
                shutil.rmtree(profile_dir, ignore_errors=True)
            failure = describe_failure(
                outcome, plan.info.uses_mpi, plan.limits.timeout_s, plan.limits.memory_mb
            )
            if repetition == 0:
                record.stdout, record.stderr = outcome.stdout.text(), outcome.stderr.text()
                record.notes += outcome.notes
            record.exit_code, record.signal = outcome.returncode, outcome.signal
            record.timed_out, record.interrupted = outcome.timed_out, outcome.interrupted
            if failure:
                record.error = failure
                reporter.warning(f"{record.label}: {failure}")
                break
            record.times_s.append(outcome.wall_s)
        if records[-1].interrupted:
            break
    return records


def analyse(result: Result, writer=None, level="student", reporter=None, llm_config=None):
    """Compute the Result's findings and, when ``writer`` is given, their prose."""
    from kernel_magics.explain import explain
    from kernel_magics.findings import find

    reporter = reporter or Reporter()
    result.findings = find(result)
    if writer:
        reporter.stage(f"explaining the measurements ({writer})")
        options = {} if writer == "template" else {"config": llm_config, "reporter": reporter}
        result.explanation = explain(result.findings, writer, level, **options)
    return result


def _sample_hot_lines(request, plan, build, settings, reporter, runs) -> None:
    """One extra run of the most parallel configuration under ``perf record``.

    Extra, so that the sampler's start-up (up to a second) is not in the timings.
    The hot lines go into that configuration's profile, or a note says why not.
    """
    profiled = [r for r in runs if r.ok and r.profile is not None]
    if not profiled:
        return
    record = max(profiled, key=lambda r: (r.workers, r.threads))
    if plan.info.uses_mpi:
        record.profile.notes.append("hot lines are sampled for OpenMP and serial programs only")
        return
    available, reason = perf_status()
    if not available:
        record.profile.notes.append(f"hot lines not sampled: {reason}")
        return
    reporter.stage(f"profiling: sampling hot lines with perf at {record.label}")
    folder = Path(tempfile.mkdtemp(prefix="perf-", dir=cache_subdir("runs")))
    try:
        argv, env = _launch(
            request, plan, build, settings, record.threads, record.ranks, None, None
        )
        outcome = run_limited(
            perf_prefix(folder / "perf.data") + argv, cwd=folder, env=env, limits=plan.limits
        )
        if outcome.returncode != 0 or not (folder / "perf.data").exists():
            record.profile.notes.append("hot lines not sampled: the run under perf failed")
            return
        cell_lines = [""] * request.line_offset + request.source.splitlines()
        source_name = request.source_name + plan.info.suffix
        record.profile.hot_lines = read_hot_lines(folder / "perf.data", source_name, cell_lines)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _profile_tools(plan, build, settings, reporter) -> ProfileTools:
    reporter.stage("profiling: preparing the OpenMP (OMPT) and MPI (PMPI) profilers")
    tools = profile_tools(plan.info, build.compiler, settings)
    for note in tools.notes:
        reporter.warning(note)
    return tools


def _launch(request, plan, build, settings, threads, ranks, tools, profile_dir):
    """argv and environment of one run, with the profilers when ``profile_dir`` is set."""
    mpi = plan.info.uses_mpi
    env = run_environment(threads, ranks, mpi, settings=settings)
    profiler_env = {}
    if profile_dir is not None:
        profiler_env = {**tools.env, PROFILE_DIR_VAR: str(profile_dir)}
        if not mpi:
            env.update(profiler_env)
    # Through mpirun the profilers reach the ranks only (-x NAME=VALUE), not mpirun itself.
    argv = run_command(
        build.binary,
        request.args,
        threads,
        ranks,
        mpi,
        settings,
        set_env=profiler_env if mpi else None,
    )
    return argv, env


def _run_race_check(request, plan, settings, reporter) -> RaceCheck:
    """Build with ThreadSanitizer and run at >= 2 threads; map races to lines."""
    if not plan.info.uses_openmp:
        return RaceCheck(
            ran=False, error="the race check is for OpenMP programs; this one has no #pragma omp"
        )
    counts = request.race_threads or [max(2, min(max(plan.threads), 4))]
    ranks = min(plan.ranks)
    try:
        toolchain = choose_toolchain(
            plan.info, settings, request.cflags, request.ldflags, race_check=True
        )
    except CompilerNotFound as err:
        return RaceCheck(ran=False, error=f"cannot race-check: {err}")
    reporter.stage(f"race check: building with {settings.clang} -fsanitize=thread")
    build = build_program(
        with_rng_shims(request.source),  # libc generators' states made visible to it
        plan.info,
        toolchain,
        source_name=request.source_name,
        line_offset=request.line_offset,
    )
    if not build.ok:
        return RaceCheck(ran=False, error="the ThreadSanitizer build failed", log=build.log)
    cell_lines = [""] * request.line_offset + request.source.splitlines()
    check = RaceCheck(ran=True, threads=max(counts), ranks=ranks)
    for threads in counts:
        reporter.stage(f"race check: running with {threads} threads")
        argv = run_command(
            build.binary,
            request.args,
            threads,
            ranks,
            plan.info.uses_mpi,
            settings,
            forward_env=("TSAN_OPTIONS",),
        )
        env = run_environment(
            threads, ranks, plan.info.uses_mpi, {"TSAN_OPTIONS": TSAN_OPTIONS}, settings
        )
        work_dir = _work_dir(build, request.inputs)
        outcome = run_limited(argv, cwd=work_dir, env=env, limits=plan.limits, memory_limit=False)
        shutil.rmtree(work_dir, ignore_errors=True)
        log = outcome.stderr.text()
        check.log += log
        known = {race.describe() for race in check.races}
        races = parse_tsan_races(log, build.source_path.name, cell_lines)
        check.races += [race for race in races if race.describe() not in known]
        if not races and "ThreadSanitizer" in log and "data race" not in log:
            check.error = "ThreadSanitizer stopped the program: " + log.strip().splitlines()[-1]
        elif not races:
            failure = describe_failure(outcome, plan.info.uses_mpi, plan.limits.timeout_s, 0)
            if failure:
                check.error = f"the race-check run at {threads} threads failed: {failure}"
    return check


def run_program(
    request: RunRequest,
    settings: Settings | None = None,
    reporter: Reporter | None = None,
    llm_config=None,
) -> Result:
    """Build the program, run the sweep, optionally race-check; return the Result.

    With ``request.profile`` or ``request.explain`` the Result also gets its
    findings, and with ``request.explain`` their prose (``llm_config`` chooses
    the language model).

    Raises ``RequestError`` for bad options and ``CompilerNotFound`` when the
    needed compiler is missing; every other failure is recorded in the Result.
    """
    settings = settings or Settings()
    reporter = reporter or Reporter()
    started = _utc_now()
    plan = _plan(request, settings)
    # Profiled builds carry debug information so that perf can name source lines
    # (-g does not change the code gcc generates).
    cflags = request.cflags + (" -g" if request.profile else "")
    source, cluster = request.source, None
    if request.on == "cluster":  # one shared library, loaded by every engine
        from kernel_magics import cluster_run
        from kernel_magics.cluster import current_cluster

        cluster = cluster_run.check_cluster_request(request, plan.info, current_cluster())
        engines = len(cluster.status()) or cluster.spec.n
        plan.ranks = [engines] if plan.info.uses_mpi else [1]
        cflags += " " + cluster_run.ENGINE_FLAGS
        source = cluster_run.engine_source(request.source, plan.info.uses_mpi)
    toolchain = choose_toolchain(plan.info, settings, cflags, request.ldflags)
    reporter.stage(
        f"{'C++' if plan.info.lang == 'c++' else 'C'} ({plan.info.lang_reason}), "
        f"{plan.info.api}: compiling with {toolchain.compiler} {' '.join(toolchain.flags)}"
    )
    build = build_program(
        source,
        plan.info,
        toolchain,
        source_name=request.source_name,
        line_offset=request.line_offset,
    )
    result = Result(
        source=request.source,
        lang=plan.info.lang,
        lang_reason=plan.info.lang_reason,
        api=plan.info.api,
        build=build,
        name=request.name,
        line_offset=request.line_offset,
    )
    if build.ok:
        reporter.stage(
            "using the cached binary (source and flags unchanged)"
            if build.cache_hit
            else f"compiled in {build.seconds:.2f} s ({build.compiler_version})"
        )
        if cluster is not None:
            result.runs = cluster_run.run_sweep_on_cluster(request, plan, build, cluster, reporter)
        else:
            result.runs = _run_sweep(request, plan, build, settings, reporter)
        interrupted = any(r.interrupted for r in result.runs)
        if request.profile and not interrupted:
            _sample_hot_lines(request, plan, build, settings, reporter, result.runs)
        if request.race_check and not interrupted:
            result.race_check = _run_race_check(request, plan, settings, reporter)
        if (request.profile or request.explain) and not interrupted:
            analyse(result, request.explain, request.explain_level, reporter, llm_config)
    result.provenance = {
        "tool": f"jupyter-hpc {__version__}",
        "compiler": build.compiler,
        "compiler_version": build.compiler_version,
        "command": build.command_line,
        "build_hash": build.build_hash,
        "threads": plan.threads,
        "ranks": plan.ranks,
        "repeat": request.repeat,
        "timeout_s": plan.limits.timeout_s,
        "mpiexec": settings.mpiexec if plan.info.uses_mpi else None,
        "mpi_env": settings.mpi_env_vars() if plan.info.uses_mpi else None,
        "on": cluster.spec.describe() if cluster is not None else "local",
        "profiled": request.profile,
        "explanation": (
            result.explanation.writer
            + (f" ({result.explanation.model})" if result.explanation.model else "")
            if result.explanation
            else None
        ),
        "host": os.uname().nodename,
        "user": _user_name(),
        "cores": Settings.default_parallelism(),
        "started": started,
        "finished": _utc_now(),
        "cwd": os.getcwd(),
    }
    return result
