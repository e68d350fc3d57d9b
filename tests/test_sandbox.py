"""The sandbox: timeouts, limits and clean-up for untrusted programs."""

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from conftest import PROGRAMS, live_processes

from kernel_magics.sandbox import Limits, run_limited


def _compile(tmp_path: Path, name: str) -> Path:
    binary = tmp_path / name.replace(".c", "")
    subprocess.run(["gcc", "-O1", "-o", str(binary), str(PROGRAMS / name)], check=True)
    return binary


def test_infinite_loop_is_killed_within_the_timeout(tmp_path):
    start = time.monotonic()
    outcome = run_limited(
        ["sh", "-c", "while :; do :; done"],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(timeout_s=1),
    )
    assert outcome.timed_out and outcome.signal == 9
    assert time.monotonic() - start < 1 + 2


def test_fork_bomb_is_contained_and_cleaned_up(tmp_path):
    binary = _compile(tmp_path, "fork_bomb.c")
    start = time.monotonic()
    outcome = run_limited(
        [str(binary)],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(timeout_s=2, max_processes=32),
    )
    assert outcome.timed_out
    assert time.monotonic() - start < 2 + 3
    assert live_processes(str(binary)) == []


def test_ten_gigabyte_allocation_fails_under_the_memory_limit(tmp_path):
    binary = _compile(tmp_path, "big_alloc.c")
    outcome = run_limited(
        [str(binary)], cwd=tmp_path, env=dict(os.environ), limits=Limits(memory_mb=1024)
    )
    assert outcome.returncode == 3
    assert "malloc of 10 GiB failed" in outcome.stdout.text()


def test_file_size_limit_stops_a_big_file(tmp_path):
    outcome = run_limited(
        ["sh", "-c", "head -c 5000000 /dev/zero > big.bin"],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(file_size_mb=1),
    )
    assert outcome.returncode != 0
    assert (tmp_path / "big.bin").stat().st_size <= 1024 * 1024


def test_flooding_output_is_capped_with_head_and_tail(tmp_path):
    streamed = []
    outcome = run_limited(
        ["sh", "-c", "yes hello | head -c 20000000; echo END"],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(output_head_kb=8, output_tail_kb=1),
        on_output=lambda stream, text: streamed.append(text),
    )
    assert outcome.returncode == 0
    assert outcome.stdout.total_bytes == 20000004
    assert sum(len(t) for t in streamed) == 8 * 1024  # only the head is streamed live
    text = outcome.stdout.text()
    assert text.endswith("END\n") and "bytes of output dropped" in text
    assert len(text) < 12 * 1024


def test_processes_left_behind_are_killed(tmp_path):
    marker = f"sleep {4000 + os.getpid() % 1000}"
    outcome = run_limited(
        ["sh", "-c", f"({marker} &); echo started"],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(),
    )
    assert outcome.returncode == 0 and outcome.leftovers_killed >= 1
    assert live_processes(marker) == []


def test_interrupt_stops_the_run_and_its_processes(tmp_path):
    marker = f"sleep {5000 + os.getpid() % 1000}"
    threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    outcome = run_limited(
        ["sh", "-c", f"{marker} & {marker}"],
        cwd=tmp_path,
        env=dict(os.environ),
        limits=Limits(timeout_s=30),
    )
    assert outcome.interrupted and not outcome.timed_out
    assert time.monotonic() - start < 5
    assert live_processes(marker) == []


def test_concurrent_first_runs_share_one_launcher_build(tmp_path, monkeypatch):
    # Regression: two threads building the launcher at once used one temporary file name,
    # and one of them then failed to exec it with "Text file busy".
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setenv("JUPYTER_HPC_CACHE", str(tmp_path / "fresh-cache"))

    def run_once(_):
        return run_limited(["true"], cwd=tmp_path, env=dict(os.environ), limits=Limits())

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(run_once, range(8)))
    assert [o.returncode for o in outcomes] == [0] * 8
