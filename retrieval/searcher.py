"""Natural-language search over the verified corpus and the user's own indexed code.

    from retrieval import search
    for hit in search("how do I add up values from all processes", k=3, api="mpi"):
        print(hit.score, hit.id, hit.title)

Ranking: for each document, the best cosine similarity between the query and
one of its descriptions, plus ``LEXICAL_WEIGHT`` times its BM25 score (scaled to
0..1 by the best score the query could reach). The lexical part rewards exact API
names and constructs (``MPI_Alltoallv``, ``collapse``) that embeddings blur.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from retrieval.index import SearchIndex, query_tokens
from retrieval.snippets import APIS, CORPUS_DIR, strip_front_matter

LEXICAL_WEIGHT = 0.25


@dataclass
class Hit:
    """One search result."""

    id: str
    score: float
    title: str
    code: str
    api: str
    lang: str
    source: str  # "corpus" or "user"
    constructs: list[str] = field(default_factory=list)
    pattern: str = ""
    descriptions: list[str] = field(default_factory=list)
    threads: list[int] = field(default_factory=lambda: [1])
    ranks: list[int] = field(default_factory=lambda: [1])
    args: str = ""
    path: str = ""
    lines: list[int] | None = None  # [first, last] for user code
    vector_score: float = 0.0
    lexical_score: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def run_cell(self) -> str:
        """The hit as a ready ``%%hpc_run`` cell, with the counts it was verified at."""
        flags = []
        if self.api in ("openmp", "hybrid") or "#pragma omp" in self.code:
            flags.append(f"-t {','.join(str(t) for t in self.threads)}")
        if self.api in ("mpi", "hybrid"):
            flags.append(f"-n {','.join(str(r) for r in self.ranks)}")
        if self.args:
            flags.append(f'--args "{self.args}"')
        if self.source == "corpus":
            flags.append(f"--name {self.id.replace('-', '_')}")
        header = " ".join(["%%hpc_run", *flags])
        origin = f"// {self.title} ({self.source}: {self.id})"
        return f"{header}\n{origin}\n{self.code.strip()}\n"


class SearchError(ValueError):
    """Bad search input (empty query, unknown filter value)."""


class Searcher:
    """Holds the loaded indexes and the embedding model for one process."""

    def __init__(
        self,
        index_root: Path | None = None,
        corpus_root: Path = CORPUS_DIR,
        embedder_factory: Callable[[], object] | None = None,
    ):
        from retrieval.embed import MODEL_ID, get_embedder

        self.index_root = index_root
        self.corpus_root = corpus_root
        self.embedder_factory = embedder_factory or get_embedder
        self.model_id = MODEL_ID
        self._corpus: SearchIndex | None = None
        self._lock = threading.Lock()

    def _root(self) -> Path:
        if self.index_root is not None:
            return self.index_root
        from kernel_magics.paths import cache_subdir

        return cache_subdir("index")

    def corpus_index(self, notice: Callable[[str], None] = lambda m: None) -> SearchIndex:
        """The corpus index, loaded (or built) on first use."""
        from retrieval.corpus_index import load_or_build_corpus_index

        with self._lock:
            if self._corpus is None:
                self._corpus = load_or_build_corpus_index(
                    self._root() / "corpus",
                    self.embedder_factory,
                    self.model_id,
                    notice=notice,
                    root=self.corpus_root,
                )
            return self._corpus

    def user_index(self):
        """The per-user index of learned code (see retrieval.learn)."""
        from retrieval.learn import UserIndex

        return UserIndex(self._root() / "user", self.embedder_factory, self.model_id)

    def search(
        self,
        query: str,
        k: int = 5,
        api: str | None = None,
        lang: str | None = None,
        pattern: str | None = None,
        include_user: bool = True,
        notice: Callable[[str], None] = lambda m: None,
    ) -> list[Hit]:
        """The ``k`` best hits for ``query`` (see the module docstring for the ranking)."""
        query = (query or "").strip()
        if not query:
            raise SearchError("the query is empty: say what you are looking for")
        if k < 1:
            raise SearchError("k must be at least 1")
        if api is not None and api not in APIS:
            raise SearchError(f"api must be one of {', '.join(APIS)}, not {api!r}")
        if lang is not None:
            lang = {"cpp": "c++", "cxx": "c++"}.get(lang.lower(), lang.lower())
        indexes = [self.corpus_index(notice)]
        if include_user:
            user = self.user_index().load()
            if user is not None and len(user):
                indexes.append(user)
        vector = self.embedder_factory().encode([query])[0]
        tokens = query_tokens(query)
        scored: list[tuple[float, SearchIndex, object]] = []
        depth = max(50, 4 * k)
        for index in indexes:
            allowed = _allowed(index, api, lang, pattern)
            if allowed is not None and not allowed:
                continue
            for cand in index.candidates(vector, tokens, depth, allowed):
                score = cand.vector + LEXICAL_WEIGHT * cand.lexical
                scored.append((score, index, cand))
        scored.sort(key=lambda item: -item[0])
        return [self._hit(index, cand, score) for score, index, cand in scored[:k]]

    def _hit(self, index: SearchIndex, cand, score: float) -> Hit:
        doc = index.documents[cand.doc]
        if doc.get("source") == "corpus":
            code = strip_front_matter((self.corpus_root / doc["path"]).read_text())
        else:
            code = doc.get("code", "")
        return Hit(
            id=doc["id"],
            score=round(float(score), 4),
            title=doc["title"],
            code=code,
            api=doc.get("api", ""),
            lang=doc.get("lang", ""),
            source=doc.get("source", "corpus"),
            constructs=list(doc.get("constructs", [])),
            pattern=doc.get("pattern", ""),
            descriptions=list(doc.get("descriptions", [])),
            threads=list(doc.get("threads", [1])),
            ranks=list(doc.get("ranks", [1])),
            args=doc.get("args", ""),
            path=doc.get("path", ""),
            lines=doc.get("lines"),
            vector_score=round(cand.vector, 4),
            lexical_score=round(cand.lexical, 4),
        )


def _allowed(index: SearchIndex, api, lang, pattern) -> set[int] | None:
    """Document numbers that pass the filters (None: no filter given)."""
    if api is None and lang is None and pattern is None:
        return None
    keep = set()
    for i, doc in enumerate(index.documents):
        if api is not None and doc.get("api") != api:
            continue
        if lang is not None and doc.get("lang") != lang:
            continue
        if pattern is not None and pattern.lower() not in doc.get("pattern", "").lower():
            continue
        keep.add(i)
    return keep


_default: Searcher | None = None
_default_lock = threading.Lock()


def default_searcher() -> Searcher:
    """The process-wide Searcher (indexes under the jupyter-hpc cache)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Searcher()
        return _default


def search(
    query: str, k: int = 5, api: str | None = None, lang: str | None = None, **options
) -> list[Hit]:
    """Search the verified corpus and your learned code; see ``Searcher.search``."""
    return default_searcher().search(query, k=k, api=api, lang=lang, **options)
