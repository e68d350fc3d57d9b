"""Missing ``#include`` lines, added the way the compiler suggests.

A language model often uses ``size_t``, ``sqrt`` or ``std::sort`` without the
header that declares them. The compiler says which header that is (gcc:
"did you forget to '#include <cstring>'?", clang: "include the header
<stdlib.h> ..."), or names the undeclared identifier, which a short table maps
to its standard header. Adding those lines is a mechanical fix, so the tool
does it itself instead of spending a model round on it; the answer then shows
the added lines like any other code.
"""

from __future__ import annotations

import re

# The compiler names the header itself.
_SUGGESTED = [
    re.compile(r"did you forget to [‘'`]#include ([<\"][\w./+-]+[>\"])[’']"),
    re.compile(r"include [‘'`]([<\"][\w./+-]+[>\"])[’'] or provide a declaration"),
    re.compile(r"include the header ([<\"][\w./+-]+[>\"]) or explicitly provide"),
]

# The compiler only names the identifier.
_UNDECLARED = [
    re.compile(r"[‘'`]([\w:]+)[’'] was not declared in this scope"),
    re.compile(r"[‘'`](\w+)[’'] is not a member of [‘'`]std[’']"),
    re.compile(r"no member named '(\w+)' in namespace 'std'"),
    re.compile(r"unknown type name [‘'`](\w+)[’']"),
    re.compile(r"use of undeclared identifier '(\w+)'"),
    re.compile(r"implicit declaration of function [‘'`](\w+)[’']"),
]

_MATH = (
    "sqrt fabs abs exp log log2 log10 pow sin cos tan atan atan2 floor ceil fmin fmax "
    "round lround fmod hypot cbrt isnan isinf erf tanh INFINITY HUGE_VAL M_PI NAN"
)
# name -> (C header, C++ header)
_HEADERS: dict[str, tuple[str, str]] = {
    **{name: ("<math.h>", "<cmath>") for name in _MATH.split()},
    **{name: ("<stddef.h>", "<cstddef>") for name in ("size_t", "ptrdiff_t", "NULL")},
    **{
        name: ("<stdint.h>", "<cstdint>")
        for name in "int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t".split()
    },
    **{name: ("<limits.h>", "<climits>") for name in "INT_MAX INT_MIN LONG_MAX LONG_MIN".split()},
    **{name: ("<float.h>", "<cfloat>") for name in "DBL_MAX DBL_MIN FLT_MAX FLT_MIN".split()},
    **{name: ("<stdlib.h>", "<cstdlib>") for name in "malloc calloc free exit qsort".split()},
    **{name: ("<string.h>", "<cstring>") for name in "memcpy memset strlen".split()},
    **{name: ("<stdio.h>", "<cstdio>") for name in "printf fprintf snprintf".split()},
    "bool": ("<stdbool.h>", ""),
}
# std:: names, C++ only
_STD_HEADERS = {
    **{
        name: "<algorithm>"
        for name in (
            "sort stable_sort min max fill copy min_element max_element lower_bound "
            "upper_bound transform reverse merge inplace_merge count find swap_ranges"
        ).split()
    },
    **{
        name: "<numeric>"
        for name in "accumulate iota partial_sum inclusive_scan exclusive_scan reduce".split()
    },
    "swap": "<utility>",
    "numeric_limits": "<limits>",
    "vector": "<vector>",
}


def missing_headers(log: str, lang: str) -> list[str]:
    """The headers (``<cmath>``, ``<stddef.h>`` ...) that a compiler log says are missing."""
    found: list[str] = []

    def add(header: str) -> None:
        if header and header not in found:
            found.append(header)

    for pattern in _SUGGESTED:
        for match in pattern.finditer(log):
            add(match.group(1))
    cpp = lang == "c++"
    for pattern in _UNDECLARED:
        for match in pattern.finditer(log):
            name = match.group(1).removeprefix("std::")
            if name.startswith("omp_"):
                add("<omp.h>")
            elif name.startswith("MPI_"):
                add("<mpi.h>")
            elif name in _HEADERS:
                add(_HEADERS[name][1 if cpp else 0])
            elif cpp and name in _STD_HEADERS:
                add(_STD_HEADERS[name])
    return found


def _included(code: str) -> set[str]:
    return set(re.findall(r"^\s*#\s*include\s*([<\"][^>\"]+[>\"])", code, re.M))


def add_includes(code: str, headers: list[str]) -> str:
    """``code`` with ``#include`` lines for the headers it does not include yet.

    They go after the last ``#include`` above the first line of code, or first.
    """
    present = _included(code)
    new = [f"#include {h}" for h in headers if h not in present]
    if not new:
        return code
    lines = code.split("\n")
    insert_at = 0
    for number, line in enumerate(lines):
        text = line.strip()
        if re.match(r"#\s*include\b", text):
            insert_at = number + 1
        elif text and not text.startswith(("#", "//", "/*", "*")):
            break  # the first line of code: includes go above it
    lines[insert_at:insert_at] = new
    return "\n".join(lines)


_RANK_CALL = re.compile(r"\bMPI_Comm_(?:rank|size)\s*\(\s*[^,()]+,\s*&\s*(\w+)\s*\)")
_WRONG_INT = re.compile(r"incompatible pointer type|invalid conversion from ‘long")


def int_rank_variables(code: str, log: str) -> tuple[str, list[str]]:
    """``code`` with the variables that MPI_Comm_rank/size write declared ``int``.

    A ``long rank`` passed as ``&rank`` gets only half of its bytes written: the
    compiler reports an incompatible pointer type, and the fix is always the same.
    Returns the new code and the variables changed.
    """
    if "MPI_Comm_" not in log or not _WRONG_INT.search(log):
        return code, []
    changed = []
    for name in dict.fromkeys(_RANK_CALL.findall(code)):
        declaration = re.compile(
            rf"^([ \t]*)((?:long\s+long|long\s+int|long|unsigned\s+long|unsigned|size_t|"
            rf"int64_t|ptrdiff_t)\s+)([^;()]*\b{name}\b[^;()]*);",
            re.M,
        )
        match = declaration.search(code)
        if match is None:
            continue
        indent, type_text, declarators = match.groups()
        kept = [d.strip() for d in declarators.split(",")]
        mine = [d for d in kept if re.match(rf"\**{name}\b", d)]
        if not mine:
            continue
        kept.remove(mine[0])
        lines = [f"{indent}int {mine[0]};"]
        if kept:
            lines.append(f"{indent}{type_text.strip()} {', '.join(kept)};")
        code = code[: match.start()] + "\n".join(lines) + code[match.end() :]
        changed.append(name)
    return code, changed


_USED_BEFORE_DEFINED = [
    re.compile(r"implicit declaration of function [‘'`](\w+)[’']"),
    re.compile(r"[‘'`](\w+)[’'] was not declared in this scope"),
    re.compile(r"use of undeclared identifier '(\w+)'"),
]


def _definition(code: str, name: str) -> re.Match | None:
    """The header of ``name``'s definition in ``code`` (return type to ``)``)."""
    return re.search(rf"^([A-Za-z_][\w \t*&:<>,]*?\b{name}\s*\([^;{{}}]*?\))\s*\{{", code, re.M)


def _top_level_start(code: str, position: int) -> int:
    """Where the top-level declaration holding ``position`` begins (its first line)."""
    depth, boundary = 0, 0
    for index, char in enumerate(code[:position]):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                boundary = index + 1
        elif char == ";" and depth == 0:
            boundary = index + 1
        elif char == "\n" and depth == 0 and code[boundary:index].lstrip().startswith("#"):
            boundary = index + 1  # a preprocessor line
    return code.index("\n", boundary) + 1 if "\n" in code[boundary:position] else boundary


def declare_before_use(code: str, log: str) -> tuple[str, list[str]]:
    """``code`` with a prototype for each function the compiler met before its
    definition (``f`` defined below the function that calls it), placed above the
    first function that calls it; and the functions declared."""
    declared = []
    for pattern in _USED_BEFORE_DEFINED:
        for name in dict.fromkeys(pattern.findall(log)):
            definition = _definition(code, name)
            use = re.search(rf"\b{name}\s*\(", code)
            if definition is None or use is None or use.start() >= definition.start(1):
                continue
            if re.search(r"template\s*<[^;{}]*>\s*$", code[: definition.start(1)]):
                continue  # a template: its prototype needs the template line too
            if name in declared:
                continue
            at = _top_level_start(code, use.start())
            prototype = re.sub(r"\s+", " ", definition.group(1)).strip() + ";\n"
            code = code[:at] + prototype + code[at:]
            declared.append(name)
    return code, declared


# A clause a directive does not take, whose removal cannot change the results:
# ``nowait`` (the barrier it drops is implied anyway) and ``schedule`` (how, not what).
_INVALID_CLAUSE = re.compile(
    r"[‘'`](nowait|schedule)[’'] is not valid for [‘'`]#pragma omp ([\w ]+?)[’']"
    r"|unexpected OpenMP clause '(nowait|schedule)' in directive '#pragma omp ([\w ]+?)'"
)
_MORE_DIRECTIVE_WORDS = "for|simd|sections|loop|taskloop|distribute|master|masked|workshare"
_CLAUSE_TEXT = {"nowait": r"\s*\bnowait\b", "schedule": r"\s*\bschedule\s*\([^()]*\)"}


def drop_invalid_clauses(code: str, log: str) -> tuple[str, list[str]]:
    """``code`` without the ``nowait``/``schedule`` clauses the compiler says a
    directive does not take (``#pragma omp parallel for nowait``); what was dropped."""
    dropped = []
    for match in _INVALID_CLAUSE.finditer(log):
        clause = match.group(1) or match.group(3)
        directive = match.group(2) or match.group(4)
        words = r"\s+".join(directive.split())
        # exactly that directive: "parallel" is not "parallel for"
        line = re.compile(
            rf"^([ \t]*#[ \t]*pragma[ \t]+omp[ \t]+{words})"
            rf"(?![ \t]+(?:{_MORE_DIRECTIVE_WORDS})\b)((?:[ \t].*)?)$",
            re.M,
        )
        text = _CLAUSE_TEXT[clause]
        fixed = line.sub(lambda m, text=text: m.group(1) + re.sub(text, "", m.group(2)), code)
        if fixed != code:
            code = fixed
            dropped.append(f"{clause} removed from #pragma omp {directive}")
    return code, list(dict.fromkeys(dropped))


def apply_fixits(code: str, log: str, lang: str) -> tuple[str, list[str]]:
    """``code`` with the mechanical fixes a failed compile's ``log`` points at, and
    a description of each ("#include <cmath>", "int rank", "declared f before its use")."""
    headers = [h for h in missing_headers(log, lang) if h not in _included(code)]
    fixed = add_includes(code, headers)
    done = [f"#include {h}" for h in headers]
    fixed, names = int_rank_variables(fixed, log)
    done += [f"int {name} (MPI_Comm_rank/size write an int)" for name in names]
    fixed, functions = declare_before_use(fixed, log)
    done += [f"declared {name}() before its first use" for name in functions]
    fixed, clauses = drop_invalid_clauses(fixed, log)
    done += clauses
    return fixed, done
