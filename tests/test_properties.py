"""Checks of function answers that 1 vs N threads/ranks cannot make (properties.py):
results that depend on memory the function never set, and results wanted on every
rank. The end-to-end tests compile and run the tool's real test program."""

from __future__ import annotations

import pytest

from kernel_magics.generate import Attempt, GenerationRequest, _check, _check_function
from kernel_magics.harness import (
    FRESH_PREFIX,
    parse_signature,
    result_only_params,
    scalar_outputs,
    without_test_main,
)
from kernel_magics.properties import (
    EVERY_RANK,
    FRESH_MEMORY,
    fresh_memory_problems,
    wants_result_on_every_rank,
)
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings
from kernel_magics.verify import compiles_alone


def _checked(code: str, text: str, entry: str, lang: str = "c", api: str = "openmp", may_fix=True):
    """The checks' verdict on a function answer (``may_fix``: with the tool's fixes)."""
    request = GenerationRequest(text=text, api=api, lang=lang, entry=entry)
    attempt = Attempt(reply="", code=code, ok=False, stage="none")
    if may_fix:
        _check(attempt, request, lang, api, Settings(), Reporter())
    else:
        _check_function(attempt, request, lang, api, Settings(), Reporter(), may_fix=False)
    return attempt


def _result_only(declaration: str, text: str = "") -> list[str]:
    signature = parse_signature(declaration + " {}", declaration.split("(")[0].split()[-1])
    return result_only_params(signature, text)


def test_result_only_buffers_are_told_by_name_and_by_a_product_of_const_inputs():
    assert _result_only("void h(const int *data, long n, long *bins, int nbins)") == ["bins"]
    assert _result_only("void s(const double *in, double *out, int nx, int ny)") == ["out"]
    assert _result_only("void mm(const double *A, const double *B, double *C, int n)") == ["C"]
    # in-out buffers: y of saxpy, x scaled in place, C when A is not an input only
    assert _result_only("void saxpy(float a, const float *x, float *y, long n)") == []
    assert _result_only("void scale(double *x, long n)") == []
    assert _result_only("void mm(double *A, const double *B, double *C, int n)") == []


def test_a_buffer_the_request_adds_to_is_not_result_only():
    text = "Add the counts of the n values to bins; bins already holds earlier counts."
    assert _result_only("void h(const int *data, long n, long *bins, int nbins)", text) == []
    text = "On return bins[b] must hold the number of elements equal to b."
    assert _result_only("void h(const int *data, long n, long *bins, int nbins)", text) == ["bins"]


def test_scalar_outputs_are_the_return_value_references_and_pointers_used_as_one_value():
    code = (
        "void mv(const double *x, long n, double *mean, double *var, double *y) {\n"
        "  *mean = x[0]; var[0] = 1; for (long i = 0; i < n; i++) y[i] = x[i]; }\n"
    )
    signature = parse_signature(code, "mv")
    assert scalar_outputs(signature, code) == ["mean", "var"]
    code = "double g(const double *x, long n, double &best) { best = x[0]; return x[1]; }"
    assert scalar_outputs(parse_signature(code, "g"), code) == ["return value", "best"]
    # only the function's own body counts: not a helper below it that indexes a
    # parameter of the same name, nor what follows a prototype above it
    code = (
        "void mv(const double *x, long n, double *mean, double *var, double *y);\n"
        "static void fill(double *mean, long n) { for (long i = 0; i < n; i++) mean[i] = 0; }\n"
        "void mv(const double *x, long n, double *mean, double *var, double *y) {\n"
        "  *mean = x[0]; *var = x[1]; for (long i = 0; i < n; i++) y[i] = x[i]; }\n"
        "static void spread(double *var, long n) { var[n - 1] = 0; }\n"
    )
    assert scalar_outputs(parse_signature(code, "mv"), code) == ["mean", "var"]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("it must return the largest element on every rank", True),
        ("On return, on all ranks, *mean must be the mean", True),
        ("every rank gets the total", True),
        ("The total count must be returned on rank 0", False),
        ("every rank sends its count doubles to the next rank", False),
        ("Each rank holds its own block; return the total on rank 0", False),
        ("n is the same on every rank; the sum is returned on rank 0", False),
        ("n is the same on every rank; return rr_new on every rank", True),
    ],
)
def test_which_requests_want_the_result_on_every_rank(text, wanted):
    assert wants_result_on_every_rank(text) is wanted


def test_the_fresh_memory_report_in_words():
    output = (
        "checksum return value: 3 3\n"
        f"checksum {FRESH_PREFIX}return value: 4 4\n"
        "checksum bins: 10 20\n"
        f"checksum {FRESH_PREFIX}bins: 22 44\n"
        "fresh bins: 4 0 0 -1\n"
        "fresh out: 0 -1 38 40\n"
    )
    problems = fresh_memory_problems(output, ["bins", "out"])
    assert problems == [
        "4 element(s) of `bins` the function writes depend on what `bins` held before "
        "the call (the first at index 0)",
        "38 element(s) of `out` between the first and the last one it writes are never "
        "written (the first at index 40)",
        "`return value` changes when memory from malloc does not start as zeros",
    ]
    assert fresh_memory_problems("fresh bins: 0 -1 0 -1\nchecksum bins: 1 1\n", ["bins"]) == []


HISTOGRAM_REQUEST = (
    "Write a C function `void histogram(const int *data, long n, long *bins, int nbins)` "
    "that counts how many of the n values in data fall in each bin: on return bins[b] "
    "must hold the number of elements equal to b. Parallelize it with OpenMP."
)
# The 1.5B model's answer: right at every thread count, but it never zeroes bins.
HISTOGRAM_NOT_ZEROED = """#include <omp.h>
void histogram(const int *data, long n, long *bins, int nbins) {
    #pragma omp parallel for
    for (long i = 0; i < n; i++) {
        #pragma omp atomic
        bins[data[i]]++;
    }
}
"""
HISTOGRAM = HISTOGRAM_NOT_ZEROED.replace(
    "    #pragma omp parallel for\n",
    "    for (int b = 0; b < nbins; b++) bins[b] = 0;\n    #pragma omp parallel for\n",
    1,
)


def test_a_histogram_that_never_zeroes_its_bins_fails_and_the_fixed_one_passes():
    wrong = _checked(HISTOGRAM_NOT_ZEROED, HISTOGRAM_REQUEST, "histogram", may_fix=False)
    assert wrong.checks["same result at 1 and N"] and wrong.checks[FRESH_MEMORY] is False
    assert not wrong.ok and "of `bins` the function writes depend on" in wrong.what
    right = _checked(HISTOGRAM, HISTOGRAM_REQUEST, "histogram")
    assert right.ok and right.checks[FRESH_MEMORY] and not right.fixes, right.what


def test_the_tool_zeroes_the_bins_itself_and_checks_again():
    fixed = _checked(HISTOGRAM_NOT_ZEROED, HISTOGRAM_REQUEST, "histogram")
    assert fixed.ok and fixed.checks[FRESH_MEMORY], fixed.what
    assert fixed.fixes == ["bins set to zero first (nbins elements)"]
    answer = without_test_main(fixed.code)
    # the loop opens the function's body, before the parallel loop that counts
    assert answer.index("(long)(nbins); i0++) bins[i0] = 0;") < answer.index("#pragma omp")


STENCIL_REQUEST = (
    "Write a C function `void stencil_step(const double *in, double *out, int nx, int ny)` "
    "for one Jacobi step of a 5-point stencil on ny rows and nx columns; border points "
    "are copied unchanged from in to out. Parallelize with OpenMP."
)
STENCIL_WITHOUT_BORDER = """void stencil_step(const double *in, double *out, int nx, int ny) {
    #pragma omp parallel for
    for (int i = 1; i < ny - 1; i++)
        for (int j = 1; j < nx - 1; j++)
            out[i*nx + j] = 0.25 * (in[(i-1)*nx + j] + in[(i+1)*nx + j]
                                    + in[i*nx + j - 1] + in[i*nx + j + 1]);
}
"""


def test_a_stencil_that_leaves_the_border_unwritten_fails():
    attempt = _checked(STENCIL_WITHOUT_BORDER, STENCIL_REQUEST, "stencil_step")
    assert attempt.checks[FRESH_MEMORY] is False
    assert "of `out` between the first and the last one it writes are never written" in (
        attempt.what
    )


def test_a_sum_over_an_uninitialised_malloc_buffer_fails():
    code = """#include <stdlib.h>
double total(const double *x, long n) {
    double *partial = (double *)malloc(4 * sizeof(double));
    for (long i = 0; i < n; i++) partial[i % 4] += x[i];
    double s = partial[0] + partial[1] + partial[2] + partial[3];
    free(partial);
    return s;
}
"""
    text = "Write a C function `double total(const double *x, long n)` returning the sum."
    attempt = _checked(code, text, "total", api="serial")
    assert attempt.checks[FRESH_MEMORY] is False
    assert "`return value` changes when memory from malloc" in attempt.what


def test_a_variable_used_before_it_is_set_does_not_compile_for_the_checks():
    code = "double f(const double *x, long n) {\n  double a;\n  return a * x[n - 1];\n}\n"
    ok, log = compiles_alone(code, "c", Settings())
    assert not ok and "uninitialized" in log


GLOBAL_SUM_REQUEST = (
    "Write a C function `double global_sum(const double *local, long n_local, MPI_Comm "
    "comm)` that returns the sum of a distributed array on every rank. MPI is already "
    "initialized."
)
GLOBAL_SUM_ON_ROOT = """#include <mpi.h>
double global_sum(const double *local, long n_local, MPI_Comm comm) {
    double mine = 0, total = 0;
    for (long i = 0; i < n_local; i++) mine += local[i];
    MPI_Reduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, 0, comm);
    return total;
}
"""


def test_a_result_wanted_on_every_rank_but_reduced_to_rank_0_fails():
    wrong = _checked(GLOBAL_SUM_ON_ROOT, GLOBAL_SUM_REQUEST, "global_sum", api="mpi", may_fix=False)
    assert wrong.checks["same result at 1 and N"] and wrong.checks[EVERY_RANK] is False
    assert "MPI_Allreduce" in wrong.what and "`return value`" in wrong.what
    right_code = GLOBAL_SUM_ON_ROOT.replace(
        "MPI_Reduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, 0, comm)",
        "MPI_Allreduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, comm)",
    )
    right = _checked(right_code, GLOBAL_SUM_REQUEST, "global_sum", api="mpi")
    assert right.ok and right.checks[EVERY_RANK], right.what
    # the same reduce to rank 0 is right when the request wants it there
    on_root = GLOBAL_SUM_REQUEST.replace("on every rank", "on rank 0")
    root = _checked(GLOBAL_SUM_ON_ROOT, on_root, "global_sum", api="mpi")
    assert root.ok and EVERY_RANK not in root.checks


def test_a_reduce_without_a_root_is_fixed_before_it_is_compiled():
    rootless = GLOBAL_SUM_ON_ROOT.replace(
        "MPI_Reduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, 0, comm)",
        "total = mine;\n    MPI_Reduce(&total, &total, 1, MPI_DOUBLE, MPI_SUM, comm)",
    )
    assert ", 0, comm" not in rootless
    fixed = _checked(rootless, GLOBAL_SUM_REQUEST, "global_sum", api="mpi")
    assert fixed.ok and fixed.checks[EVERY_RANK], fixed.what + fixed.log
    answer = without_test_main(fixed.code)
    assert "MPI_Allreduce(MPI_IN_PLACE, &total, 1, MPI_DOUBLE, MPI_SUM, comm)" in answer
    assert [f.split(" (")[-1] for f in fixed.fixes] == [
        "it has no root)",
        "its send and receive buffers were the same)",
    ]


def test_the_tool_makes_a_reduce_to_rank_0_an_allreduce_itself():
    fixed = _checked(GLOBAL_SUM_ON_ROOT, GLOBAL_SUM_REQUEST, "global_sum", api="mpi")
    assert fixed.ok and fixed.checks[EVERY_RANK], fixed.what
    answer = without_test_main(fixed.code)
    assert "MPI_Allreduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, comm)" in answer
    assert "MPI_Reduce" not in answer
    assert len(fixed.fixes) == 1 and fixed.fixes[0].startswith("MPI_Allreduce instead of")
