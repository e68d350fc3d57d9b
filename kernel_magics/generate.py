"""From a request in words to verified code: retrieve -> prompt -> generate -> verify -> repair.

One code path for ``%%hpc``, ``jupyter hpc ask`` and ``jupyter hpc eval``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace

from kernel_magics.check_fixits import (
    in_place_collectives,
    length_expression,
    reduce_to_allreduce,
    rootless_reduces,
    zero_first,
)
from kernel_magics.codegen import (
    defines_main,
    entry_problem,
    extract_code,
    function_body,
)
from kernel_magics.fixits import apply_fixits
from kernel_magics.harness import SIZE, with_test_main, without_test_main
from kernel_magics.llm import LLMConfig, ProviderError, chat_model, model_id, parse_spec
from kernel_magics.options import DEFAULT_EXAMPLES
from kernel_magics.prompts import (
    build_messages,
    format_examples,
    fresh_start_messages,
    prompt_hash,
    repair_messages,
)
from kernel_magics.properties import (
    EVERY_RANK,
    check_every_rank,
    check_fresh_memory,
    memory_error_report,
)
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings
from kernel_magics.signatures import requested_signature, signature_problem
from kernel_magics.source import analyse_source
from kernel_magics.verify import STAGES, compiles_alone, verify_program

HARNESS_TIMEOUT_S = 10.0
# MPI errors no made-up input causes (an invalid rank, aliased buffers ...): when a test
# run fails with one, the answer is at fault, not an inconclusive test.
_MPI_MISUSE = re.compile(r"MPI_ERR_(RANK|BUFFER|ARG|OP|TYPE|COMM|ROOT|TAG)\b")


class GenerationError(RuntimeError):
    """The request cannot be served (empty request, model unreachable ...)."""


@dataclass
class GenerationRequest:
    """What the user asked for."""

    text: str
    code: str | None = None  # code from the cell (e.g. serial code to parallelize)
    api: str | None = None  # openmp | mpi | hybrid | serial; None: from the words and code
    lang: str | None = None  # c | c++; None: from the code, else c
    k: int = DEFAULT_EXAMPLES  # retrieved snippets (0: no retrieval)
    max_repairs: int = 2
    llm: str | None = None  # provider spec; None: the configured default
    entry: str | None = None  # the answer is this function (no main) - used by eval
    verify: bool = True  # False: take the first extracted code as it is (baseline)
    timeout: float = 20.0  # per verification run


@dataclass
class Attempt:
    """One model reply and what the checks said about it."""

    reply: str
    code: str | None
    ok: bool
    stage: str
    what: str = ""
    log: str = ""
    checks: dict = field(default_factory=dict)
    seconds: float = 0.0
    function_compiles: bool | None = None  # function requests: the answer without main
    fixes: list[str] = field(default_factory=list)  # made by the tool (fixits.py)


@dataclass
class Generation:
    """The outcome: the best code found, every attempt, and provenance."""

    request: GenerationRequest
    api: str
    lang: str
    code: str | None = None  # the best program (whole program, with main)
    answer: str | None = None  # what is returned to the user (without main for entry tasks)
    ok: bool = False
    attempts: list[Attempt] = field(default_factory=list)
    snippet_ids: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    seconds: float = 0.0
    first_token_s: float | None = None
    sampled_rounds: list[int] = field(default_factory=list)  # repairs answered afresh

    @property
    def repairs(self) -> int:
        return max(len(self.attempts) - 1, 0)

    @property
    def best(self) -> Attempt | None:
        """The verified attempt, else the one that got furthest (for a function request,
        one that defines the function first: without it the answer cannot even link)."""
        scored = [a for a in self.attempts if a.code]
        entry = self.request.entry

        def rank(a: Attempt):
            provides_entry = not entry or entry_problem(a.code, entry) is None
            # a function that compiles on its own beats one that does not
            answer_compiles = not entry or bool(a.function_compiles)
            return (a.ok, provides_entry, answer_compiles, STAGES.index(a.stage))

        return max(scored, key=rank, default=None)

    def failure_summary(self) -> str:
        best = self.best
        if best is None:
            return "the model's replies contained no C/C++ code"
        return best.what


class GenerationReporter(Reporter):
    """Adds model token streaming to the pipeline's Reporter."""

    def token(self, text: str) -> None:
        """A piece of the model's reply as it arrives."""

    def end_of_reply(self) -> None:
        """The reply is complete."""


def infer_api(text: str, code: str | None) -> str:
    """openmp / mpi / hybrid / serial from the request words and the code."""
    words = text.lower()
    info = analyse_source(code) if code else None
    wants_mpi = any(
        w in words for w in ("mpi", "rank", "process", "distributed", "cluster", "node")
    )
    wants_omp = any(
        w in words for w in ("openmp", "thread", "omp ", "#pragma", "multicore", "shared memory")
    )
    if info and info.api != "serial":
        wants_mpi = wants_mpi or info.uses_mpi
        wants_omp = wants_omp or info.uses_openmp
    if "hybrid" in words or (wants_mpi and wants_omp):
        return "hybrid"
    if wants_mpi:
        return "mpi"
    return "openmp"  # the default way to make code parallel on one node


_NAMED_FUNCTION = re.compile(
    r"\bfunction\s+(?:called\s+|named\s+)?`?(?:[^`(]*?[\s*&])?([A-Za-z_]\w*)\s*\(", re.I
)


def infer_entry(text: str) -> str | None:
    """The function a request asks for by name ("a C function `long count(int n)`"), or None."""
    match = _NAMED_FUNCTION.search(text or "")
    if match is None or match.group(1) == "main":
        return None
    return match.group(1)


def generate(
    request: GenerationRequest,
    settings: Settings | None = None,
    reporter: GenerationReporter | None = None,
    config: LLMConfig | None = None,
    model=None,
    searcher=None,
) -> Generation:
    """Run the whole loop; ``model`` (a langchain chat model) overrides the provider."""
    settings = settings or Settings()
    reporter = reporter or GenerationReporter()
    config = config or LLMConfig()
    if not (request.text or "").strip() and not request.code:
        raise GenerationError("the request is empty: say in words what the code should do")
    started = time.perf_counter()
    if request.entry is None and not request.code:
        # "Write a function `double dot(...)`": the model writes the function, the tool tests it
        request = replace(request, entry=infer_entry(request.text))
    api = request.api or infer_api(request.text, request.code)
    # Without a language given or implied by the user's code, the answer's own code
    # decides (the model may well answer in C++ after seeing a C++ example).
    lang = request.lang or (analyse_source(request.code).lang if request.code else None)
    generation = Generation(request=request, api=api, lang=lang or "c")

    hits = []
    if request.k > 0:
        reporter.stage(f"retrieving {request.k} verified examples")
        hits = _retrieve(request, api, searcher, reporter)
        generation.snippet_ids = [h.id for h in hits]
        if hits:
            reporter.stage(
                "examples: "
                + ", ".join(generation.snippet_ids)
                + " (shown to the model in a repair)"
            )
    spec = parse_spec(request.llm or config.llm, config)
    model_name = model_id(spec) if model is None else type(model).__name__
    if model is None:
        model = chat_model(spec, config, progress=reporter.stage)
    # The first prompt has no examples: measured on the task set, the 1.5B model copies
    # an example's program instead of answering, so they are kept for the repair rounds,
    # where they show correct API usage next to the error they can fix.
    messages = build_messages(
        request.text or "Parallelize this code.",
        api,
        lang or "c",
        (),
        request.code,
        request.entry,
    )
    first_messages = messages
    generation.provenance = {
        "model": model_name,
        "prompt_hash": prompt_hash(messages),
        "snippets": generation.snippet_ids,
        "api": api,
        "lang": lang,
    }
    rounds = 1 + (request.max_repairs if request.verify else 0)
    for round_number in range(rounds):
        reporter.stage(
            "generating"
            if round_number == 0
            else f"repair {round_number}/{request.max_repairs}: generating"
        )
        t0 = time.perf_counter()
        stalled = _failed_the_same_way(generation.attempts[-2:])
        if stalled:
            reply = code = None  # a repair of a repair that failed the same way: ask afresh
        else:
            reply = _stream(model, messages, reporter, spec, config, generation)
            code = extract_code(reply)
        if stalled or (round_number > 0 and _repeats(code, generation.attempts)):
            # A small model often sends its failed code back unchanged, or repairs it
            # into code that fails the same check again: another repair would fail the
            # same way, so ask afresh instead, sampling another answer.
            reporter.stage(
                f"repair {round_number}/{request.max_repairs}: "
                + (
                    "the last repair failed the same way"
                    if stalled
                    else "the model sent the same code again"
                )
                + "; asking afresh for another answer (sampled)"
            )
            generation.sampled_rounds.append(round_number)
            fresh = fresh_start_messages(first_messages, generation.attempts[-1].what)
            sampling = _sampling(model, spec, seed=round_number)
            reply = _stream(sampling, fresh, reporter, spec, config, generation)
            code = extract_code(reply)
        attempt = Attempt(reply=reply, code=code, ok=False, stage="none")
        generation.attempts.append(attempt)
        _check(attempt, request, lang, api, settings, reporter)
        attempt.seconds = time.perf_counter() - t0
        if attempt.ok:
            reporter.stage(
                "verified: " + ", ".join(k for k, v in attempt.checks.items() if v)
                if attempt.checks
                else "code extracted"
            )
            break
        reporter.stage(f"check failed: {attempt.what}")
        if round_number + 1 < rounds:
            messages = repair_messages(
                messages,
                reply,
                attempt.what,
                attempt.log,
                lang or "c",
                request.entry,
                examples=format_examples(hits) if hits and round_number == 0 else "",
            )
    best = generation.best
    if best is not None:
        generation.lang = lang or analyse_source(best.code).lang
        generation.code = best.code
        generation.ok = best.ok
        generation.answer = without_test_main(best.code) if request.entry else best.code
    generation.seconds = time.perf_counter() - started
    generation.provenance.update(
        repairs=generation.repairs,
        verified=generation.ok and request.verify,
        checks=best.checks if best else {},
        fixes=best.fixes if best else [],
        sampled_rounds=generation.sampled_rounds,
        seconds=round(generation.seconds, 2),
    )
    return generation


def _check(attempt: Attempt, request, lang, api, settings, reporter) -> None:
    """Fill in the attempt's verdict (ok, stage, what failed, evidence, checks)."""
    if attempt.code is None:
        attempt.what = "the reply contains no C/C++ code block"
        return
    if not request.verify:  # the baseline: the first code is the answer, unchecked
        attempt.ok = True
        return
    _fix(attempt, rootless_reduces(attempt.code), reporter, "the compiler")
    _fix(attempt, in_place_collectives(attempt.code), reporter)
    if request.entry:
        _check_function(attempt, request, lang, api, settings, reporter)
    elif not defines_main(attempt.code) and (name := _last_function(attempt.code)):
        # a function where a program was expected: test it like a requested function
        _check_function(attempt, replace(request, entry=name), lang, api, settings, reporter)
    else:
        reporter.stage("compiling and checking (1 and N threads/ranks, race check)")

        def checked():
            return verify_program(
                attempt.code,
                lang,
                api,
                settings,
                reporter,
                reference_code=_whole_program(request.code),
                timeout=request.timeout,
            )

        verdict = checked()
        if verdict.checks.get("compiles") is False and _apply_fixits(
            attempt, verdict.log, lang, reporter
        ):
            verdict = checked()
        _record(attempt, verdict)


def _apply_fixits(attempt: Attempt, log: str, lang, reporter) -> bool:
    """Apply the mechanical fixes a failed compile points at; whether the code changed."""
    lang = analyse_source(attempt.code, lang).lang
    return _fix(attempt, apply_fixits(attempt.code, log, lang), reporter, "the compiler")


def _fix(attempt: Attempt, fixed: tuple[str, list[str]], reporter, source="the checks") -> bool:
    """Take a mechanical fix (new code, what was done); whether the code changed."""
    code, done = fixed
    if code == attempt.code or not done:
        return False
    attempt.code = code
    attempt.fixes += done
    reporter.stage(f"fixed what {source} pointed at: " + "; ".join(done))
    return True


def _record(attempt: Attempt, verdict) -> None:
    attempt.ok, attempt.stage = verdict.ok, verdict.stage
    attempt.checks = {**attempt.checks, **verdict.checks}
    attempt.what, attempt.log = verdict.what, verdict.log


def _check_function(
    attempt: Attempt, request, lang, api, settings, reporter, may_fix: bool = True
) -> None:
    """A function answer: it must compile alone; then the tool's test program runs it.

    The test program (``harness.py``) calls the function on made-up inputs at 1 and
    N threads/ranks and under ThreadSanitizer. When those inputs do not suit the
    function (it fails at 1 thread and 1 rank as well), the test is inconclusive
    and the answer is not blamed for it. When a check after 1 vs N fails in a way the
    tool can fix itself (``check_fixits.py``), it does (once: ``may_fix``), and checks
    the fixed answer again from the start.
    """
    answer = without_test_main(attempt.code)
    attempt.code = answer
    if not _function_compiles(attempt, request, lang, settings, reporter):
        return  # what failed and the compiler's log are filled in
    answer = attempt.code  # with the tool's fixes (missing #include lines ...)
    info = analyse_source(answer, lang)  # without a language asked for: the answer's own
    uses_mpi = api in ("mpi", "hybrid") or info.uses_mpi
    harness = with_test_main(answer, request.entry, info.lang, uses_mpi, request.text)
    if harness is None:
        attempt.ok, attempt.stage = True, "build"
        attempt.checks["tool's test program (parameter types not supported)"] = False
        return
    attempt.code = harness.source
    reporter.stage(
        f"compiling and checking {request.entry} with the tool's test program "
        "(1 and N threads/ranks, race check)"
    )
    verdict = verify_program(
        harness.source,
        lang,
        api,
        settings,
        reporter,
        timeout=_harness_timeout(request),
        # MPI: with "local" sizes the global data are the same at every rank count, else
        # every rank has the same inputs (harness.py); verify.same_checksums compares
        compare_ranks=("blocks" if harness.blocks else "replicated") if uses_mpi else False,
    )
    result = verdict.result
    runs = result.runs if result is not None else []
    first = next((r for r in runs if (r.threads, r.ranks) == (1, 1)), None)
    misuse = next((r for r in runs if not r.ok and _MPI_MISUSE.search(r.stderr or "")), None)
    # Stuck at 1 thread and 1 rank on inputs of a few dozen elements: an endless loop or
    # a deadlock (a rank waiting for a message nobody sends), not unsuitable inputs.
    stuck = first is not None and first.timed_out
    if stuck:
        reporter.stage("the test program hangs at 1 thread: checking its memory accesses")
        timeout = _harness_timeout(request)
        # a hang after an invalid access may come from buffer sizes the tool guessed
        stuck = not memory_error_report(harness, info.lang, uses_mpi, settings, reporter, timeout)
    inputs_unsuitable = not verdict.ok and (
        verdict.checks.get("compiles") is False
        or (first is not None and not first.ok and misuse is None and not stuck)
    )
    if inputs_unsuitable:
        # The made-up inputs (or the test program itself) do not suit this function.
        attempt.ok, attempt.stage = True, "build"
        attempt.checks[
            "tool's test program (inconclusive: its inputs do not suit the function)"
        ] = False
        attempt.log = verdict.log
        return
    _record(attempt, verdict)
    if stuck:
        attempt.what += f". On inputs of only {SIZE} elements that is an endless loop" + (
            " or a deadlock (a rank waiting for a message that no rank sends, or one "
            "that receives from itself)"
            if uses_mpi
            else " (or a recursion that never reaches its base case)"
        )
    if misuse is not None and misuse.stderr[-1500:] not in attempt.log:
        attempt.log += f"\nthe run with {misuse.label}:\n{misuse.stderr[-1500:]}"
    if verdict.ok:
        check = _check_properties(
            attempt, harness, request, info.lang, uses_mpi, runs, settings, reporter
        )
        if check is not None and not check.ok and may_fix:
            fixed = _fix_for(check, answer, request.entry, harness)
            if fixed[1]:
                attempt.code = answer  # the fix is made to the answer, not the test program
                _fix(attempt, fixed, reporter)
                return _check_function(attempt, request, lang, api, settings, reporter, False)
    if not attempt.ok:
        # the model has not seen the test program: say how it called the function
        attempt.what = (
            f"{attempt.what} (the tool's test program ran `{harness.call}` on made-up inputs"
            + (
                "; with more than one rank, each rank held its own block of the same global "
                "data, and the blocks had different sizes, as the request allows"
                if harness.uneven_blocks
                else ""
            )
            + ")"
        )


def _harness_timeout(request) -> float:
    """The time limit of a run of the tool's test program: its inputs are small, so a
    run that takes longer is stuck (or its inputs do not suit the function)."""
    return min(request.timeout, HARNESS_TIMEOUT_S)


def _check_properties(attempt, harness, request, lang, uses_mpi, runs, settings, reporter):
    """The checks 1 vs N cannot make (``properties.py``): with MPI, results the request
    wants on every rank are equal on all ranks; otherwise the result does not depend on
    memory the function never set. Returns the check made (None: none applies)."""
    if uses_mpi:
        check = check_every_rank(request.text, harness, runs)
    else:
        reporter.stage(f"checking that {request.entry} sets every output it reports")
        check = check_fresh_memory(harness, lang, settings, reporter, _harness_timeout(request))
    if check is None:
        return None
    attempt.checks[check.name] = check.ok
    if not check.ok:
        attempt.ok, attempt.stage = False, "run"
        attempt.what, attempt.log = check.what, check.log
    return check


def _fix_for(check, answer: str, entry: str, harness) -> tuple[str, list[str]]:
    """The mechanical fix for a failed property check (``check_fixits.py``), if any:
    the fixed answer and what was done (the answer unchanged and [] when none)."""
    if check.name == EVERY_RANK:
        return reduce_to_allreduce(answer)
    done = []
    body = function_body(answer, entry) or answer
    for name, extent in check.added_to.items():
        length = length_expression(extent, harness.sizes, body)
        fixed = zero_first(answer, entry, name, length) if length else None
        if fixed is not None:
            answer = fixed
            done.append(f"{name} set to zero first ({length} elements)")
    return answer, done


def _function_compiles(attempt: Attempt, request, lang, settings, reporter) -> bool:
    """A function answer (without any main()) must define the function and compile alone.

    When the request spells out the function's declaration, the answer must keep it.

    What the compiler points at and the tool can fix (a missing header, a ``long rank``)
    is fixed first (twice at most: one fix can reveal the next error).
    """
    problem = entry_problem(attempt.code, request.entry) or signature_problem(
        attempt.code, request.text, request.entry
    )
    if problem:
        attempt.function_compiles, attempt.what = False, problem
        return False
    if requested_signature(request.text, request.entry):
        attempt.checks[f"{request.entry} has the requested signature"] = True
    alone, log = compiles_alone(attempt.code, lang, settings)
    for _ in range(2):
        if alone or not _apply_fixits(attempt, log, lang, reporter):
            break
        alone, log = compiles_alone(attempt.code, lang, settings)
    attempt.function_compiles = alone
    attempt.checks[f"{request.entry} compiles without main"] = alone
    if not alone:
        attempt.what = f"`{request.entry}` does not compile on its own"
        attempt.log = log
    return alone


def _last_function(code: str) -> str | None:
    from retrieval.chunking import split_source

    names = [c.name for c in split_source(code, "c") if c.kind == "function"]
    return names[-1] if names else None


def _normalized(code: str | None) -> str:
    return re.sub(r"\s+", " ", code or "").strip()


# Two faces of one failure, a data race: which of the two checks sees it first depends
# on the thread schedule of that run (a race may or may not change the printed result).
_RACE_CHECKS = frozenset({"same result at 1 and N", "race-free (ThreadSanitizer)"})


def _failed_the_same_way(attempts: list[Attempt]) -> bool:
    """Whether the last two attempts failed at the same stage with the same checks
    failing (a repair that did not get past what it was asked to fix). A result that
    changes with the thread count and a race found by ThreadSanitizer count as one
    failure."""
    if len(attempts) < 2 or any(a.ok for a in attempts[-2:]):
        return False

    def failure(a: Attempt):
        failed = {name for name, passed in a.checks.items() if not passed}
        if failed & _RACE_CHECKS:
            return "race", sorted(failed - _RACE_CHECKS)
        return a.stage, sorted(failed)

    return failure(attempts[-2]) == failure(attempts[-1])


def _repeats(code: str | None, attempts: list[Attempt]) -> bool:
    """Whether ``code`` is what an earlier reply already contained (spacing aside)."""
    return code is not None and any(
        _normalized(code) == _normalized(extract_code(a.reply)) for a in attempts
    )


SAMPLING_TEMPERATURE = 0.7


def _sampling(model, spec, seed: int):
    """The model, sampling at ``SAMPLING_TEMPERATURE`` with a fixed seed (the same
    request gives the same answers again); the model as it is where that cannot be set."""
    if not hasattr(model, "bind"):
        return model
    if spec.provider == "ollama":  # options replace the model's own: keep the reply length
        options = {"temperature": SAMPLING_TEMPERATURE, "seed": seed}
        if getattr(model, "num_predict", None):
            options["num_predict"] = model.num_predict
        return model.bind(options=options)
    return model.bind(temperature=SAMPLING_TEMPERATURE, seed=seed)


def _code_block_closed(text: str) -> bool:
    """True once a fenced code block has been opened and closed."""
    start = text.find("```")
    if start < 0:
        return False
    body = text.find("\n", start)
    return body >= 0 and "```" in text[body:]


def _whole_program(code: str | None) -> str | None:
    return code if code and defines_main(code) else None


def _retrieve(request, api, searcher, reporter):
    try:
        if searcher is None:
            from retrieval.searcher import default_searcher

            searcher = default_searcher()
        query = request.text if not request.code else f"{request.text}\n{request.code[:400]}"
        return searcher.search(
            query,
            k=request.k,
            api=api if api != "serial" else None,
            # A C++ example for a C request makes the model answer in C++ (seen in eval).
            lang=request.lang,
            include_user=False,
            notice=reporter.stage,
        )
    except Exception as err:  # retrieval is a help, not a requirement
        reporter.warning(f"retrieval skipped: {err}")
        return []


def _stream(model, messages, reporter, spec, config, generation) -> str:
    """Stream the reply token by token to the reporter; return the whole text."""
    from kernel_magics.llm import unreachable_message

    parts: list[str] = []
    t0 = time.perf_counter()
    try:
        for chunk in model.stream(messages):
            text = chunk.content if isinstance(chunk.content, str) else ""
            if text:
                if generation.first_token_s is None:
                    generation.first_token_s = time.perf_counter() - t0
                parts.append(text)
                reporter.token(text)
                if _code_block_closed("".join(parts)):
                    break  # the prose after the code is not used: do not wait for it
    except ProviderError:
        raise
    except KeyboardInterrupt:
        reporter.end_of_reply()
        raise
    except Exception as err:
        if parts:  # the connection broke mid-reply: keep what came
            reporter.warning(f"the model's reply was cut off: {err}")
        else:
            raise GenerationError(unreachable_message(spec, config, err)) from None
    reporter.end_of_reply()
    return "".join(parts)
