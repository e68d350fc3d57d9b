"""What runs inside each ipyparallel engine: the user's program, called as a function.

The kernel builds the program as a shared library (``engine_main.h`` is
appended: ``main`` becomes ``hpc_user_main``, and MPI_Init, MPI_Finalize and
exit are caught so that the engine survives them). Each engine gets the
library's bytes, writes them to a fresh file (fresh static variables on every
run), loads it, calls ``main`` with fds 1 and 2 redirected to files, and sends
back its rank, timing and output.

This module is imported by the engines: it must stay free of heavy imports.
"""

from __future__ import annotations


def engine_identity() -> dict:
    """Who this engine is: MPI rank and size (when it is an MPI engine), host, pid."""
    import os
    import socket
    import sys

    mpi = sys.modules.get("mpi4py.MPI")  # imported by engines started with --mpi only
    rank = size = None
    if mpi is not None and mpi.Is_initialized():
        rank, size = mpi.COMM_WORLD.Get_rank(), mpi.COMM_WORLD.Get_size()
    return {"rank": rank, "size": size, "host": socket.gethostname(), "pid": os.getpid()}


def run_main(
    library: bytes,
    args: list[str],
    threads: int,
    env: dict[str, str],
    files: dict[str, bytes] | None = None,
    output_limit: int = 64 * 1024,
    memory_mb: int = 0,
    file_size_mb: int = 0,
) -> dict:
    """Load ``library`` and run its ``main(args)`` on ``threads`` OpenMP threads, in a
    fresh folder holding ``files`` (name -> content).

    While main runs, the engine's address space may grow by at most ``memory_mb`` and
    files it writes are limited to ``file_size_mb`` (0: no limit); both are lifted after.

    Returns the engine's identity plus ``exit_code``, ``seconds`` (main only),
    ``stdout`` and ``stderr`` (the first ``output_limit`` bytes of each).
    """
    import ctypes
    import os
    import shutil
    import sys
    import tempfile
    import time

    folder = tempfile.mkdtemp(prefix="hpc-engine-")
    lib_path = os.path.join(folder, "program.so")
    work_dir = os.path.join(folder, "work")
    os.mkdir(work_dir)
    with open(lib_path, "wb") as handle:
        handle.write(library)
    for name, content in (files or {}).items():
        with open(os.path.join(work_dir, name), "wb") as handle:
            handle.write(content)
    saved_env = {name: os.environ.get(name) for name in env}
    saved_cwd = os.getcwd()
    sys.stdout.flush()
    sys.stderr.flush()
    saved_fds = {fd: os.dup(fd) for fd in (1, 2)}
    files = {
        fd: os.open(os.path.join(folder, f"fd{fd}"), os.O_WRONLY | os.O_CREAT, 0o600)
        for fd in (1, 2)
    }
    seconds = 0.0
    saved_limits = _limit_resources(memory_mb, file_size_mb)
    try:
        os.environ.update(env)
        os.chdir(work_dir)
        for fd, handle in files.items():
            os.dup2(handle, fd)
        lib = ctypes.CDLL(lib_path, mode=os.RTLD_NOW | os.RTLD_LOCAL)
        argv = [b"program", *(a.encode() for a in args)]
        c_argv = (ctypes.c_char_p * (len(argv) + 1))(*argv, None)
        started = time.perf_counter()
        exit_code = lib.hpc_engine_run(len(argv), c_argv, threads)
        seconds = time.perf_counter() - started
    finally:
        _restore_resources(saved_limits)
        for fd, saved in saved_fds.items():
            os.dup2(saved, fd)
            os.close(saved)
        for handle in files.values():
            os.close(handle)
        os.chdir(saved_cwd)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    outputs = {}
    for fd, key in ((1, "stdout"), (2, "stderr")):
        with open(os.path.join(folder, f"fd{fd}"), "rb") as handle:
            data = handle.read(output_limit + 1)
        text = data[:output_limit].decode(errors="replace")
        if len(data) > output_limit:
            text += f"\n[output cut at {output_limit // 1024} KiB]\n"
        outputs[key] = text
    shutil.rmtree(folder, ignore_errors=True)
    return {**engine_identity(), "exit_code": exit_code, "seconds": seconds, **outputs}


def _limit_resources(memory_mb: int, file_size_mb: int) -> dict:
    """Lower the soft limits for the program's run; the old values, to restore."""
    import resource

    saved = {}
    if memory_mb:
        with open("/proc/self/status") as status:
            used_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
        saved[resource.RLIMIT_AS] = resource.getrlimit(resource.RLIMIT_AS)
        _lower(resource.RLIMIT_AS, (used_kb * 1024) + memory_mb * 1024 * 1024)
    if file_size_mb:
        saved[resource.RLIMIT_FSIZE] = resource.getrlimit(resource.RLIMIT_FSIZE)
        _lower(resource.RLIMIT_FSIZE, file_size_mb * 1024 * 1024)
    return saved


def _lower(which: int, value: int) -> None:
    import resource

    soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    if soft == resource.RLIM_INFINITY or value < soft:
        resource.setrlimit(which, (value, hard))


def _restore_resources(saved: dict) -> None:
    import resource

    for which, limits in saved.items():
        resource.setrlimit(which, limits)
