"""Findings and explanations from hand-made measurements (no programs are run here)."""

from __future__ import annotations

import pytest

from kernel_magics.explain import (
    explain,
    invented_numbers,
    llm_explanation,
    numbers_in,
    template_explanation,
)
from kernel_magics.findings import amdahl_fit, find
from kernel_magics.profile import CallStats, OpenMPProfile, RankProfile, RunProfile, ThreadProfile
from kernel_magics.result import BuildInfo, Result, RunRecord


def _result(runs: list[RunRecord]) -> Result:
    build = BuildInfo(
        ok=True,
        command=["gcc"],
        compiler="gcc",
        compiler_version="gcc 12",
        flags=[],
        log="",
        binary=None,
        source_path="cell.c",
        cache_hit=False,
        build_hash="x",
        seconds=0.1,
    )
    return Result(source="", lang="c", lang_reason="given", api="openmp", build=build, runs=runs)


def _omp_profile(threads: int, busy: list[float], wait: list[float], region_s=1.0, regions=1):
    rows = [
        ThreadProfile(thread=i, parallel_s=b + w, wait_s=w, regions=regions)
        for i, (b, w) in enumerate(zip(busy, wait, strict=True))
    ]
    process = OpenMPProfile(
        rank=-1,
        wall_s=region_s,
        parallel_regions=regions,
        region_s=region_s,
        max_team_size=threads,
        threads=rows,
    )
    return RunProfile(threads=threads, ranks=1, openmp=[process])


def _findings():
    runs = [
        RunRecord(threads=1, ranks=1, mpi=False, times_s=[1.0]),
        RunRecord(
            threads=2,
            ranks=1,
            mpi=False,
            times_s=[0.75],
            profile=_omp_profile(2, busy=[0.25, 0.75], wait=[0.5, 0.0]),
        ),
    ]
    return find(_result(runs), cores=2)


def test_amdahl_fit_recovers_the_serial_fraction_of_exact_times():
    f = 0.3
    points = [(p, f + (1 - f) / p) for p in (2, 4, 8)]
    assert amdahl_fit(points) == pytest.approx(0.3)
    assert amdahl_fit([(1, 1.0)]) is None


def test_uneven_threads_give_an_imbalance_finding_with_dynamic_scheduling():
    findings = {f.kind: f for f in _findings()}
    imbalance = findings["load_imbalance"]
    assert imbalance.severity == "warning"
    assert imbalance.value == pytest.approx(0.33, abs=0.01)
    assert "schedule(dynamic" in imbalance.suggestion
    assert findings["barrier_wait_share"].value == pytest.approx(0.33, abs=0.01)
    assert findings["speedup"].value == pytest.approx(1.33, abs=0.01)
    assert "oversubscription" not in findings


def test_even_threads_give_no_warning_and_oversubscription_is_found():
    runs = [
        RunRecord(threads=1, ranks=1, mpi=False, times_s=[1.0]),
        RunRecord(
            threads=4,
            ranks=1,
            mpi=False,
            times_s=[0.6],
            profile=_omp_profile(4, busy=[0.5] * 4, wait=[0.01] * 4),
        ),
    ]
    findings = {f.kind: f for f in find(_result(runs), cores=2)}
    assert findings["load_imbalance"].severity == "info"
    assert findings["oversubscription"].value == 2.0
    assert "at most 2" in findings["oversubscription"].suggestion


def test_mpi_time_share_names_the_biggest_calls():
    def rank(r, mpi_s):
        calls = {
            "MPI_Send": CallStats(count=1000, seconds=mpi_s * 0.6, bytes=1024000),
            "MPI_Recv": CallStats(count=1000, seconds=mpi_s * 0.4, bytes=1024000),
        }
        return RankProfile(r, 2, "h", 1.0, mpi_s, 1024000, 1024000, 1000, 1000, calls)

    profile = RunProfile(threads=1, ranks=2, mpi=[rank(0, 0.8), rank(1, 0.7)])
    runs = [
        RunRecord(threads=1, ranks=1, mpi=True, times_s=[1.0]),
        RunRecord(threads=1, ranks=2, mpi=True, times_s=[1.2], profile=profile),
    ]
    findings = {f.kind: f for f in find(_result(runs), cores=2)}
    share = findings["mpi_time_share"]
    assert share.value == pytest.approx(0.75)
    assert "MPI_Send" in share.message and "MPI_Recv" in share.message
    assert "collective" in share.suggestion
    assert findings["speedup"].severity == "warning"  # slower with 2 ranks
    assert "1.0 MB" in findings["bytes_moved"].message


def test_number_extraction_skips_identifiers():
    found = [written for written, _, _ in numbers_in("x86_64 O2 MPI_Send2 1.85x 46% 1,000")]
    assert found == ["1.85", "46", "1,000"]


def test_the_checker_accepts_numbers_from_findings_and_rejects_invented_ones():
    findings = _findings()
    good = "With 2 threads the run was 1.33x faster, an efficiency of 67%; imbalance was 33%."
    assert invented_numbers(good, findings) == []
    assert invented_numbers("About 1.3x faster with 2 threads.", findings) == []  # rounding
    bad = "With 2 threads it was 1.9x faster and 12% of the time went to barriers."
    assert invented_numbers(bad, findings) == ["1.9", "12"]


@pytest.mark.parametrize("level", ["student", "expert"])
def test_template_prose_uses_only_the_findings_numbers(level):
    findings = _findings()
    text = template_explanation(findings, level).text
    assert invented_numbers(text, findings) == []
    assert "schedule(dynamic, 64)" in text
    assert ("Speedup is" in text) == (level == "student")


def _fake_model(replies: list[str]):
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    return GenericFakeChatModel(messages=iter(AIMessage(r) for r in replies))


def test_llm_prose_with_invented_numbers_is_retried_then_replaced_by_the_template():
    findings = _findings()
    invented = "Two threads gave a speedup of 1.9x; 12% of the time was lost."
    explanation = llm_explanation(findings, model=_fake_model([invented, invented]))
    assert explanation.writer == "template"
    assert explanation.rejected == [["1.9", "12"], ["1.9", "12"]]
    assert "numbers not in the findings" in explanation.note
    assert invented_numbers(explanation.text, findings) == []


def test_llm_prose_that_passes_the_check_on_the_second_try_is_used():
    findings = _findings()
    replies = ["It was 5x faster.", "With 2 threads the run was 1.33x faster."]
    explanation = llm_explanation(findings, level="expert", model=_fake_model(replies))
    assert explanation.writer == "llm"
    assert explanation.text == replies[1]
    assert explanation.rejected == [["5"]]


def test_unknown_writer_or_level_is_refused():
    with pytest.raises(ValueError, match="writer"):
        explain([], writer="poem")
    with pytest.raises(ValueError, match="level"):
        template_explanation([], level="child")


def test_list_numbers_and_markdown_are_layout_not_invented_numbers():
    findings = _findings()
    reply = (
        "### Why\n1. **Uneven work**: load imbalance 33%.\n2. With 2 threads the run was "
        "1.33x faster.\n3. Try schedule(dynamic, 64).\n```c\nint x = 7;\n```"
    )
    explanation = llm_explanation(findings, model=_fake_model([reply]))
    assert explanation.writer == "llm" and explanation.rejected == []
    assert "###" not in explanation.text and "**" not in explanation.text
    assert "3." not in explanation.text and "int x" not in explanation.text
