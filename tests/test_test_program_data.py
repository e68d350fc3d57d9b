"""The data the tool's test program (harness.py) gives MPI function answers: blocks of
different sizes when the request allows them, block values that follow the global
index, and hangs told apart from memory errors. The end-to-end tests compile and
run the real test program with Open MPI at 1 and 2 ranks."""

from __future__ import annotations

import pytest

from kernel_magics.generate import Attempt, GenerationRequest, _check_function
from kernel_magics.harness import (
    CAPACITY,
    SIZE,
    _follows_global_index,
    blocks_may_differ,
    parse_signature,
    with_test_main,
)
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings


def _checked(code: str, text: str, entry: str, lang="c", api="mpi", timeout=20.0):
    request = GenerationRequest(text=text, api=api, lang=lang, entry=entry, timeout=timeout)
    attempt = Attempt(reply="", code=code, ok=False, stage="none")
    _check_function(attempt, request, lang, api, Settings(), Reporter(), may_fix=False)
    return attempt


@pytest.mark.parametrize(
    ("text", "differ"),
    [
        ("each rank passes its own n_local values (n_local can differ between ranks)", True),
        ("Every rank holds a non-empty block (the blocks can have different sizes).", True),
        ("the block sizes may vary from rank to rank", True),
        ("ranks hold blocks of different lengths", True),
        ("n_local cannot differ between ranks", False),
        ("the block sizes may not vary", False),
        ("every rank holds n_local values", False),
    ],
)
def test_requests_that_let_the_ranks_shares_differ(text, differ):
    assert blocks_may_differ(text) is differ


def _follows(declaration: str, name: str) -> bool:
    entry = declaration.split("(")[0].split()[-1]
    signature = parse_signature(declaration + " {}", entry)
    param = next(p for p in signature.params if p.name == name)
    return _follows_global_index(param, signature, True)


def test_which_blocks_hold_the_values_of_their_global_indices():
    assert _follows("double gmax(const std::vector<double>& local, MPI_Comm comm)", "local")
    assert _follows("double gsum(const double *local, long n_local, MPI_Comm comm)", "local")
    # a count of rows, or a d that multiplies it: the pointer's length is not n_local
    assert not _follows("void f(const double *local, int local_rows, MPI_Comm comm)", "local")
    assert not _follows("void f(const double *local, long n_local, int d, MPI_Comm c)", "local")
    # two blocks (positions and masses): how their lengths relate is unknown
    two = "void f(const std::vector<double>& pos_local, const std::vector<double>& m_local)"
    assert not _follows(two, "pos_local")
    # without MPI there are no blocks
    signature = parse_signature("double g(const double *local, long n_local) {}", "g")
    assert not _follows_global_index(signature.params[0], signature, False)


GLOBAL_MAX = (
    "Write a C++ function `double global_max(const std::vector<double>& local, MPI_Comm comm)`"
    " that returns the largest value of a distributed array on every rank. MPI is already"
    " initialized."
)
FIRST_ONLY = """#include <mpi.h>
#include <vector>
double global_max(const std::vector<double>& local, MPI_Comm comm) {
    double m = local[0];
    MPI_Allreduce(MPI_IN_PLACE, &m, 1, MPI_DOUBLE, MPI_MAX, comm);
    return m;
}
"""


def test_a_max_that_looks_only_at_each_ranks_first_element_fails():
    wrong = _checked(FIRST_ONLY, GLOBAL_MAX, "global_max", lang="c++")
    assert not wrong.ok and wrong.checks["same result at 1 and N"] is False
    right_code = FIRST_ONLY.replace(
        "double m = local[0];",
        "double m = local[0];\n    for (double v : local) m = v > m ? v : m;",
    )
    right = _checked(right_code, GLOBAL_MAX, "global_max", lang="c++")
    assert right.ok and right.checks["same result at 1 and N"] is True


MEAN = (
    "Write a C function `double global_mean(const double *local, long n_local, MPI_Comm comm)`"
    " that returns the mean of a distributed array on every rank. Every rank holds its own"
    " block of n_local values."
)
EQUAL_BLOCKS_MEAN = """#include <mpi.h>
double global_mean(const double *local, long n_local, MPI_Comm comm) {
    int size;
    double s = 0;
    MPI_Comm_size(comm, &size);
    for (long i = 0; i < n_local; i++) s += local[i];
    MPI_Allreduce(MPI_IN_PLACE, &s, 1, MPI_DOUBLE, MPI_SUM, comm);
    return s / (double)(n_local * size);
}
"""


def test_blocks_of_different_sizes_only_when_the_request_allows_them():
    request = MEAN + " The block sizes can differ between ranks."
    program = with_test_main(EQUAL_BLOCKS_MEAN, "global_mean", "c", True, request)
    assert program.uneven_blocks and "hpc_shift = 1 &&" in program.source
    # counting n_local * size elements is right only when every block has the same size
    assert _checked(EQUAL_BLOCKS_MEAN, MEAN, "global_mean").ok
    wrong = _checked(EQUAL_BLOCKS_MEAN, request, "global_mean")
    assert not wrong.ok and wrong.checks["same result at 1 and N"] is False
    assert "the blocks had different sizes" in wrong.what
    right_code = EQUAL_BLOCKS_MEAN.replace("int size;", "long n = n_local;").replace(
        "MPI_Comm_size(comm, &size);",
        "MPI_Allreduce(MPI_IN_PLACE, &n, 1, MPI_LONG, MPI_SUM, comm);",
    )
    right = _checked(right_code.replace("(n_local * size)", "n"), request, "global_mean")
    assert right.ok and right.checks["same result at 1 and N"] is True


SCALE = "Write a C function `void scale(double *out, long n)` that sets out[i] = 2 * i with OpenMP."
ENDLESS = """void scale(double *out, long n) {
    #pragma omp parallel for
    for (long i = 0; i < n; i++) out[i] = 2.0 * i;
    %s
    while (1) {}
}
"""


def test_a_hang_is_the_answers_fault_unless_a_memory_error_came_first():
    # an endless loop on a few dozen elements: the answer is sent back
    endless = _checked(ENDLESS % "", SCALE, "scale", api="openmp", timeout=3)
    assert not endless.ok and "endless loop" in endless.what
    # a write far past the buffer the test program made before the hang: its buffer
    # sizes are guesses, so the hang proves nothing (AddressSanitizer finds the write)
    past_the_end = f"out[n * {CAPACITY // SIZE}] = 1.0;"  # one past the buffer's end
    overflow = _checked(ENDLESS % past_the_end, SCALE, "scale", api="openmp", timeout=3)
    assert overflow.ok and "endless loop" not in overflow.what
    inconclusive = "tool's test program (inconclusive: its inputs do not suit the function)"
    assert overflow.checks[inconclusive] is False
