"""%%hpc_run end to end, in-process: real compilers, real MPI, real ThreadSanitizer."""

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import live_processes, program


def _cell(options: str, source: str) -> str:
    return f"%%hpc_run {options}\n{source}"


def test_openmp_sum_at_one_and_two_threads(ip, run_cell):
    res, out, err = run_cell(_cell("-t 1,2", program("omp_sum.c")))
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert result.api == "openmp" and result.build.compiler == "gcc"
    assert "-fopenmp" in result.build.flags
    assert [r.threads for r in result.runs] == [1, 2]
    for run in result.runs:
        assert run.ok and run.stdout.startswith("sum=2000001000000 ")
    assert "threads=2" in result.runs[1].stdout
    assert "compiling with gcc -O2 -fopenmp" in out
    table = result.table()
    assert list(table.index) == [1, 2] and table.loc[1, "speedup"] == pytest.approx(1.0)


def test_mpi_reduction_at_one_two_and_four_ranks(ip, run_cell):
    res, out, err = run_cell(_cell("-n 1,2,4", program("mpi_reduce.c")))
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert result.build.compiler == "mpicc"
    expected = {1: 1, 2: 3, 4: 10}
    for run in result.runs:
        assert run.ok, run.error
        assert f"ranks={run.ranks} total={expected[run.ranks]}" in run.stdout
    if "OMPI_MCA_pml" not in os.environ:
        assert result.provenance["mpi_env"]["OMPI_MCA_pml"] == "ob1"


def test_hybrid_grid_runs_every_combination(ip, run_cell):
    res, out, err = run_cell(_cell("-t 1,2 -n 1,2", program("hybrid.c")))
    assert res.success, err
    result = ip.user_ns["_hpc"]
    assert result.api == "hybrid"
    assert sorted((r.ranks, r.threads) for r in result.runs) == [(1, 1), (1, 2), (2, 1), (2, 2)]
    for run in result.runs:
        assert f"ranks={run.ranks} threads={run.threads} total={1000 * run.ranks}" in run.stdout
    assert result.table().index.names == ["ranks", "threads"]


def test_repeat_reports_median_min_max(ip, run_cell):
    res, _, err = run_cell(_cell("-t 2 --repeat 3", program("omp_sum.c")))
    run = ip.user_ns["_hpc"].runs[0]
    assert len(run.times_s) == 3
    assert run.min_s <= run.time_s <= run.max_s


def test_second_run_uses_the_cache_without_calling_the_compiler(ip, run_cell, monkeypatch):
    source = program("omp_sum.c") + "\n/* cache test */\n"
    run_cell(_cell("-t 1", source))
    assert ip.user_ns["_hpc"].build.cache_hit is False

    import kernel_magics.build as build

    def no_compiler(*args, **kwargs):
        raise AssertionError("the compiler was called on a cache hit")

    monkeypatch.setattr(build, "run_limited", no_compiler)
    res, out, err = run_cell(_cell("-t 1", source))
    assert res.success, err
    assert ip.user_ns["_hpc"].build.cache_hit is True
    assert "using the cached binary" in out


def test_changed_flags_rebuild(ip, run_cell):
    source = program("omp_sum.c") + "\n/* flags test */\n"
    run_cell(_cell("-t 1", source))
    run_cell(_cell('-t 1 --cflags "-O1 -g"', source))
    build = ip.user_ns["_hpc"].build
    assert build.cache_hit is False and "-O1" in build.flags and "-g" in build.flags


def test_compile_error_shows_the_compiler_message_with_cell_lines(ip, run_cell):
    source = "#include <stdio.h>\nint main(void) {\n    int x = 1\n    return x;\n}\n"
    res, out, err = run_cell(_cell("", source))
    assert res.error_in_exec is None  # no Python exception, no traceback
    assert "Traceback" not in out + err
    # The code starts on cell line 2, below the magic line: `return x;` is cell line 5.
    assert "cell.c:5:5: error" in err
    assert "compilation failed" in out
    assert ip.user_ns["_hpc"].build.ok is False and ip.user_ns["_hpc"].runs == []


def test_infinite_loop_is_killed_and_nothing_is_left(ip, run_cell):
    source = "int main(void) { volatile int spin = 1; while (spin) {} return 0; }\n"
    start = time.monotonic()
    res, out, err = run_cell(_cell("--timeout 2", source))
    assert time.monotonic() - start < 2 + 2 + 1  # timeout + 2 s, plus the build
    run = ip.user_ns["_hpc"].runs[0]
    assert run.timed_out and "timed out after 2 s" in run.error
    assert live_processes(str(ip.user_ns["_hpc"].build.binary)) == []


def test_mpi_deadlock_is_killed_with_every_rank(ip, run_cell):
    res, out, err = run_cell(_cell("-n 2 --timeout 3", program("mpi_deadlock.c")))
    result = ip.user_ns["_hpc"]
    run = result.runs[0]
    assert run.timed_out
    assert run.time_s is None and "timed out" in run.error
    time.sleep(0.2)
    assert live_processes(str(result.build.binary)) == []


def test_segfault_is_reported_for_its_rank(ip, run_cell):
    res, out, err = run_cell(_cell("-n 2", program("mpi_segfault.c")))
    run = ip.user_ns["_hpc"].runs[0]
    assert "rank 1 was killed by SIGSEGV" in run.error
    assert "rank 1 was killed by SIGSEGV" in err


def test_serial_segfault_is_readable(ip, run_cell):
    run_cell(_cell("", "int main(void) { int *p = 0; *p = 1; return 0; }\n"))
    assert "killed by SIGSEGV (segmentation fault" in ip.user_ns["_hpc"].runs[0].error


def test_fork_bomb_is_contained_and_the_kernel_lives(ip, run_cell):
    ip.run_line_magic("config", "HPCMagics.max_processes = 32")
    try:
        res, out, err = run_cell(_cell("--timeout 2", program("fork_bomb.c")))
    finally:
        ip.run_line_magic("config", "HPCMagics.max_processes = 256")
    result = ip.user_ns["_hpc"]
    assert result.runs[0].timed_out
    assert live_processes(str(result.build.binary)) == []
    res, out, _ = run_cell("print(6 * 7)")
    assert res.success and "42" in out


def test_huge_allocation_fails_inside_the_program_only(ip, run_cell):
    run_cell(_cell("", program("big_alloc.c")))
    run = ip.user_ns["_hpc"].runs[0]
    assert run.exit_code == 3 and "malloc of 10 GiB failed" in run.stdout


def test_output_flood_is_truncated(ip, run_cell):
    res, out, err = run_cell(_cell("", program("flood.c")))
    run = ip.user_ns["_hpc"].runs[0]
    assert run.ok
    assert "bytes of output dropped" in run.stdout
    assert run.stdout.rstrip().endswith("line 2999999 of a very chatty program")
    assert len(out) < 200_000


def test_racy_loop_is_reported_with_its_line(ip, run_cell):
    res, out, err = run_cell(_cell("-t 2 --race-check", program("omp_race.c")))
    check = ip.user_ns["_hpc"].race_check
    assert check.ran and check.races, check.log[-2000:]
    # `sum += i;` is line 7 of the file, so line 8 of the cell.
    assert any(race.line_a == 8 and "sum += i" in race.code_a for race in check.races)
    assert "data race found" in out and "line 8" in out


def test_correct_reduction_is_race_free(ip, run_cell):
    res, out, err = run_cell(_cell("-t 2 --race-check", program("omp_sum.c")))
    check = ip.user_ns["_hpc"].race_check
    assert check.race_free, check.log[-2000:]
    assert "no data race found" in out


@pytest.mark.parametrize(
    "options, message",
    [
        ("-t abc", "not a list of counts"),
        ("--bogus", "unrecognized arguments"),
        ("-t 0", "between 1 and"),
        ("-n 2", "needs an MPI program"),
        ("--repeat 0", "at least 1"),
        ("-l fortran", "unknown language"),
    ],
)
def test_bad_flags_give_a_usage_message(ip, run_cell, options, message):
    res, out, err = run_cell(_cell(options, program("omp_sum.c")))
    assert res.error_in_exec is not None
    assert message in str(res.error_in_exec)
    assert "Traceback" not in out + err


def test_cxx_is_guessed_and_said(ip, run_cell):
    res, out, err = run_cell(_cell("", program("cxx_vector.cpp")))
    result = ip.user_ns["_hpc"]
    assert result.lang == "c++" and result.build.compiler == "g++"
    assert "C++ (guessed from" in out
    assert result.runs[0].stdout == "total=5050\n"


def test_out_variable_name_and_rerun_by_name(ip, run_cell):
    res, out, err = run_cell(_cell("-t 1 --name summer -o first", program("omp_sum.c")))
    assert ip.user_ns["first"] is ip.user_ns["_hpc"]
    res, out, err = run_cell("%hpc list")
    assert "summer" in out
    res, out, err = run_cell("%hpc run summer -t 2")
    assert res.success, err
    rerun = ip.user_ns["_hpc"]
    assert rerun is not ip.user_ns["first"] and [r.threads for r in rerun.runs] == [2]
    assert rerun.build.cache_hit
    res, out, err = run_cell("%hpc run nosuch")
    assert "no program named 'nosuch'" in str(res.error_in_exec)


def test_provenance_is_recorded(ip, run_cell):
    run_cell(_cell("-t 1", program("omp_sum.c")))
    prov = ip.user_ns["_hpc"].provenance
    assert prov["compiler"] == "gcc" and "gcc" in prov["compiler_version"]
    assert prov["build_hash"] == ip.user_ns["_hpc"].build.build_hash
    assert prov["threads"] == [1] and prov["host"]


def test_cli_json_output(tmp_path):
    src = tmp_path / "sum.c"
    src.write_text(program("omp_sum.c"))
    cli = [sys.executable, "-m", "kernel_magics.cli"]
    proc = subprocess.run(
        [*cli, "run", str(src), "-t", "1,2", "--json"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["build"]["ok"] is True and isinstance(data["build"]["log"], str)
    assert [r["threads"] for r in data["runs"]] == [1, 2]
    for run in data["runs"]:
        assert run["exit_code"] == 0 and run["stdout"].startswith("sum=2000001000000")
        assert run["time_s"] > 0 and run["speedup"] > 0
    assert data["race_check"] is None


def test_cli_json_race_check_and_failure_exit_code(tmp_path):
    src = tmp_path / "race.c"
    src.write_text(program("omp_race.c"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kernel_magics.cli",
            "run",
            str(src),
            "-t",
            "2",
            "--race-check",
            "--json",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    races = json.loads(proc.stdout)["race_check"]["races"]
    assert races and races[0]["line_a"] == 7


def test_cli_usage_errors_exit_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "kernel_magics.cli", "run", str(tmp_path / "missing.c")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_an_interrupt_while_compiling_stops_the_request(monkeypatch):
    from types import SimpleNamespace

    import kernel_magics.build as build
    from kernel_magics.pipeline import RunRequest, run_program

    monkeypatch.setattr(build, "run_limited", lambda *a, **k: SimpleNamespace(interrupted=True))
    with pytest.raises(KeyboardInterrupt):
        run_program(RunRequest(source=program("omp_sum.c") + "/* interrupted build */\n"))
