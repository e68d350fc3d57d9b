"""The teaching notebooks run top to bottom in a real kernel (nbclient)."""

import re
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))

from run_notebook import execute, printed_text  # noqa: E402


def _cell_outputs(name: str, timeout: int = 600) -> list[str]:
    """Run a notebook; what each of its code cells printed, in order."""
    notebook = execute(EXAMPLES / name, timeout=timeout)
    return [printed_text(c) for c in notebook.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def first_steps():
    return _cell_outputs("01_first_steps.ipynb")


def test_first_steps_teaches_what_it_says(first_steps):
    text = "\n".join(first_steps)
    assert "hello from thread 1 of 2" in text
    assert "with 2 threads" in text and "[plot]" in text
    for ranks, total in ((1, 1), (2, 3), (4, 10)):
        assert f"{ranks} ranks: total = {total} (expected {total})" in text
    assert "1 data race found" in text and "line 8" in text
    assert "no data race found" in text
    assert "killed by SIGSEGV" in text
    assert "Error" not in text.replace("SIGSEGV", "")


@pytest.fixture(scope="module")
def finding_examples():
    return _cell_outputs("02_finding_examples.ipynb")


def test_finding_examples_searches_runs_and_learns(finding_examples):
    text = "\n".join(finding_examples)
    assert "mpi-exscan-offsets" in text  # asked by name
    assert "omp-reduction-sum" in text and "MPI_Reduce" in text  # the two ways to sum
    assert "%%hpc_run -n 1,2,4" in text and text.count("PASS") >= 3  # a found snippet ran
    assert "indexed 2 pieces" in text
    assert "1. [" in text and "function max_change (heat.c:10-15)" in text  # own code found
    assert "removed 2 pieces" in text
    assert "Error" not in text


@pytest.fixture(scope="module")
def from_words():
    return _cell_outputs("03_from_words_to_parallel_code.ipynb", timeout=1200)


def test_from_words_generates_verifies_and_runs(from_words):
    text = "\n".join(from_words)
    assert "local" in from_words[1] and "openai" in from_words[1]  # %hpc models
    # Each of the four requests either ends verified and timed, or says exactly what failed.
    outcomes = text.count("[hpc] verified code after") + text.count("[hpc] NOT verified")
    assert outcomes == 4
    assert text.count("[hpc] verified code after") >= 2
    # The function request: the model wrote `dot`, the tool wrote and ran its test program.
    function_cell, answer_cell = from_words[7], from_words[8]
    assert "test program written by jupyter-hpc" in function_cell
    assert "double dot(" in answer_cell and "int main" not in answer_cell
    assert "dot compiles without main" in answer_cell
    # The serial elision: the reduction bug gives index 0 at 1 and 2 threads, not without OpenMP.
    buggy, elided = from_words[9], from_words[10]
    assert buggy.count("argmin = 0") == 2
    assert "argmin = 500" in elided and "pragma" not in elided
    # The fresh-memory build: the histogram that never zeroes bins, caught by the 2nd call.
    fresh = from_words[11]
    assert "['bins']" in fresh and "fresh bins: 4 0 0 -1 3" in fresh
    # ... and the tool's own fix: nbins elements of bins set to zero first
    assert "'nbins': 4" in from_words[12]
    assert "for (long i0 = 0; i0 < (long)(nbins); i0++) bins[i0] = 0;" in from_words[12]
    # Random numbers: other streams per thread agree within 1%; a shared rand_r seed races
    streams, shared_seed = from_words[13], from_words[14]
    assert "PASS same result at 1 and N (within 1%: it draws random numbers)" in streams
    estimates = re.findall(r"thread\(s\): pi = ([\d.]+)", streams)
    assert len(estimates) == 2 and estimates[0] != estimates[1]
    assert "1 data race found" in shared_seed and "rand_r(&seed)" in shared_seed
    assert "share one generator state" in shared_seed
    assert "verified: True" in text and "race-free (ThreadSanitizer)" in text
    assert "[plot]" in text
    assert "Error" not in text


@pytest.fixture(scope="module")
def profiles():
    return _cell_outputs("04_profiles_and_explanations.ipynb", timeout=900)


def test_profiles_notebook_finds_causes_and_explains_them(profiles):
    text = "\n".join(profiles)
    static, after_fix = profiles[1], profiles[3]
    assert "load imbalance" in static and "schedule(dynamic, 64)" in static
    assert "thread 0: working" in profiles[2] and "thread 1: working" in profiles[2]
    assert "work is even" in after_fix
    assert "outside parallel regions (measured)" in profiles[4]
    assert "MPI_Send" in profiles[5] and "inside MPI" in profiles[5]
    assert "rank 1:" in profiles[6] and "MPI_Recv x20000" in profiles[6]
    assert "Explanation (" in profiles[7]  # by the model or, failing the check, the template
    assert "written by:" in profiles[8]
    assert "load_imbalance:" in profiles[10]
    assert "[plot]" in static and "[plot]" in after_fix
    assert "Error" not in text


@pytest.fixture(scope="module")
def clusters():
    return _cell_outputs("05_clusters.ipynb")


def test_clusters_runs_one_cell_here_on_engines_and_as_a_slurm_job(clusters):
    pi = "pi = 3.1415926536 with 2 ranks"
    assert pi in clusters[2] and "share of 4000000 steps" in clusters[2]  # {n} passed
    assert "engine i is MPI rank i" in clusters[3]
    assert pi in clusters[4] and "[rank 0]" in clusters[4] and "[rank 1]" in clusters[4]
    assert "rank 1 (on" in clusters[5] and "died" in clusters[5] and "restarted" in clusters[5]
    assert pi in clusters[6]  # the healed cluster runs again
    assert "submitted Slurm job" in clusters[8] and "COMPLETED" in clusters[8]
    assert "--- 1 thread x 2 ranks ---" in clusters[8] and "pi = 3.14159" in clusters[8]
    assert "COMPLETED" in clusters[9]
    assert "2 Slurm engines, 2 registered" in clusters[10] and pi in clusters[11]
    assert "Traceback" not in "\n".join(clusters)
