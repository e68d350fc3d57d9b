"""What a piece of C/C++ source is: its language and the parallel APIs it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CXX_MARKERS = [
    (
        re.compile(
            r"^\s*#\s*include\s*<(iostream|vector|string|algorithm|cmath|cstdio|cstdlib"
            r"|numeric|chrono|thread|memory|map|array|random|iomanip|sstream|fstream"
            r"|functional|utility|atomic|mutex|cstring|cassert|limits)>",
            re.M,
        ),
        "a C++ header",
    ),
    (re.compile(r"\bstd::"), "`std::`"),
    (re.compile(r"\bnamespace\b"), "`namespace`"),
    (re.compile(r"\btemplate\s*<"), "`template`"),
    (re.compile(r"^\s*class\s+\w+", re.M), "`class`"),
]
_OMP_PRAGMA = re.compile(r"^\s*#\s*pragma\s+omp\b", re.M)
_OPENMP = re.compile(rf"{_OMP_PRAGMA.pattern}|#\s*include\s*[<\"]omp\.h[>\"]", re.M)
_MPI = re.compile(r"#\s*include\s*[<\"]mpi\.h[>\"]|\bMPI_Init(_thread)?\s*\(")
# Random numbers: the C library's generators, C++ <random>, or a generator of the
# program's own (xorshift, an LCG, a seed ...), named as people name them.
_RANDOM = re.compile(
    r"\b(s?rand(_r)?|s?random(_r)?|s?[delnjm]?rand48(_r)?|seed48(_r)?)\s*\("
    r"|#\s*include\s*<random>|\bstd::(mt19937|minstd_rand|default_random_engine|ranlux|"
    r"knuth_b|random_device|\w+_distribution)"
    r"|\b\w*(xorshift|xoshiro|xoroshiro|splitmix|pcg32|philox|lcg|rng|seed)\w*\b",
    re.I,
)


@dataclass
class SourceInfo:
    """Facts about a program read from its text alone."""

    lang: str  # "c" or "c++"
    lang_reason: str  # "given", or why it was guessed
    uses_openmp: bool  # a #pragma omp or #include <omp.h> (it is built with OpenMP)
    uses_mpi: bool
    omp_pragmas: bool = False  # a #pragma omp: without one, OpenMP code runs on one thread
    uses_random: bool = False  # draws random numbers: its results may vary with the streams

    @property
    def api(self) -> str:
        """openmp, mpi, hybrid or serial."""
        if self.uses_openmp and self.uses_mpi:
            return "hybrid"
        return "mpi" if self.uses_mpi else "openmp" if self.uses_openmp else "serial"

    @property
    def suffix(self) -> str:
        return ".cpp" if self.lang == "c++" else ".c"


def normalize_lang(lang: str) -> str:
    """Accept c, c++, cpp, cxx (any case); return "c" or "c++"."""
    value = lang.strip().lower()
    if value == "c":
        return "c"
    if value in ("c++", "cpp", "cxx", "cc"):
        return "c++"
    raise ValueError(f"unknown language {lang!r}: use c or c++")


def analyse_source(code: str, lang: str | None = None) -> SourceInfo:
    """Guess the language unless given; detect OpenMP and MPI use, and random numbers."""
    if lang:
        chosen, reason = normalize_lang(lang), "given"
    else:
        chosen, reason = "c", "guessed: no C++ features found"
        for pattern, what in _CXX_MARKERS:
            if pattern.search(code):
                chosen, reason = "c++", f"guessed from {what}"
                break
    return SourceInfo(
        lang=chosen,
        lang_reason=reason,
        uses_openmp=bool(_OPENMP.search(code)),
        uses_mpi=bool(_MPI.search(code)),
        omp_pragmas=bool(_OMP_PRAGMA.search(code)),
        uses_random=bool(_RANDOM.search(code)),
    )
