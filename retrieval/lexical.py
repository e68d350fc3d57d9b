"""Lexical (BM25) scoring over words, API names and constructs.

Vector similarity knows that "add up values from all processes" means a
reduction; it does not know that ``MPI_Alltoallv`` is not ``MPI_Alltoall``.
Exact identifiers typed by users are the lexical score's job.
"""

from __future__ import annotations

import math
import re
from collections import Counter

# Identifiers keep their underscores (MPI_Type_vector is one token), and we add
# their parts too, so "type vector" also finds it.
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")
STOP_WORDS = frozenset(
    """a an and are as at be by can do does for from how i in into is it its me my of on
    or our so that the their them then there these this to use using want we what when
    where which while with would you your please need example show write code program
    get make let using via""".split()
)


def _stem(word: str) -> str:
    """A very small English stemmer: enough to match plural and -ing forms."""
    for suffix in ("ing", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed tokens; identifiers with ``_`` also give their parts."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        word = raw.lower()
        if word in STOP_WORDS or len(word) < 2 and not word.isdigit():
            continue
        tokens.append(_stem(word))
        if "_" in word.strip("_"):
            tokens.extend(_stem(p) for p in word.split("_") if len(p) > 1 and p not in STOP_WORDS)
    return tokens


_PRAGMA = re.compile(r"#\s*pragma\s+omp\s+([^\n]*)")
_API_CALL = re.compile(r"\b((?:MPI|omp)_[A-Za-z_]+)\b")


def code_terms(code: str) -> list[str]:
    """The API names and OpenMP directive words a program uses."""
    terms = _API_CALL.findall(code)
    for directive in _PRAGMA.findall(code):
        terms.extend(re.findall(r"[a-z_]+", directive))
    return terms


class BM25:
    """Okapi BM25 with postings held as numpy arrays (fast to score and to save)."""

    def __init__(self, terms: list[str], doc_ids, weights, idf, n_docs: int):
        self.terms = terms
        self.doc_ids = doc_ids  # concatenated postings, int32
        self.weights = weights  # matching precomputed BM25 weights, float32
        self.idf = idf  # float32 per term
        self.n_docs = n_docs
        self._offsets = None
        self._term_index = {t: i for i, t in enumerate(terms)}

    @classmethod
    def build(cls, documents: list[list[str]], k1: float = 1.2, b: float = 0.75) -> BM25:
        """Index ``documents`` (each a list of tokens)."""
        import numpy as np

        n_docs = len(documents)
        lengths = [len(d) for d in documents]
        avg_len = (sum(lengths) / n_docs) if n_docs else 1.0
        postings: dict[str, list[tuple[int, float]]] = {}
        for doc, tokens in enumerate(documents):
            norm = k1 * (1 - b + b * lengths[doc] / max(avg_len, 1e-9))
            for term, tf in Counter(tokens).items():
                postings.setdefault(term, []).append((doc, tf * (k1 + 1) / (tf + norm)))
        terms = sorted(postings)
        idf = np.array(
            [
                math.log(1 + (n_docs - len(postings[t]) + 0.5) / (len(postings[t]) + 0.5))
                for t in terms
            ],
            dtype=np.float32,
        )
        doc_ids = np.array([d for t in terms for d, _ in postings[t]], dtype=np.int32)
        weights = np.array(
            [w * idf[i] for i, t in enumerate(terms) for _, w in postings[t]], dtype=np.float32
        )
        index = cls(terms, doc_ids, weights, idf, n_docs)
        index._offsets = np.cumsum([0] + [len(postings[t]) for t in terms]).astype(np.int64)
        return index

    def scores(self, query_tokens: list[str], k1: float = 1.2):
        """(scores per document, the best score any document could get) for a query."""
        import numpy as np

        scores = np.zeros(self.n_docs, dtype=np.float32)
        best = 0.0
        for term in set(query_tokens):
            i = self._term_index.get(term)
            if i is None:
                continue
            start, end = self._offsets[i], self._offsets[i + 1]
            # A term lists each document once, so plain fancy-index addition is exact.
            scores[self.doc_ids[start:end]] += self.weights[start:end]
            best += float(self.idf[i]) * (k1 + 1)
        return scores, best

    # Persistence: arrays in an .npz, terms as a newline-separated string in the same file.
    def save(self, path) -> None:
        import numpy as np

        np.savez(
            path,
            terms=np.array("\n".join(self.terms)),
            doc_ids=self.doc_ids,
            weights=self.weights,
            idf=self.idf,
            offsets=self._offsets,
            n_docs=np.array(self.n_docs),
        )

    @classmethod
    def load(cls, path) -> BM25:
        import numpy as np

        with np.load(path) as data:
            terms_text = str(data["terms"])
            index = cls(
                terms_text.split("\n") if terms_text else [],
                data["doc_ids"],
                data["weights"],
                data["idf"],
                int(data["n_docs"]),
            )
            index._offsets = data["offsets"]
        return index
