"""Run untrusted programs: limits, a timeout, live output, and nothing left behind.

Every program (and every MPI launcher) is started

* in a new session (``start_new_session``), so that all its processes can be
  found again: OpenMPI puts each rank in a process group of its own, but they
  all stay in the launcher's session;
* through ``hpc-launch`` (``csrc/launcher.c``), which sets the address-space,
  file-size and process-count limits and joins a pids cgroup before ``exec``.
  Root ignores ``RLIMIT_NPROC``, so as root the process count is bounded with a
  pids cgroup when the machine lets us create one;
* with a wall-clock timeout; on timeout, interrupt or normal exit, every
  process still alive in the session (or cgroup) is killed.
"""

from __future__ import annotations

import codecs
import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from kernel_magics.capture import CappedOutput
from kernel_magics.native import native_tool

OutputCallback = Callable[[str, str], None]  # (stream name, text)

_MB = 1024 * 1024
_run_ids = count()


@dataclass
class Limits:
    """Resource limits applied to every run (see ``HPCMagics`` for the config)."""

    timeout_s: float = 60.0
    memory_mb: int = 4096  # address space per process; 0 = unlimited
    file_size_mb: int = 1024  # largest file a program may write; 0 = unlimited
    max_processes: int = 256  # processes + threads; 0 = unlimited
    output_head_kb: int = 64  # output kept (and streamed) from the start
    output_tail_kb: int = 16  # output kept from the end


@dataclass
class ProcessOutcome:
    """How one sandboxed process ended, with its (capped) output."""

    returncode: int | None
    wall_s: float
    stdout: CappedOutput
    stderr: CappedOutput
    timed_out: bool = False
    interrupted: bool = False
    leftovers_killed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def signal(self) -> int | None:
        """The signal that killed the process, if it died of one."""
        if self.returncode is not None and self.returncode < 0:
            return -self.returncode
        return None


class ProcessJail:
    """Finds and kills every process a run started; bounds their number.

    Uses a pids cgroup when one can be created (needed as root), otherwise
    ``RLIMIT_NPROC`` counted above the processes the user already has.
    """

    def __init__(self, max_processes: int):
        self.max_processes = max_processes
        self.cgroup: Path | None = None
        self.nproc_limit = 0
        if max_processes > 0:
            self.cgroup = _make_pids_cgroup(max_processes)
            if self.cgroup is None and os.geteuid() != 0:
                self.nproc_limit = _user_task_count() + max_processes

    @property
    def process_limit_note(self) -> str | None:
        """A warning when the process count cannot be bounded on this machine."""
        if self.max_processes > 0 and self.cgroup is None and not self.nproc_limit:
            return (
                "process-count limit not enforced: running as root and no pids cgroup "
                "could be created (root ignores RLIMIT_NPROC)"
            )
        return None

    def members(self, session_id: int) -> set[int]:
        """Live processes of the run: cgroup members plus session members."""
        pids = _session_members(session_id)
        if self.cgroup is not None:
            pids |= _cgroup_members(self.cgroup)
        pids.discard(os.getpid())
        return pids

    def kill_all(self, session_id: int, deadline_s: float = 5.0) -> int:
        """SIGKILL every process of the run, repeatedly (fork bombs refill); return count."""
        killed: set[int] = set()
        stop = time.monotonic() + deadline_s
        while time.monotonic() < stop:
            pids = self.members(session_id)
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.add(pid)
                except ProcessLookupError:
                    pass
            time.sleep(0.01)
        return len(killed)

    def close(self) -> None:
        if self.cgroup is not None:
            for _ in range(50):
                try:
                    self.cgroup.rmdir()
                    break
                except OSError:
                    time.sleep(0.02)  # members still exiting


def _pids_cgroup_base() -> Path | None:
    """Our own cgroup in a hierarchy with the pids controller, if writable."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "pids" in controllers.split(","):  # cgroup v1
            base = Path("/sys/fs/cgroup/pids") / path.lstrip("/")
            if os.access(base, os.W_OK):
                return base
    for line in lines:
        if line.startswith("0::"):  # cgroup v2: only works where pids is delegated
            base = Path("/sys/fs/cgroup") / line[3:].lstrip("/")
            try:
                enabled = (base / "cgroup.subtree_control").read_text().split()
            except OSError:
                return None
            if "pids" in enabled and os.access(base, os.W_OK):
                return base
    return None


def _make_pids_cgroup(max_processes: int) -> Path | None:
    base = _pids_cgroup_base()
    if base is None:
        return None
    path = base / f"jupyter-hpc-{os.getpid()}-{next(_run_ids)}"
    try:
        path.mkdir()
        (path / "pids.max").write_text(str(max_processes))
    except OSError:
        try:
            path.rmdir()
        except OSError:
            pass
        return None
    return path


def _cgroup_members(cgroup: Path) -> set[int]:
    try:
        return {int(p) for p in (cgroup / "cgroup.procs").read_text().split()}
    except OSError:
        return set()


def _session_members(session_id: int) -> set[int]:
    """Processes whose session id is ``session_id`` (parsed from /proc/PID/stat)."""
    members = set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        # fields: state ppid pgrp session ...; zombies need no kill
        if fields[0] != b"Z" and int(fields[3]) == session_id:
            members.add(int(entry.name))
    return members


def _user_task_count() -> int:
    """Tasks (processes and threads) the current user already has."""
    uid = os.getuid()
    total = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    total += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                continue
    return total


def _launcher_prefix(limits: Limits, jail: ProcessJail, memory_limit: bool) -> list[str]:
    address_space = limits.memory_mb * _MB if memory_limit else 0
    procs_file = str(jail.cgroup / "cgroup.procs") if jail.cgroup else "-"
    return [
        str(native_tool("launcher")),
        str(address_space),
        str(limits.file_size_mb * _MB),
        str(jail.nproc_limit),
        procs_file,
        "--",
    ]


def _read_stream(name: str, pipe, sink: queue.Queue) -> None:
    fd = pipe.fileno()
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        sink.put((name, chunk))
        if not chunk:
            return


def run_limited(
    argv: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    limits: Limits,
    on_output: OutputCallback | None = None,
    memory_limit: bool = True,
) -> ProcessOutcome:
    """Run ``argv`` under ``limits``; stream output to ``on_output``; clean up fully.

    ``memory_limit=False`` skips the address-space limit (ThreadSanitizer maps
    terabytes of shadow memory). A ``KeyboardInterrupt`` kills the run and is
    reported as ``interrupted`` rather than propagated.
    """
    jail = ProcessJail(limits.max_processes)
    out = CappedOutput(limits.output_head_kb * 1024, limits.output_tail_kb * 1024)
    err = CappedOutput(limits.output_head_kb * 1024, limits.output_tail_kb * 1024)
    buffers = {"stdout": out, "stderr": err}
    decoders = {name: codecs.getincrementaldecoder("utf-8")("replace") for name in buffers}
    notes = [jail.process_limit_note] if jail.process_limit_note else []
    events: queue.Queue = queue.Queue()
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            _launcher_prefix(limits, jail, memory_limit) + list(argv),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        end: list[float] = []

        def wait_for_exit() -> None:
            proc.wait()
            end.append(time.perf_counter())
            events.put(("exit", b""))

        readers = [
            threading.Thread(target=_read_stream, args=(n, p, events), daemon=True)
            for n, p in (("stdout", proc.stdout), ("stderr", proc.stderr))
        ]
        for thread in [*readers, threading.Thread(target=wait_for_exit, daemon=True)]:
            thread.start()

        timed_out = interrupted = False
        leftovers = 0
        open_streams = {"stdout", "stderr"}
        exited = False
        deadline = start + limits.timeout_s
        drain_until = None
        while open_streams or not exited:
            now = time.perf_counter()
            wait = (drain_until or deadline) - now
            try:
                name, chunk = events.get(timeout=max(wait, 0))
            except queue.Empty:
                if drain_until is not None:
                    break  # streams held open by something we could not kill
                timed_out = True
                jail.kill_all(proc.pid)
                drain_until = time.perf_counter() + 2.0
                continue
            except KeyboardInterrupt:
                interrupted = True
                jail.kill_all(proc.pid)
                drain_until = time.perf_counter() + 2.0
                continue
            if name == "exit":
                exited = True
                # Children that outlive the main process (daemons, orphaned ranks).
                leftovers = jail.kill_all(proc.pid)
                drain_until = drain_until or time.perf_counter() + 2.0
                continue
            if not chunk:
                open_streams.discard(name)
                continue
            live = buffers[name].add(chunk)
            if live and on_output is not None:
                on_output(name, decoders[name].decode(live))
        if not exited:
            jail.kill_all(proc.pid)
            proc.wait()
        wall = (end[0] if end else time.perf_counter()) - start
    finally:
        jail.close()
    if leftovers and not (timed_out or interrupted):
        notes.append(f"killed {leftovers} process(es) the program left running")
    return ProcessOutcome(
        returncode=proc.returncode,
        wall_s=wall,
        stdout=out,
        stderr=err,
        timed_out=timed_out,
        interrupted=interrupted,
        leftovers_killed=leftovers,
        notes=notes,
    )
