"""ipyparallel clusters for ``%hpc cluster``: local engines, MPI engines, Slurm engines.

One cluster per kernel (``current_cluster()``). ipyparallel's own ``Cluster``
API and launchers do the work; this module adds what users of the magics need:
the Open MPI variables a root user needs, engines that are MPI ranks, a
readable diagnosis when engines do not register, and healing (a restart) after
an engine died or a program hung.

ipyparallel is imported only when a cluster is started.
"""

from __future__ import annotations

import os
import re
import shlex
import time
from dataclasses import dataclass, field

from kernel_magics.paths import cache_subdir
from kernel_magics.settings import Settings

ENGINE_KINDS = ("local", "mpi", "slurm")
_ROOT_MPI_VARS = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}


class ClusterError(RuntimeError):
    """The cluster cannot be started or used; the message says why and what to do."""


@dataclass
class ClusterSpec:
    """How many engines, of which kind, and (for Slurm) where and for how long."""

    n: int = 2
    engines: str = "local"  # local | mpi | slurm
    slurm_partition: str = ""
    slurm_time: str = "01:00:00"  # the engines' job ends at the latest then
    slurm_account: str = ""
    slurm_options: list[str] = field(default_factory=list)  # extra #SBATCH options
    start_timeout: float = 60.0

    def describe(self) -> str:
        kind = {"local": "local", "mpi": "MPI", "slurm": "Slurm"}[self.engines]
        return f"{self.n} {kind} engine{'s' if self.n != 1 else ''}"


@dataclass
class EngineInfo:
    """One engine as ``%hpc cluster status`` shows it."""

    id: int
    rank: int | None
    host: str
    pid: int


@dataclass
class EngineOutcome:
    """What one engine reported for one run (or why it reported nothing)."""

    engine: int
    rank: int | None
    host: str = ""
    exit_code: int | None = None
    seconds: float | None = None
    stdout: str = ""
    stderr: str = ""
    error: str | None = None  # "died ...", "timed out", "interrupted"
    reported_at: object = None  # when the controller reported the result or the death


@dataclass
class ClusterRun:
    """All engines' outcomes of one run, and the round-trip time seen by the kernel."""

    outcomes: list[EngineOutcome]
    wall_s: float
    error: str | None = None  # a failure of the run as a whole
    timed_out: bool = False
    interrupted: bool = False
    healed: str | None = None  # what was done to make the cluster usable again


def _mpi4py_problem() -> str | None:
    import importlib.util

    if importlib.util.find_spec("mpi4py") is None:
        return "mpi4py is not installed in this environment (pip install mpi4py)"
    return None


class HPCCluster:
    """An ipyparallel cluster started and watched for the magics."""

    def __init__(self, spec: ClusterSpec, settings: Settings | None = None):
        if spec.engines not in ENGINE_KINDS:
            raise ClusterError(
                f"--engines must be one of {', '.join(ENGINE_KINDS)}, not {spec.engines!r}"
            )
        if spec.n < 1:
            raise ClusterError("-n must be at least 1 engine")
        self.spec = spec
        self.settings = settings or Settings()
        self._cluster = None
        self._client = None
        self.engines: list[EngineInfo] = []
        self.start_seconds: float | None = None
        self.batch_file = None  # the engines' sbatch script (Slurm engines)

    # -- state ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._client is not None

    @property
    def mpi(self) -> bool:
        """The engines are the ranks of one MPI_COMM_WORLD."""
        return self.spec.engines in ("mpi", "slurm") and any(
            e.rank is not None for e in self.engines
        )

    def status(self) -> list[EngineInfo]:
        """The engines now registered (a dead engine is no longer listed)."""
        if not self.running:
            return []
        alive = set(self._client.ids)
        return [e for e in self.engines if e.id in alive]

    # -- start / stop -----------------------------------------------------------------

    def start(self, progress=lambda message: None) -> None:
        """Start the controller and the engines; wait until every engine registered."""
        import ipyparallel as ipp

        if self.spec.engines in ("mpi", "slurm"):
            problem = _mpi4py_problem()
            if problem and self.spec.engines == "mpi":
                raise ClusterError(f"MPI engines need mpi4py: {problem}")
        self._prepare_environment()
        started = time.perf_counter()
        progress(f"starting a controller and {self.spec.describe()}")
        cluster = ipp.Cluster(**self._cluster_options())
        self._cluster = cluster
        try:
            cluster.start_cluster_sync()
            client = cluster.connect_client_sync()
            progress(f"waiting for {self.spec.describe()} to register")
            client.wait_for_engines(self.spec.n, timeout=self.spec.start_timeout, interactive=False)
        except KeyboardInterrupt:
            self._stop_quietly()
            raise
        except Exception as err:
            diagnosis = self._diagnose(err)
            self._stop_quietly()
            raise ClusterError(diagnosis) from None
        self._client = client
        from kernel_magics.engine_task import engine_identity

        identities = client[:].apply_sync(engine_identity)
        self.engines = [
            EngineInfo(id=i, rank=who["rank"], host=who["host"], pid=who["pid"])
            for i, who in zip(client.ids, identities, strict=True)
        ]
        self.start_seconds = time.perf_counter() - started
        progress(f"{self.spec.describe()} ready in {self.start_seconds:.1f} s")

    def stop(self) -> None:
        """Stop the engines and the controller (and cancel the Slurm job)."""
        self._stop_quietly()
        self.engines = []

    def restart(self, progress=lambda message: None) -> None:
        """Stop everything and start again with the same spec (heals a dead or hung set)."""
        self.stop()
        self.start(progress)

    def _stop_quietly(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            except Exception:
                pass
        self._client = None
        cluster, self._cluster = self._cluster, None
        if cluster is None:
            return
        try:
            cluster.stop_cluster_sync()
        except Exception:
            try:  # e.g. the engines' sbatch was refused: stop what did start
                cluster.stop_controller_sync()
            except Exception:
                pass
            # Nothing left to stop: ipyparallel's own exit hook must not try again.
            cluster.engines.clear()
            cluster.shutdown_atexit = False

    def _prepare_environment(self) -> None:
        """ipyparallel's launchers pass os.environ to mpiexec (root needs these two)."""
        if self.spec.engines == "mpi" and os.geteuid() == 0:
            for name, value in _ROOT_MPI_VARS.items():
                os.environ.setdefault(name, value)

    def _cluster_options(self) -> dict:
        from traitlets.config import Config

        config = Config()
        options = dict(
            n=self.spec.n,
            engines=self.spec.engines,
            controller_ip="127.0.0.1",
            log_level=40,
            # A faster heartbeat: engines register and dead engines are noticed sooner.
            controller_args=["--HeartMonitor.period=500"],
            config=config,
        )
        if self.spec.engines == "mpi":
            mpiexec = shlex.split(self.settings.mpiexec)
            config.MPILauncher.mpi_cmd = mpiexec[:1]
            # Transport and oversubscription as mpiexec options, not in os.environ:
            # a later Slurm job from this kernel must not inherit them.
            mpi_args = [*mpiexec[1:], "--oversubscribe"]
            for name, value in self.settings.mpi_env_vars().items():
                if name.startswith("OMPI_MCA_"):
                    mpi_args += ["--mca", name.removeprefix("OMPI_MCA_"), value]
            config.MPILauncher.mpi_args = mpi_args
        if self.spec.engines == "slurm":
            self._configure_slurm(config, options)
        return options

    def _configure_slurm(self, config, options: dict) -> None:
        spec = self.spec
        folder = cache_subdir("slurm-engines")
        # ipyparallel writes the batch script into the current folder by default.
        stamp = f"{os.getpid()}-{int(time.time())}"
        launcher = config.SlurmEngineSetLauncher
        self.batch_file = folder / f"engines-{stamp}.sbatch"
        launcher.batch_file_name = str(self.batch_file)
        # With a template of our own, ipyparallel adds no option lines: they are all here.
        sbatch = [f"--partition={spec.slurm_partition}"] if spec.slurm_partition else []
        sbatch += [f"--account={spec.slurm_account}"] if spec.slurm_account else []
        sbatch += [f"--time={spec.slurm_time}"] if spec.slurm_time else []
        extra = "".join(f"#SBATCH {option}\n" for option in [*sbatch, *spec.slurm_options])
        launcher.batch_template = (
            "#!/bin/sh\n"
            "#SBATCH --export=ALL\n"
            "#SBATCH --job-name=hpc-engines\n"
            "#SBATCH --ntasks={n}\n"
            f"#SBATCH --output={folder}/engines-%j.out\n"
            f"{extra}"
            "srun {program_and_args}\n"
        )
        if _mpi4py_problem() is None:  # one MPI_COMM_WORLD across the engines
            launcher.engine_args = ["--mpi"]
        # A controller on a login node must be reachable from the compute nodes.
        options["controller_ip"] = self.settings_controller_ip()

    def settings_controller_ip(self) -> str:
        """127.0.0.1 when Slurm runs on this machine only, else every interface."""
        from shutil import which

        if which("scontrol") is None:
            return "*"
        import subprocess

        try:
            out = subprocess.run(
                ["scontrol", "show", "config"], capture_output=True, text=True, timeout=10
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return "*"
        host = re.search(r"SlurmctldHost\[0\]\s*=\s*(\S+)", out)
        local = {os.uname().nodename.split(".")[0], "localhost", "127.0.0.1"}
        return "127.0.0.1" if host and host.group(1).split("(")[0] in local else "*"

    def _diagnose(self, err: Exception) -> str:
        """Why the engines did not come up, in words, with the launchers' last output."""
        spec = self.spec
        lines = [f"the cluster did not start: {spec.describe()} were asked for"]
        registered = len(self._client_ids())
        if "TimeoutError" in type(err).__name__ or "timed out" in str(err).lower():
            lines.append(
                f"only {registered} of {spec.n} engines registered with the controller "
                f"(127.0.0.1 / {self.spec.start_timeout:.0f} s)"
            )
        else:
            said = getattr(err, "output", None) or b""  # e.g. sbatch's own error message
            said = said.decode(errors="replace") if isinstance(said, bytes) else str(said)
            lines.append(said.strip()[-800:] or f"{type(err).__name__}: {str(err).strip()[:500]}")
        if spec.engines == "mpi":
            from shutil import which

            mpiexec = shlex.split(self.settings.mpiexec)[0]
            if which(mpiexec) is None:
                lines.append(
                    f"`{mpiexec}` was not found on PATH: install Open MPI "
                    "(apt-get install openmpi-bin) or set %config HPCMagics.mpiexec"
                )
            if problem := _mpi4py_problem():
                lines.append(problem)
        if spec.engines == "slurm":
            from shutil import which

            if which("sbatch") is None:
                lines.append("`sbatch` was not found: is this a Slurm login node?")
            elif self.batch_file is not None and self.batch_file.exists():
                lines.append(_sbatch_verdict(self.batch_file))
        output = self._launcher_output()
        if output:
            lines.append("launcher output (end):\n" + output)
        return "\n".join(lines)

    def _client_ids(self) -> list[int]:
        try:
            client = self._cluster.connect_client_sync()
            ids = list(client.ids)
            client.close()
            return ids
        except Exception:
            return []

    def _launcher_output(self, limit: int = 1500) -> str:
        if self._cluster is None:
            return ""
        texts = []
        for launcher in list(self._cluster.engines.values()):
            try:
                texts.append(launcher.get_output(remove=False))
            except Exception:
                pass
        return "\n".join(t for t in texts if t).strip()[-limit:]

    # -- running ----------------------------------------------------------------------

    def run(
        self,
        library: bytes,
        args: list[str],
        threads: int,
        timeout: float,
        env: dict[str, str] | None = None,
        files: dict[str, bytes] | None = None,
        progress=lambda message: None,
        memory_mb: int = 0,
        file_size_mb: int = 0,
    ) -> ClusterRun:
        """Run the program's main on every engine at once; heal the cluster after a
        death, a timeout or an interrupt (C code in an engine cannot be stopped)."""
        if not self.running:
            raise ClusterError("no cluster is running: start one with %hpc cluster start")
        from kernel_magics.engine_task import run_main

        engines = self.status()
        if len(engines) < len(self.engines):
            progress("some engines are gone: restarting the cluster")
            self.restart(progress)
            engines = self.status()
        started = time.perf_counter()
        pending = {
            e.id: self._client[e.id].apply_async(
                run_main,
                library,
                args,
                threads,
                env or {},
                files or {},
                memory_mb=memory_mb,
                file_size_mb=file_size_mb,
            )
            for e in engines
        }
        outcomes = {e.id: EngineOutcome(engine=e.id, rank=e.rank, host=e.host) for e in engines}
        run = ClusterRun(outcomes=[], wall_s=0.0)
        deadline = started + timeout
        try:
            while pending and time.perf_counter() < deadline:
                for engine_id, result in list(pending.items()):
                    if result.ready():
                        self._collect(outcomes[engine_id], result)
                        del pending[engine_id]
                if any(o.error for o in outcomes.values()) and pending:
                    # A dead rank takes its MPI job with it; wait briefly for the others.
                    deadline = min(deadline, time.perf_counter() + 3.0)
                time.sleep(0.005)
        except KeyboardInterrupt:
            run.interrupted = True
            run.error = "interrupted"
        run.wall_s = time.perf_counter() - started
        if pending and not run.interrupted and not any(o.error for o in outcomes.values()):
            run.timed_out = True
            run.error = f"timed out after {timeout:g} s on the engines"
        for engine_id in pending:
            outcomes[engine_id].error = "interrupted" if run.interrupted else "did not finish"
        run.outcomes = sorted(outcomes.values(), key=lambda o: (o.rank or 0, o.engine))
        died = [o for o in run.outcomes if o.error and o.error.startswith("died")]
        if died and not run.error:
            run.error = self._blame(died, run.outcomes)
        if pending or died:
            progress("restarting the engines so that the next run works")
            self.restart(progress)
            run.healed = f"the cluster was restarted ({self.spec.describe()})"
        return run

    def _collect(self, outcome: EngineOutcome, result) -> None:
        outcome.reported_at = result.metadata.get("completed")
        try:
            value = result.get(timeout=0)
        except Exception as err:  # the engine died, or the task raised in Python
            text = str(err)
            if "died" in text:
                outcome.error = "died: the engine process ended while running the program"
            else:
                outcome.error = f"failed in the engine: {text.strip().splitlines()[-1][:300]}"
            return
        outcome.rank = value["rank"] if value["rank"] is not None else outcome.rank
        outcome.exit_code = value["exit_code"]
        outcome.seconds = value["seconds"]
        outcome.stdout, outcome.stderr = value["stdout"], value["stderr"]

    def _blame(self, died: list[EngineOutcome], outcomes: list[EngineOutcome]) -> str:
        """The first engine reported dead (an MPI job then stops the other ranks too)."""
        reported = [o for o in died if o.reported_at is not None]
        first = min(reported, key=lambda o: o.reported_at) if reported else died[0]
        who = f"rank {first.rank}" if first.rank is not None else f"engine {first.engine}"
        others = " (MPI then stopped the other ranks)" if len(died) > 1 else ""
        return (
            f"{who} (on {first.host}) died while running the program: a crash such as a "
            f"segmentation fault, or a call to abort(){others}"
        )


def _sbatch_verdict(script) -> str:
    """What Slurm says about the engines' batch script (``sbatch --test-only``)."""
    import subprocess

    try:
        proc = subprocess.run(
            ["sbatch", "--test-only", str(script)], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as err:
        return f"sbatch --test-only could not run: {err}"
    said = (proc.stderr + proc.stdout).strip().replace("sbatch: error: ", "")
    verdict = "Slurm would accept" if proc.returncode == 0 else "Slurm refuses"
    return f"{verdict} the engines' job ({script}): {said}"


_current: HPCCluster | None = None


def current_cluster() -> HPCCluster | None:
    """The cluster started in this process by ``%hpc cluster start`` (or None)."""
    return _current if _current is not None and _current.running else None


def set_current_cluster(cluster: HPCCluster | None) -> None:
    global _current
    _current = cluster
