"""The settings every front end shares (the magic, the panel and the CLI).

``HPCMagics`` exposes each field as a traitlets option with the same default
(``%config HPCMagics.timeout = 30``); the CLI uses the defaults and its flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

_HOST_OPTIONS = {"--host", "-host", "-H", "--hostfile", "-hostfile", "--machinefile"}
_NODE_COUNT_VARS = ("SLURM_JOB_NUM_NODES", "SLURM_NNODES")
_HOST_LIST_VARS = ("PBS_NODEFILE", "LSB_HOSTS", "LSB_MCPU_HOSTS", "OAR_NODEFILE")


@dataclass
class Settings:
    """Compilers, launcher and limits used to build and run programs."""

    cc: str = "gcc"
    cxx: str = "g++"
    mpicc: str = "mpicc"
    mpicxx: str = "mpicxx"
    clang: str = "clang"
    clangxx: str = "clang++"
    mpiexec: str = "mpirun"
    default_cflags: str = "-O2"
    timeout: float = 60.0
    max_timeout: float = 3600.0
    memory_limit_mb: int = 4096
    file_size_limit_mb: int = 1024
    max_processes: int = 256
    max_threads: int = 256
    max_ranks: int = 64
    output_limit_kb: int = 64
    explain: str = "llm"  # who explains --profile runs: llm, template or none
    # Open MPI's default UCX transport takes ~0.2 s to start on a machine without a
    # fast network; its shared-memory transport is what single-node runs want.
    mpi_env: str = "OMPI_MCA_pml=ob1 OMPI_MCA_btl=self,vader"
    # Slurm jobs (%hpc submit): how MPI ranks start inside the job, modules to load,
    # and the partition / account used when a submit names none.
    slurm_launcher: str = "srun --ntasks={ranks} --cpus-per-task={threads}"
    slurm_modules: str = ""
    slurm_partition: str = ""
    slurm_account: str = ""

    def mpi_env_vars(self) -> dict[str, str]:
        """``mpi_env`` as a dict, for runs on this machine only (a shared-memory
        transport cannot reach other nodes); variables already set in the
        environment win."""
        if not self.mpi_runs_on_one_node():
            return {}
        pairs = dict(item.split("=", 1) for item in self.mpi_env.split() if "=" in item)
        return {name: value for name, value in pairs.items() if name not in os.environ}

    def mpi_runs_on_one_node(self) -> bool:
        """False when ``mpiexec`` names hosts or a batch job spans several nodes."""
        launcher_args = set(self.mpiexec.split())
        if launcher_args & _HOST_OPTIONS:
            return False
        for name in _NODE_COUNT_VARS:
            count = os.environ.get(name, "")
            if count.isdigit() and int(count) > 1:
                return False
        return not any(name in os.environ for name in _HOST_LIST_VARS)

    def slurm_env_vars(self) -> dict[str, str]:
        """Variables a batch job needs for its MPI launcher (Open MPI's mpirun as root)."""
        launcher = self.slurm_launcher.split()[0] if self.slurm_launcher.split() else ""
        if launcher in ("mpirun", "mpiexec", "orterun") and os.geteuid() == 0:
            return {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"}
        return {}

    @staticmethod
    def default_parallelism() -> int:
        """Thread or rank count used when the user gives none: the usable cores."""
        return len(os.sched_getaffinity(0))
