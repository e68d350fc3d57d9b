"""Helper programs written in C and shipped as source: built once, at first use.

The build is keyed by a hash of the source, so upgrading the package rebuilds
them, and concurrent kernels never see a half-written binary (atomic rename).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
from pathlib import Path

from kernel_magics.paths import cache_subdir

CSRC = Path(__file__).parent / "csrc"
_build_lock = threading.Lock()  # one build per helper even when threads race for it


class NativeBuildError(RuntimeError):
    """A shipped helper program failed to compile on this machine."""


def native_tool(name: str, compiler: str = "cc", extra_flags: tuple[str, ...] = ()) -> Path:
    """Path to the compiled helper ``csrc/<name>.c``, building it if needed."""
    source = CSRC / f"{name}.c"
    digest = hashlib.sha256(source.read_bytes() + repr((compiler, extra_flags)).encode())
    target = cache_subdir("tools") / f"{name}-{digest.hexdigest()[:16]}"
    if target.exists():
        return target
    with _build_lock:
        if target.exists():
            return target
        # Unique per process and thread: a shared temporary name lets one compiler still
        # write the file another thread has renamed into place (exec then fails: ETXTBSY).
        tmp = target.with_name(f"{target.name}.tmp{os.getpid()}-{threading.get_ident()}")
        argv = [compiler, "-O2", "-o", str(tmp), str(source), *extra_flags]
        proc = subprocess.run(argv, capture_output=True, text=True)
        if proc.returncode != 0:
            raise NativeBuildError(f"could not build {name} with {compiler}:\n{proc.stderr}")
        os.replace(tmp, target)
    return target
