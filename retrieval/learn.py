"""``%hpc learn``: index the user's own C, C++ and Fortran code, next to the corpus.

The user index lives in ``<cache>/index/user``. Learning a file again replaces
its pieces; ``remove`` drops a file (or everything under a folder). Pieces keep
a copy of their code, so a hit still shows what was indexed if the file has
changed since (re-learn it to refresh).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.chunking import Chunk, language_of, split_source
from retrieval.index import IndexUnusable, SearchIndex, embed_texts
from retrieval.lexical import code_terms, tokenize

MAX_FILE_BYTES = 2_000_000  # larger "sources" are generated code or data: skipped
SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "__pycache__",
    ".venv",
    "build",
    ".ipynb_checkpoints",
}


@dataclass
class LearnReport:
    """What ``learn`` did with each kind of file it met."""

    files: int = 0
    chunks: int = 0
    skipped_binary: list[str] = field(default_factory=list)
    skipped_unreadable: list[str] = field(default_factory=list)
    skipped_too_large: list[str] = field(default_factory=list)
    skipped_not_source: int = 0  # files in the folders whose suffix is not C/C++/Fortran

    def summary(self) -> str:
        parts = [f"indexed {self.chunks} pieces (functions and loops) from {self.files} files"]
        skipped = [
            (len(self.skipped_binary), "binary"),
            (len(self.skipped_unreadable), "unreadable"),
            (len(self.skipped_too_large), f"larger than {MAX_FILE_BYTES // 1_000_000} MB"),
        ]
        for count, why in skipped:
            if count:
                parts.append(f"skipped {count} {why}")
        if self.skipped_not_source:
            parts.append(f"ignored {self.skipped_not_source} files that are not C/C++/Fortran")
        return "; ".join(parts)


def _identifier_words(name: str) -> str:
    """``computeHaloExchange`` / ``compute_halo`` -> 'compute halo exchange'."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).replace("_", " ")
    return spaced.lower()


def chunk_document(path: Path, chunk: Chunk, language: str) -> dict:
    """The searchable form of one piece of user code."""
    from kernel_magics.source import analyse_source

    if language == "fortran":
        lower = chunk.code.lower()
        uses_omp, uses_mpi = "!$omp" in lower, "mpi_" in lower or "use mpi" in lower
        api = (
            "hybrid"
            if uses_omp and uses_mpi
            else "mpi"
            if uses_mpi
            else "openmp"
            if uses_omp
            else "serial"
        )
        lang = "fortran"
    else:
        info = analyse_source(chunk.code, "c++" if path.suffix.lower() not in (".c", ".h") else "c")
        api, lang = info.api, info.lang
    where = f"{path.name}:{chunk.start}-{chunk.end}"
    what = {"function": "function", "loop": "loop in", "file": "file"}[chunk.kind]
    title = f"{what} {chunk.name} ({where})" if chunk.name else f"{path.name} ({where})"
    head = "\n".join(chunk.code.splitlines()[:25])
    words = " ".join(filter(None, [_identifier_words(chunk.name), chunk.comment]))
    texts = [t for t in (words, f"{words}\n{head}") if t.strip()]
    return {
        "id": f"user:{path}:{chunk.start}",
        "title": title,
        "descriptions": [chunk.comment] if chunk.comment else [],
        "api": api,
        "lang": lang,
        "constructs": sorted(set(code_terms(chunk.code)))[:20],
        "pattern": chunk.kind,
        "path": str(path),
        "lines": [chunk.start, chunk.end],
        "source": "user",
        "code": chunk.code,
        "texts": texts,
        "words": f"{words} {path.stem}",
    }


def with_terms(doc: dict) -> dict:
    """The document with its lexical terms (recomputed: they are not stored)."""
    return {**doc, "terms": tokenize(doc.get("words", "")) + tokenize(doc.get("code", ""))}


def _looks_binary(data: bytes) -> bool:
    return b"\0" in data[:8192]


class UserIndex:
    """The learned pieces of user code, with their vectors, on disk."""

    def __init__(self, folder: Path, embedder_factory, model_id: str):
        self.folder = Path(folder)
        self.embedder_factory = embedder_factory
        self.model_id = model_id

    def load(self) -> SearchIndex | None:
        """The saved index (None when nothing was learned yet or it is unusable).

        An index embedded with another model is re-embedded from its stored texts,
        so upgrading the model never loses what the user taught.
        """
        try:
            return SearchIndex.load(self.folder, None, self.model_id)
        except IndexUnusable:
            pass
        try:
            stale = SearchIndex.load(self.folder, None, None)
        except IndexUnusable:
            return None
        from retrieval.embed import DIMENSION

        documents = [with_terms(d) for d in stale.documents]
        vectors = embed_texts(documents, self.embedder_factory())
        index = SearchIndex.build(documents, vectors, "user", self.model_id, DIMENSION)
        index.save(self.folder)
        return index

    def _documents_and_vectors(self):
        index = self.load()
        if index is None:
            return [], None, None
        return index.documents, index.vectors, index.vector_doc

    def learn(self, target: str | Path, progress=lambda message: None) -> LearnReport:
        """Index the C/C++/Fortran files at ``target`` (a file or a folder, recursively)."""
        target = Path(target).expanduser()
        if not target.exists():
            raise FileNotFoundError(f"{target} does not exist")
        report = LearnReport()
        files = [target] if target.is_file() else sorted(_walk(target, report))
        new_docs: list[dict] = []
        learned_paths: set[str] = set()
        for i, path in enumerate(files, start=1):
            if i % 50 == 0:
                progress(f"reading {i}/{len(files)} files")
            language = language_of(path.suffix)
            if language is None:
                report.skipped_not_source += 1
                continue
            try:
                if path.stat().st_size > MAX_FILE_BYTES:
                    report.skipped_too_large.append(str(path))
                    continue
                data = path.read_bytes()
            except OSError:
                report.skipped_unreadable.append(str(path))
                continue
            if _looks_binary(data):
                report.skipped_binary.append(str(path))
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            resolved = path.resolve()
            chunks = split_source(text, language)
            new_docs.extend(chunk_document(resolved, c, language) for c in chunks)
            learned_paths.add(str(resolved))
            report.files += 1
            report.chunks += len(chunks)
        if new_docs:
            progress(f"embedding {len(new_docs)} pieces")
        self._replace(learned_paths, new_docs)
        return report

    def _replace(self, paths: set[str], new_docs: list[dict]) -> None:
        """Drop the pieces of ``paths``, add ``new_docs``, save (only new texts are embedded)."""
        import numpy as np

        from retrieval.embed import DIMENSION

        if not paths and not new_docs:
            return
        old_docs, old_vectors, old_owner = self._documents_and_vectors()
        keep = [i for i, d in enumerate(old_docs) if d["path"] not in paths]
        kept_vectors = (
            old_vectors[np.isin(old_owner, keep)]
            if old_vectors is not None
            else np.zeros((0, DIMENSION), dtype=np.float32)
        )
        # Removing only reuses stored vectors: no need to load the embedding model.
        new_vectors = (
            embed_texts(new_docs, self.embedder_factory()) if new_docs else kept_vectors[:0]
        )
        documents = [with_terms(d) for d in [old_docs[i] for i in keep] + new_docs]
        vectors = np.concatenate([kept_vectors, new_vectors])
        SearchIndex.build(documents, vectors, "user", self.model_id, DIMENSION).save(self.folder)

    def remove(self, target: str | Path) -> int:
        """Forget a learned file, or every learned file under a folder; returns pieces removed."""
        resolved = str(Path(target).expanduser().resolve())
        docs, _, _ = self._documents_and_vectors()
        gone = {
            d["path"]
            for d in docs
            if d["path"] == resolved or d["path"].startswith(resolved.rstrip("/") + "/")
        }
        removed = sum(1 for d in docs if d["path"] in gone)
        if gone:
            self._replace(gone, [])
        return removed

    def listing(self) -> list[tuple[str, int]]:
        """(file, number of pieces) for every learned file."""
        docs, _, _ = self._documents_and_vectors()
        return sorted(Counter(d["path"] for d in docs).items())


def _walk(folder: Path, report: LearnReport):
    for path in folder.rglob("*"):
        if any(part in SKIP_DIRS for part in path.relative_to(folder).parts[:-1]):
            continue
        try:
            if path.is_file():
                yield path
        except OSError:
            report.skipped_unreadable.append(str(path))
