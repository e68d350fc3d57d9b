"""Split a user's C, C++ or Fortran source into searchable pieces: functions and loops.

Every function becomes a chunk; in functions longer than ``LONG_FUNCTION`` lines,
each outermost loop (with the ``#pragma omp`` / ``!$omp`` lines just above it)
becomes a chunk of its own too, so "the loop where I update the halo" can be
found inside a 300-line solver. The scanner is deliberately simple (no
preprocessor, no full parser): it blanks out comments and strings, then
matches braces (C/C++) or ``subroutine``/``end subroutine`` lines (Fortran).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

C_SUFFIXES = {".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".cu"}
FORTRAN_SUFFIXES = {".f", ".for", ".f77", ".f90", ".f95", ".f03", ".f08"}
LONG_FUNCTION = 30  # lines
MIN_LOOP = 3  # lines


@dataclass
class Chunk:
    """A piece of a source file: a whole function, or one loop inside it."""

    kind: str  # "function" | "loop" | "file"
    name: str  # the function's name (for a loop: the function it is in)
    start: int  # first line, 1-based
    end: int  # last line, inclusive
    code: str
    comment: str  # the comment just above it, if any


def language_of(suffix: str) -> str | None:
    """'c' for C/C++ sources and headers, 'fortran', or None for anything else."""
    suffix = suffix.lower()
    if suffix in C_SUFFIXES:
        return "c"
    if suffix in FORTRAN_SUFFIXES:
        return "fortran"
    return None


def split_source(text: str, language: str) -> list[Chunk]:
    """Functions and loops of ``text``; a file with none becomes one 'file' chunk."""
    chunks = _split_c(text) if language == "c" else _split_fortran(text)
    if not chunks and text.strip():
        lines = text.splitlines()
        chunks = [Chunk("file", "", 1, len(lines), text, _leading_comment(lines, 0))]
    return chunks


# --------------------------------------------------------------------------- C and C++

_NOT_FUNCTION = re.compile(r"\b(struct|class|union|enum|namespace|extern\s+\"C\"|typedef)\b")
_FUNCTION_HEAD = re.compile(
    r"([A-Za-z_~][\w:~]*(?:<[^<>]*>)?)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*"
    r"(?:const|noexcept|override|final|->\s*[\w:<>*& ]+|\s)*$"
)
_CONTROL = {"if", "for", "while", "switch", "catch", "return", "sizeof", "do", "else"}
_LOOP_START = re.compile(r"\b(for|while|do)\b")


def blank_comments_and_strings(text: str) -> str:
    """Same length as ``text``, with comments, strings and preprocessor lines blanked."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a: int, b: int) -> None:
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i, j + 1)
            i = j + 1
        elif c == "#" and (i == 0 or text[i - 1] == "\n" or text[:i].rstrip(" \t").endswith("\n")):
            j = i
            while True:  # a directive runs to the end of line, with backslash continuations
                k = text.find("\n", j)
                if k < 0:
                    k = n
                    break
                if text[k - 1] != "\\":
                    break
                j = k + 1
            blank(i, k)
            i = k
        else:
            i += 1
    return "".join(out)


def matching_brace(masked: str, open_at: int) -> int:
    """The index of the ``}`` that closes the ``{`` at ``open_at`` in ``masked`` (text
    with comments and strings blanked); the last index when it never closes."""
    depth = 0
    for k in range(open_at, len(masked)):
        if masked[k] == "{":
            depth += 1
        elif masked[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(masked) - 1


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _split_c(text: str) -> list[Chunk]:
    masked = blank_comments_and_strings(text)
    lines = text.splitlines()
    chunks: list[Chunk] = []
    _scan_c_block(text, masked, lines, 0, len(masked), chunks)
    return chunks


def _scan_c_block(text, masked, lines, start, stop, chunks) -> None:
    """Find functions among the top-level blocks of masked[start:stop]."""
    i = start
    header_start = start
    while i < stop:
        c = masked[i]
        if c in ";}":
            header_start = i + 1
        elif c == "{":
            close = matching_brace(masked, i)
            header = masked[header_start:i].strip()
            if _NOT_FUNCTION.search(header) and not header.rstrip().endswith(")"):
                # namespace / class / extern "C": look for functions inside
                _scan_c_block(text, masked, lines, i + 1, close, chunks)
            else:
                match = _FUNCTION_HEAD.search(header)
                name = match.group(1).split("::")[-1] if match else ""
                if match and name not in _CONTROL and "=" not in header:
                    _add_function(
                        text, masked, lines, header_start, i, close, match.group(1), chunks
                    )
            i = close
            header_start = close + 1
        i += 1


def _add_function(text, masked, lines, header_start, open_at, close, name, chunks) -> None:
    first = _line_of(
        text,
        header_start
        + len(masked[header_start:open_at])
        - len(masked[header_start:open_at].lstrip()),
    )
    last = _line_of(text, close)
    code = "\n".join(lines[first - 1 : last])
    chunks.append(Chunk("function", name, first, last, code, _leading_comment(lines, first - 1)))
    if last - first + 1 <= LONG_FUNCTION:
        return
    # Outermost loops of the body: a loop keyword at brace depth 1 of the function.
    depth = 0
    k = open_at
    while k < close:
        ch = masked[k]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif (
            depth == 1
            and ch.isalpha()
            and (k == 0 or not (masked[k - 1].isalnum() or masked[k - 1] == "_"))
        ):
            match = _LOOP_START.match(masked, k)
            if match:
                end = _end_of_statement(masked, match.end())
                loop_first, loop_last = _line_of(text, k), _line_of(text, end)
                loop_first = _with_pragmas_above(lines, loop_first)
                if loop_last - loop_first + 1 >= MIN_LOOP:
                    chunks.append(
                        Chunk(
                            "loop",
                            name,
                            loop_first,
                            loop_last,
                            "\n".join(lines[loop_first - 1 : loop_last]),
                            _leading_comment(lines, loop_first - 1),
                        )
                    )
                k = end
        k += 1


def _end_of_statement(masked: str, k: int) -> int:
    """The end of the loop statement whose keyword ends at ``k`` (its body's last char)."""
    n = len(masked)
    # Skip a parenthesised header, if any.
    while k < n and masked[k].isspace():
        k += 1
    if k < n and masked[k] == "(":
        depth = 0
        while k < n:
            if masked[k] == "(":
                depth += 1
            elif masked[k] == ")":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        k += 1
    while k < n and masked[k].isspace():
        k += 1
    if k < n and masked[k] == "{":
        return matching_brace(masked, k)
    nested = _LOOP_START.match(masked, k)
    if nested:
        return _end_of_statement(masked, nested.end())
    semi = masked.find(";", k)
    return n - 1 if semi < 0 else semi


def _with_pragmas_above(lines: list[str], first: int) -> int:
    """Move a loop's first line up over the ``#pragma omp`` lines that belong to it."""
    while first > 1 and lines[first - 2].strip().lower().startswith(("#pragma", "!$omp", "!$acc")):
        first -= 1
    return first


def _leading_comment(lines: list[str], index: int) -> str:
    """The comment lines directly above line ``index`` (0-based), without markers."""
    collected: list[str] = []
    k = index - 1
    while k >= 0:
        stripped = lines[k].strip()
        if stripped.startswith(("//", "/*", "*", "!", "c ", "C ")) or stripped.endswith("*/"):
            collected.append(stripped.strip("/*!").strip())
            k -= 1
        else:
            break
    return " ".join(reversed([c for c in collected if c]))


# --------------------------------------------------------------------------- Fortran

_F_START = re.compile(
    r"^\s*(?:(?:pure|elemental|recursive|impure|module)\s+)*"
    r"(?:(?:integer|real|double\s+precision|logical|complex|character)[\w\(\)\*=,\s]*\s+)?"
    r"(subroutine|function|program)\s+(\w+)",
    re.IGNORECASE,
)
_F_END = re.compile(r"^\s*end\s*(subroutine|function|program)?\b", re.IGNORECASE)
_F_DO = re.compile(r"^\s*(?:\w+\s*:\s*)?do\b", re.IGNORECASE)
_F_ENDDO = re.compile(r"^\s*end\s*do\b", re.IGNORECASE)


def _split_fortran(text: str) -> list[Chunk]:
    lines = text.splitlines()
    chunks: list[Chunk] = []
    current: tuple[str, int] | None = None
    for number, line in enumerate(lines, start=1):
        code = line.split("!", 1)[0] if not line.lstrip().lower().startswith("!$") else line
        if current is None:
            match = _F_START.match(code)
            if match and not code.lstrip().lower().startswith("end"):
                current = (match.group(2), number)
        elif (
            _F_END.match(code)
            and not _F_ENDDO.match(code)
            and not re.match(
                r"^\s*end\s*(if|select|where|associate|type|module|interface)\b",
                code,
                re.IGNORECASE,
            )
        ):
            name, first = current
            body = lines[first - 1 : number]
            chunks.append(
                Chunk(
                    "function",
                    name,
                    first,
                    number,
                    "\n".join(body),
                    _leading_comment(lines, first - 1),
                )
            )
            if number - first + 1 > LONG_FUNCTION:
                chunks.extend(_fortran_loops(lines, first, number, name))
            current = None
    return chunks


def _fortran_loops(lines: list[str], first: int, last: int, name: str) -> list[Chunk]:
    loops: list[Chunk] = []
    depth, start = 0, 0
    for number in range(first, last + 1):
        code = lines[number - 1].split("!", 1)[0]
        if _F_ENDDO.match(code):
            depth -= 1
            if depth == 0 and number - start + 1 >= MIN_LOOP:
                begin = _with_pragmas_above(lines, start)
                loops.append(
                    Chunk(
                        "loop",
                        name,
                        begin,
                        number,
                        "\n".join(lines[begin - 1 : number]),
                        _leading_comment(lines, begin - 1),
                    )
                )
        elif _F_DO.match(code):
            if depth == 0:
                start = number
            depth += 1
    return loops
