"""The verified snippet corpus: reading snippet files and their metadata.

Every snippet in ``retrieval/corpus/`` is a complete C or C++ program whose
first comment is a YAML front-matter block::

    /*---
    id: omp-reduction-sum
    title: Sum an array with an OpenMP reduction
    descriptions:
      - sum an array in parallel
      - add up all the numbers of a vector with threads
    api: openmp            # openmp | mpi | hybrid | serial
    lang: c                # c | c++
    constructs: [parallel for, reduction]
    pattern: reduce
    threads: [1, 2]        # thread counts the program is checked with
    ranks: [1]             # MPI rank counts it is checked with (default: [1, 2, 4] for
                           # mpi/hybrid snippets, [1] otherwise)
    ---*/

The program checks itself: it prints a line containing ``PASS`` and exits 0
when its result is right, and exits non-zero otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"
SOURCE_SUFFIXES = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++"}
APIS = ("openmp", "mpi", "hybrid", "serial")
REQUIRED_KEYS = ("id", "title", "descriptions", "api", "lang", "constructs", "pattern")

_FRONT_MATTER = re.compile(r"\A\s*/\*---\n(.*?)\n---\*/\n", re.DOTALL)


class SnippetFormatError(ValueError):
    """A snippet file whose metadata block is missing or malformed."""


@dataclass
class Snippet:
    """One corpus program and its metadata."""

    id: str
    title: str
    descriptions: list[str]
    api: str
    lang: str
    constructs: list[str]
    pattern: str
    code: str
    path: Path
    threads: list[int] = field(default_factory=lambda: [1])
    ranks: list[int] = field(default_factory=lambda: [1])
    args: str = ""

    @property
    def uses_openmp(self) -> bool:
        return self.api in ("openmp", "hybrid") or "#pragma omp" in self.code

    @property
    def uses_mpi(self) -> bool:
        return self.api in ("mpi", "hybrid")


def parse_snippet(path: Path) -> Snippet:
    """Read one snippet file; raise SnippetFormatError if its metadata is bad."""
    import yaml  # lazy: only corpus tools need it

    text = Path(path).read_text()
    match = _FRONT_MATTER.match(text)
    if not match:
        raise SnippetFormatError(f"{path}: no /*--- ... ---*/ metadata block at the top")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise SnippetFormatError(f"{path}: metadata is not valid YAML: {err}") from err
    missing = [key for key in REQUIRED_KEYS if key not in meta]
    if missing:
        raise SnippetFormatError(f"{path}: metadata lacks {', '.join(missing)}")
    if meta["api"] not in APIS:
        raise SnippetFormatError(f"{path}: api must be one of {APIS}, not {meta['api']!r}")
    expected_lang = SOURCE_SUFFIXES.get(Path(path).suffix)
    if meta["lang"] != expected_lang:
        raise SnippetFormatError(f"{path}: lang {meta['lang']!r} does not match the file suffix")
    if len(meta["descriptions"]) < 2:
        raise SnippetFormatError(f"{path}: needs at least two descriptions")
    return Snippet(
        id=str(meta["id"]),
        title=str(meta["title"]),
        descriptions=[str(d) for d in meta["descriptions"]],
        api=meta["api"],
        lang=meta["lang"],
        constructs=[str(c) for c in meta["constructs"]],
        pattern=str(meta["pattern"]),
        code=text,
        path=Path(path),
        threads=[int(t) for t in meta.get("threads", [1])],
        ranks=[
            int(r)
            for r in meta.get("ranks", [1, 2, 4] if meta["api"] in ("mpi", "hybrid") else [1])
        ],
        args=str(meta.get("args", "")),
    )


def strip_front_matter(text: str) -> str:
    """A snippet's program without its metadata block (what users and models see)."""
    return _FRONT_MATTER.sub("", text, count=1).lstrip("\n")


def corpus_files(root: Path = CORPUS_DIR) -> list[Path]:
    """All snippet source files under ``root``, sorted."""
    return sorted(p for p in Path(root).rglob("*") if p.suffix in SOURCE_SUFFIXES)


def load_corpus(root: Path = CORPUS_DIR) -> list[Snippet]:
    """Parse every snippet under ``root``; ids must be unique."""
    snippets = [parse_snippet(p) for p in corpus_files(root)]
    seen: dict[str, Path] = {}
    for snip in snippets:
        if snip.id in seen:
            raise SnippetFormatError(f"duplicate id {snip.id!r}: {seen[snip.id]} and {snip.path}")
        seen[snip.id] = snip.path
    return snippets
