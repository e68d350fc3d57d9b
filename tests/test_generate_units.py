"""Unit tests of the code around the language model: prompts, extraction, checks, repair loop.

A scripted chat model (langchain's GenericFakeChatModel) stands in for the LLM
here only; the compiler, the runs and the race checker are real.
"""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from kernel_magics.codegen import defines_main, extract_code, remove_main, split_request_cell
from kernel_magics.generate import GenerationError, GenerationRequest, generate, infer_api
from kernel_magics.interpolate import interpolate
from kernel_magics.llm import LLMConfig, ProviderError, chat_model, parse_spec
from kernel_magics.prompts import build_messages, format_examples
from kernel_magics.verify import result_numbers, same_numbers, stack_array_problem

RACY = """```c
#include <omp.h>
#include <stdio.h>
int main(void) {
    double sum = 0.0;
    #pragma omp parallel for
    for (int i = 0; i < 2000000; i++) sum += 1.0;
    printf("sum = %.1f\\n", sum);
    return 0;
}
```"""
CORRECT = RACY.replace("#pragma omp parallel for", "#pragma omp parallel for reduction(+:sum)")


def scripted(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies]))


class _Recording(GenericFakeChatModel):
    """A scripted chat model that keeps each call's messages and options."""

    calls: list = []

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        self.calls.append((messages, kwargs))
        yield from super()._stream(messages, stop=stop, run_manager=run_manager, **kwargs)


def recording(*replies: str) -> _Recording:
    return _Recording(messages=iter([AIMessage(content=r) for r in replies]), calls=[])


class Recorder:
    def __init__(self):
        self.stages, self.tokens = [], []

    def stage(self, message):
        self.stages.append(message)

    def output(self, stream, text):
        pass

    def warning(self, message):
        self.stages.append("warning: " + message)

    def token(self, text):
        self.tokens.append(text)

    def end_of_reply(self):
        pass


def test_extract_code_takes_the_largest_c_block():
    reply = (
        "Here:\n```bash\nls\n```\n```c\nint x;\n```\n```cpp\n#include <vector>\nint main(){}\n```"
    )
    assert extract_code(reply).startswith("#include <vector>")
    assert extract_code("no code at all, sorry") is None
    assert extract_code("#include <stdio.h>\nint main(void) { return 0; }").startswith("#include")
    assert extract_code("```c\n#include <stdio.h>\nint main(){ return 0; }") is not None  # cut off


def test_split_request_cell_words_then_code():
    words, code = split_request_cell(
        "parallelize this loop\nplease\nfor (int i = 0; i < n; i++)\n  a[i] = 0;"
    )
    assert words == "parallelize this loop please" and code.startswith("for (int i")
    words, code = split_request_cell("sum an array\n```c\nint main(void){return 0;}\n```\nquickly")
    assert words == "sum an array quickly" and "int main" in code
    assert split_request_cell("just words here") == ("just words here", None)


def test_remove_main_keeps_the_function():
    program = (
        "#include <stdio.h>\nint f(int x) {\n  return x + 1;\n}\n"
        "int main(void) {\n  return f(1);\n}\n"
    )
    answer = remove_main(program)
    assert "int f(int x)" in answer and not defines_main(answer) and "#include" in answer


def test_interpolation_of_variables_and_input_cells():
    ns = {"n": 1000, "In": ["", "x = 1"], "name": "stencil"}
    assert interpolate("sum {n} values, like {In[1]}", ns) == "sum 1000 values, like x = 1"
    assert (
        interpolate("keep {unknown} and {In[9]} and {0}", ns)
        == "keep {unknown} and {In[9]} and {0}"
    )


def test_prompt_has_rules_examples_code_and_entry():
    class Hit:
        title, lang = "Sum with a reduction", "c"
        code = "/* a long\nexplanation */\n#include <omp.h>\nint main(void) { return 0; }\n"

    messages = build_messages("sum it", "openmp", "c", [Hit()], "double s = 0;", entry="sum_array")
    system, human = messages[0].content, messages[1].content
    assert "OpenMP" in human and "`sum_array`" in human and "no main()" in human
    # The request-independent rules (incl. the function rule) are in the cached system part.
    assert "the tool writes the program that tests it" in system
    assert "the tool writes" not in human
    assert "Sum with a reduction" in human and "a long" not in human  # comment compacted away
    assert "double s = 0;" in human and human.rstrip().endswith("Request: sum it")
    assert "Reply with ONE code block" in system


def test_long_examples_are_shown_as_their_parallel_constructs_never_cut_short():
    class Hit:
        title, lang = "Halo exchange", "c"
        code = "\n".join(
            ["#include <mpi.h>", "int main(int argc, char **argv) {", "    MPI_Init(&argc, &argv);"]
            + [f"    int v{i} = {i};" for i in range(40)]
            + [
                "    #pragma omp parallel for reduction(+ : s)",
                "    MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 0,",
                "                 &u[n + 1], 1, MPI_DOUBLE, right, 0, comm, MPI_STATUS_IGNORE);",
                "    MPI_Finalize();",
                "}",
            ]
        )

    text = format_examples([Hit()])
    assert "- `#pragma omp parallel for reduction(+ : s)`" in text
    # a statement over two lines is joined; MPI_Init / MPI_Finalize are left out
    assert "comm, MPI_STATUS_IGNORE);`" in text and "&u[n + 1]" in text
    assert "MPI_Init" not in text and "MPI_Finalize" not in text
    assert "int v3" not in text and "// ..." not in text and "```" not in text

    class Short:
        title, lang = "Sum", "c"
        code = "#include <omp.h>\n\n/* why\n   it works */\ndouble f(void) { return 1.0; }\n"

    short = format_examples([Short()])
    assert "```c\n#include <omp.h>\ndouble f(void) { return 1.0; }\n```" in short


def test_numbers_compare_ignoring_timing_lines():
    one = result_numbers("sum = 1.5000001\ntime: 0.52 s\nthreads: 1\n")
    two = result_numbers("sum = 1.5000001\ntime: 0.27 s\nthreads: 2\n")
    assert one == [1.5000001] and same_numbers(one, two)[0]
    assert not same_numbers([1.0], [1.1])[0] and not same_numbers([1.0], [1.0, 2.0])[0]


@pytest.mark.parametrize(
    "text, code, api",
    [
        ("sum an array with threads", None, "openmp"),
        ("add up values from all processes", None, "mpi"),
        ("hybrid MPI and OpenMP stencil", None, "hybrid"),
        ("parallelize this", "#include <mpi.h>\nint main(){MPI_Init(0,0);}", "mpi"),
    ],
)
def test_infer_api(text, code, api):
    assert infer_api(text, code) == api


def test_repair_loop_feeds_the_race_back_and_verifies_the_fix():
    recorder = Recorder()
    model = scripted(RACY, CORRECT)
    generation = generate(
        GenerationRequest(text="count to two million with OpenMP", k=0, max_repairs=2),
        reporter=recorder,
        model=model,
    )
    assert generation.ok and generation.repairs == 1
    first, second = generation.attempts
    # the race is named whether or not it changed the printed result in this run
    assert not first.ok and first.what.startswith("ThreadSanitizer found a data race")
    assert first.stage == "compare" and "race-free (ThreadSanitizer)" in first.checks
    assert "line 6" in first.log or ":6" in first.log, first.log
    assert second.ok and second.checks["race-free (ThreadSanitizer)"]
    assert "reduction(+:sum)" in generation.code
    assert "".join(recorder.tokens).count("```") >= 2  # the reply was streamed
    assert generation.provenance["repairs"] == 1 and generation.provenance["verified"]


def test_budget_used_up_keeps_the_best_attempt_and_says_what_failed():
    generation = generate(
        GenerationRequest(text="count with OpenMP", k=0, max_repairs=1),
        reporter=Recorder(),
        model=scripted("I cannot write code.", RACY),
    )
    assert not generation.ok and len(generation.attempts) == 2
    assert generation.attempts[0].what == "the reply contains no C/C++ code block"
    assert generation.code == extract_code(RACY) and generation.failure_summary()


def test_a_program_without_the_requested_api_is_sent_back():
    serial = '```c\n#include <stdio.h>\nint main(void) { printf("1\\n"); return 0; }\n```'
    generation = generate(
        GenerationRequest(text="sum with MPI", api="mpi", k=0, max_repairs=0),
        reporter=Recorder(),
        model=scripted(serial),
    )
    assert not generation.ok and "does not use MPI" in generation.attempts[0].what


def test_empty_request_and_unknown_or_unreachable_providers(monkeypatch):
    with pytest.raises(GenerationError, match="empty"):
        generate(GenerationRequest(text="  "), model=scripted("x"))
    with pytest.raises(ProviderError, match="unknown language model"):
        parse_spec("gpt5", LLMConfig())
    monkeypatch.delenv("HPC_TEST_KEY", raising=False)
    config = LLMConfig(openai_base_url="http://127.0.0.1:9/v1", openai_api_key_env="HPC_TEST_KEY")
    with pytest.raises(ProviderError, match="HPC_TEST_KEY"):
        chat_model(parse_spec("openai:some-model", config), config)
    monkeypatch.setenv("HPC_TEST_KEY", "secret-value")
    with pytest.raises(GenerationError) as err:
        generate(GenerationRequest(text="sum", k=0, llm="openai:some-model"), config=config)
    message = str(err.value)
    assert "openai:some-model" in message and "127.0.0.1:9" in message
    assert "openai_base_url" in message and "secret-value" not in message


TASKS = __import__("pathlib").Path(__file__).parent.parent / "benchmarks" / "tasks"


def _answer_with_test_main(function_file: str) -> str:
    body = (TASKS / "omp-sum-array" / function_file).read_text()
    test_main = (
        "#include <stdio.h>\n#include <stdlib.h>\n"
        "int main(void) {\n    double a[100];\n    for (int i = 0; i < 100; i++) a[i] = i;\n"
        '    printf("sum = %.1f\\n", sum_array(a, 100));\n    return 0;\n}\n'
    )
    return f"```c\n{body}\n{test_main}```"


def test_eval_scores_answers_with_the_hidden_driver(tmp_path):
    from kernel_magics.evaluate import evaluate_tasks

    good = evaluate_tasks(
        TASKS, only=["omp-sum-array"], k=0, model=scripted(_answer_with_test_main("reference.c"))
    )
    row = good["tasks"][0]
    assert row["build@1"] and row["pass@1"] and row["speedup"] > 0
    assert good["summary"]["pass@1"] == 1.0 and good["summary"]["tasks"] == 1
    # The off-by-one variant passes the tool's own checks (same numbers at 1 and 2 threads,
    # race-free); the hidden driver's verdict decides the score (it is never fed back).
    bad = evaluate_tasks(
        TASKS,
        only=["omp-sum-array"],
        k=0,
        max_repairs=0,
        model=scripted(_answer_with_test_main("wrong.c")),
    )
    assert not bad["tasks"][0]["pass@1"] and bad["summary"]["pass@1"] == 0.0


def test_eval_rejects_a_folder_without_tasks(tmp_path):
    from kernel_magics.evaluate import EvalError, evaluate_tasks

    with pytest.raises(EvalError, match="no task folders"):
        evaluate_tasks(tmp_path, model=scripted("x"))


@pytest.mark.parametrize(
    "code, problem",
    [
        ("#define N 10000000\nint main(void) {\n    int a[N];\n}", "line 3"),
        ("#define N 1000\nint main(void) {\n    double m[N][N];\n}", "1000000 elements"),
        ("int main(void) {\n    const long n = 20000000L;\n    double b[n];\n}", "line 3"),
        ("#define N 100\nint main(void) {\n    int a[N];\n}", None),
        ("static double g[100000000];\nint main(void) { return 0; }", None),
        ("int main(void) {\n    static double g[100000000];\n}", None),
    ],
)
def test_large_stack_arrays_are_caught_before_they_crash(code, problem):
    found = stack_array_problem(code)
    if problem is None:
        assert found is None
    else:
        assert problem in found and "malloc" in found


def test_function_answers_must_compile_without_their_test_main():
    # Compiles as a whole, but FACTOR is defined inside main: the answer alone does not.
    macro_in_main = (
        "```c\n#include <stdio.h>\ndouble scale(double x);\nint main(void) {\n"
        '#define FACTOR 2.0\n    printf("%f\\n", scale(1.0));\n    return 0;\n}\n'
        "double scale(double x) { return x * FACTOR; }\n```"
    )
    fixed = macro_in_main.replace("#define FACTOR 2.0\n", "").replace(
        "double scale(double x);\n", "#define FACTOR 2.0\ndouble scale(double x);\n"
    )
    generation = generate(
        GenerationRequest(text="scale by two", api="serial", k=0, max_repairs=1, entry="scale"),
        reporter=Recorder(),
        model=scripted(macro_in_main, fixed),
    )
    first, second = generation.attempts
    assert not first.checks["scale compiles without main"] and "compiles" not in first.checks
    assert "does not compile on its own" in first.what and "FACTOR" in first.log
    assert second.ok and second.checks["scale compiles without main"]
    assert "int main" not in generation.answer and "double scale" in generation.answer


def test_a_function_answer_is_tested_by_the_tools_own_program_and_races_are_repaired():
    racy = (
        "```c\ndouble sum_array(const double *a, long n) {\n    double s = 0;\n"
        "#pragma omp parallel for\n    for (long i = 0; i < n; i++) s += a[i];\n    return s;\n}\n"
        # the model's own main() is dropped: the tool writes the test program
        'int main(void) { printf("FAIL\\n"); return 1; }\n```'
    )
    fixed = racy.replace("parallel for", "parallel for reduction(+ : s)")
    generation = generate(
        GenerationRequest(text="sum", api="openmp", k=0, max_repairs=1, entry="sum_array"),
        reporter=Recorder(),
        model=scripted(racy, fixed),
    )
    first, second = generation.attempts
    assert not first.ok and ("race" in first.what or "changes with" in first.what)
    assert "the tool's test program ran `sum_array(hpc_a, hpc_n)`" in first.what
    assert second.ok and second.checks["same result at 1 and N"]
    assert second.checks["race-free (ThreadSanitizer)"]
    assert "test program written by jupyter-hpc" in generation.code  # what is run
    answer = generation.answer
    assert "reduction(+ : s)" in answer and "main" not in answer and "hpc_" not in answer


def test_a_test_whose_made_up_inputs_do_not_suit_the_function_is_inconclusive():
    # Correct for real index arrays, but the tool's inputs are not valid indices for it.
    gather = (
        "```c\nvoid gather(const int *idx, const double *x, double *y, long n) {\n"
        "#pragma omp parallel for\n"
        "    for (long i = 0; i < n; i++) y[i] = x[idx[i] * 100000000L];\n"
        "}\n```"
    )
    generation = generate(
        GenerationRequest(text="gather", api="openmp", k=0, max_repairs=1, entry="gather"),
        reporter=Recorder(),
        model=scripted(gather),
    )
    (only,) = generation.attempts  # accepted: no repair round on a failure that is not its own
    assert only.ok and only.function_compiles
    assert any("inconclusive" in name for name in only.checks)


def test_a_function_stuck_on_the_tools_small_inputs_is_sent_back_not_excused():
    # An endless loop at 1 thread on 40 elements: the answer's fault, whatever the inputs.
    endless = (
        "```c\ndouble total(const double *x, long n) {\n    double s = 0;\n"
        "#pragma omp parallel for reduction(+:s)\n    for (long i = 0; i < n; i++) {\n"
        "        volatile long j = i;\n        while (j >= 0) j = (j + 1) % n;\n"
        "        s += x[i];\n    }\n    return s;\n}\n```"
    )
    generation = generate(
        GenerationRequest(text="sum", api="openmp", k=0, max_repairs=0, entry="total", timeout=2.0),
        reporter=Recorder(),
        model=scripted(endless),
    )
    (only,) = generation.attempts
    assert not only.ok and not any("inconclusive" in name for name in only.checks)
    assert "timed out" in only.what and "40 elements that is an endless loop" in only.what


def _struct_parameter_generation():
    """A function whose parameter (a struct pointer) the tool's test cannot make."""
    answer = "```c\ntypedef struct { int n; } params;\nvoid setup(params *p) { p->n = 3; }\n```"
    return generate(
        GenerationRequest(text="setup", api="serial", k=0, max_repairs=1, entry="setup"),
        reporter=Recorder(),
        model=scripted(answer),
    )


def test_a_function_with_parameter_types_the_tool_cannot_make_is_only_compiled():
    generation = _struct_parameter_generation()
    assert generation.ok and generation.attempts[0].checks == {
        "setup compiles without main": True,
        "tool's test program (parameter types not supported)": False,
    }


def test_retrieval_respects_the_requested_language():
    class Searcher:
        def search(self, query, **filters):
            self.filters = filters
            return []

    searcher = Searcher()
    generate(
        GenerationRequest(text="sum an array", lang="c", k=2, max_repairs=0),
        reporter=Recorder(),
        model=scripted(CORRECT),
        searcher=searcher,
    )
    assert searcher.filters["lang"] == "c" and searcher.filters["api"] == "openmp"


@pytest.mark.parametrize(
    "code, problem",
    [
        ("double scale(double x) { return 2 * x; }", None),
        ("double scale(const double *x,\n             int n) const\n{ return 0; }", None),
        ("double scale(double x);\nint main(void) { return 0; }", "does not define"),
        ("double rescale(double x) { return x; }", "does not define"),
        ("static double scale(double x) { return x; }", "static"),
        (
            "/* old: double scale(double x) { return x; } */\nint main(void) { return 0; }",
            "does not define",
        ),
    ],
)
def test_entry_problem_finds_missing_or_hidden_functions(code, problem):
    from kernel_magics.codegen import entry_problem

    found = entry_problem(code, "scale")
    assert (found is None) if problem is None else (problem in found)


def test_a_function_body_ends_at_its_own_brace_whatever_its_comments_and_strings_hold():
    from kernel_magics.codegen import function_body

    code = (
        "// scale(x) { was the old name }\n"
        "double scale(double *x /* out; in */, long n) {\n"
        '  printf("} done {\\n"); /* } */ // {\n'
        "  for (long i = 0; i < n; i++) { x[i] *= 2; }\n"
        "  return x[0];\n"
        "}\n"
        "void after(double *x) { x[1] = 0; }\n"
    )
    body = function_body(code, "scale")
    assert body.startswith("{\n  printf(") and body.endswith("return x[0];\n}")
    assert "after" not in body
    assert function_body("double scale(double x) { return x;", "scale") == "{ return x;"
    assert function_body("// double scale(double x) { }\n", "scale") is None


def test_a_program_without_the_requested_function_is_sent_back_before_it_is_run():
    renamed = (
        "```c\n#include <stdio.h>\ndouble times_two(double x) { return 2 * x; }\n"
        'int main(void) { printf("%f\\n", times_two(1.0)); return 0; }\n```'
    )
    right = renamed.replace("times_two", "scale")
    recorder = Recorder()
    generation = generate(
        GenerationRequest(text="scale by two", api="serial", k=0, max_repairs=1, entry="scale"),
        reporter=recorder,
        model=scripted(renamed, right),
    )
    first, second = generation.attempts
    assert "does not define the function `scale`" in first.what and first.stage == "none"
    assert not any("compiling" in s for s in recorder.stages[:2])  # not built: sent back at once
    assert second.ok and "double scale" in generation.answer


def test_an_interrupted_check_stops_the_request_instead_of_repairing(monkeypatch):
    import kernel_magics.verify as verify
    from kernel_magics.result import Result, RunRecord

    def interrupted_run(request, settings, reporter):
        from types import SimpleNamespace

        built = SimpleNamespace(ok=True, log="")
        result = Result(source=request.source, lang="c", lang_reason="", api="openmp", build=built)
        result.runs = [RunRecord(threads=1, ranks=1, mpi=False, interrupted=True)]
        return result

    monkeypatch.setattr(verify, "run_program", interrupted_run)
    model = scripted(CORRECT, CORRECT)
    with pytest.raises(KeyboardInterrupt):
        generate(
            GenerationRequest(text="sum", k=0, max_repairs=1), reporter=Recorder(), model=model
        )


@pytest.mark.parametrize(
    "text, entry",
    [
        (
            "Write a C function `long mandel_count(int width, int height)` that counts",
            "mandel_count",
        ),
        ("write a function sum_array(a, n) that sums the array", "sum_array"),
        (
            "Write a C++ function `std::vector<int> bucket_sort(const std::vector<int>& v)`",
            "bucket_sort",
        ),
        ("a function called dot(x, y) with OpenMP", "dot"),
        ("Write a function that sums an array", None),  # no name: a whole program
        ("Parallelize the main function", None),
    ],
)
def test_the_requested_function_is_read_from_the_words(text, entry):
    from kernel_magics.generate import infer_entry

    assert infer_entry(text) == entry


def test_a_named_function_in_a_notebook_request_gets_the_tools_test_program():
    from kernel_magics.prompts import repair_messages

    generation = generate(
        GenerationRequest(text="Write a C function `double twice(double x)`.", api="serial", k=0),
        reporter=Recorder(),
        model=scripted("```c\ndouble twice(double x) { return 2 * x; }\n```"),
    )
    assert generation.request.entry == "twice" and generation.ok
    assert "test program written by jupyter-hpc" in generation.code
    assert generation.answer.strip() == "double twice(double x) { return 2 * x; }"
    repair = repair_messages([], "x", "it failed", "", "c", entry="twice")[-1].content
    assert "corrected function `twice` (no main())" in repair


def test_examples_are_kept_for_the_repair_not_the_first_prompt():
    class Hit:
        id, title, lang = "omp-sum", "Sum with a reduction", "c"
        code = "#include <omp.h>\n#pragma omp parallel for reduction(+ : s)\n"

    class Searcher:
        def search(self, query, **filters):
            return [Hit()]

    no_code = "I cannot."
    model = recording(no_code, no_code, no_code)
    generation = generate(
        GenerationRequest(text="sum an array", api="openmp", k=1, max_repairs=2),
        reporter=Recorder(),
        model=model,
        searcher=Searcher(),
    )
    # (the third call is a fresh start: the repair failed the same way)
    first, repair, second_repair = [[m.content for m in messages] for messages, _ in model.calls]
    assert generation.snippet_ids == ["omp-sum"]
    assert not any("Sum with a reduction" in m for m in first)
    assert "Sum with a reduction" in repair[-1] and "reduction(+ : s)" in repair[-1]
    assert "Sum with a reduction" not in second_repair[-1]  # once is enough: it stays above


def test_an_accepted_answer_says_which_checks_did_not_happen():
    from kernel_magics.display import generation_lines

    lines = generation_lines(_struct_parameter_generation())
    assert "verified code after 1 attempt" in lines[0] and "setup compiles without main" in lines[0]
    assert "not checked: tool's test program (parameter types not supported)" in lines[1]


def test_headers_the_compiler_asks_for_are_added_without_a_model_round():
    from kernel_magics.display import generation_lines

    reply = """```cpp
#include <vector>
double total(const std::vector<double>& x) {
    double s = 0.0;
    #pragma omp parallel for reduction(+:s)
    for (size_t i = 0; i < x.size(); ++i) s += std::sqrt(x[i] * x[i]);
    return s;
}
```"""
    generation = generate(
        GenerationRequest(
            text="Write a C++ function `double total(const std::vector<double>& x)` with OpenMP",
            k=0,
            max_repairs=1,
        ),
        reporter=Recorder(),
        model=scripted(reply),  # one reply only: a repair round would fail
    )
    assert generation.ok and generation.repairs == 0
    assert "#include <cstddef>" in generation.answer and "#include <cmath>" in generation.answer
    assert generation.provenance["fixes"] == ["#include <cstddef>", "#include <cmath>"]
    assert any(
        "pointed at: #include <cstddef>; #include <cmath>" in line
        for line in generation_lines(generation)
    )


def _asked_afresh(replies, max_repairs: int, why: str, round_number: int):
    """Run the loop on scripted replies; the round ``round_number`` must have asked
    afresh (a sampled answer to the first prompt) for the reason ``why``."""
    model = recording(*replies)
    recorder = Recorder()
    generation = generate(
        GenerationRequest(text="count to two million with OpenMP", k=0, max_repairs=max_repairs),
        reporter=recorder,
        model=model,
    )
    assert generation.ok and generation.repairs == max_repairs, generation.failure_summary()
    assert any(f"{why}; asking afresh" in s for s in recorder.stages)
    assert generation.provenance["sampled_rounds"] == [round_number]
    # the first answer and the repair were plain; the fresh one sampled with a fixed seed
    (first, plain), (repair, repair_kwargs), (fresh, sampled) = model.calls
    assert plain == repair_kwargs == {}
    assert sampled == {"temperature": 0.7, "seed": round_number}
    # the fresh start is the first prompt plus a note: not the conversation with the code
    assert len(fresh) == len(first) and fresh[0].content == first[0].content
    assert fresh[-1].content.startswith(first[-1].content)
    assert "Note: an earlier answer to this request was wrong." in fresh[-1].content
    assert len(repair) > len(first)  # the repair round itself was the conversation
    return generation


def test_the_same_failed_code_again_is_replaced_by_a_fresh_sampled_answer():
    generation = _asked_afresh((RACY, RACY, CORRECT), 1, "sent the same code again", 1)
    assert "reduction(+:sum)" in generation.code


def test_a_repair_that_fails_the_same_way_is_followed_by_a_fresh_answer_not_a_repair():
    # the "repair" is other code with the same race: the next round asks afresh, and
    # there is no third reply for a repair (three model calls in all)
    replies = (RACY, RACY.replace("2000000", "3000000"), CORRECT.replace("2000000", "4000000"))
    generation = _asked_afresh(replies, 2, "the last repair failed the same way", 2)
    assert "4000000" in generation.code
    # different failures (a race, then a compile error) are repaired as before
    broken = CORRECT.replace("double sum = 0.0;", "double sum = 0.0")
    model = recording(RACY, broken, CORRECT)
    generation = generate(
        GenerationRequest(text="count to two million with OpenMP", k=0, max_repairs=2),
        reporter=Recorder(),
        model=model,
    )
    assert generation.ok and generation.provenance["sampled_rounds"] == []
    assert [kwargs for _, kwargs in model.calls] == [{}, {}, {}]


def test_a_race_seen_by_either_check_is_one_failure_but_other_failures_are_not():
    # A race changes the printed result in some runs only: then ThreadSanitizer sees it
    # instead. Both runs of racy code failed the same way; a compile error did not.
    from kernel_magics.generate import Attempt, _failed_the_same_way

    def failed(stage, **checks):
        return Attempt(reply="", code="", ok=False, stage=stage, checks=checks)

    by_result = failed("run", compiles=True, runs=True, **{"same result at 1 and N": False})
    by_tsan = failed(
        "compare",
        compiles=True,
        runs=True,
        **{"same result at 1 and N": True, "race-free (ThreadSanitizer)": False},
    )
    crash = failed("build", compiles=True, runs=False)
    assert _failed_the_same_way([by_result, by_tsan])
    assert _failed_the_same_way([by_tsan, by_result])
    assert not _failed_the_same_way([by_result, crash])
    assert not _failed_the_same_way([crash, by_tsan])
    assert _failed_the_same_way([crash, failed("build", compiles=True, runs=False)])
    assert not _failed_the_same_way([failed("none", compiles=False), crash])


def test_a_function_defined_below_its_caller_is_declared_above_it():
    from kernel_magics.fixits import apply_fixits

    code = (
        "#include <math.h>\n\ndouble integrate(double a, long n) {\n"
        "    double s = 0;\n    for (long i = 0; i < n; i++) s += f(a + i);\n    return s;\n}\n"
        "\nstatic double f(double x) {\n    return exp(-x * x);\n}\n"
    )
    gcc_c = (
        "t.c:5:42: error: implicit declaration of function ‘f’ [-Wimplicit-function-declaration]"
    )
    fixed, done = apply_fixits(code, gcc_c, "c")
    assert done == ["declared f() before its first use"]
    assert fixed.startswith(
        "#include <math.h>\n\nstatic double f(double x);\ndouble integrate(double a, long n) {"
    )
    gxx = "t.cpp:5:42: error: ‘f’ was not declared in this scope"
    assert apply_fixits(code, gxx, "c++")[0] == fixed
    # a name the code never defines is left to the header fixes (or the model)
    assert apply_fixits(code.replace("f(", "g("), gcc_c, "c") == (code.replace("f(", "g("), [])


def test_sampling_is_asked_for_in_each_providers_own_terms():
    from kernel_magics.generate import _sampling
    from kernel_magics.llm import ProviderSpec

    class Model:
        num_predict = 1200

        def bind(self, **kwargs):
            return kwargs

    assert _sampling(Model(), ProviderSpec("local", None), 1) == {"temperature": 0.7, "seed": 1}
    assert _sampling(Model(), ProviderSpec("openai", "m"), 2) == {"temperature": 0.7, "seed": 2}
    # Ollama's options replace the model's own, so the reply length is passed again
    ollama = _sampling(Model(), ProviderSpec("ollama", "m"), 2)
    assert ollama == {"options": {"temperature": 0.7, "seed": 2, "num_predict": 1200}}
