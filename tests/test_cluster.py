"""``%hpc cluster`` and ``%%hpc_run --on cluster`` with real ipyparallel engines.

Local engines and MPI engines (mpiexec + mpi4py) on this machine; each engine
loads the program as a shared library and calls its main (engine i = rank i).
"""

from __future__ import annotations

import time

import pytest
from conftest import program

pytestmark = pytest.mark.slow

EXIT_CODE = """#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    printf("rank %d says bye\\n", rank);
    MPI_Finalize();
    exit(rank == 0 ? 3 : 0);
}
"""

STATIC_COUNTER = """#include <stdio.h>
static int calls = 0;
int main(void) {
    calls++;
    printf("calls=%d\\n", calls);
    return 0;
}
"""


READ_INPUT = """#include <stdio.h>
int main(int argc, char **argv) {
    FILE *f = fopen("numbers.txt", "r");
    if (!f) { printf("no input file\\n"); return 1; }
    double x, sum = 0;
    while (fscanf(f, "%lf", &x) == 1) sum += x;
    printf("sum of the file = %g, argument = %s\\n", sum, argc > 1 ? argv[1] : "none");
    return 0;
}
"""


@pytest.fixture
def numbers_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "numbers.txt").write_text("1.5 2.5 6\n")
    return "numbers.txt"


def test_local_runs_get_input_files_and_variables_as_arguments(ip, run_cell, numbers_file):
    ip.user_ns["size"] = 12345
    res, out, err = run_cell("%%hpc_run --input numbers.txt --args {size}\n" + READ_INPUT)
    assert "sum of the file = 10, argument = 12345" in ip.user_ns["_hpc"].runs[0].stdout
    res, out, err = run_cell("%%hpc_run --input missing.txt\n" + READ_INPUT)
    assert "--input missing.txt: no such file" in str(res.error_in_exec) + err


@pytest.fixture
def stop_cluster(ip):
    yield
    ip.run_line_magic("hpc", "cluster stop")


@pytest.fixture(scope="module")
def mpi_cluster(ip):
    """Two MPI engines shared by the tests of this module."""
    ip.run_line_magic("hpc", "cluster stop")
    ip.run_line_magic("hpc", "cluster start -n 2 --engines mpi")
    yield
    ip.run_line_magic("hpc", "cluster stop")


def test_on_cluster_without_a_cluster_says_how_to_start_one(ip, run_cell):
    ip.run_line_magic("hpc", "cluster stop")
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("omp_sum.c"))
    assert "%hpc cluster start" in str(res.error_in_exec) + err + out


def test_local_engines_run_a_copy_each_and_refuse_mpi_programs(ip, run_cell, stop_cluster):
    res, out, err = run_cell("%hpc cluster start -n 2 --engines local")
    assert "2 local engines, 2 registered" in out
    res, out, err = run_cell("%%hpc_run --on cluster -t 1,2\n" + program("omp_sum.c"))
    result = ip.user_ns["_hpc"]
    assert [r.threads for r in result.runs] == [1, 2] and all(r.ok for r in result.runs)
    assert "[engine 0]" in result.runs[0].stdout and "[engine 1]" in result.runs[0].stdout
    assert "sum=" in result.runs[0].stdout and result.runs[1].stdout.count("threads=2") == 2
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
    assert "--engines mpi" in str(res.error_in_exec) + err


def test_mpi_engines_are_ranks_and_reduce_together(ip, run_cell, mpi_cluster):
    res, out, err = run_cell("%hpc cluster status")
    assert "engine i is MPI rank i" in out
    rows = [line.split() for line in out.splitlines() if line.strip().endswith("running")]
    assert [(row[0], row[1]) for row in rows] == [("0", "0"), ("1", "1")]
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
    run = ip.user_ns["_hpc"].runs[0]
    assert run.ok and run.ranks == 2
    assert "[rank 0]\nranks=2 total=3 expected=3" in run.stdout
    assert any(note.startswith("per rank: rank 0 ") and "rank 1 " in note for note in run.notes)
    assert ip.user_ns["_hpc"].provenance["on"] == "2 MPI engines"


def test_a_kept_program_runs_again_on_the_cluster(ip, run_cell, mpi_cluster):
    run_cell("%%hpc_run -n 2 --name reducer\n" + program("mpi_reduce.c"))
    res, out, err = run_cell("%hpc run reducer --on cluster")
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert result.provenance["on"] == "2 MPI engines" and "[rank 0]" in result.runs[0].stdout


def test_exit_in_the_program_returns_to_the_engine(ip, run_cell, mpi_cluster):
    res, out, err = run_cell("%%hpc_run --on cluster\n" + EXIT_CODE)
    run = ip.user_ns["_hpc"].runs[0]
    assert run.error == "rank 0 exited with code 3"
    assert "rank 1 says bye" in run.stdout
    assert not any("restarted" in note for note in run.notes)  # the engines survived


def test_a_crashing_rank_is_named_and_the_cluster_heals(ip, run_cell, mpi_cluster):
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_segfault.c"))
    run = ip.user_ns["_hpc"].runs[0]
    assert not run.ok and run.error.startswith("rank 1 ") and "died" in run.error
    assert any("restarted" in note for note in run.notes)
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
    assert ip.user_ns["_hpc"].runs[0].ok


def test_a_deadlock_times_out_on_every_engine_then_runs_work(ip, run_cell, mpi_cluster):
    res, out, err = run_cell("%%hpc_run --on cluster --timeout 3\n" + program("mpi_deadlock.c"))
    run = ip.user_ns["_hpc"].runs[0]
    assert run.timed_out and "timed out after 3 s" in run.error
    res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
    assert ip.user_ns["_hpc"].runs[0].ok


def test_engines_get_input_files_and_arguments(ip, run_cell, mpi_cluster, numbers_file):
    res, out, err = run_cell("%%hpc_run --on cluster --input numbers.txt --args 7\n" + READ_INPUT)
    run = ip.user_ns["_hpc"].runs[0]
    assert run.stdout.count("sum of the file = 10, argument = 7") == 2  # each engine ran it


def test_the_memory_limit_holds_on_the_engines_and_is_lifted_after(ip, run_cell, mpi_cluster):
    run_cell("%%hpc_run --on cluster\n" + program("big_alloc.c"))
    run = ip.user_ns["_hpc"].runs[0]
    assert run.stdout.count("malloc of 10 GiB failed") == 2 and "exited with code 3" in run.error
    assert not any("restarted" in note for note in run.notes)
    run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))  # the engines still work
    assert ip.user_ns["_hpc"].runs[0].ok


def test_an_interrupt_stops_the_run_on_every_engine(ip, run_cell, mpi_cluster):
    import os
    import signal
    import threading

    # A kernel turns SIGINT into KeyboardInterrupt; a test process started in the
    # background (make test &) inherits SIGINT ignored, so install the kernel's handler.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    # After the build (an interrupt during the build stops the request there).
    timer = threading.Timer(5.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    try:
        run_cell("%%hpc_run --on cluster --timeout 60\n" + program("mpi_deadlock.c"))
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    run = ip.user_ns["_hpc"].runs[0]
    assert run.interrupted and run.error == "interrupted" and time.monotonic() - started < 30
    run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
    assert ip.user_ns["_hpc"].runs[0].ok


def test_every_run_gets_fresh_static_variables(ip, run_cell, mpi_cluster):
    for _ in range(2):
        run_cell("%%hpc_run --on cluster\n" + STATIC_COUNTER)
        assert ip.user_ns["_hpc"].runs[0].stdout.count("calls=1") == 2


def test_rank_count_must_match_the_engines(ip, run_cell, mpi_cluster):
    res, out, err = run_cell("%%hpc_run --on cluster -n 4\n" + program("mpi_reduce.c"))
    assert "-n must be 2" in str(res.error_in_exec) + err


def test_a_cluster_that_cannot_start_says_why(ip, run_cell, stop_cluster):
    ip.run_line_magic("hpc", "cluster stop")
    ip.run_line_magic("config", "HPCMagics.mpiexec = '/nonexistent/mpirun'")
    try:
        res, out, err = run_cell("%hpc cluster start -n 2 --engines mpi --timeout 10")
    finally:
        ip.run_line_magic("config", "HPCMagics.mpiexec = 'mpirun'")
    message = str(res.error_in_exec) + err
    assert "the cluster did not start" in message and "/nonexistent/mpirun" in message
    res, out, err = run_cell("%hpc cluster status")
    assert "No cluster is running" in out


@pytest.mark.parametrize(
    "line, message",
    [
        ("cluster", "%hpc cluster start"),
        ("cluster start -n 0", "-n must be between 1"),
        ("cluster start --engines bogus", "invalid choice"),
        ("cluster status extra", "usage: %hpc cluster status"),
        ("job 99999999", "no job 99999999 was submitted"),
        ("submit nosuchprogram", "no program named 'nosuchprogram'"),
    ],
)
def test_cluster_and_job_commands_explain_bad_input(ip, run_cell, line, message):
    res, out, err = run_cell(f"%hpc {line}")
    assert message in str(res.error_in_exec) + err + out


def test_submit_without_slurm_says_where_to_run_it(ip, run_cell, monkeypatch):
    run_cell("%%hpc_run --name kept\n" + READ_INPUT)
    monkeypatch.setenv("PATH", "/nonexistent")
    res, out, err = run_cell("%hpc submit kept")
    assert "sbatch was not found" in str(res.error_in_exec) + err


def test_an_inserted_cell_for_the_cluster_leaves_the_rank_count_to_it():
    from kernel_magics.magics import _run_cell_text
    from kernel_magics.pipeline import RunRequest

    text = _run_cell_text(RunRequest(source="int main(){}", on="cluster"), "mpi")
    assert text.startswith("%%hpc_run --on cluster\n") and "-n" not in text


def test_the_batch_script_asks_for_the_largest_configuration_and_runs_each():
    from pathlib import Path

    from kernel_magics.slurm import JobSpec, batch_script

    spec = JobSpec(
        threads=[1, 4],
        ranks=[2, 8],
        time="00:05:00",
        partition="short",
        account="proj42",
        modules=["gcc/12", "openmpi/4.1"],
        args="100 'a b'",
        name="pi",
    )
    launcher = "srun --ntasks={ranks} --cpus-per-task={threads}"
    text = batch_script(spec, Path("/jobs/x"), True, launcher, {"OMPI_X": "1"})
    for line in (
        "#SBATCH --ntasks=8",
        "#SBATCH --cpus-per-task=4",
        "#SBATCH --time=00:05:00",
        "#SBATCH --partition=short",
        "#SBATCH --account=proj42",
        "module load gcc/12",
        "export OMP_PROC_BIND=close OMP_PLACES=cores",
        "export OMPI_X=1",
        "srun --ntasks=$2 --cpus-per-task=$1 ../program 100 'a b'",
    ):
        assert line in text, line
    runs = [line for line in text.splitlines() if line.startswith("run ")]
    assert runs == ["run 1 2 0", "run 4 2 0", "run 1 8 0", "run 4 8 0"]
    serial = batch_script(JobSpec(threads=[2], ranks=[1]), Path("/j"), False, launcher, {})
    assert "#SBATCH --ntasks=1" in serial and "srun" not in serial and "../program" in serial
