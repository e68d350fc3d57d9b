"""Shared fixtures: an in-process IPython shell with the extension loaded.

Every test session gets its own cache root, so cache behaviour is tested from
a known (empty) start and nothing leaks into the user's cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).parent / "programs"


def pytest_configure(config):
    # The assembled model (1 GB, content-checked) is shared with the user's cache: the
    # tests of caching need an empty cache, not a fresh copy of the model.
    os.environ.setdefault(
        "JUPYTER_HPC_MODELS", str(Path.home() / ".cache" / "jupyter-hpc" / "models")
    )
    os.environ["JUPYTER_HPC_CACHE"] = tempfile.mkdtemp(prefix="jupyter-hpc-test-cache-")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def ip():
    """A shared InteractiveShell with ``%load_ext kernel_magics`` done."""
    from IPython.testing.globalipapp import start_ipython

    shell = start_ipython()
    shell.run_line_magic("load_ext", "kernel_magics")
    return shell


@pytest.fixture
def run_cell(ip, capsys):
    """Run a cell; return (ExecutionResult, captured stdout, captured stderr)."""

    def run(text: str):
        capsys.readouterr()
        result = ip.run_cell(text)
        captured = capsys.readouterr()
        return result, captured.out, captured.err

    return run


def program(name: str) -> str:
    """The text of a test program in tests/programs/."""
    return (PROGRAMS / name).read_text()


def live_processes(marker: str) -> list[str]:
    """Command lines of live (non-zombie) processes containing ``marker``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry.name}/cmdline").read_bytes().replace(b"\0", b" ")
            state = Path(f"/proc/{entry.name}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state != b"Z" and marker.encode() in cmdline:
            found.append(cmdline.decode(errors="replace"))
    return found


def pytest_unconfigure(config):
    shutil.rmtree(os.environ["JUPYTER_HPC_CACHE"], ignore_errors=True)
