"""The tool's own fixes for what the run-time checks found (check_fixits.py)."""

from __future__ import annotations

from kernel_magics.check_fixits import (
    in_place_collectives,
    length_expression,
    reduce_to_allreduce,
    rootless_reduces,
    zero_first,
)
from kernel_magics.harness import assumes_divisible, integer_values, parse_signature


def test_a_reduction_that_names_one_buffer_twice_gets_mpi_in_place():
    code = "MPI_Allreduce(&max, &max, 1, MPI_DOUBLE, MPI_MAX, comm);"
    fixed, done = in_place_collectives(code)
    assert fixed == "MPI_Allreduce(MPI_IN_PLACE, &max, 1, MPI_DOUBLE, MPI_MAX, comm);"
    assert done == [
        "MPI_IN_PLACE in `MPI_Allreduce(&max, &max, 1, MPI_DOUBLE, MPI_MAX, comm)` "
        "(its send and receive buffers were the same)"
    ]
    # MPI_Reduce in place needs MPI_IN_PLACE on the root only: an Allreduce is simpler
    fixed, _ = in_place_collectives("MPI_Reduce(&sum, & sum, 1, MPI_DOUBLE, MPI_SUM, 0, comm);")
    assert fixed == "MPI_Allreduce(MPI_IN_PLACE, & sum, 1, MPI_DOUBLE, MPI_SUM, comm);"


def test_different_buffers_and_in_place_calls_are_left_alone():
    for code in (
        "MPI_Allreduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, comm);",
        "MPI_Allreduce(MPI_IN_PLACE, &total, 1, MPI_DOUBLE, MPI_SUM, comm);",
        "MPI_Reduce(f(a, b), g(a, b), 1, MPI_DOUBLE, MPI_SUM, 0, comm);",
        "MPI_Allreduce(&x, &x, 1, MPI_DOUBLE",  # unbalanced: not a call to rewrite
    ):
        assert in_place_collectives(code) == (code, [])


def test_every_reduce_becomes_an_allreduce_without_its_root():
    code = (
        "MPI_Reduce(&part[0], &all[0], n, MPI_DOUBLE, MPI_SUM, root, comm);\n"
        "MPI_Reduce(rank == 0 ? MPI_IN_PLACE : &m, &m, 1, MPI_LONG, MPI_MAX, 0, comm);\n"
    )
    fixed, done = reduce_to_allreduce(code)
    assert fixed == (
        "MPI_Allreduce(&part[0], &all[0], n, MPI_DOUBLE, MPI_SUM, comm);\n"
        "MPI_Allreduce(MPI_IN_PLACE, &m, 1, MPI_LONG, MPI_MAX, comm);\n"
    )
    assert len(done) == 2 and all("the result is wanted on every rank" in d for d in done)
    assert reduce_to_allreduce("MPI_Bcast(&x, 1, MPI_INT, 0, comm);")[1] == []


def test_a_reduce_without_a_root_becomes_an_allreduce_then_in_place():
    # the 1.5B model's norm: MPI_Reduce with MPI_Allreduce's 6 arguments, one buffer twice
    code = "MPI_Reduce(&norm, &norm, 1, MPI_DOUBLE, MPI_SUM, comm);"
    fixed, done = rootless_reduces(code)
    assert fixed == "MPI_Allreduce(&norm, &norm, 1, MPI_DOUBLE, MPI_SUM, comm);"
    assert done == [
        "MPI_Allreduce instead of `MPI_Reduce(&norm, &norm, 1, MPI_DOUBLE, MPI_SUM, comm)` "
        "(it has no root)"
    ]
    assert in_place_collectives(fixed)[0] == (
        "MPI_Allreduce(MPI_IN_PLACE, &norm, 1, MPI_DOUBLE, MPI_SUM, comm);"
    )
    rooted = "MPI_Reduce(&mine, &all, 1, MPI_DOUBLE, MPI_SUM, 0, comm);"
    assert rootless_reduces(rooted) == (rooted, [])


def test_the_length_to_zero_is_a_parameter_or_a_product_of_two():
    sizes = {"n": 40, "nbins": 4, "k": 4}
    assert length_expression(4, sizes) == "nbins"
    # two parameters fit: the one the loop bounds compare against wins
    assert length_expression(4, sizes, "for (int c = 0; c < k; c++)") == "k"
    assert length_expression(1600, sizes) == "n * n"
    assert length_expression(160, sizes) == "n * nbins"
    assert length_expression(7, sizes) is None


def test_the_zeroing_loop_opens_the_function_body():
    code = (
        "static int helper(int x) { return x; }\n"
        "void count(double (*f)(double), const int *v, long n, long *out, int m) {\n"
        "    for (long i = 0; i < n; i++) out[v[i]]++;\n}\n"
    )
    fixed = zero_first(code, "count", "out", "m")
    body = fixed.split("long *out, int m) {\n", 1)[1]
    assert body.startswith("    for (long i0 = 0; i0 < (long)(m); i0++) out[i0] = 0;")
    assert fixed.startswith("static int helper(int x) { return x; }\n")
    # the loop variable does not clash with a name the code uses
    assert "for (long z = 0" in zero_first(code.replace("(int x)", "(int i0)"), "count", "out", "m")
    assert zero_first(code, "missing", "out", "m") is None


def test_mpi_sizes_split_unevenly_unless_the_request_says_they_divide():
    assert not assumes_divisible("n need not be divisible by the number of ranks")
    assert not assumes_divisible("hi - lo is not necessarily divisible by size")
    assert not assumes_divisible("n isn't divisible by the number of processes")
    assert assumes_divisible("You may assume n is divisible by the number of ranks.")
    assert assumes_divisible("the number of ranks divides n")
    signature = parse_signature("long count(long lo, long hi, int steps) {}", "count")
    assert integer_values(signature, True, uneven=True) == {"lo": 0, "hi": 43, "steps": 3}
    assert integer_values(signature, True) == {"lo": 0, "hi": 40, "steps": 3}


def test_the_test_program_gives_uneven_sizes_to_replicated_mpi_inputs():
    from kernel_magics.harness import with_test_main

    answer = "#include <mpi.h>\nlong count(long lo, long hi, MPI_Comm comm) { return hi - lo; }\n"
    request = "Write `long count(long lo, long hi, MPI_Comm comm)`: split [lo, hi) over ranks."
    uneven = with_test_main(answer, "count", "c", True, request)
    assert "long hpc_hi = 43;" in uneven.source and uneven.sizes["hi"] == 43
    even = with_test_main(answer, "count", "c", True, request + " hi is divisible by size.")
    assert "long hpc_hi = 40;" in even.source
    # with a rank's share in the signature the global sizes stay fixed (blocks)
    blocks = answer.replace("long lo, long hi", "long lo, long n_local")
    assert " = 43;" not in with_test_main(blocks, "count", "c", True, request).source
