"""``%hpc search`` / ``%hpc learn`` and ``jupyter hpc search`` / ``jupyter hpc index``.

The options are declared once here and used by both the magic and the CLI;
rendering of hits (plain text for terminals, HTML with highlighted code for
notebooks) lives here too. The retrieval package itself is imported lazily.
"""

from __future__ import annotations

import argparse
import html

from retrieval.snippets import APIS


class CommandUsageError(ValueError):
    """Bad arguments to a subcommand; the message includes the usage line."""


class SubcommandParser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting (a kernel must not exit)."""

    def error(self, message: str):
        raise CommandUsageError(f"{message}\nusage: {self.format_usage().split(':', 1)[1].strip()}")

    def exit(self, status: int = 0, message: str | None = None):
        raise CommandUsageError(message or self.format_help())


def add_search_options(parser: argparse.ArgumentParser) -> None:
    """Options of a search (the query words are positional)."""
    parser.add_argument("query", nargs="+", help="what you are looking for, in words")
    parser.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    parser.add_argument("--api", choices=APIS, help="only snippets of this kind")
    parser.add_argument("-l", "--lang", choices=("c", "c++"), help="only C or only C++")
    parser.add_argument("--pattern", help="only this pattern (e.g. stencil, reduce)")
    parser.add_argument("--corpus-only", action="store_true", help="leave out your learned code")


def add_learn_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``learn``: a path to index, or --list / --remove PATH."""
    parser.add_argument("path", nargs="?", help="a C/C++/Fortran file or a folder to index")
    parser.add_argument("--list", action="store_true", help="list the files you have indexed")
    parser.add_argument("--remove", metavar="PATH", help="forget a file (or a folder's files)")


def search_parser(prog: str) -> SubcommandParser:
    parser = SubcommandParser(prog=prog, description="Search verified examples and your code.")
    add_search_options(parser)
    parser.add_argument(
        "--insert", type=int, metavar="N", help="put hit N below as a ready %%%%hpc_run cell"
    )
    return parser


def learn_parser(prog: str) -> SubcommandParser:
    parser = SubcommandParser(prog=prog, description="Index your own code for %hpc search.")
    add_learn_options(parser)
    return parser


def run_search(args: argparse.Namespace, notice=lambda message: None):
    """Run the search the parsed ``args`` describe; returns the hits."""
    from retrieval.embed import EmbeddingModelMissing, embedder_loaded
    from retrieval.searcher import SearchError, default_searcher

    if args.k < 1:
        raise CommandUsageError("-k must be at least 1")
    if not embedder_loaded():
        notice("loading the embedding model (once per session, a few seconds)")
    try:
        return default_searcher().search(
            " ".join(args.query),
            k=args.k,
            api=args.api,
            lang=args.lang,
            pattern=args.pattern,
            include_user=not args.corpus_only,
            notice=notice,
        )
    except (SearchError, EmbeddingModelMissing) as err:
        raise CommandUsageError(str(err)) from None


def run_learn(args: argparse.Namespace, notice=lambda message: None) -> list[str]:
    """Carry out ``learn`` (index, list or remove); returns the lines to print."""
    from retrieval.searcher import default_searcher

    user = default_searcher().user_index()
    if args.list:
        listing = user.listing()
        if not listing:
            return ["No code indexed yet: %hpc learn PATH (a file or a folder)."]
        total = sum(n for _, n in listing)
        return [f"{n:5d}  {path}" for path, n in listing] + [
            f"{total} pieces from {len(listing)} files"
        ]
    if args.remove:
        removed = user.remove(args.remove)
        if not removed:
            return [f"nothing indexed under {args.remove}"]
        return [f"removed {removed} pieces of {args.remove}"]
    if not args.path:
        raise CommandUsageError("give a file or folder to index, or --list, or --remove PATH")
    try:
        report = user.learn(args.path, progress=notice)
    except FileNotFoundError as err:
        raise CommandUsageError(str(err)) from None
    lines = [report.summary()]
    for what, paths in (
        ("binary", report.skipped_binary),
        ("unreadable", report.skipped_unreadable),
    ):
        lines += [f"  skipped ({what}): {p}" for p in paths[:5]]
        if len(paths) > 5:
            lines.append(f"  ... and {len(paths) - 5} more {what} files")
    return lines


# --------------------------------------------------------------------------- rendering


def _where(hit) -> str:
    if hit.source == "user" and hit.lines:
        return f"{hit.path}:{hit.lines[0]}-{hit.lines[1]}"
    return f"{hit.api}, {hit.lang}" + (f", {hit.pattern}" if hit.pattern else "")


def hits_text(hits, show_code: bool = True) -> str:
    """Hits as plain text (terminal and text/plain)."""
    if not hits:
        return "no hits"
    blocks = []
    for n, hit in enumerate(hits, start=1):
        origin = _where(hit) if hit.source == "user" else f"{hit.id}; {_where(hit)}"
        head = f"{n}. [{hit.score:.3f}] {hit.title}  ({origin})"
        blocks.append(head + (f"\n{hit.code.rstrip()}\n" if show_code else ""))
    return "\n".join(blocks)


def _highlight(code: str, lang: str) -> str:
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name

        lexer = get_lexer_by_name({"c++": "cpp", "fortran": "fortran"}.get(lang, "c"))
        return highlight(code, lexer, HtmlFormatter(noclasses=True, nowrap=False))
    except Exception:  # pygments missing or a lexer problem: plain, escaped code
        return f"<pre>{html.escape(code)}</pre>"


def hits_html(hits, query: str) -> str:
    """Hits as HTML: title, score, metadata, highlighted code (first hit expanded)."""
    if not hits:
        return f"<p>No hits for <em>{html.escape(query)}</em>.</p>"
    parts = [f"<div class='hpc-hits'><p>Hits for <em>{html.escape(query)}</em>:</p>"]
    for n, hit in enumerate(hits, start=1):
        constructs = ", ".join(hit.constructs[:8])
        summary = (
            f"<b>{n}. {html.escape(hit.title)}</b> &nbsp; score {hit.score:.3f} &nbsp; "
            f"<code>{html.escape(hit.id)}</code> &nbsp; {html.escape(_where(hit))}"
            + (f" &nbsp; <small>{html.escape(constructs)}</small>" if constructs else "")
        )
        parts.append(
            f"<details{' open' if n == 1 else ''}><summary>{summary}</summary>"
            f"{_highlight(hit.code, hit.lang)}</details>"
        )
    parts.append(
        "<p><small>Put a hit in a new cell, ready to run: "
        "<code>%hpc search ... --insert N</code>. The hits are in <code>_hpc_hits</code>."
        "</small></p></div>"
    )
    return "".join(parts)
