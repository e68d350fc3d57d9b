"""Search with the real embedding model and FAISS: Python API, %hpc search/learn, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import retrieval
from retrieval.searcher import SearchError, default_searcher

SOLVER_C = """\
#include <stdio.h>

/* Apply one Jacobi sweep to the temperature of the metal plate */
void plate_sweep(int n, const double *u, double *unew) {
    for (int i = 1; i < n - 1; i++)
        unew[i] = 0.5 * (u[i - 1] + u[i + 1]);
}

// Kinetic energy of all the particles
double kinetic_energy(int n, const double *v) {
    double e = 0;
    #pragma omp parallel for reduction(+:e)
    for (int i = 0; i < n; i++) e += 0.5 * v[i] * v[i];
    return e;
}
"""

FORTRAN = """\
! Scale the velocity field by a factor
subroutine scale_velocity(v, n, f)
  integer :: n
  real :: v(n), f
  v = v * f
end subroutine scale_velocity
"""


def _ids(hits):
    return [h.id for h in hits]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("add up all the numbers of an array using several threads", "omp-reduction-sum"),
        ("MPI_Alltoallv", "mpi-alltoallv-bucket-sort"),
        ("give every process a different number of elements of an array", "mpi-scatterv-uneven"),
    ],
)
def test_search_finds_the_snippet_that_answers(query, expected):
    hits = retrieval.search(query, k=5)
    assert expected in _ids(hits), _ids(hits)
    assert all(h.code and "/*---" not in h.code[:10] for h in hits)  # code without metadata
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_filters_restrict_api_and_language():
    hits = retrieval.search("sum an array", k=8, api="mpi")
    assert len(hits) == 8 and {h.api for h in hits} == {"mpi"}
    hits = retrieval.search("parallel loop over a vector", k=5, lang="c++")
    assert hits and {h.lang for h in hits} == {"c++"}


def test_bad_search_input_is_a_clear_error():
    with pytest.raises(SearchError, match="empty"):
        retrieval.search("   ")
    with pytest.raises(SearchError, match="api must be one of"):
        retrieval.search("sum", api="cuda")


def test_hit_becomes_a_runnable_cell_that_passes(ip, run_cell):
    hit = retrieval.search("compute pi by numerical integration with a reduction", k=1)[0]
    cell = hit.run_cell()
    assert cell.startswith("%%hpc_run") and "-t " in cell.splitlines()[0]
    result, out, err = run_cell(cell)
    assert result.success, err
    assert "PASS" in out and ip.user_ns["_hpc"].ok


def test_hpc_search_magic_renders_and_inserts(ip, run_cell, monkeypatch):
    inserted: list[str] = []
    monkeypatch.setattr(ip, "set_next_input", lambda text, replace=False: inserted.append(text))
    result, out, err = run_cell("%hpc search broadcast the parameters from rank 0 -k 3 --insert 1")
    assert result.success, err
    hits = ip.user_ns["_hpc_hits"]
    assert len(hits) == 3 and hits[0].api in ("mpi", "hybrid")
    assert f"1. [{hits[0].score:.3f}] {hits[0].title}" in out
    assert inserted and inserted[0].startswith("%%hpc_run -n ") and hits[0].id in inserted[0]


@pytest.mark.parametrize(
    "line, message",
    [
        ("%hpc search", "the following arguments are required: query"),
        ("%hpc search sum --api cuda", "invalid choice"),
        ("%hpc search sum -k 0", "-k must be at least 1"),
        ("%hpc search sum -k 2 --insert 5", "there are 2 hits"),
        ("%hpc learn /no/such/dir", "does not exist"),
    ],
)
def test_search_and_learn_usage_errors(ip, run_cell, line, message):
    result, out, err = run_cell(line)
    assert not result.success
    assert message in str(result.error_in_exec) and "Traceback" not in out + err


def test_learn_search_list_remove_own_code(ip, run_cell, tmp_path):
    code = tmp_path / "mycode"
    (code / "sub").mkdir(parents=True)
    (code / "solver.c").write_text(SOLVER_C)
    (code / "sub" / "fields.f90").write_text(FORTRAN)
    (code / "data.c").write_bytes(b"\x7fELF\x00\x00binary")
    (code / "README.txt").write_text("not code")

    result, out, err = run_cell(f"%hpc learn {code}")
    assert result.success, err
    assert "indexed 3 pieces" in out and "from 2 files" in out
    assert "skipped 1 binary" in out and "ignored 1 files" in out

    hits = default_searcher().search("energy of the particles", k=3)
    assert hits[0].source == "user" and "kinetic_energy" in hits[0].title
    assert hits[0].lines == [10, 15] and hits[0].code.startswith("double kinetic_energy")
    hits = default_searcher().search("scale velocity field", k=3, lang="fortran")
    assert hits[0].id.endswith("fields.f90:2")

    result, out, _ = run_cell("%hpc learn --list")
    assert "solver.c" in out and "fields.f90" in out and "3 pieces from 2 files" in out

    (code / "solver.c").write_text(SOLVER_C.replace("Kinetic", "Potential"))
    run_cell(f"%hpc learn {code / 'solver.c'}")  # re-learning a file replaces its pieces
    assert sum(n for _, n in default_searcher().user_index().listing()) == 3

    result, out, _ = run_cell(f"%hpc learn --remove {code / 'sub'}")
    assert "removed 1 pieces" in out
    result, out, _ = run_cell(f"%hpc learn --remove {code}")
    assert "removed 2 pieces" in out
    assert default_searcher().user_index().listing() == []
    assert all(h.source == "corpus" for h in default_searcher().search("kinetic energy", k=5))


def test_unreadable_file_is_skipped_and_counted(tmp_path, monkeypatch):
    (tmp_path / "ok.c").write_text(SOLVER_C)
    (tmp_path / "locked.c").write_text(SOLVER_C)
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.c":  # permissions do not stop root: simulate the failure
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    user = default_searcher().user_index()
    report = user.learn(tmp_path)
    assert report.files == 1 and report.skipped_unreadable == [str(tmp_path / "locked.c")]
    assert "skipped 1 unreadable" in report.summary()
    user.remove(tmp_path)


def test_cli_search_json(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kernel_magics.cli",
            "search",
            "ping pong between two ranks",
            "-k",
            "2",
            "--api",
            "mpi",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["hits"]) == 2
    hit = data["hits"][0]
    assert {"id", "score", "title", "code", "api", "lang", "constructs"} <= set(hit)
    assert hit["api"] == "mpi" and "MPI_" in hit["code"]

    empty = subprocess.run(
        [sys.executable, "-m", "kernel_magics.cli", "search", " "],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert empty.returncode == 2 and "empty" in empty.stderr
