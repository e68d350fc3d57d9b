"""Checks that see more than 1-vs-N differences: serial elision, strict warnings,
the requested signature, and headers added from the compiler's suggestions."""

from __future__ import annotations

from kernel_magics.elision import SERIAL_RUNTIME, serial_elision
from kernel_magics.generate import Attempt, GenerationRequest, _check
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings

ARGMIN_REQUEST = (
    "Write a C function `long argmin(const double *a, long n)` that returns the index of "
    "the smallest of the n elements of a. Parallelize it with OpenMP."
)
# The 1.5B model's answer to that request: the min-reduction of min_index folds in its
# initial 0, so it returns 0 at every thread count - 1 vs N threads cannot see it.
ARGMIN_FOLDS_IN_ZERO = """#include <omp.h>
long argmin(const double *a, long n) {
    double min_value = a[0];
    long min_index = 0;
    #pragma omp parallel for reduction(min: min_value, min_index)
    for (long i = 1; i < n; i++) {
        if (a[i] < min_value) { min_value = a[i]; min_index = i; }
    }
    return min_index;
}
"""
ARGMIN_BY_THREAD = """#include <omp.h>
long argmin(const double *a, long n) {
    long best = 0;
    #pragma omp parallel
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
        long lo = n * t / nt, hi = n * (t + 1) / nt, mine = lo;
        for (long i = lo; i < hi; i++)
            if (a[i] < a[mine]) mine = i;
        #pragma omp critical
        if (hi > lo && (a[mine] < a[best] || (a[mine] == a[best] && mine < best))) best = mine;
    }
    return best;
}
"""


def _checked(code: str, text: str, entry: str, lang: str = "c", api: str = "openmp"):
    request = GenerationRequest(text=text, api=api, lang=lang, entry=entry)
    attempt = Attempt(reply="", code=code, ok=False, stage="none")
    _check(attempt, request, lang, api, Settings(), Reporter())
    return attempt


def test_the_elision_removes_pragmas_and_stands_in_for_the_runtime():
    code = (
        "#include <omp.h>\n#include <stdio.h>\nint main(void) {\n"
        "  #pragma omp parallel for \\\n      reduction(+: s)\n  for (;;) {}\n"
        '  printf("%d", omp_get_num_threads());\n}\n'
    )
    serial = serial_elision(code)
    assert "pragma" not in serial and "reduction" not in serial
    assert "#include <omp.h>" not in serial and SERIAL_RUNTIME in serial
    assert serial_elision("int main(void) { return 0; }\n") is None


def test_a_reduction_that_folds_in_the_initial_value_is_caught_by_the_elision():
    attempt = _checked(ARGMIN_FOLDS_IN_ZERO, ARGMIN_REQUEST, "argmin")
    assert not attempt.ok
    assert "OpenMP pragmas removed" in attempt.what
    assert attempt.checks["same result at 1 and N"] is True  # the old check passed it
    assert attempt.checks["same result with OpenMP removed"] is False
    assert "return value" in attempt.log  # both outputs are shown to the model


def test_work_split_by_thread_number_agrees_with_its_elision():
    attempt = _checked(ARGMIN_BY_THREAD, ARGMIN_REQUEST, "argmin")
    assert attempt.ok, attempt.what + attempt.log
    assert attempt.checks["same result with OpenMP removed"] is True


def test_an_mpi_rank_in_a_long_is_declared_int_by_the_tool():
    code = """#include <mpi.h>
double total(const double *x, long n_local, MPI_Comm comm) {
    long rank, i;
    MPI_Comm_rank(comm, &rank);
    double s = 0, all = 0;
    for (i = 0; i < n_local; i++) s += x[i];
    MPI_Allreduce(&s, &all, 1, MPI_DOUBLE, MPI_SUM, comm);
    return rank >= 0 ? all : 0;
}
"""
    request = "Write a C function `double total(const double *x, long n_local, MPI_Comm comm)`."
    attempt = _checked(code, request, "total", api="mpi")
    assert attempt.ok, attempt.what + attempt.log
    assert attempt.fixes == ["int rank (MPI_Comm_rank/size write an int)"]
    assert "    int rank;\n    long i;\n" in attempt.code


def test_a_pointer_passed_as_an_integer_is_a_compile_error():
    # the count given as a pointer (gcc only warns about it by default)
    code = """#include <mpi.h>
long total(long mine, MPI_Comm comm) {
    long all = 0;
    int one = 1;
    MPI_Allreduce(&mine, &all, &one, MPI_LONG, MPI_SUM, comm);
    return all;
}
"""
    request = "Write a C function `long total(long mine, MPI_Comm comm)` with MPI."
    attempt = _checked(code, request, "total", api="mpi")
    assert not attempt.ok and "does not compile" in attempt.what
    assert "int-conversion" in attempt.log


def test_missing_headers_are_added_and_the_answer_keeps_them():
    code = """#include <vector>
double dot(const std::vector<double>& x, const std::vector<double>& y) {
    double s = 0.0;
    #pragma omp parallel for reduction(+:s)
    for (size_t i = 0; i < x.size(); ++i) s += x[i] * y[i];
    return s;
}
"""
    request = (
        "Write a C++ function `double dot(const std::vector<double>& x, "
        "const std::vector<double>& y)` with OpenMP."
    )
    attempt = _checked(code, request, "dot", lang="c++")
    assert attempt.ok, attempt.what + attempt.log
    assert attempt.fixes == ["#include <cstddef>"]
    assert attempt.code.startswith("#include <vector>\n#include <cstddef>\n")
    assert attempt.checks["dot has the requested signature"] is True


def test_a_changed_parameter_type_goes_back_to_the_model():
    code = ARGMIN_BY_THREAD.replace(
        "long argmin(const double *a, long n)", "long argmin(const double *a, int n)"
    )
    attempt = _checked(code, ARGMIN_REQUEST, "argmin")
    assert not attempt.ok
    assert "parameter 2 is int, the request says long" in attempt.what


def test_an_openmp_answer_without_a_pragma_is_sent_back():
    # the 1.5B model's BFS answer included omp.h and ran serially; every check agreed
    serial = ARGMIN_BY_THREAD.replace("#pragma omp parallel\n", "").replace(
        "int t = omp_get_thread_num(), nt = omp_get_num_threads();", "int t = 0, nt = 1;"
    )
    serial = serial.replace("        #pragma omp critical\n", "")
    assert "#include <omp.h>" in serial and "pragma" not in serial
    attempt = _checked(serial, ARGMIN_REQUEST, "argmin")
    assert not attempt.ok and attempt.checks["uses the requested API"] is False
    assert "no #pragma omp" in attempt.what and "one thread" in attempt.what
    # a pragma in a comment does not count
    commented = serial.replace(
        "    long best = 0;", "    // #pragma omp parallel\n    long best = 0;"
    )
    assert not _checked(commented, ARGMIN_REQUEST, "argmin").ok
