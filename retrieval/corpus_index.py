"""The index over the shipped snippet corpus: documents from snippets, built or loaded.

The index lives in the cache (``<cache>/index/corpus``) and carries a fingerprint
of the corpus files: when a snippet is added or edited, or the embedding model
changes, the next search rebuilds it (a few seconds), saying so in one line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from retrieval.index import IndexUnusable, SearchIndex, embed_texts
from retrieval.lexical import code_terms, tokenize
from retrieval.snippets import CORPUS_DIR, Snippet, corpus_files, load_corpus, strip_front_matter

# Bump when snippet_document changes what is indexed: saved indexes are then rebuilt.
DOCUMENT_RECIPE = 2


def corpus_fingerprint(root: Path = CORPUS_DIR) -> str:
    """A hash of every snippet file's name and content, and of the indexing recipe."""
    digest = hashlib.sha256(f"recipe {DOCUMENT_RECIPE}\n".encode())
    for path in corpus_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_COMMENT = re.compile(r"/\*(.*?)\*/|//([^\n]*)", re.DOTALL)
MAX_COMMENT_TEXTS = 8


def teaching_comments(code: str, min_words: int = 6) -> list[str]:
    """The longer explanatory comments of a program, first ones first.

    Snippets are commented the way a teacher explains them ("each rank sends its
    top row to the neighbour above..."): the words users search with.
    """
    out = []
    for block, line in _COMMENT.findall(strip_front_matter(code)):
        text = " ".join((block or line).replace("*", " ").split())
        if len(text.split()) >= min_words:
            out.append(text)
    return out[:MAX_COMMENT_TEXTS]


def snippet_document(snippet: Snippet, root: Path = CORPUS_DIR) -> dict:
    """The searchable form of a snippet (its code stays in the file)."""
    constructs = ", ".join(snippet.constructs)
    comments = teaching_comments(snippet.code)
    texts = [
        snippet.title,
        *snippet.descriptions,
        f"{snippet.pattern} using {constructs}",
        *comments,
    ]
    words = " ".join(
        [snippet.id, snippet.title, *snippet.descriptions, constructs, snippet.pattern, *comments]
    )
    return {
        "id": snippet.id,
        "title": snippet.title,
        "descriptions": snippet.descriptions,
        "api": snippet.api,
        "lang": snippet.lang,
        "constructs": snippet.constructs,
        "pattern": snippet.pattern,
        "threads": snippet.threads,
        "ranks": snippet.ranks,
        "args": snippet.args,
        "path": str(snippet.path.relative_to(root)),
        "source": "corpus",
        "texts": texts,
        "terms": tokenize(words) + tokenize(" ".join(code_terms(snippet.code))),
    }


def build_corpus_index(embedder, root: Path = CORPUS_DIR) -> SearchIndex:
    """Embed and index the whole corpus."""
    fingerprint = corpus_fingerprint(root)
    documents = [snippet_document(s, root) for s in load_corpus(root)]
    vectors = embed_texts(documents, embedder)
    return SearchIndex.build(documents, vectors, fingerprint, embedder.model_id, embedder.dimension)


def load_or_build_corpus_index(
    folder: Path,
    embedder_factory: Callable[[], object],
    model_id: str,
    notice: Callable[[str], None] = lambda message: None,
    root: Path = CORPUS_DIR,
) -> SearchIndex:
    """Load the saved corpus index, or (re)build it when missing, stale or corrupt."""
    fingerprint = corpus_fingerprint(root)
    try:
        return SearchIndex.load(folder, fingerprint, model_id)
    except IndexUnusable as why:
        reason = str(why)
    if reason != "missing":
        notice(f"the snippet index is {reason}: rebuilding it ({len(corpus_files(root))} snippets)")
    else:
        notice(f"building the snippet index ({len(corpus_files(root))} snippets, once)")
    index = build_corpus_index(embedder_factory(), root)
    index.save(folder)
    return index
