"""--profile end to end: real programs whose behaviour is known, the real OMPT and PMPI tools."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import program

from kernel_magics.pipeline import RunRequest, run_program
from kernel_magics.profile import perf_status
from kernel_magics.settings import Settings

CORES = Settings.default_parallelism()


def _run(name: str, **options):
    request = RunRequest(source=program(name), profile=True, explain="template", **options)
    result = run_program(request)
    assert result.build.ok, result.build.log
    assert all(run.ok for run in result.runs), [run.error for run in result.runs]
    return result, {f.kind: f for f in result.findings}


def test_triangular_work_under_static_schedule_is_found_imbalanced():
    result, findings = _run("omp_triangular.c", threads=[2])
    profile = result.runs[0].profile
    assert [t.thread for t in profile.thread_rows if t.regions] == [0, 1]
    threads = profile.thread_rows
    # The second half of the rows is three times the work of the first half. Busy time is
    # wall time: on a loaded 2-core machine thread 0 can lose the core for a while (a
    # ratio of 1.96 was seen in a full test run); even work would give about 1.
    assert threads[1].busy_s > 1.5 * threads[0].busy_s
    assert threads[0].wait_s > threads[1].wait_s
    imbalance = findings["load_imbalance"]
    assert imbalance.severity == "warning" and imbalance.value >= 0.2
    assert "schedule(dynamic, 64)" in imbalance.suggestion
    assert "schedule(dynamic, 64)" in result.explanation.text
    if perf_status()[0]:  # the inner loop (line 12) is where the samples fall
        hot = result.runs[0].profile.hot_lines
        assert hot[0].line == 12 and "row +=" in hot[0].code, hot
        assert findings["hot_lines"].numbers["line"] == 12


def test_hot_lines_use_the_cells_line_numbers(ip, run_cell):
    if not perf_status()[0]:
        pytest.skip(perf_status()[1])
    res, out, err = run_cell(
        "%%hpc_run -t 2 --profile --explain none\n" + program("omp_triangular.c")
    )
    assert res.success, err
    hot = ip.user_ns["_hpc"].runs[0].profile.hot_lines
    assert hot[0].line == 13  # the %%hpc_run line is line 1 of the cell


def test_balanced_schedule_is_not_called_imbalanced():
    source = program("omp_triangular.c").replace("schedule(static)", "schedule(dynamic, 64)")
    request = RunRequest(source=source, threads=[2], profile=True)
    result = run_program(request)
    findings = {f.kind: f for f in result.findings}
    assert findings["load_imbalance"].value < 0.1, findings["load_imbalance"].message


def test_ping_pong_is_mostly_send_and_recv():
    result, findings = _run("mpi_pingpong.c", ranks=[2])
    ranks = result.runs[0].profile.mpi
    assert [r.rank for r in ranks] == [0, 1]
    for rank in ranks:
        assert rank.calls["MPI_Send"].count == 20000
        assert rank.calls["MPI_Recv"].count == 20000
        assert rank.bytes_sent == 20000 * 1024
        assert rank.bytes_received == 20000 * 1024
    share = findings["mpi_time_share"]
    assert share.value >= 0.5
    assert "MPI_Send" in share.message and "MPI_Recv" in share.message
    assert "collective" in share.suggestion


def test_serial_fraction_is_estimated_within_a_tenth():
    result, findings = _run("omp_serial_part.c", threads=[1, 2])
    serial = findings["serial_fraction"]
    assert abs(serial.value - 0.4) <= 0.1, serial.message  # SERIAL_SHARE in the program


def test_more_threads_than_cores_is_oversubscription():
    result, findings = _run("omp_sum.c", threads=[1, 2 * CORES])
    assert findings["oversubscription"].numbers == {"workers": 2 * CORES, "cores": CORES}


def test_tiny_parallel_regions_are_too_little_work():
    result, findings = _run("omp_tiny_loops.c", threads=[2])
    assert findings["too_little_work"].numbers["regions"] == 2000
    assert result.runs[0].profile.openmp[0].parallel_regions == 2000


def test_clang_built_programs_are_profiled_on_their_own_runtime():
    request = RunRequest(source=program("omp_triangular.c"), threads=[2], profile=True)
    result = run_program(request, Settings(cc="clang"))
    assert result.build.compiler == "clang"
    threads = [t for t in result.runs[0].profile.thread_rows if t.regions]
    assert len(threads) == 2


def test_hybrid_program_gets_thread_and_rank_profiles():
    result, findings = _run("hybrid.c", threads=[2], ranks=[2])
    profile = result.runs[0].profile
    assert sorted(r.rank for r in profile.mpi) == [0, 1]
    assert sorted({p.rank for p in profile.openmp}) == [0, 1]


def test_unprofiled_runs_have_no_profile_and_no_findings():
    result = run_program(RunRequest(source=program("omp_sum.c"), threads=[1, 2]))
    assert result.profile == [] and result.findings == [] and result.explanation is None


def test_cli_json_has_findings_and_explanation(tmp_path):
    source = tmp_path / "tri.c"
    source.write_text(program("omp_triangular.c"))
    cmd = [sys.executable, "-m", "kernel_magics.cli", "run", str(source), "-t", "1,2"]
    proc = subprocess.run(
        [*cmd, "--profile", "--explain", "template", "--json"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    kinds = {f["kind"] for f in data["findings"]}
    assert {"speedup", "load_imbalance"} <= kinds
    for finding in data["findings"]:
        assert set(finding) >= {"kind", "value", "message", "suggestion"}
    assert data["explanation"] and data["explanation_writer"] == "template"
    assert data["runs"][1]["profile"]["openmp"][0]["threads"]


def test_magic_profile_shows_findings_and_explain_again(ip, run_cell):
    res, out, err = run_cell(
        "%%hpc_run -t 2 --profile --explain template\n" + program("omp_triangular.c")
    )
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert any(f.kind == "load_imbalance" for f in result.findings)
    res, out, err = run_cell("%hpc explain --level expert --with template")
    assert res.success, err
    assert result.explanation.level == "expert"
    res, out, err = run_cell("%hpc explain nothing_here")
    assert not res.success


@pytest.mark.parametrize("bad", ["--explain poem", "--level child"])
def test_bad_explain_options_give_usage(run_cell, bad):
    res, out, err = run_cell(f"%%hpc_run --profile {bad}\n" + program("omp_sum.c"))
    assert not res.success


def test_a_kept_program_can_be_run_again_with_profile(ip, run_cell):
    res, out, err = run_cell("%%hpc_run --name tiny -t 2\n" + program("omp_tiny_loops.c"))
    assert res.success, err
    assert ip.user_ns["_hpc"].findings == []
    res, out, err = run_cell("%hpc run tiny --profile --explain template")
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert any(f.kind == "too_little_work" for f in result.findings)
    assert result.explanation.writer == "template"
