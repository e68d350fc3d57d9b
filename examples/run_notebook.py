"""Execute a notebook headless (nbclient) and print what its cells printed.

    python examples/run_notebook.py examples/01_first_steps.ipynb [--save OUT.ipynb]

Exits non-zero if a cell raised an error. Used by ``make demo`` and the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def execute(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell in the notebook's own folder; return the executed notebook."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def printed_text(cell) -> str:
    """What a code cell showed, as text (images are named, not drawn)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("display_data", "execute_result"):
            data = output.get("data", {})
            if "text/plain" in data and not data.get("image/png"):
                parts.append(data["text/plain"] + "\n")
            elif "image/png" in data:
                parts.append("[plot]\n")
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}\n")
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--save", type=Path, help="write the executed notebook here")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        notebook = execute(args.notebook)
        failed = None
    except CellExecutionError as err:
        notebook, failed = None, err
    if failed is not None:
        print(f"a cell failed in {args.notebook}:\n{failed}", file=sys.stderr)
        return 1
    for number, cell in enumerate(notebook.cells, 1):
        if cell.cell_type != "code":
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        print(f"\n--- cell {number}: {first}")
        print(printed_text(cell), end="")
    if args.save:
        nbformat.write(notebook, args.save)
    print(f"\n{args.notebook}: all cells ran in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
