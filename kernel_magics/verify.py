"""Checking generated code without trusting it: build, run at 1 and N, compare, race-check.

Most requests come without a reference answer, so the checks are built here:
- it compiles, with the warnings that are bugs in practice made errors (the compiler's
  messages are the feedback when it does not);
- it runs and exits 0 at one thread/rank and at N (no crash, no hang);
- differential test: the numbers it prints at N equal those at 1 (within a relative
  tolerance for floating point): this catches most races and broken reductions;
- a FAIL line printed by its own self-check is a failure;
- OpenMP code gives the same numbers on 1 thread as its serial elision (the same code
  with the pragmas removed, ``elision.py``): this catches clauses that are wrong even on
  one thread, such as a reduction that folds in a variable's initial value;
- OpenMP code passes ThreadSanitizer (clang + Archer);
- when the user gave serial code that is a whole program, its output is the reference.

A function answer runs these checks through the tool's test program (``harness.py``),
then the ones in ``properties.py`` (memory it never set, results on every rank).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from kernel_magics.pipeline import RunRequest, run_program
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings

_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
# Lines about time, speed or the team size legitimately differ between runs.
_VOLATILE = re.compile(
    r"time|elapsed|sec|\bms\b|\bus\b|wtime|thread|rank|proc|speed|gflop|mflop|bandwidth|"
    r"throughput|\bnp\b|size|worker|gb/s|mb/s|cores?\b|iteration/s|rate",
    re.IGNORECASE,
)
_FAIL = re.compile(r"\b(FAIL|FAILED|MISMATCH|WRONG|INCORRECT)\b")
SEGFAULT_HINT = (
    "Common causes of a segmentation fault: an index out of bounds (check loop limits and "
    "each rank's block size), a big array on the stack (use malloc), a NULL or freed pointer, "
    "an MPI buffer too small for the count, or the same buffer as send and receive buffer "
    "(use MPI_IN_PLACE)."
)
SERIAL_ELISION_DIFFERS = (
    "with OpenMP the result differs even on 1 thread from the same code with its OpenMP "
    "pragmas removed ({why}): an OpenMP clause changes what the code computes. Check each "
    "reduction variable (the operator, and its value before the loop: a reduction combines "
    "it into the result), private/firstprivate/lastprivate variables, and work split by "
    "thread number"
)
# Warnings that are bugs in practice (GCC 14 makes the first three errors in C): an
# MPI_Comm_rank into a `long`, a pointer passed as an integer, a call without a
# declaration, a non-void function that can end without returning, a variable read
# before it is ever set (only the certain case: "maybe uninitialized" has false alarms).
_STRICT_C = (
    "-Werror=incompatible-pointer-types -Werror=int-conversion "
    "-Werror=implicit-function-declaration -Werror=return-type -Werror=uninitialized"
)
_STRICT_CXX = "-Werror=return-type -Werror=uninitialized"


def strict_cflags(lang: str) -> str:
    """Extra compiler flags for generated code: the warnings that are almost always bugs."""
    return _STRICT_CXX if lang == "c++" else _STRICT_C


REL_TOL = 1e-6
ABS_TOL = 1e-9
# A program that draws random numbers may print other results at another thread or rank
# count (each thread or rank its own stream): within these, they are the same estimate.
RANDOM_REL_TOL = 1e-2
RANDOM_ABS_TOL = 1e-2
EXACT = (REL_TOL, ABS_TOL)  # (relative, absolute) tolerances of a comparison
RANDOM = (RANDOM_REL_TOL, RANDOM_ABS_TOL)
SAME_WITHIN_RANDOM = (
    f"same result at 1 and N (within {RANDOM_REL_TOL:.0%}: it draws random numbers)"
)


# How far an attempt got, worst to best: the best attempt is the one shown when none passes.
STAGES = ("none", "build", "run", "compare", "race", "verified")


@dataclass
class Verdict:
    """What the checks of one attempt found."""

    stage: str  # furthest stage passed: "none", "build", "run", "compare", "race", "verified"
    ok: bool
    what: str = ""  # what failed, in words (fed back to the model)
    log: str = ""  # the evidence (compiler messages, stderr, diff of numbers, race report)
    checks: dict[str, bool] = field(default_factory=dict)
    result: object = None  # the pipeline Result of the main runs


def result_numbers(stdout: str) -> list[float]:
    """The numbers a program printed, leaving out lines about time, speed and team size."""
    numbers = []
    for line in stdout.splitlines():
        if _VOLATILE.search(line):
            continue
        numbers += [float(x) for x in _NUMBER.findall(line)]
    return numbers


def same_numbers(
    a: list[float], b: list[float], tolerance: tuple[float, float] = EXACT
) -> tuple[bool, str]:
    """Equal lists of numbers within ``tolerance`` (relative, absolute); the first
    difference otherwise."""
    rel_tol, abs_tol = tolerance
    if len(a) != len(b):
        return (
            False,
            f"printed {len(a)} result numbers at the first setting and {len(b)} at the second",
        )
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if not math.isclose(x, y, rel_tol=rel_tol, abs_tol=abs_tol):
            return False, f"result number {i + 1} differs: {x!r} vs {y!r}"
    return True, ""


def _counts(info) -> tuple[list[int], list[int]]:
    """(threads, ranks) for the differential test: 1 and N of what the code uses."""
    n = max(2, min(4, Settings.default_parallelism()))
    if info.uses_openmp and info.uses_mpi:  # the grid's corners are enough
        return [1, 2], [1, 2]
    return ([1, n] if info.uses_openmp else [1]), ([1, n] if info.uses_mpi else [1])


_CHECKSUM = re.compile(r"^checksum (.+?): (.*)$", re.M)


def checksum_table(stdout: str) -> dict[str, list[float]]:
    """The checksum lines of the tool's test program: {output name: its numbers}."""
    return {m.group(1): result_numbers(m.group(2)) for m in _CHECKSUM.finditer(stdout)}


def same_checksums(
    base: str, other: str, ranks: int | None = None, tolerance: tuple[float, float] = EXACT
) -> tuple[bool, str]:
    """The tool's MPI test program at 1 and at more ranks: every output must match on
    rank 0 or summed over the ranks (root-only and replicated results match on rank 0,
    distributed ones in the sum). With ``ranks`` (every rank got the same inputs, so
    the data may stand for one block per rank), ``ranks`` times the 1-rank value is
    also accepted. ``tolerance``: as in ``same_numbers``."""
    from kernel_magics.harness import ALL_RANKS

    def matches(one, more):
        if same_numbers(one, more, tolerance)[0]:
            return True
        return bool(ranks) and same_numbers([ranks * x for x in one], more, tolerance)[0]

    first, second = checksum_table(base), checksum_table(other)
    for name, numbers in first.items():
        if name.endswith(ALL_RANKS):
            continue
        total = name + ALL_RANKS
        on_rank0 = matches(numbers, second.get(name, []))
        summed = matches(first.get(total, []), second.get(total, [None]))
        if not (on_rank0 or summed):
            before = numbers[:1] + first.get(total, [])[:1]
            after = second.get(name, [])[:1] + second.get(total, [])[:1]
            return False, (
                f"{name} on rank 0 and summed over ranks: "
                f"{', '.join(f'{x:.6g}' for x in before)} with 1 rank, "
                f"{', '.join(f'{x:.6g}' for x in after)} with more"
            )
    return True, ""


def _missing_parallelism(info, api: str) -> str | None:
    """What the request asked for that the code does not use. ``#include <omp.h>``
    alone (for ``omp_get_wtime``, say) runs on one thread: OpenMP needs a pragma."""
    if api in ("mpi", "hybrid") and not info.uses_mpi:
        return "MPI was asked for, but the program does not use MPI (#include <mpi.h>, MPI_Init)"
    if api in ("openmp", "hybrid") and not info.omp_pragmas:
        return (
            "OpenMP was asked for, but the program has no #pragma omp, so it runs on one "
            "thread (#include <omp.h> alone does not make it parallel)"
        )
    return None


_DEFINE = re.compile(r"^\s*#\s*define\s+([A-Za-z_]\w*)\s+\(?([-+*/()\w\s.]+?)\)?\s*$", re.MULTILINE)
_CONST = re.compile(
    r"\bconst\s+(?:long\s+|int\s+|size_t\s+|unsigned\s+)+([A-Za-z_]\w*)\s*=\s*([^;]+);"
)
_LOCAL_ARRAY = re.compile(
    r"^[ \t]+(?:static\s+)?(?:const\s+)?(?:unsigned\s+|signed\s+)?"
    r"(?:double|float|int|long|char|short|long\s+long|size_t|bool)\s+([A-Za-z_]\w*)\s*"
    r"((?:\[[^\]]+\])+)\s*[;=]",
    re.MULTILINE,
)
STACK_LIMIT_ELEMENTS = 256 * 1024  # ~1-2 MB: beyond this a local array risks the 8 MB stack


def _evaluate(expression: str, names: dict[str, str], depth: int = 0) -> float | None:
    """The value of a constant C expression built from numbers, names and + - * /."""
    import ast

    if depth > 5:
        return None
    text = re.sub(r"(\d)[uUlL]+\b", r"\1", expression)
    for name in set(re.findall(r"[A-Za-z_]\w*", text)):
        if name not in names:
            return None
        value = _evaluate(names[name], names, depth + 1)
        if value is None:
            return None
        text = re.sub(rf"\b{name}\b", repr(value), text)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None
    allowed = (
        ast.Expression,
        ast.BinOp,
        ast.UnaryOp,
        ast.Constant,
        ast.Add,
        ast.Sub,
        ast.Mult,
        ast.Div,
        ast.FloorDiv,
        ast.USub,
        ast.UAdd,
    )
    if not all(isinstance(node, allowed) for node in ast.walk(tree)):
        return None
    try:
        return float(eval(compile(tree, "<size>", "eval"), {"__builtins__": {}}))
    except (ArithmeticError, ValueError):
        return None


def stack_array_problem(code: str) -> str | None:
    """A large array declared inside a function (it overflows the stack), described."""
    names = {m.group(1): m.group(2) for m in _DEFINE.finditer(code)}
    names.update({m.group(1): m.group(2) for m in _CONST.finditer(code)})
    for match in _LOCAL_ARRAY.finditer(code):
        if "static" in match.group(0).split():
            continue
        size = 1.0
        for extent in re.findall(r"\[([^\]]+)\]", match.group(2)):
            value = _evaluate(extent, names)
            if value is None:
                size = 0
                break
            size *= value
        if size > STACK_LIMIT_ELEMENTS:
            line = code[: match.start()].count("\n") + 1
            return (
                f"line {line}: the local array `{match.group(1)}{match.group(2)}` has {size:.0f} "
                "elements on the stack, which overflows the 8 MB stack (a segmentation fault). "
                "Allocate it with malloc (C) or std::vector (C++), or avoid the array."
            )
    return None


def verify_program(
    code: str,
    lang: str | None,
    api: str,
    settings: Settings,
    reporter: Reporter,
    reference_code: str | None = None,
    timeout: float = 30.0,
    race_check: bool = True,
    compare_ranks: bool | str = True,
) -> Verdict:
    """Run every check on a whole program; stop at the first failure."""
    from kernel_magics.source import analyse_source

    info = analyse_source(code, lang)
    missing = _missing_parallelism(info, api)
    if missing:
        return Verdict("none", False, missing, "", {"uses the requested API": False})
    stack = stack_array_problem(code)
    if stack:
        return Verdict(
            "none",
            False,
            "a large array is on the stack",
            stack,
            {"uses the requested API": True, "no large stack arrays": False},
        )
    threads, ranks = _counts(info)
    checks: dict[str, bool] = {"uses the requested API": True, "no large stack arrays": True}
    request = RunRequest(
        source=code,
        lang=lang,
        threads=threads,
        ranks=ranks if info.uses_mpi else None,
        timeout=timeout,
        race_check=race_check and info.uses_openmp,
        race_threads=[2],
        source_name="answer",
        cflags=strict_cflags(info.lang),
    )
    result = run_program(request, settings, Quiet(reporter))
    if any(run.interrupted for run in result.runs):
        # The sandbox stopped the program on Ctrl-C / Stop: the user wants the whole
        # request stopped, not a repair round.
        raise KeyboardInterrupt
    checks["compiles"] = result.build.ok
    if not result.build.ok:
        return Verdict("none", False, "it does not compile", result.build.log, checks, result)
    failed = [r for r in result.runs if not r.ok]
    checks["runs"] = not failed
    if failed:
        run = failed[0]
        log = (
            f"{run.error}\nstderr (end):\n{run.stderr[-1500:]}\nstdout (end):\n{run.stdout[-800:]}"
        )
        if "SIGSEGV" in (run.error or "") or "code 139" in (run.error or ""):
            log += f"\n{SEGFAULT_HINT}"
        return Verdict(
            "build", False, f"the run with {run.label} failed: {run.error}", log, checks, result
        )
    outputs = {(r.threads, r.ranks): r.stdout for r in result.runs}
    self_fail = next((o for o in outputs.values() if _FAIL.search(o)), None)
    checks["self-check"] = self_fail is None
    if self_fail is not None:
        return Verdict(
            "run", False, "the program's own check printed FAIL", self_fail[-1500:], checks, result
        )
    # Random numbers drawn in other streams at N (and no race): the same within 1%.
    random_streams = info.uses_random and (
        not info.uses_openmp or (result.race_check is not None and result.race_check.race_free)
    )
    for key, out in outputs.items():
        # compare_ranks=False: only thread counts are compared; "blocks"/"replicated":
        # the tool's test program (harness.py) with the global data split in blocks, or
        # the same data on every rank: its checksums are compared by same_checksums.
        base_key = (1, 1) if compare_ranks else (1, key[1])
        if key == base_key or base_key not in outputs:
            continue
        agree, why = _same_output(outputs[base_key], out, key[1], base_key[1], compare_ranks)
        if not agree and random_streams:
            if _same_output(outputs[base_key], out, key[1], base_key[1], compare_ranks, RANDOM)[0]:
                checks[SAME_WITHIN_RANDOM] = True
                continue
            why += f"; more than {RANDOM_REL_TOL:.0%} apart, too far for random sampling"
        if not agree:
            checks["same result at 1 and N"] = False
            log = (
                f"output at {base_key[0]} thread, {base_key[1]} rank(s):\n"
                f"{outputs[base_key][-800:]}\n"
                f"output at {key[0]} threads, {key[1]} ranks:\n{out[-800:]}"
            )
            if result.race_check is not None and result.race_check.races:
                # The cause, named by line and variable, whichever check saw it first:
                # a race changes the printed result in some runs only.
                checks["race-free (ThreadSanitizer)"] = False
                return Verdict(
                    "compare",
                    False,
                    f"ThreadSanitizer found a data race (and the result changes with the "
                    f"thread count: {why})",
                    _race_log(result.race_check) + "\n\n" + log,
                    checks,
                    result,
                )
            return Verdict(
                "run",
                False,
                f"the result changes with the thread/rank count ({why})",
                log,
                checks,
                result,
            )
    if SAME_WITHIN_RANDOM not in checks:
        checks["same result at 1 and N"] = True
    if info.uses_openmp:
        elided = _compare_with_serial_elision(
            code, lang, info, outputs.get((1, 1), ""), settings, reporter, timeout, random_streams
        )
        if elided is not None:
            agree, why, log = elided
            checks["same result with OpenMP removed"] = agree
            if not agree:
                return Verdict(
                    "run", False, SERIAL_ELISION_DIFFERS.format(why=why), log, checks, result
                )
    if reference_code:
        base = result_numbers(outputs.get((1, 1), ""))
        agree, why, log = _compare_with_reference(
            reference_code, lang, base, settings, reporter, timeout
        )
        checks["matches your serial code"] = agree
        if not agree:
            return Verdict(
                "run",
                False,
                f"the result differs from your serial code's ({why})",
                log,
                checks,
                result,
            )
    check = result.race_check
    if check is not None:
        checks["race-free (ThreadSanitizer)"] = check.race_free
        if check.races:
            return Verdict(
                "compare",
                False,
                "ThreadSanitizer found a data race",
                _race_log(check),
                checks,
                result,
            )
        if check.error:
            return Verdict(
                "compare",
                False,
                f"the race check failed: {check.error}",
                check.log[-1500:],
                checks,
                result,
            )
    return Verdict("verified", True, "", "", checks, result)


def _same_output(base, other, ranks, base_ranks, compare_ranks, tolerance=EXACT):
    """(agree, why) of two outputs of one program: its printed numbers, or the tool's
    test program's checksums when it ran on more ranks (``same_checksums``)."""
    if compare_ranks in ("blocks", "replicated") and ranks != base_ranks:
        return same_checksums(
            base, other, ranks if compare_ranks == "replicated" else None, tolerance
        )
    return same_numbers(result_numbers(base), result_numbers(other), tolerance)


def _race_log(check) -> str:
    """ThreadSanitizer's races, one described per line (and what to do when they
    share a random number generator's state)."""
    from kernel_magics.rng_shim import shared_generator_hint

    lines = [race.describe() for race in check.races]
    hint = shared_generator_hint(check)
    return "\n".join(lines + ([hint] if hint else []))


def _compare_with_serial_elision(
    code, lang, info, output, settings, reporter, timeout, random_streams=False
):
    """(agree, why, log) of the code with OpenMP (1 thread) against its serial elision;
    None when the elision does not build or run (nothing to compare with).
    ``random_streams``: compared within the tolerance of random sampling."""
    from kernel_magics.elision import serial_elision

    serial = serial_elision(code)
    if serial is None:
        return None
    run = run_program(
        RunRequest(
            source=serial,
            lang=lang,
            threads=[1],
            ranks=[1] if info.uses_mpi else None,
            timeout=timeout,
            source_name="serial",
        ),
        settings,
        Quiet(reporter),
    )
    if not (run.build.ok and run.runs and run.runs[0].ok):
        return None
    agree, why = same_numbers(
        result_numbers(run.runs[0].stdout),
        result_numbers(output),
        RANDOM if random_streams else EXACT,
    )
    log = (
        f"output with the OpenMP pragmas removed:\n{run.runs[0].stdout[-800:]}\n"
        f"output with OpenMP on 1 thread:\n{output[-800:]}"
    )
    return agree, why, log


def _compare_with_reference(reference_code, lang, numbers, settings, reporter, timeout):
    """Run the user's serial program once and compare its numbers with ours."""
    ref = run_program(
        RunRequest(
            source=reference_code, lang=lang, threads=[1], timeout=timeout, source_name="reference"
        ),
        settings,
        Quiet(reporter),
    )
    if not (ref.build.ok and ref.runs and ref.runs[0].ok):
        return True, "", ""  # the reference itself does not run: nothing to compare with
    agree, why = same_numbers(result_numbers(ref.runs[0].stdout), numbers)
    return agree, why, f"your serial program printed:\n{ref.runs[0].stdout[-800:]}"


class Quiet(Reporter):
    """Shows nothing of a check's own runs (their stage lines, program output and
    warnings): the caller reports the check's outcome. ``outer`` is the caller's
    reporter, kept for a subclass that wants to forward something."""

    def __init__(self, outer: Reporter):
        self.outer = outer

    def stage(self, message: str) -> None:
        pass

    def warning(self, message: str) -> None:
        pass


def compiles_alone(code: str, lang: str | None, settings: Settings) -> tuple[bool, str]:
    """Whether ``code`` (a function-only answer, no main) compiles on its own."""
    import os
    import tempfile

    from kernel_magics.build import COMPILE_LIMITS, choose_toolchain
    from kernel_magics.sandbox import run_limited
    from kernel_magics.source import analyse_source

    info = analyse_source(code, lang)
    toolchain = choose_toolchain(info, settings)
    suffix = ".cpp" if info.lang == "c++" else ".c"
    with tempfile.TemporaryDirectory(prefix="hpc-alone-") as folder:
        source = Path(folder) / f"answer{suffix}"
        source.write_text(code)
        outcome = run_limited(
            [
                toolchain.path,
                *toolchain.flags,
                *strict_cflags(info.lang).split(),
                # compiled, not only parsed: the "used uninitialized" check needs the optimizer
                "-c",
                "-o",
                str(Path(folder) / "answer.o"),
                str(source),
            ],
            cwd=Path(folder),
            env={**os.environ, **toolchain.env},
            limits=COMPILE_LIMITS,
        )
    log = (outcome.stderr.text() + outcome.stdout.text()).replace(str(source), "answer" + suffix)
    return outcome.returncode == 0, log
