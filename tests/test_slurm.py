"""Slurm: ``%hpc submit`` / ``%hpc job`` / ``jupyter hpc submit`` and ipyparallel's
Slurm engines, against a real one-node Slurm (``scripts/slurm_local.sh start``;
``make test`` starts it and sets JUPYTER_HPC_REQUIRE_SLURM=1 so that these
tests cannot be skipped there)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import PROGRAMS, program

pytestmark = pytest.mark.slow

if shutil.which("sbatch") is None or subprocess.run(["sinfo"], capture_output=True).returncode:
    if os.environ.get("JUPYTER_HPC_REQUIRE_SLURM"):
        raise RuntimeError("Slurm is required here: scripts/slurm_local.sh start")
    pytest.skip("no Slurm here (scripts/slurm_local.sh start)", allow_module_level=True)

SLEEPER = "#include <unistd.h>\nint main(void) { sleep(60); return 0; }\n"


def test_mpi_job_runs_and_shows_output_and_table(ip, run_cell):
    run_cell("%%hpc_run -n 2 --name reduce\n" + program("mpi_reduce.c"))
    res, out, err = run_cell("%hpc submit reduce -n 1,2 --time 00:02:00 --wait")
    assert res.error_in_exec is None, err
    assert "submitted Slurm job" in out and "COMPLETED" in out
    result = ip.user_ns["_hpc"]
    assert result.provenance["slurm_job"] and result.provenance["state"] == "COMPLETED"
    assert [(r.ranks, r.ok) for r in result.runs] == [(1, True), (2, True)]
    assert "ranks=2 total=3 expected=3" in result.runs[1].stdout
    job_id = result.provenance["slurm_job"]
    res, out, err = run_cell("%hpc jobs")
    assert job_id in out and "reduce" in out and "COMPLETED" in out
    res, out, err = run_cell(f"%hpc job {job_id}")
    assert "COMPLETED" in out and ip.user_ns["_hpc"].runs[1].stdout == result.runs[1].stdout


def test_openmp_job_with_profile_gives_findings(ip, run_cell):
    run_cell("%%hpc_run -t 2 --name triangle\n" + program("omp_triangular.c"))
    res, out, err = run_cell("%hpc submit triangle -t 1,2 --profile --wait")
    result = ip.user_ns["_hpc"]
    assert all(r.ok and r.profile is not None for r in result.runs)
    assert [t.thread for t in result.runs[1].profile.thread_rows if t.regions] == [0, 1]
    assert "load_imbalance" in {f.kind for f in result.findings}


def test_a_job_gets_its_input_files(ip, run_cell, tmp_path, monkeypatch):
    from test_cluster import READ_INPUT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "numbers.txt").write_text("1 2 3\n")
    run_cell("%%hpc_run --input numbers.txt --name reader\n" + READ_INPUT)
    res, out, err = run_cell("%hpc submit reader --input numbers.txt --args 5 --wait")
    assert "sum of the file = 6, argument = 5" in ip.user_ns["_hpc"].runs[0].stdout


def test_a_job_slurm_cannot_place_is_refused_readably(ip, run_cell):
    run_cell("%%hpc_run -n 2 --name reduce\n" + program("mpi_reduce.c"))
    res, out, err = run_cell("%hpc submit reduce -n 64")
    assert "Slurm refused the job" in str(res.error_in_exec) + err


def test_a_cancelled_job_says_which_runs_did_not_happen(ip, run_cell):
    run_cell("%%hpc_run --timeout 1 --name sleeper\n" + SLEEPER)
    res, out, err = run_cell("%hpc submit sleeper --time 00:02:00")
    job_id = out.split("submitted Slurm job ")[1].split(":")[0]
    res, out, err = run_cell(f"%hpc job {job_id} --cancel --wait --wait-timeout 30")
    assert "CANCELLED" in out
    assert "not run" in ip.user_ns["_hpc"].runs[0].error


def test_cli_submit_waits_and_prints_json():
    proc = subprocess.run(
        [sys.executable, "-m", "kernel_magics.cli", "submit", str(PROGRAMS / "mpi_reduce.c")]
        + ["-n", "2", "--time", "00:02:00", "--wait", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["state"] == "COMPLETED"
    assert "total=3" in payload["result"]["runs"][0]["stdout"]


def test_ipyparallel_slurm_engines_are_mpi_ranks(ip, run_cell):
    ip.run_line_magic("hpc", "cluster stop")
    res, out, err = run_cell("%hpc cluster start -n 2 --engines slurm --slurm-time 00:05:00")
    try:
        assert "2 Slurm engines, 2 registered" in out and "engine i is MPI rank i" in out
        from kernel_magics.cluster import current_cluster

        assert "#SBATCH --time=00:05:00" in current_cluster().batch_file.read_text()
        res, out, err = run_cell("%%hpc_run --on cluster\n" + program("mpi_reduce.c"))
        run = ip.user_ns["_hpc"].runs[0]
        assert run.ok and "[rank 0]\nranks=2 total=3 expected=3" in run.stdout
    finally:
        ip.run_line_magic("hpc", "cluster stop")


def test_slurm_engines_that_slurm_refuses_are_explained(ip, run_cell):
    ip.run_line_magic("hpc", "cluster stop")
    res, out, err = run_cell("%hpc cluster start -n 2 --engines slurm --slurm-partition nope")
    message = str(res.error_in_exec) + err
    assert "the cluster did not start" in message
    assert "Slurm refuses the engines' job" in message and "invalid partition" in message
    assert "No cluster is running" in run_cell("%hpc cluster status")[1]
