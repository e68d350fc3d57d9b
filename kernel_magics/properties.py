"""Checks of a function answer that comparing 1 and N threads/ranks cannot make.

Both use the tool's test program (``harness.py``) once the usual checks passed:

- **Fresh memory** (not MPI): the test program built with ``-DHPC_FRESH=1`` calls the
  function twice, the second time with other values in its result-only buffers
  (``out``, ``bins``, ``level`` ...) and non-zero fresh ``malloc`` memory. The
  elements it writes must be the same in both calls, it must not leave holes between
  them, and its other outputs must not change. Otherwise the function reads memory
  it never set: an output it does not fully write (bins not zeroed, border points not
  copied) or an uninitialised ``malloc`` buffer. Every thread count agrees on such a
  bug, so the 1-vs-N test cannot see it.
- **On every rank** (MPI): when the request wants the result "on every rank", each
  one-value output must be the same on all ranks: the ranks' values add up to N times
  rank 0's. ``MPI_Reduce`` where ``MPI_Allreduce`` is needed leaves the other ranks
  with a partial or no result, which rank 0 alone does not show.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from kernel_magics.harness import ALL_RANKS, FRESH_PREFIX, HarnessProgram
from kernel_magics.pipeline import RunRequest, run_program
from kernel_magics.settings import Settings
from kernel_magics.verify import (
    ABS_TOL,
    REL_TOL,
    Quiet,
    checksum_table,
    same_numbers,
    strict_cflags,
)

FRESH_MEMORY = "result independent of memory it never set"
EVERY_RANK = "same result on every rank"

_EVERY_RANK_WORDS = re.compile(
    r"\bon (every|each|all)( the)? ranks?\b|"
    r"\b(every|each|all) ranks? (gets?|receives?|returns?|obtains?|ends? (up )?with)\b",
    re.IGNORECASE,
)


@dataclass
class PropertyCheck:
    """The outcome of one check: its name as shown to the user, and what failed."""

    name: str
    ok: bool
    what: str = ""  # what failed, in words (fed back to the model)
    log: str = ""  # the evidence
    # fresh memory: result-only buffers whose written elements all depend on their old
    # contents, none skipped -> how many elements the function writes (check_fixits)
    added_to: dict[str, int] = field(default_factory=dict)


_SAME_INPUT = re.compile(r"\b(the same|identical|equal)\s+$", re.IGNORECASE)


def wants_result_on_every_rank(request_text: str) -> bool:
    """Whether the user's words ask for the result on every rank ("return it on every
    rank"); "n is the same on every rank" describes an input, not the result."""
    return any(
        not _SAME_INPUT.search(request_text[max(0, m.start() - 20) : m.start()])
        for m in _EVERY_RANK_WORDS.finditer(request_text)
    )


_FRESH_LINE = re.compile(r"^fresh (\w+): (-?\d+) (-?\d+) (-?\d+) (-?\d+)(?: (-?\d+))?$", re.M)


def _run_quietly(request: RunRequest, settings: Settings, reporter):
    """Run one of the checks' builds without its own output in the cell; a Ctrl-C or
    Stop during it stops the whole request."""
    result = run_program(request, settings, Quiet(reporter))
    if any(run.interrupted for run in result.runs):
        raise KeyboardInterrupt
    return result


def check_fresh_memory(
    harness: HarnessProgram,
    lang: str,
    settings: Settings,
    reporter,
    timeout: float,
) -> PropertyCheck | None:
    """Run the test program's fresh-memory build (see the module docstring) at 1 thread;
    ``lang`` is the answer's language ("c" or "c++"). None when it does not build or
    run: there is nothing to compare."""
    result = _run_quietly(
        RunRequest(
            source=harness.source,
            lang=lang,
            threads=[1],
            timeout=timeout,
            source_name="fresh",
            cflags=f"-DHPC_FRESH=1 {strict_cflags(lang)}",
        ),
        settings,
        reporter,
    )
    if not (result.build.ok and result.runs and result.runs[0].ok):
        return None
    output = result.runs[0].stdout
    problems = fresh_memory_problems(output, harness.result_only)
    if not problems:
        return PropertyCheck(FRESH_MEMORY, True)
    what = (
        "the result depends on memory the function never set: "
        + "; ".join(problems)
        + ". Set every element of an output before reading it or returning it (for "
        "example set counters or bins to zero first, and copy the points the formula does "
        "not cover), and initialise memory from malloc before reading it"
    )
    return PropertyCheck(FRESH_MEMORY, False, what, output[-1200:], added_to(output))


def added_to(output: str) -> dict[str, int]:
    """Result-only buffers the function only adds to: every element it writes depends
    on the old contents and none in between is skipped -> the number it writes."""
    found = {}
    for match in _FRESH_LINE.finditer(output):
        name, read, first_read, skipped, _, last = match.groups()
        if last is not None and int(read) > 0 and int(first_read) == 0 and int(skipped) == 0:
            if int(read) == int(last) + 1:
                found[name] = int(last) + 1
    return found


def fresh_memory_problems(output: str, result_only: list[str]) -> list[str]:
    """What the fresh-memory build's output shows, in words (empty: nothing)."""
    problems = []
    for match in _FRESH_LINE.finditer(output):
        name, read, first_read, skipped, first_skip, _ = match.groups()
        if int(read):
            problems.append(
                f"{read} element(s) of `{name}` the function writes depend on what `{name}` "
                f"held before the call (the first at index {first_read})"
            )
        if int(skipped):
            problems.append(
                f"{skipped} element(s) of `{name}` between the first and the last one it "
                f"writes are never written (the first at index {first_skip})"
            )
    table = checksum_table(output)
    for name, numbers in table.items():
        if name.startswith(FRESH_PREFIX) or name in result_only:
            continue
        if not same_numbers(numbers, table.get(FRESH_PREFIX + name, []))[0]:
            problems.append(f"`{name}` changes when memory from malloc does not start as zeros")
    return problems


def check_every_rank(request_text: str, harness: HarnessProgram, runs) -> PropertyCheck | None:
    """With more than one rank, every one-value output must be equal on all ranks when
    the request asks for the result on every rank. None when it does not apply."""
    if not wants_result_on_every_rank(request_text) or not harness.scalar_outputs:
        return None
    for run in runs:
        if (run.ranks or 1) <= 1 or not run.ok:
            continue
        table = checksum_table(run.stdout)
        for name in harness.scalar_outputs:
            rank0, total = table.get(name), table.get(name + ALL_RANKS)
            if not rank0 or not total:
                continue
            expected = run.ranks * rank0[0]
            if math.isclose(total[0], expected, rel_tol=REL_TOL, abs_tol=ABS_TOL):
                continue
            what = (
                f"the request wants the result on every rank, but at {run.ranks} ranks "
                f"`{name}` is not the same on all ranks: rank 0 has {rank0[0]:.6g}, and "
                f"the ranks' values add up to {total[0]:.6g} instead of "
                f"{run.ranks} x {rank0[0]:.6g}. Combine the ranks' partial results with "
                "MPI_Allreduce (or MPI_Reduce followed by MPI_Bcast) so that every rank "
                "ends with the whole result"
            )
            return PropertyCheck(EVERY_RANK, False, what, run.stdout[-800:])
    return PropertyCheck(EVERY_RANK, True)


def memory_error_report(
    harness: HarnessProgram, lang: str, uses_mpi: bool, settings: Settings, reporter, timeout
) -> str:
    """The AddressSanitizer report of the test program at 1 thread (and 1 rank), or "".

    Used when the test program hangs at 1 thread: a write past the end of a buffer can
    corrupt the heap so that the program hangs instead of crashing, and the buffers'
    sizes are the test program's guesses, so such a hang does not show the answer's
    fault. ASan stops at the first invalid access and says where it was."""
    result = _run_quietly(
        RunRequest(
            source=harness.source,
            lang=lang,
            threads=[1],
            ranks=[1] if uses_mpi else None,
            timeout=timeout,
            source_name="memcheck",
            cflags="-g -fsanitize=address -fno-omit-frame-pointer",
            ldflags="-fsanitize=address",
        ),
        # ASan reserves terabytes of address space for its shadow memory
        replace(settings, memory_limit_mb=0),
        reporter,
    )
    for run in result.runs:
        at = (run.stderr or "").find("ERROR: AddressSanitizer")
        if at >= 0:
            return run.stderr[at : at + 1500]
    return ""
