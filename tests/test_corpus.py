"""The snippet corpus: well-formed metadata, and every snippet proven correct.

Each snippet is compiled with -Wall -Werror, run at every thread/rank count its
metadata lists (exit 0 and a PASS line), and OpenMP snippets are run under
clang's ThreadSanitizer at 2 and 4 threads. Builds are cached by hash.
"""

from collections import Counter

import pytest

from retrieval.snippets import corpus_files, load_corpus
from retrieval.verify_corpus import verify_paths

FILES = corpus_files()
MINIMUM_PER_API = {"openmp": 90, "mpi": 70, "hybrid": 15}


def test_metadata_is_complete_and_ids_unique():
    snippets = load_corpus()  # raises on a malformed block or a duplicate id
    counts = Counter(s.api for s in snippets)
    for api, minimum in MINIMUM_PER_API.items():
        assert counts[api] >= minimum, f"only {counts[api]} {api} snippets"
    assert len(snippets) >= 200
    for snip in snippets:
        assert len(snip.descriptions) >= 2 and snip.constructs and snip.pattern
        assert all(t >= 1 for t in snip.threads) and all(r >= 1 for r in snip.ranks)


@pytest.fixture(scope="module")
def verdicts():
    return {v.path: v for v in verify_paths(FILES, race_check=True, jobs=2)}


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_snippet_compiles_runs_passes_and_is_race_free(verdicts, path):
    verdict = verdicts[path]
    assert verdict.ok, "\n".join(verdict.problems)
