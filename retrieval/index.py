"""A searchable collection of documents: FAISS vectors + BM25 postings + a manifest.

A *document* is one thing a search can return (a corpus snippet, or a function
or loop from the user's own code). It is a JSON-ready dict with at least ``id``,
``title`` and ``texts`` (the sentences that describe it, each embedded on its
own: a query close to any of them finds the document) and ``terms`` (the words
and identifiers for the lexical score; not kept in ``documents.json``).

On disk, an index is a folder::

    manifest.json   format, fingerprint of the source data, model id, dimension, counts
    documents.json  the documents (without their vectors)
    vectors.npy     one unit vector per text, float32
    vector_doc.npy  which document each vector belongs to
    faiss.index     the FAISS index over vectors.npy
    bm25.npz        lexical postings

The manifest is written last, so a folder without a valid manifest is an
interrupted build and is rebuilt.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from retrieval.lexical import BM25, tokenize

FORMAT = 1
HNSW_ABOVE = 50_000  # vectors: above this, approximate (HNSW) search; below, exact
HNSW_EF_SEARCH = 96


class IndexUnusable(RuntimeError):
    """An index folder that is missing, stale or corrupt (so it must be rebuilt)."""


@dataclass
class Candidate:
    """One document's scores for one query."""

    doc: int
    vector: float  # best cosine similarity between the query and one of its texts
    lexical: float  # BM25 score divided by the best score possible for this query (0..1)


class SearchIndex:
    """Documents with their vectors, an ANN index over the vectors, and BM25 postings."""

    def __init__(
        self, manifest: dict, documents: list[dict], vectors, vector_doc, faiss_index, bm25
    ):
        self.manifest = manifest
        self.documents = documents
        self.vectors = vectors
        self.vector_doc = vector_doc
        self.faiss_index = faiss_index
        self.bm25 = bm25
        self._doc_rows = None  # document -> its vector rows, built on first filtered search

    def __len__(self) -> int:
        return len(self.documents)

    # ------------------------------------------------------------------ build

    @classmethod
    def build(
        cls, documents: list[dict], vectors, fingerprint: str, model_id: str, dimension: int
    ) -> SearchIndex:
        """Index ``documents`` whose texts' vectors are ``vectors`` (see ``embed_texts``)."""
        import numpy as np

        owners = [i for i, doc in enumerate(documents) for _ in doc["texts"]]
        if len(owners) != len(vectors):
            raise ValueError(f"{len(owners)} texts but {len(vectors)} vectors")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dimension)
        manifest = {
            "format": FORMAT,
            "fingerprint": fingerprint,
            "model_id": model_id,
            "dimension": int(dimension),
            "documents": len(documents),
            "vectors": int(len(vectors)),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        }
        bm25 = BM25.build([doc["terms"] for doc in documents])
        vector_doc = np.array(owners, dtype=np.int32)
        return cls(manifest, documents, vectors, vector_doc, _faiss_index(vectors), bm25)

    # ------------------------------------------------------------------ persistence

    def save(self, folder: Path) -> None:
        """Write the index to ``folder`` atomically (a new folder renamed into place)."""
        import faiss
        import numpy as np

        folder = Path(folder)
        tmp = folder.with_name(f".{folder.name}.tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        # Lexical terms live in bm25.npz; keeping them in the JSON too would slow loading.
        stored = [{k: v for k, v in doc.items() if k != "terms"} for doc in self.documents]
        (tmp / "documents.json").write_text(json.dumps(stored))
        np.save(tmp / "vectors.npy", self.vectors)
        np.save(tmp / "vector_doc.npy", self.vector_doc)
        faiss.write_index(self.faiss_index, str(tmp / "faiss.index"))
        self.bm25.save(tmp / "bm25.npz")
        (tmp / "manifest.json").write_text(json.dumps(self.manifest, indent=1))
        old = folder.with_name(f".{folder.name}.old{os.getpid()}")
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, fingerprint: str | None, model_id: str | None) -> SearchIndex:
        """Load an index; raise IndexUnusable when it is missing, stale or corrupt.

        ``None`` for ``fingerprint`` or ``model_id`` skips that check.
        """
        import faiss
        import numpy as np

        folder = Path(folder)
        try:
            manifest = json.loads((folder / "manifest.json").read_text())
        except FileNotFoundError:
            raise IndexUnusable("missing") from None
        except (OSError, ValueError) as err:
            raise IndexUnusable(f"unreadable manifest ({err})") from None
        if manifest.get("format") != FORMAT:
            raise IndexUnusable("from another version of jupyter-hpc")
        if model_id is not None and manifest.get("model_id") != model_id:
            raise IndexUnusable("out of date (built with another embedding model)")
        if fingerprint is not None and manifest.get("fingerprint") != fingerprint:
            raise IndexUnusable("out of date (the snippets changed)")
        try:
            documents = json.loads((folder / "documents.json").read_text())
            vectors = np.load(folder / "vectors.npy")
            vector_doc = np.load(folder / "vector_doc.npy")
            faiss_index = faiss.read_index(str(folder / "faiss.index"))
            if hasattr(faiss_index, "hnsw"):  # a search-time setting, not saved in the file
                faiss_index.hnsw.efSearch = HNSW_EF_SEARCH
            bm25 = BM25.load(folder / "bm25.npz")
        except Exception as err:  # any damage at all means: rebuild
            raise IndexUnusable(f"corrupt ({type(err).__name__}: {err})") from None
        consistent = (
            len(documents) == manifest.get("documents") == bm25.n_docs
            and len(vectors) == len(vector_doc) == faiss_index.ntotal == manifest.get("vectors")
            and (len(vectors) == 0 or vectors.shape[1] == manifest.get("dimension"))
        )
        if not consistent:
            raise IndexUnusable("corrupt (its parts disagree on their sizes)")
        return cls(manifest, documents, vectors, vector_doc, faiss_index, bm25)

    # ------------------------------------------------------------------ search

    def candidates(
        self, query_vector, query_tokens: list[str], depth: int, allowed=None
    ) -> list[Candidate]:
        """Documents worth ranking: the nearest by vector and the best by BM25.

        ``allowed`` (a set of document numbers, or None for all) applies filters; when
        it is small, every allowed document is scored exactly instead.
        """
        import numpy as np

        if not self.documents:
            return []
        lexical, best_lexical = self.bm25.scores(query_tokens)
        lexical_norm = lexical / best_lexical if best_lexical > 0 else lexical
        best_vector: dict[int, float] = {}
        if allowed is not None and len(allowed) <= 4 * depth:
            pool = set(allowed)
        else:
            n_vectors = min(len(self.vector_doc), depth * 4)
            sims, rows = self.faiss_index.search(query_vector.reshape(1, -1), n_vectors)
            for sim, row in zip(sims[0].tolist(), rows[0].tolist(), strict=True):
                if row >= 0:  # rows come best first: the first one seen is the document's best
                    best_vector.setdefault(int(self.vector_doc[row]), sim)
            pool = set(best_vector)
            top_lexical = np.argpartition(-lexical, min(depth, len(lexical) - 1))[:depth]
            pool.update(int(d) for d in top_lexical if lexical[d] > 0)
            if allowed is not None:
                pool &= allowed
                if len(pool) < depth:  # filters removed most of them: score all allowed
                    pool = set(allowed)
        return [
            Candidate(
                doc,
                best_vector[doc] if doc in best_vector else self._vector_score(doc, query_vector),
                float(lexical_norm[doc]),
            )
            for doc in pool
        ]

    def _vector_score(self, doc: int, query_vector) -> float:
        rows = self._rows_of(doc)
        if len(rows) == 0:
            return 0.0
        return float((self.vectors[rows] @ query_vector).max())

    def _rows_of(self, doc: int):
        import numpy as np

        if self._doc_rows is None:
            order = np.argsort(self.vector_doc, kind="stable")
            bounds = np.searchsorted(self.vector_doc[order], np.arange(len(self.documents) + 1))
            self._doc_rows = (order, bounds)
        order, bounds = self._doc_rows
        return order[bounds[doc] : bounds[doc + 1]]


def _faiss_index(vectors):
    """Exact inner-product search for small collections, HNSW for large ones."""
    import faiss

    dimension = vectors.shape[1]
    if len(vectors) > HNSW_ABOVE:
        index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(vectors)
    return index


def embed_texts(documents: list[dict], embedder):
    """The vectors of every document's texts, in order (what ``SearchIndex.build`` takes)."""
    import numpy as np

    texts = [text for doc in documents for text in doc["texts"]]
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return embedder.encode(texts)


def query_tokens(query: str) -> list[str]:
    """The lexical tokens of a query (the same tokenizer as for documents)."""
    return tokenize(query)
