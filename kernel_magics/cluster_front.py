"""``%hpc cluster ...``, ``%hpc submit``, ``%hpc jobs`` and ``%hpc job ID``: parsing and
printing around ``cluster.py`` (ipyparallel engines) and ``slurm.py`` (batch jobs)."""

from __future__ import annotations

import shutil

from kernel_magics.options import int_list
from kernel_magics.search_front import CommandUsageError, SubcommandParser

CLUSTER_USAGE = """\
%hpc cluster start [-n N] [--engines local|mpi|slurm] [--slurm-partition P]
                   [--slurm-time HH:MM:SS] [--slurm-account A] [--slurm-option OPT ...]
%hpc cluster status
%hpc cluster stop
Then run a cell on the engines with %%hpc_run --on cluster (one MPI rank per engine)."""


def default_engine_kind() -> str:
    """MPI engines when mpi4py and mpiexec are here (MPI programs need them), else local."""
    import importlib.util

    if importlib.util.find_spec("mpi4py") and shutil.which("mpirun"):
        return "mpi"
    return "local"


def cluster_command(words: list[str], settings, say) -> None:
    """Dispatch ``%hpc cluster start|status|stop``."""
    from kernel_magics.cluster import (
        ENGINE_KINDS,
        ClusterError,
        ClusterSpec,
        HPCCluster,
        current_cluster,
        set_current_cluster,
    )

    if not words or words[0] not in ("start", "status", "stop"):
        raise CommandUsageError(CLUSTER_USAGE)
    action, rest = words[0], words[1:]
    running = current_cluster()
    if action == "status":
        if rest:
            raise CommandUsageError("usage: %hpc cluster status")
        say(describe_cluster(running))
        return
    if action == "stop":
        if running is None:
            say("No cluster is running.")
            return
        running.stop()
        set_current_cluster(None)
        say(f"Stopped the cluster ({running.spec.describe()}).")
        return
    parser = SubcommandParser(prog="%hpc cluster start", description="start engines")
    parser.add_argument("-n", type=int, default=2, help="number of engines (MPI ranks)")
    parser.add_argument("--engines", choices=ENGINE_KINDS, default=None)
    parser.add_argument("--slurm-partition", default=settings.slurm_partition)
    parser.add_argument("--slurm-time", default="01:00:00")
    parser.add_argument("--slurm-account", default=settings.slurm_account)
    parser.add_argument("--slurm-option", action="append", default=[], metavar="OPT")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for engines")
    args = parser.parse_args(rest)
    if args.n < 1 or args.n > settings.max_ranks:
        raise CommandUsageError(f"-n must be between 1 and {settings.max_ranks}")
    if running is not None:
        raise CommandUsageError(
            f"a cluster is already running ({running.spec.describe()}): %hpc cluster stop first"
        )
    spec = ClusterSpec(
        n=args.n,
        engines=args.engines or default_engine_kind(),
        slurm_partition=args.slurm_partition,
        slurm_time=args.slurm_time,
        slurm_account=args.slurm_account,
        slurm_options=args.slurm_option,
        start_timeout=args.timeout,
    )
    cluster = HPCCluster(spec, settings)
    try:
        cluster.start(progress=lambda m: say(f"[hpc] {m}"))
    except ClusterError as err:
        raise CommandUsageError(str(err)) from None
    set_current_cluster(cluster)
    say(describe_cluster(cluster))


def describe_cluster(cluster) -> str:
    """The engines as a small table (or how to start some)."""
    if cluster is None:
        return "No cluster is running: %hpc cluster start -n 2 --engines mpi"
    engines = cluster.status()
    lines = [
        f"{cluster.spec.describe()}, {len(engines)} registered"
        + (f", started in {cluster.start_seconds:.1f} s" if cluster.start_seconds else "")
        + ("; engine i is MPI rank i" if cluster.mpi else ""),
        f"{'engine':>6}  {'rank':>4}  {'host':<20} {'pid':>7}  state",
    ]
    for engine in engines:
        rank = "-" if engine.rank is None else str(engine.rank)
        lines.append(f"{engine.id:>6}  {rank:>4}  {engine.host:<20} {engine.pid:>7}  running")
    missing = len(cluster.engines) - len(engines)
    if missing:
        lines.append(f"{missing} engine(s) stopped; the next run restarts the cluster")
    return "\n".join(lines)


# -- Slurm jobs ----------------------------------------------------------------------------


def submit_parser(prog: str) -> SubcommandParser:
    parser = SubcommandParser(prog=prog, description="submit a built program as a Slurm job")
    parser.add_argument("-n", "--np", dest="ranks", type=int_list, default=None, metavar="LIST")
    parser.add_argument("-t", "--threads", type=int_list, default=None, metavar="LIST")
    parser.add_argument("--time", default="00:10:00", help="the job's time limit, HH:MM:SS")
    parser.add_argument("--partition", default=None)
    parser.add_argument("--account", default=None)
    parser.add_argument("--module", action="append", default=None, help="module to load")
    parser.add_argument(
        "--sbatch",
        action="append",
        default=[],
        metavar="OPT",
        help="another #SBATCH option, e.g. --sbatch=--qos=debug",
    )
    parser.add_argument("--args", default="", help="arguments passed to the program")
    parser.add_argument(
        "--input", action="append", default=[], metavar="FILE", help="copy FILE into each run"
    )
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="per-thread / per-rank profile")
    parser.add_argument("--wait", action="store_true", help="wait for the job and show it")
    parser.add_argument("--wait-timeout", type=float, default=600.0, metavar="S")
    return parser


def submit_program(source: str, lang: str | None, args, settings, name: str, say):
    """Build ``source`` (cached), write and submit its job; the Job."""
    from kernel_magics.build import CompilerNotFound, build_program, choose_toolchain
    from kernel_magics.pipeline import count_problem
    from kernel_magics.profile import profile_tools
    from kernel_magics.slurm import JobSpec, SlurmError, check_slurm, submit
    from kernel_magics.source import analyse_source

    try:
        check_slurm()
        info = analyse_source(source, lang)
    except (SlurmError, ValueError) as err:
        raise CommandUsageError(str(err)) from None
    if args.ranks and not info.uses_mpi:
        raise CommandUsageError("-n needs an MPI program, and this one does not use MPI")
    if args.repeat < 1:
        raise CommandUsageError("--repeat must be at least 1")
    cores = settings.default_parallelism()
    threads = args.threads or ([cores] if info.uses_openmp else [1])
    ranks = args.ranks or [cores]
    problem = count_problem(threads, ranks, settings)
    if problem:
        raise CommandUsageError(problem)
    try:
        toolchain = choose_toolchain(info, settings, " -g" if args.profile else "")
    except CompilerNotFound as err:
        raise CommandUsageError(str(err)) from None
    build = build_program(source, info, toolchain, source_name=name)
    if not build.ok:
        raise CommandUsageError(f"the program does not compile:\n{build.log}")
    profile_env = None
    if args.profile:
        tools = profile_tools(info, build.compiler, settings)
        profile_env = tools.env
        for note in tools.notes:
            say(f"[hpc] {note}")
    modules = args.module if args.module is not None else settings.slurm_modules.split()
    spec = JobSpec(
        threads=threads,
        ranks=ranks,
        time=args.time,
        partition=args.partition if args.partition is not None else settings.slurm_partition,
        account=args.account if args.account is not None else settings.slurm_account,
        modules=modules,
        args=args.args,
        repeat=args.repeat,
        profile=args.profile,
        name=name,
        extra=args.sbatch,
        inputs=args.input,
    )
    try:
        job = submit(build, info, spec, settings, source, profile_env)
    except SlurmError as err:
        raise CommandUsageError(str(err)) from None
    configs = len(job.threads) * len(job.ranks)
    say(
        f"[hpc] submitted Slurm job {job.id}: {configs} configuration"
        f"{'s' if configs != 1 else ''} ({_grid(job)}), time limit {spec.time}; "
        f"script: {job.folder}/job.sbatch"
    )
    return job


def _grid(job) -> str:
    threads = ",".join(map(str, job.threads))
    return (
        f"threads {threads} x ranks {','.join(map(str, job.ranks))}"
        if job.mpi
        else (f"threads {threads}")
    )


def show_job(job_id: str, wait: bool, wait_timeout: float, say):
    """Print a job's state; when it has finished, return its Result (else None)."""
    from kernel_magics.slurm import FINISHED, Job, SlurmError, job_result, job_state, wait_for

    try:
        job = Job.load(job_id)
    except SlurmError as err:
        raise CommandUsageError(str(err)) from None
    if wait:
        try:
            state = wait_for(job.id, wait_timeout, progress=lambda m: say(f"[hpc] {m}"))
        except KeyboardInterrupt:
            say(
                f"[hpc] stopped waiting; job {job.id} keeps running in Slurm "
                f"(%hpc job {job.id} to look again, --cancel to stop it)"
            )
            return None
    else:
        state = job_state(job.id)
    if state["state"] not in FINISHED:
        reason = f" (reason: {state['reason']})" if state["reason"] not in ("", "None") else ""
        say(
            f"job {job.id} ({job.name}): {state['state']}{reason}; "
            f"%hpc job {job.id} --wait shows it when it is done"
        )
        return None
    say(f"job {job.id} ({job.name}): {state['state']}, exit code {state['exit_code']}")
    return job_result(job, state)


def jobs_table() -> str:
    """Every job submitted from here, newest first, with its current state."""
    from kernel_magics.slurm import job_state, list_jobs

    jobs = list_jobs()
    if not jobs:
        return "No jobs yet: %hpc submit NAME -n 2 --time 00:05:00"
    lines = [f"{'job':>8}  {'name':<16} {'state':<11} {'configurations':<28} submitted"]
    for job in jobs[:30]:
        state = job_state(job.id)["state"]
        lines.append(f"{job.id:>8}  {job.name:<16} {state:<11} {_grid(job):<28} {job.submitted}")
    return "\n".join(lines)
