"""Options shared by ``%%hpc_run`` and ``jupyter hpc run``: declared once, used twice."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pipeline is imported when a request is made: the CLI starts faster
    from kernel_magics.pipeline import RunRequest


def int_list(text: str) -> list[int]:
    """Parse ``1,2,4`` or a range ``1-4`` (or a mix: ``1,2,4-6``) into integers."""
    values: list[int] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if "-" in part[1:]:
                low, high = part.split("-", 1)
                values.extend(range(int(low), int(high) + 1))
            elif part:
                values.append(int(part))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a list of counts: write e.g. 1,2,4 or 1-4"
        ) from None
    if not values:
        raise argparse.ArgumentTypeError("give at least one count, e.g. 1,2,4")
    return values


# Verified examples shown to the model by default: each one costs seconds of prompt
# processing on a CPU before the first token (measured: ~13 s with two, ~6 s with one).
DEFAULT_EXAMPLES = 1

# (flags, argparse keyword arguments) for every run option.
RUN_OPTIONS: list[tuple[tuple[str, ...], dict]] = [
    (
        ("-t", "--threads"),
        dict(
            type=int_list,
            default=None,
            metavar="LIST",
            help="OpenMP thread counts to sweep, e.g. 1,2,4 "
            "(default: all cores for OpenMP programs)",
        ),
    ),
    (
        ("-n", "--np"),
        dict(
            dest="ranks",
            type=int_list,
            default=None,
            metavar="LIST",
            help="MPI rank counts to sweep, e.g. 1,2,4 (default: all cores "
            "for MPI programs); with -t the full grid runs",
        ),
    ),
    (
        ("-l", "--lang"),
        dict(
            default=None, metavar="c|c++", help="source language (default: guessed from the code)"
        ),
    ),
    (
        ("--cflags",),
        dict(
            default="",
            metavar="FLAGS",
            help='extra compiler flags, e.g. --cflags "-O3 -march=native"',
        ),
    ),
    (("--ldflags",), dict(default="", metavar="FLAGS", help="extra linker flags")),
    (("--args",), dict(default="", metavar="ARGS", help="arguments passed to the program")),
    (
        ("--input",),
        dict(
            action="append",
            default=None,
            metavar="FILE",
            help="copy FILE into the folder each run starts in (repeat for more files)",
        ),
    ),
    (
        ("--repeat",),
        dict(
            type=int,
            default=1,
            metavar="R",
            help="runs per configuration; the table reports the median, min, max",
        ),
    ),
    (
        ("--timeout",),
        dict(
            type=float,
            default=None,
            metavar="S",
            help="wall-clock limit per run in seconds (default 60)",
        ),
    ),
    (
        ("--race-check",),
        dict(
            action="store_true", help="also build with clang ThreadSanitizer and report data races"
        ),
    ),
    (
        ("--profile",),
        dict(
            action="store_true",
            help="measure per thread (OpenMP) and per rank (MPI), find what limits the speed "
            "and explain it",
        ),
    ),
    (
        ("--explain",),
        dict(
            choices=("llm", "template", "none"),
            default=None,
            help="who writes the explanation: the language model (numbers checked), a "
            "template, or none (default with --profile: HPCMagics.explain)",
        ),
    ),
    (
        ("--level",),
        dict(
            choices=("student", "expert"),
            default="student",
            help="for whom the explanation is written",
        ),
    ),
    (("--name",), dict(default=None, help="keep the program under this name for %%hpc run NAME")),
    (
        ("--on",),
        dict(
            choices=("local", "cluster"),
            default="local",
            help="where to run: this machine, or the engines of %%hpc cluster start "
            "(one MPI rank per engine)",
        ),
    ),
]

# Values that may begin with "-" and so must be glued to their option for argparse.
_DASH_VALUE_OPTIONS = ("--cflags", "--ldflags", "--args")


def glue_dash_values(argv: list[str]) -> list[str]:
    """Turn ``--cflags -O3`` into ``--cflags=-O3`` so argparse accepts it."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] in _DASH_VALUE_OPTIONS and i + 1 < len(argv):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Add every run option to an argparse parser (used by the CLI)."""
    for flags, kwargs in RUN_OPTIONS:
        parser.add_argument(*flags, **kwargs)


def explain_choice(args: argparse.Namespace, default: str) -> str | None:
    """Who explains this run: --explain, else ``default`` with --profile, else nobody."""
    choice = args.explain or (default if args.profile else None)
    return None if choice == "none" else choice


def request_from_args(
    args: argparse.Namespace, source: str, explain_default: str = "llm", **extra
) -> RunRequest:
    """Build a RunRequest from parsed options and the program's source.

    ``--profile`` without ``--explain`` explains with ``explain_default``.
    """
    from kernel_magics.pipeline import RunRequest

    explain = explain_choice(args, explain_default)

    return RunRequest(
        source=source,
        lang=args.lang,
        threads=args.threads,
        ranks=args.ranks,
        cflags=args.cflags,
        ldflags=args.ldflags,
        args=args.args,
        repeat=args.repeat,
        timeout=args.timeout,
        race_check=args.race_check,
        profile=args.profile,
        explain=explain,
        explain_level=args.level,
        name=args.name,
        on=args.on,
        inputs=args.input or [],
        **extra,
    )
