"""Missing headers found in real compiler logs and added to the code."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kernel_magics.fixits import add_includes, missing_headers

CPP_ANSWER = """#include <vector>
#include <omp.h>

double norm(const std::vector<double>& x) {
    double s = 0.0;
    #pragma omp parallel for reduction(+:s)
    for (size_t i = 0; i < x.size(); ++i) s += x[i] * x[i];
    std::vector<double> y(x);
    std::sort(y.begin(), y.end());
    return sqrt(s) + y[0];
}
"""

C_ANSWER = """// sum of squares
double *squares(const double *x, int n) {
    double *y = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++) y[i] = x[i] * x[i];
    printf("%f\\n", y[0]);
    return y;
}
"""


def _compile(code: str, compiler: str, suffix: str, tmp_path) -> tuple[int, str]:
    source = tmp_path / f"answer{suffix}"
    source.write_text(code)
    done = subprocess.run(
        [compiler, "-fopenmp", "-fsyntax-only", str(source)], capture_output=True, text=True
    )
    return done.returncode, done.stderr


def test_cpp_size_t_sqrt_and_sort_are_fixed_from_gcc_messages(tmp_path):
    code, log = _compile(CPP_ANSWER, "g++", ".cpp", tmp_path)
    assert code != 0
    headers = missing_headers(log, "c++")
    assert set(headers) >= {"<cstddef>", "<cmath>", "<algorithm>"}
    fixed = add_includes(CPP_ANSWER, headers)
    assert _compile(fixed, "g++", ".cpp", tmp_path) == (0, "")
    # the new lines follow the answer's own includes, above its code
    lines = fixed.splitlines()
    assert lines[:2] == ["#include <vector>", "#include <omp.h>"]
    assert lines.index("#include <cmath>") < lines.index(
        "double norm(const std::vector<double>& x) {"
    )


def test_c_headers_from_gcc_notes(tmp_path):
    _, log = _compile(C_ANSWER, "gcc", ".c", tmp_path)
    headers = missing_headers(log, "c")
    assert "<stdlib.h>" in headers and "<stdio.h>" in headers
    fixed = add_includes(C_ANSWER, headers)
    assert fixed.endswith(C_ANSWER)  # no include of its own: the new lines go first
    code, log = _compile(fixed, "gcc", ".c", tmp_path)
    assert code == 0 and "implicit declaration" not in log


@pytest.mark.skipif(shutil.which("clang") is None, reason="clang not installed")
def test_c_headers_from_clang_notes(tmp_path):
    _, log = _compile(C_ANSWER, "clang", ".c", tmp_path)
    assert {"<stdlib.h>", "<stdio.h>"} <= set(missing_headers(log, "c"))


def test_openmp_and_mpi_names_map_to_their_headers():
    log = "a.c:3:5: error: 'omp_get_wtime' was not declared in this scope\n"
    log += "a.c:4:5: error: 'MPI_Allreduce' was not declared in this scope\n"
    assert missing_headers(log, "c++") == ["<omp.h>", "<mpi.h>"]


def test_unknown_names_and_clean_logs_add_nothing():
    assert missing_headers("a.c:3:5: error: 'foo' was not declared in this scope", "c") == []
    assert missing_headers("", "c++") == []
    code = "#include <math.h>\nint f(void) { return 0; }\n"
    assert add_includes(code, ["<math.h>"]) == code  # already there: unchanged


def test_no_prototype_is_made_for_a_template_defined_below_its_caller():
    from kernel_magics.fixits import declare_before_use

    code = (
        "double use(double x) { return twice(x); }\n"
        "template <typename T>\nT twice(T x) { return 2 * x; }\n"
    )
    log = "t.cpp:1:33: error: ‘twice’ was not declared in this scope"
    assert declare_before_use(code, log) == (code, [])
    plain = code.replace("template <typename T>\nT twice(T x)", "double twice(double x)")
    fixed, done = declare_before_use(plain, log)
    assert done == ["twice"] and fixed.startswith("double twice(double x);\ndouble use(")


NOWAIT_ANSWER = """void histogram(const int *data, long n, long *bins, int nbins) {
    #pragma omp parallel schedule(static)
    {
    #pragma omp for nowait schedule(dynamic, 4)
    for (long i = 0; i < n; i++) bins[data[i] % nbins] += 1;
    }
    #pragma omp parallel for nowait schedule(static)
    for (long i = 0; i < nbins; i++) bins[i] *= 2;
}
"""


@pytest.mark.parametrize("compiler", ["gcc", "clang"])
def test_clauses_a_directive_does_not_take_are_dropped(compiler, tmp_path):
    from kernel_magics.fixits import apply_fixits

    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} not installed")
    status, log = _compile(NOWAIT_ANSWER, compiler, ".c", tmp_path)
    assert status != 0
    code, done = NOWAIT_ANSWER, []
    for _ in range(3):  # a compiler may report one invalid clause at a time
        code, fixes = apply_fixits(code, log, "c")
        done += fixes
        status, log = _compile(code, compiler, ".c", tmp_path)
        if status == 0:
            break
    assert status == 0, log
    assert "#pragma omp parallel for schedule(static)\n" in code  # valid there: kept
    assert "#pragma omp parallel\n" in code
    assert "#pragma omp for nowait schedule(dynamic, 4)\n" in code  # valid there: kept
    assert "nowait removed from #pragma omp parallel for" in done
    assert "schedule removed from #pragma omp parallel" in done
