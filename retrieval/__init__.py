"""Verified parallel-code snippets and natural-language search over them.

``retrieval.search(query, k=5, api=None, lang=None)`` returns ``Hit`` objects
(id, score, title, code and metadata) from the shipped corpus and from the code
you indexed with ``%hpc learn``. Heavy libraries (torch, FAISS) load on first search.
"""

from __future__ import annotations


def search(query: str, k: int = 5, api: str | None = None, lang: str | None = None, **options):
    """Search the verified corpus and your learned code; see ``retrieval.searcher.Searcher``."""
    from retrieval.searcher import search as _search

    return _search(query, k=k, api=api, lang=lang, **options)
