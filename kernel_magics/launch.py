"""How to start one configuration (threads x ranks) and how to read its ending."""

from __future__ import annotations

import os
import re
import shlex
import signal
from pathlib import Path

from kernel_magics.sandbox import ProcessOutcome
from kernel_magics.settings import Settings

# Open MPI refuses to run as root without these, and refuses more ranks than cores.
OPENMPI_ROOT_ENV = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}
OPENMPI_OVERSUBSCRIBE_ENV = {"OMPI_MCA_rmaps_base_oversubscribe": "1"}

_SIGNAL_MEANING = {
    signal.SIGSEGV: "segmentation fault: invalid memory access",
    signal.SIGBUS: "bus error: misaligned or unmapped memory",
    signal.SIGFPE: "arithmetic error, e.g. integer division by zero",
    signal.SIGABRT: "aborted, e.g. a failed assert or an uncaught C++ exception",
    signal.SIGILL: "illegal instruction",
    signal.SIGXFSZ: "the file-size limit was exceeded",
    signal.SIGXCPU: "the CPU-time limit was exceeded",
    signal.SIGKILL: "killed",
    signal.SIGTERM: "terminated",
}
_RANK_SIGNAL = re.compile(r"process rank (\d+) with PID \d+ on node \S+ exited on signal (\d+)")
_RANK_EXIT = re.compile(r"Process name: \[\[\d+,\d+\],(\d+)\]\s+Exit code:\s+(\d+)")
_MEMORY_HINTS = ("bad_alloc", "Cannot allocate memory", "out of memory", "MemoryError")


def run_environment(
    threads: int,
    ranks: int,
    mpi: bool,
    extra: dict[str, str] | None = None,
    settings: Settings | None = None,
) -> dict[str, str]:
    """The environment for one run: OMP_NUM_THREADS and, for MPI, Open MPI's switches
    (root, oversubscription and ``settings.mpi_env``)."""
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = str(threads)
    if mpi:
        env.update(OPENMPI_OVERSUBSCRIBE_ENV)
        if os.geteuid() == 0:
            env.update(OPENMPI_ROOT_ENV)
        env.update(settings.mpi_env_vars() if settings else {})
    env.update(extra or {})
    return env


def run_command(
    binary: Path,
    program_args: str,
    threads: int,
    ranks: int,
    mpi: bool,
    settings: Settings,
    forward_env: tuple[str, ...] = (),
    set_env: dict[str, str] | None = None,
) -> list[str]:
    """argv for one configuration; MPI programs go through ``mpirun -np``.

    ``forward_env`` names variables passed on to the ranks; ``set_env`` sets
    variables in the ranks only (``-x NAME=VALUE``), not in ``mpirun`` itself.
    """
    argv = [str(binary), *shlex.split(program_args)]
    if not mpi:
        return argv
    launcher = [*shlex.split(settings.mpiexec), "-np", str(ranks)]
    if threads > 1:
        launcher += ["--bind-to", "none"]  # else all of a rank's threads share one core
    for name in ("OMP_NUM_THREADS", *forward_env):
        launcher += ["-x", name]
    for name, value in (set_env or {}).items():
        launcher += ["-x", f"{name}={value}"]
    return launcher + argv


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def describe_failure(outcome: ProcessOutcome, mpi: bool, timeout_s: float, memory_mb: int):
    """A readable sentence for a run that did not end well, or None if it did."""
    if outcome.interrupted:
        return "interrupted: the run and all its processes were stopped"
    if outcome.timed_out:
        return f"timed out after {timeout_s:g} s: the run and all its processes were killed"
    output = outcome.stdout.text() + outcome.stderr.text()
    if mpi:
        rank_signals = _RANK_SIGNAL.findall(output)
        if rank_signals:
            return "; ".join(
                f"rank {rank} was killed by {signal_name(int(sig))} "
                f"({_SIGNAL_MEANING.get(int(sig), 'signal')})"
                for rank, sig in rank_signals
            ) + _memory_hint(output, memory_mb)
        rank_exits = _RANK_EXIT.findall(output)
        if rank_exits and outcome.returncode != 0:
            return "; ".join(f"rank {rank} exited with code {code}" for rank, code in rank_exits)
    if outcome.signal is not None:
        sig = outcome.signal
        return (
            f"killed by {signal_name(sig)} ({_SIGNAL_MEANING.get(sig, 'signal')})"
            + _memory_hint(output, memory_mb)
        )
    if outcome.returncode not in (0, None):
        return f"exited with code {outcome.returncode}" + _memory_hint(output, memory_mb)
    return None


def _memory_hint(output: str, memory_mb: int) -> str:
    if memory_mb and any(hint in output for hint in _MEMORY_HINTS):
        return (
            f" — it may have hit the memory limit ({memory_mb} MB per process; "
            "raise it with %config HPCMagics.memory_limit_mb)"
        )
    return ""
