"""Find data races: build with clang's ThreadSanitizer and read its reports.

gcc's ``-fsanitize=thread`` reports false races with OpenMP (libgomp is not
instrumented); clang with LLVM's OpenMP runtime and Archer does not. Reports
are mapped back to lines of the user's source.
"""

from __future__ import annotations

import re

from kernel_magics.result import Race

TSAN_OPTIONS = "ignore_noninstrumented_modules=1 exitcode=66 history_size=3"

_REPORT = re.compile(
    r"WARNING: ThreadSanitizer: data race.*?(?=\n==================|\Z)", re.DOTALL
)
_ACCESS = re.compile(
    r"^\s+(?:Previous |Atomic )*(?P<kind>[Rr]ead|[Ww]rite) of size \d+ at \S+ by (?P<who>[^:]+):\n"
    r"(?P<frames>(?:\s+#\d+ .*\n?)+)",
    re.MULTILINE,
)
_FRAME = re.compile(r"#\d+ (?P<func>\S+) (?P<file>[^\s:]+):(?P<line>\d+)(?::\d+)?")
_LOCATION = re.compile(r"Location is (?:global|heap block|stack of)[^\n]*?'(?P<name>[^']+)'")


def _source_line(frames: str, source_file: str) -> int | None:
    """The first stack frame in the user's source file, as a line number."""
    for frame in _FRAME.finditer(frames):
        if frame.group("file").endswith(source_file):
            return int(frame.group("line"))
    return None


def parse_tsan_races(log: str, source_file: str, cell_lines: list[str]) -> list[Race]:
    """Races from a ThreadSanitizer log, deduplicated by their pair of lines.

    ``cell_lines[i]`` is the text of line ``i + 1`` as the user sees it.
    """
    races: list[Race] = []
    seen: set[tuple] = set()
    for report in _REPORT.finditer(log):
        accesses = list(_ACCESS.finditer(report.group(0)))
        if len(accesses) < 2:
            continue
        first, second = accesses[0], accesses[1]
        line_a = _source_line(first.group("frames"), source_file)
        line_b = _source_line(second.group("frames"), source_file)
        kind_a, kind_b = first.group("kind").lower(), second.group("kind").lower()
        key = tuple(sorted([(line_a or 0, kind_a), (line_b or 0, kind_b)]))
        if key in seen:
            continue
        seen.add(key)
        location = _LOCATION.search(report.group(0))
        races.append(
            Race(
                line_a=line_a,
                kind_a=kind_a,
                code_a=_text_of(cell_lines, line_a),
                line_b=line_b,
                kind_b=kind_b,
                code_b=_text_of(cell_lines, line_b),
                variable=location.group("name") if location else "",
            )
        )
    return races


def _text_of(lines: list[str], line: int | None) -> str:
    if line is None or not 1 <= line <= len(lines):
        return ""
    return lines[line - 1]
