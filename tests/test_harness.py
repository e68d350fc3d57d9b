"""The tool-written test program for function answers (kernel_magics/harness.py)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kernel_magics.generate import Attempt, GenerationRequest, _check
from kernel_magics.harness import (
    MARKER,
    parse_signature,
    with_test_main,
    without_test_main,
)
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings

TASKS = Path(__file__).parent.parent / "benchmarks" / "tasks"


@pytest.mark.parametrize(
    "code, entry, returns, kinds",
    [
        (
            "#include <mpi.h>\n\n"
            "double global_sum(const double *local, long n_local, MPI_Comm comm) {}",
            "global_sum",
            "double",
            [("pointer", "double", True), ("integer", "long", False), ("comm", "MPI_Comm", False)],
        ),
        (
            "static inline void saxpy(float a, const std::vector<float>& x,"
            " std::vector<float> &y) {}",
            "saxpy",
            "void",
            [("floating", "float", False), ("vector", "float", True), ("vector", "float", False)],
        ),
        (
            "std::vector<int> bucket_sort(const std::vector<int>& local, int maxv, MPI_Comm c) {}",
            "bucket_sort",
            "std::vector<int>",
            [("vector", "int", True), ("integer", "int", False), ("comm", "MPI_Comm", False)],
        ),
        (
            "double trapezoid(double (*f)(double), double a, double b, long n) {}",
            "trapezoid",
            "double",
            [
                ("function", "double", False),
                ("floating", "double", False),
                ("floating", "double", False),
                ("integer", "long", False),
            ],
        ),
        (
            "void scale(double *restrict x, size_t n, double alpha, double out[]) {}",
            "scale",
            "void",
            [
                ("pointer", "double", False),
                ("integer", "size_t", False),
                ("floating", "double", False),
                ("pointer", "double", False),
            ],
        ),
        ("void mean(const double *x, long n, double &m) {}", "mean", "void", None),
    ],
)
def test_signatures_are_read_from_the_answer(code, entry, returns, kinds):
    signature = parse_signature(code, entry)
    assert signature is not None and signature.returns == returns
    if kinds is not None:
        assert [(p.kind, p.base, p.const) for p in signature.params] == kinds
    else:
        assert signature.params[-1].kind == "reference"


@pytest.mark.parametrize(
    "code",
    [
        "typedef struct { int n; } sim;\nvoid bcast(sim *p, MPI_Comm comm) {}",
        "void f(std::map<int, double> &m) {}",
        "template <typename T> T g(T x) {}",
        "void h(double **grid, int n) {}",
        "void missing(int n);",
    ],
)
def test_parameter_types_the_tool_cannot_make_give_no_test_program(code):
    name = code.split("(")[0].split()[-1]
    assert parse_signature(code, name) is None
    assert with_test_main(code, name, "c++", False) is None


def test_the_answer_comes_back_without_the_test_program():
    answer = "#include <omp.h>\ndouble twice(double x) { return 2 * x; }\n"
    harness = with_test_main(answer, "twice", "c", False)
    assert harness.call == "twice(hpc_x)"
    program = harness.source
    assert MARKER in program and "int main" in program
    assert without_test_main(program) == answer
    model_main = answer + "int main(void) { return twice(1.0) == 2.0 ? 0 : 1; }\n"
    assert "main" not in without_test_main(model_main)


def _task(name: str) -> dict:
    return tomllib.loads((TASKS / name / "task.toml").read_text())


def _verdict(name: str, kind: str) -> Attempt:
    task = _task(name)
    source = next(p for p in (TASKS / name).iterdir() if p.stem == kind)
    request = GenerationRequest(
        text=task["prompt"], api=task["api"], lang=task["lang"], entry=task["entry"]
    )
    attempt = Attempt(reply="", code=source.read_text(), ok=False, stage="none")
    _check(attempt, request, task["lang"], task["api"], Settings(), Reporter())
    return attempt


# One task of each shape: pointers, index arrays, function pointers, C++ vectors
# (in, out, returned), MPI and hybrid. The references are right, so the tool's test
# must never fail them (it may be inconclusive, never a false failure).
@pytest.mark.parametrize(
    "name",
    [
        "omp-csr-spmv",
        "omp-trapezoid",
        "omp-jacobi",
        "omp-merge-sort",
        "omp-kmeans-step",
        "mpi-global-sum",
        "mpi-bucket-sort",
        "hybrid-norm",
    ],
)
def test_the_tools_test_program_passes_the_reference_answers(name):
    attempt = _verdict(name, "reference")
    assert attempt.ok, attempt.what + "\n" + attempt.log
    assert "test program written by jupyter-hpc" in attempt.code
    assert not any("inconclusive" in check for check in attempt.checks), attempt.checks


@pytest.mark.parametrize(
    "name, finding",
    [
        ("omp-prefix-sum", "changes with the thread/rank count"),
        # a race shows as a different count at 2 threads, or else under ThreadSanitizer
        ("omp-count-matches", "changes with the thread/rank count|data race"),
    ],
)
def test_the_tools_test_program_catches_parallel_bugs(name, finding):
    attempt = _verdict(name, "wrong")
    assert not attempt.ok and re.search(finding, attempt.what), attempt.what


GLOBAL_SUM = """#include <mpi.h>
double global_sum(const double *local, long n_local, MPI_Comm comm) {
    double mine = 0.0, all = 0.0;
    for (long i = 0; i < n_local; i++) mine += local[i];
    MPI_Allreduce(&mine, &all, 1, MPI_DOUBLE, MPI_SUM, comm);
    return all;
}
"""
GLOBAL_SUM_REQUEST = (
    "Write a C function `double global_sum(const double *local, long n_local, MPI_Comm comm)` "
    "that returns the sum of a distributed array on every rank, using MPI."
)


def _mpi_verdict(code: str, text: str, entry: str) -> Attempt:
    request = GenerationRequest(text=text, api="mpi", lang="c", entry=entry)
    attempt = Attempt(reply="", code=code, ok=False, stage="none")
    _check(attempt, request, "c", "mpi", Settings(), Reporter())
    return attempt


def test_mpi_blocks_keep_the_global_data_the_same_at_every_rank_count():
    harness = with_test_main(GLOBAL_SUM, "global_sum", "c", True)
    assert harness.blocks  # n_local scales with the rank count
    assert "long hpc_n_local = (long)(40 * hpc_copies);" in harness.source
    attempt = _mpi_verdict(GLOBAL_SUM, GLOBAL_SUM_REQUEST, "global_sum")
    assert attempt.ok, attempt.what + attempt.log
    assert attempt.checks["same result at 1 and N"] is True


def test_a_distributed_sum_that_ignores_its_block_fails_across_rank_counts():
    # the 1.5B model's answer: the sum of every rank's first element only
    first_only = GLOBAL_SUM.replace(
        "for (long i = 0; i < n_local; i++) mine += local[i];", "mine = local[0];"
    )
    attempt = _mpi_verdict(first_only, GLOBAL_SUM_REQUEST, "global_sum")
    assert not attempt.ok
    assert "changes with the thread/rank count" in attempt.what
    assert "return value on rank 0 and summed over ranks" in attempt.what


def test_same_inputs_on_every_rank_accept_a_result_per_rank_or_times_the_ranks():
    # no "local" name: every rank gets the same n values; a correct sum over ranks
    # grows with the rank count, and the test must not call that a bug
    per_rank_blocks = GLOBAL_SUM.replace("n_local", "n")
    request = GLOBAL_SUM_REQUEST.replace("n_local", "n")
    assert not with_test_main(per_rank_blocks, "global_sum", "c", True).blocks
    assert _mpi_verdict(per_rank_blocks, request, "global_sum").ok


def test_an_invalid_rank_is_the_answers_fault_not_an_inconclusive_test():
    to_rank_i = """#include <mpi.h>
void shift(double *u, long n_local, MPI_Comm comm) {
    for (long i = 1; i < n_local; i++)
        MPI_Send(&u[i], 1, MPI_DOUBLE, (int)i + 1, 0, comm);
}
"""
    request = "Write a C function `void shift(double *u, long n_local, MPI_Comm comm)` with MPI."
    attempt = _mpi_verdict(to_rank_i, request, "shift")
    assert not attempt.ok
    assert not any("inconclusive" in check for check in attempt.checks)
    assert "MPI_ERR_RANK" in attempt.log


def test_a_written_reference_parameter_is_an_output_of_the_test_program():
    answer = """#include <vector>
void low_high(const std::vector<double>& x, double &low, double &high) {
    low = x[0];
    high = x[0];
    for (double v : x) { if (v < low) low = v; if (v > high) high = v; }
}
"""
    harness = with_test_main(answer, "low_high", "c++", False)
    assert 'hpc_checksum("low", hpc_sum, hpc_weighted);' in harness.source
    request = GenerationRequest(
        text="Write a C++ function `void low_high(const std::vector<double>& x, double &low, "
        "double &high)`.",
        api="serial",
        lang="c++",
        entry="low_high",
    )
    attempt = Attempt(reply="", code=answer, ok=False, stage="none")
    _check(attempt, request, "c++", "serial", Settings(), Reporter())
    assert attempt.ok, attempt.what + attempt.log
    assert not any("inconclusive" in check for check in attempt.checks)
