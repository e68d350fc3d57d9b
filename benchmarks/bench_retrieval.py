"""Retrieval quality and speed.

Quality: the dev query set ``retrieval_queries.yaml`` (questions written the way
users ask, each with the snippet ids that answer it) is searched over the shipped
corpus; recall@1, recall@5 and MRR count a query as found when any expected id
is in the top k. Target: recall@5 >= 0.90.

Speed, with the embedding model already loaded (it loads once per kernel):
- warm query (embed + search) p50 over the dev queries on the shipped corpus,
  and on a synthetic 20,000-snippet corpus; target p50 <= 15 ms on both;
- index load from disk (not counting the model): target <= 1 s on both.
The synthetic corpus repeats the real documents with perturbed vectors and
renamed terms, so it has the size and shape of a big corpus without embedding
100,000 sentences for every benchmark run.

    .venv/bin/python benchmarks/bench_retrieval.py [--json]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml
from benchutil import BENCH_DIR, print_report, summary, target

QUERIES = BENCH_DIR / "retrieval_queries.yaml"
SYNTHETIC_SNIPPETS = 20_000
RECALL5_TARGET = 0.90
P50_TARGET_MS = 15.0
LOAD_TARGET_S = 1.0


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text())["queries"]


def evaluate(searcher, queries: list[dict], k: int = 5) -> dict:
    """Recall@1, recall@k and MRR (over the top k) of ``searcher`` on ``queries``."""
    found1 = foundk = 0
    reciprocal = 0.0
    misses = []
    for item in queries:
        hits = searcher.search(item["query"], k=k, include_user=False)
        ids = [h.id for h in hits]
        rank = next((i + 1 for i, hid in enumerate(ids) if hid in item["expected"]), None)
        if rank == 1:
            found1 += 1
        if rank is not None:
            foundk += 1
            reciprocal += 1.0 / rank
        else:
            misses.append({"query": item["query"], "expected": item["expected"], "got": ids})
    n = len(queries)
    return {
        "queries": n,
        "recall@1": found1 / n,
        f"recall@{k}": foundk / n,
        "mrr": reciprocal / n,
        "misses": misses,
    }


def _latencies(searcher, queries: list[str], rounds: int = 2) -> dict:
    for q in queries[:5]:  # warm-up: first calls allocate
        searcher.search(q, k=5, include_user=False)
    times = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            searcher.search(q, k=5, include_user=False)
            times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    out = summary(times)
    out["p90"] = times[int(0.9 * (len(times) - 1))]
    out.pop("values")
    return out


def synthetic_index(corpus_index, n_docs: int, seed: int = 7):
    """A corpus of ``n_docs`` documents shaped like the real one (see module docstring)."""
    import numpy as np

    from retrieval.index import SearchIndex

    rng = np.random.default_rng(seed)
    base_docs = corpus_index.documents
    rows_of = [corpus_index._rows_of(i) for i in range(len(base_docs))]
    documents, blocks = [], []
    for i in range(n_docs):
        j = i % len(base_docs)
        doc = dict(base_docs[j])
        doc["id"] = f"{doc['id']}-syn{i}"
        doc["source"] = "synthetic"
        words = " ".join([doc["title"], *doc["descriptions"]])
        doc["terms"] = words.lower().split() + [f"name{rng.integers(0, 5000)}" for _ in range(10)]
        vecs = corpus_index.vectors[rows_of[j]]
        vecs = vecs + rng.normal(0, 0.02, vecs.shape).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        documents.append(doc)
        blocks.append(vecs.astype(np.float32))

    manifest = corpus_index.manifest
    return SearchIndex.build(
        documents, np.concatenate(blocks), "synthetic", manifest["model_id"], manifest["dimension"]
    )


def _time_load(folder: Path, fingerprint, model_id: str, reps: int = 5) -> dict:
    from retrieval.index import SearchIndex

    times = []
    for _ in range(reps):
        start = time.perf_counter()
        SearchIndex.load(folder, fingerprint, model_id)
        times.append(time.perf_counter() - start)
    return summary(times)


class _FixedIndexSearcher:
    """A Searcher whose corpus index is a given one (for the synthetic corpus)."""

    def __init__(self, searcher, index):
        self._searcher = searcher
        self._index = index

    def search(self, query, **kw):
        saved = self._searcher._corpus
        self._searcher._corpus = self._index
        try:
            return self._searcher.search(query, **kw)
        finally:
            self._searcher._corpus = saved


def run(log=print) -> dict:
    from retrieval.corpus_index import corpus_fingerprint
    from retrieval.embed import get_embedder
    from retrieval.searcher import Searcher

    work = Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    try:
        start = time.perf_counter()
        embedder = get_embedder()
        model_load_s = time.perf_counter() - start
        log(f"  embedding model loaded in {model_load_s:.1f} s")
        searcher = Searcher(index_root=work)
        start = time.perf_counter()
        corpus = searcher.corpus_index(notice=lambda m: log("  " + m))
        build_s = time.perf_counter() - start
        queries = load_queries()
        quality = evaluate(searcher, queries)
        log(
            f"  {quality['queries']} queries: recall@1 {quality['recall@1']:.3f},"
            f" recall@5 {quality['recall@5']:.3f}, MRR {quality['mrr']:.3f}"
        )
        texts = [q["query"] for q in queries]
        corpus_latency = _latencies(searcher, texts)
        corpus_load = _time_load(work / "corpus", corpus_fingerprint(), embedder.model_id)
        log(
            f"  corpus: query p50 {corpus_latency['median']:.1f} ms,"
            f" load {corpus_load['median']:.3f} s"
        )

        log(f"  building a synthetic {SYNTHETIC_SNIPPETS}-snippet index")
        big = synthetic_index(corpus, SYNTHETIC_SNIPPETS)
        big.save(work / "synthetic")
        big_load = _time_load(work / "synthetic", "synthetic", embedder.model_id, reps=3)
        from retrieval.index import SearchIndex

        big = SearchIndex.load(work / "synthetic", "synthetic", embedder.model_id)
        big_latency = _latencies(_FixedIndexSearcher(searcher, big), texts, rounds=1)
        log(
            f"  synthetic: {len(big)} documents, {big.manifest['vectors']} vectors"
            f" ({type(big.faiss_index).__name__}), query p50 {big_latency['median']:.1f} ms,"
            f" load {big_load['median']:.3f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    targets = [
        target(
            "retrieval recall@5 (dev queries)",
            round(quality["recall@5"], 3),
            RECALL5_TARGET,
            "",
            f"{quality['queries']} queries; recall@1 {quality['recall@1']:.3f},"
            f" MRR {quality['mrr']:.3f}",
            at_least=True,
        ),
        target(
            "retrieval warm query p50, shipped corpus",
            corpus_latency["median"],
            P50_TARGET_MS,
            "ms",
            f"{len(corpus)} snippets; p90 {corpus_latency['p90']:.1f} ms",
        ),
        target(
            f"retrieval warm query p50, {SYNTHETIC_SNIPPETS} snippets",
            big_latency["median"],
            P50_TARGET_MS,
            "ms",
            f"{big.manifest['vectors']} vectors, {type(big.faiss_index).__name__};"
            f" p90 {big_latency['p90']:.1f} ms",
        ),
        target(
            "retrieval index load, shipped corpus",
            corpus_load["median"] * 1e3,
            LOAD_TARGET_S * 1e3,
            "ms",
            "model not counted",
        ),
        target(
            f"retrieval index load, {SYNTHETIC_SNIPPETS} snippets",
            big_load["median"] * 1e3,
            LOAD_TARGET_S * 1e3,
            "ms",
            "model not counted",
        ),
    ]
    return {
        "quality": quality,
        "corpus_latency_ms": corpus_latency,
        "synthetic_latency_ms": big_latency,
        "corpus_load_s": corpus_load,
        "synthetic_load_s": big_load,
        "model_load_s": model_load_s,
        "corpus_build_s": build_s,
        "targets": targets,
    }


def describe(result: dict) -> list[str]:
    q = result["quality"]
    lines = [
        f"{q['queries']} dev queries: recall@1 {q['recall@1']:.3f}, recall@5 {q['recall@5']:.3f},"
        f" MRR {q['mrr']:.3f}; {len(q['misses'])} missed",
        f"embedding model load {result['model_load_s']:.1f} s (once per kernel);"
        f" corpus index build {result['corpus_build_s']:.1f} s (once)",
    ]
    for miss in q["misses"][:10]:
        lines.append(
            f"  missed: {miss['query']!r} expected {miss['expected']} got {miss['got'][:3]}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(log=lambda m: print(m, file=sys.stderr))
    return print_report(result, describe, args.json)


if __name__ == "__main__":
    sys.exit(main())
