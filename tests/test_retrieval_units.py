"""Unit tests of the retrieval pieces that need no embedding model: chunking, BM25, index files."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from retrieval.chunking import split_source
from retrieval.corpus_index import load_or_build_corpus_index, teaching_comments
from retrieval.index import IndexUnusable, SearchIndex, embed_texts
from retrieval.lexical import BM25, code_terms, tokenize
from retrieval.snippets import CORPUS_DIR, strip_front_matter

C_SOURCE = """\
#include <stdio.h>
/* a brace in a comment { does not count */
static const char *msg = "not a { function";

// Sum the vector
double sum(const double *a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

struct point { int x, y; };

namespace grid {
int Solver::step(int n) const {
    return n + 1;
}
}
"""


def _long_function() -> str:
    body = "\n".join(f"    x += {i};" for i in range(35))
    return (
        "void solver(double *u, int n) {\n    int x = 0;\n"
        "    #pragma omp parallel for\n    for (int i = 0; i < n; i++) {\n"
        "        u[i] = 0;\n    }\n" + body + "\n    while (x > 0) {\n        x--;\n"
        "        x -= 0;\n    }\n}\n"
    )


def test_c_functions_are_found_with_their_lines_and_comment():
    chunks = split_source(C_SOURCE, "c")
    names = [(c.kind, c.name) for c in chunks]
    assert ("function", "sum") in names
    assert ("function", "Solver::step") in names  # inside a namespace
    assert all(c.name not in ("point", "msg") for c in chunks)
    total = next(c for c in chunks if c.name == "sum")
    assert (total.start, total.end) == (6, 10)
    assert total.comment == "Sum the vector"
    assert total.code.startswith("double sum(") and total.code.rstrip().endswith("}")


def test_long_functions_also_give_their_outer_loops_with_pragmas():
    chunks = split_source(_long_function(), "c")
    loops = [c for c in chunks if c.kind == "loop"]
    assert len(loops) == 2
    assert loops[0].code.lstrip().startswith("#pragma omp parallel for")
    assert loops[1].code.lstrip().startswith("while")
    assert all(c.name == "solver" for c in loops)


def test_fortran_subroutines_and_functions():
    source = (
        "! update the field\nsubroutine update(u, n)\n  integer :: n\n  real :: u(n)\n"
        "  do i = 1, n\n    u(i) = 0\n  end do\nend subroutine update\n\n"
        "real function norm2(u, n)\n  norm2 = 0\nend function norm2\n"
    )
    chunks = split_source(source, "fortran")
    assert [(c.name, c.start, c.end) for c in chunks] == [("update", 2, 8), ("norm2", 10, 12)]
    assert chunks[0].comment == "update the field"


def test_file_without_functions_is_one_chunk():
    chunks = split_source("int table[3] = {1, 2, 3};\n", "c")
    assert len(chunks) == 1 and chunks[0].kind == "file"


def test_tokenize_keeps_identifiers_and_their_parts():
    tokens = tokenize("MPI_Type_vector example with collapse(2) loops")
    assert "mpi_type_vector" in tokens and "vector" in tokens and "type" in tokens
    assert "collapse" in tokens and "loop" in tokens  # stemmed plural
    assert "with" not in tokens and "example" not in tokens  # stop words


def test_code_terms_reads_calls_and_pragma_words():
    terms = code_terms("#pragma omp parallel for reduction(+:s) schedule(dynamic)\nMPI_Allreduce(")
    assert {"MPI_Allreduce", "parallel", "reduction", "schedule", "dynamic"} <= set(terms)


def test_bm25_prefers_the_document_with_the_rare_term_and_round_trips(tmp_path):
    docs = [tokenize("mpi send receive"), tokenize("mpi alltoallv exchange"), tokenize("mpi bcast")]
    bm25 = BM25.build(docs)
    scores, best = bm25.scores(tokenize("alltoallv"))
    assert int(np.argmax(scores)) == 1 and 0 < scores[1] <= best
    bm25.save(tmp_path / "b.npz")
    again = BM25.load(tmp_path / "b.npz")
    assert np.allclose(again.scores(tokenize("alltoallv"))[0], scores)


class HashEmbedder:
    """A deterministic stand-in for the sentence model (unit tests of index plumbing only)."""

    model_id = "hash-test-model"
    dimension = 16

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")
            vec = np.random.default_rng(seed).normal(size=self.dimension)
            out.append(vec / np.linalg.norm(vec))
        return np.array(out, dtype=np.float32)


def _docs():
    return [
        {"id": "a", "title": "alpha", "texts": ["alpha one", "alpha two"], "terms": ["alpha"]},
        {"id": "b", "title": "beta", "texts": ["beta"], "terms": ["beta", "mpi_bcast"]},
    ]


def test_index_save_load_and_exact_self_match(tmp_path):
    emb = HashEmbedder()
    docs = _docs()
    index = SearchIndex.build(docs, embed_texts(docs, emb), "fp1", emb.model_id, emb.dimension)
    index.save(tmp_path / "ix")
    loaded = SearchIndex.load(tmp_path / "ix", "fp1", emb.model_id)
    assert [d["id"] for d in loaded.documents] == ["a", "b"]
    assert "terms" not in loaded.documents[0]  # kept in bm25.npz only
    query = emb.encode(["alpha two"])[0]
    best = max(loaded.candidates(query, ["alpha"], depth=5), key=lambda c: c.vector + c.lexical)
    assert best.doc == 0 and best.vector == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    "damage, reason",
    [
        (lambda d: (d / "manifest.json").unlink(), "missing"),
        (lambda d: (d / "faiss.index").write_bytes(b"garbage"), "corrupt"),
        (lambda d: (d / "documents.json").write_text("[]"), "corrupt"),
        (lambda d: (d / "manifest.json").write_text("{not json"), "unreadable"),
    ],
)
def test_damaged_index_is_unusable(tmp_path, damage, reason):
    emb = HashEmbedder()
    docs = _docs()
    SearchIndex.build(docs, embed_texts(docs, emb), "fp", emb.model_id, emb.dimension).save(
        tmp_path / "ix"
    )
    damage(tmp_path / "ix")
    with pytest.raises(IndexUnusable, match=reason):
        SearchIndex.load(tmp_path / "ix", "fp", emb.model_id)


def test_stale_index_is_rebuilt_with_a_notice_and_reused_when_fresh(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ["reduction_sum.c", "reduction_pi_integration.c"]:
        (corpus / name).write_text((CORPUS_DIR / "openmp" / name).read_text())
    emb = HashEmbedder()
    notices: list[str] = []
    folder = tmp_path / "index"

    def load():
        return load_or_build_corpus_index(
            folder, lambda: emb, emb.model_id, notice=notices.append, root=corpus
        )

    assert len(load()) == 2 and "building" in notices[-1]
    calls = emb.calls
    load()
    assert emb.calls == calls and len(notices) == 1  # fresh: loaded, nothing embedded
    (corpus / "reduction_sum.c").write_text((corpus / "reduction_sum.c").read_text() + "\n")
    load()
    assert "snippets changed" in notices[-1] and emb.calls == calls + 1
    (folder / "bm25.npz").write_bytes(b"broken")
    assert len(load()) == 2 and "corrupt" in notices[-1]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["documents"] == 2 and manifest["model_id"] == emb.model_id


def test_teaching_comments_and_front_matter_stripping():
    code = (CORPUS_DIR / "openmp" / "reduction_sum.c").read_text()
    assert not strip_front_matter(code).startswith("/*---")
    assert "#include" in strip_front_matter(code)
    comments = teaching_comments("/* short */ int x; /* each thread keeps a private partial sum */")
    assert comments == ["each thread keeps a private partial sum"]
