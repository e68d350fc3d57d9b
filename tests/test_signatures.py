"""The answer's function must keep the declaration the request spells out."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

from kernel_magics.signatures import declared_signature, requested_signature, signature_problem

REQUEST = "Write a C function `double sum_array(const double *a, long n)` that returns the sum."
TASKS = pathlib.Path(__file__).parent.parent / "benchmarks" / "tasks"


def test_spelling_differences_are_not_problems():
    same = [
        "double sum_array(const double *a, long n) {",
        "double sum_array(const double* restrict values, long int count)\n{",
        "static inline double\nsum_array(double const *a, long n) {",
        "double sum_array(const double a[], long n) {",
    ]
    for code in same:
        assert signature_problem(code + " return 0; }", REQUEST, "sum_array") is None, code


@pytest.mark.parametrize(
    "code, words",
    [
        (
            "double sum_array(const double *a, int n) {}",
            "parameter 2 is int, the request says long",
        ),
        ("float sum_array(const double *a, long n) {}", "it returns float, the request double"),
        ("double sum_array(const double *a) {}", "it takes 1 parameters, the request 2"),
        ("double sum_array(double *a, long n) {}", "parameter 1 is double*"),
    ],
)
def test_a_changed_type_is_named_with_the_declaration_to_use(code, words):
    problem = signature_problem(code, REQUEST, "sum_array")
    assert words in problem
    assert "`double sum_array(const double *a, long n)`" in problem


def test_calls_are_not_declarations():
    code = "int main(void) { double s = 0; s = sum_array(x, 4); return sum_array(x, 4); }"
    assert declared_signature(code, "sum_array") is None
    prototype_after_call = "void g(void) { sum_array(x, 4); }\nlong sum_array(double *a, int n);"
    assert declared_signature(prototype_after_call, "sum_array") == ("long", ["double*", "int"])


def test_requests_without_a_declaration_check_nothing():
    assert requested_signature("Write a function `sum_array` that sums", "sum_array") is None
    assert requested_signature("Call `sum_array(x, n)` on the data", "sum_array") is None
    assert signature_problem("int sum_array(int *a) {}", "sum an array", "sum_array") is None


def test_types_of_the_task_set_are_read_the_same_in_prompt_reference_and_driver():
    """Every task's prompt, reference answer, wrong answer and driver agree."""
    checked = 0
    for task in sorted(p for p in TASKS.iterdir() if p.is_dir()):
        spec = tomllib.loads((task / "task.toml").read_text())
        if not spec.get("entry"):
            continue
        assert requested_signature(spec["prompt"], spec["entry"]), task.name
        for source in [*task.glob("reference.*"), *task.glob("wrong.*"), *task.glob("driver.*")]:
            assert signature_problem(source.read_text(), spec["prompt"], spec["entry"]) is None
            checked += 1
    assert checked >= 100
