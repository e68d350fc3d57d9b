"""Unit tests of the small pieces: source analysis, option parsing, output capping."""

import argparse

import pytest

from kernel_magics.capture import CappedOutput
from kernel_magics.options import glue_dash_values, int_list
from kernel_magics.race import parse_tsan_races
from kernel_magics.source import analyse_source, normalize_lang


def test_detects_openmp_mpi_and_language():
    info = analyse_source("#include <mpi.h>\n#pragma omp parallel\nint main(){}")
    assert (info.uses_mpi, info.uses_openmp, info.api, info.lang) == (True, True, "hybrid", "c")
    cxx = analyse_source("#include <vector>\nint main(){ std::vector<int> v; }")
    assert cxx.lang == "c++" and "guessed" in cxx.lang_reason
    assert analyse_source("int main(){}").api == "serial"
    assert analyse_source("int main(){}", lang="CPP").lang == "c++"


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError, match="unknown language"):
        normalize_lang("fortran")


def test_int_list_accepts_lists_and_ranges():
    assert int_list("1,2,4") == [1, 2, 4]
    assert int_list("1-3,8") == [1, 2, 3, 8]
    for bad in ("", "a,b", "1,,x"):
        with pytest.raises(argparse.ArgumentTypeError):
            int_list(bad)


def test_flag_values_starting_with_dash_are_kept():
    argv = ["-t", "1,2", "--cflags", "-O3 -march=native", "--args", "-v"]
    assert glue_dash_values(argv) == ["-t", "1,2", "--cflags=-O3 -march=native", "--args=-v"]


def test_capped_output_keeps_head_and_tail():
    cap = CappedOutput(head_bytes=10, tail_bytes=5)
    live = cap.add(b"0123456789abcdefghij") + cap.add(b"XYZ")
    assert live == b"0123456789"
    assert cap.head == "0123456789" and cap.tail == "hijXYZ"[-5:]
    assert cap.dropped_bytes == 23 - 15
    assert "8 bytes of output dropped" in cap.text()


TSAN_LOG = """\
==================
WARNING: ThreadSanitizer: data race (pid=1)
  Write of size 8 at 0x7ffe by thread T1:
    #0 .omp_outlined._debug__ /cache/builds/x/cell.c:7:13 (program+0xd02d8)
    #1 __kmp_invoke_microtask <null> (libomp.so.5+0xd55a2)

  Previous read of size 8 at 0x7ffe by main thread:
    #0 .omp_outlined._debug__ /cache/builds/x/cell.c:7:9 (program+0xd02d8)

  Location is stack of main thread.

SUMMARY: ThreadSanitizer: data race /cache/builds/x/cell.c:7:13 in .omp_outlined._debug__
==================
WARNING: ThreadSanitizer: data race (pid=1)
  Read of size 8 at 0x7ffe by thread T1:
    #0 .omp_outlined._debug__ /cache/builds/x/cell.c:7:9 (program+0xd02d8)

  Previous write of size 8 at 0x7ffe by main thread:
    #0 .omp_outlined._debug__ /cache/builds/x/cell.c:7:13 (program+0xd02d8)

SUMMARY: ThreadSanitizer: data race /cache/builds/x/cell.c:7:9 in .omp_outlined._debug__
==================
"""


def test_tsan_reports_map_to_cell_lines_and_deduplicate():
    lines = [f"line {i}" for i in range(1, 10)]
    races = parse_tsan_races(TSAN_LOG, "cell.c", lines)
    assert len(races) == 1  # the same pair of lines reported twice
    race = races[0]
    assert (race.line_a, race.kind_a, race.line_b, race.kind_b) == (7, "write", 7, "read")
    assert race.code_a == "line 7"
    assert "write at line 7" in race.describe()


def test_local_mpi_runs_get_the_configured_transport_unless_the_user_set_one(monkeypatch):
    from kernel_magics.launch import run_environment
    from kernel_magics.settings import Settings

    monkeypatch.delenv("OMPI_MCA_pml", raising=False)
    monkeypatch.setenv("OMPI_MCA_btl", "self,tcp")  # the user's own choice
    env = run_environment(2, 2, mpi=True, settings=Settings())
    assert env["OMPI_MCA_pml"] == "ob1"
    assert env["OMPI_MCA_btl"] == "self,tcp"
    assert env["OMP_NUM_THREADS"] == "2"
    assert "OMPI_MCA_pml" not in run_environment(2, 1, mpi=False, settings=Settings())
    assert "OMPI_MCA_pml" not in run_environment(1, 2, mpi=True, settings=Settings(mpi_env=""))


def test_the_shared_memory_transport_is_not_forced_on_multi_node_runs(monkeypatch):
    from kernel_magics.settings import Settings

    monkeypatch.delenv("OMPI_MCA_pml", raising=False)
    for name in ("SLURM_JOB_NUM_NODES", "SLURM_NNODES", "PBS_NODEFILE", "LSB_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    assert Settings().mpi_env_vars()["OMPI_MCA_pml"] == "ob1"
    assert Settings(mpiexec="mpirun --hostfile nodes.txt").mpi_env_vars() == {}
    monkeypatch.setenv("SLURM_JOB_NUM_NODES", "4")
    assert Settings().mpi_env_vars() == {}
