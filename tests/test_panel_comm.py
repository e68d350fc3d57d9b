"""The kernel side of the side panel's Comm protocol (kernel_magics/panel.py).

Requests go through the shell's real HPCMagics, compiler and runs; a scripted
chat model (langchain's GenericFakeChatModel) stands in for the LLM in the
generation tests only. The browser end is tests/test_panel_e2e.py.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

import pytest
from conftest import live_processes
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from kernel_magics.panel import TARGET, open_panel

OPENMP = """#include <omp.h>
#include <stdio.h>
int main(void) {
    double sum = 0.0;
    #pragma omp parallel for reduction(+ : sum)
    for (long i = 0; i < 3000000; i++) sum += 1.0;
    printf("sum = %.1f\\n", sum);
    return 0;
}
"""

SLEEPER = """#include <omp.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    double sum = 0.0;
    #pragma omp parallel for reduction(+ : sum)
    for (int i = 0; i < 10; i++) sum += i;
    printf("panel-sleeper started %.1f\\n", sum);
    fflush(stdout);
    sleep(60);
    return 0;
}
"""

REPLY = "Here it is:\n```c\n" + OPENMP + "```\n"


class FakeComm:
    """Records what the kernel sends; delivers what the panel sends."""

    def __init__(self):
        self.sent: list[dict] = []
        self.handler = None

    def on_msg(self, callback):
        self.handler = callback

    def send(self, data):
        json.dumps(data)  # every message must survive the Comm's JSON
        self.sent.append(data)

    def deliver(self, data: dict) -> list[dict]:
        """Send one message from the panel; return what the kernel answered."""
        start = len(self.sent)
        self.handler({"content": {"data": data}})
        return self.sent[start:]


@pytest.fixture
def comm(ip):
    fake = FakeComm()
    open_panel(fake, {"content": {"data": {"type": "hello"}}})
    assert fake.sent[0]["type"] == "ready"
    return fake


def request(comm: FakeComm, command: str, text: str = "", code=None, **options) -> list[dict]:
    return comm.deliver(
        {
            "type": "request",
            "id": f"req-{command}",
            "command": command,
            "text": text,
            "code": code,
            "options": options,
        }
    )


def of(messages, kind: str) -> list[dict]:
    return [m for m in messages if m["type"] == kind]


def only(messages, kind: str) -> dict:
    found = of(messages, kind)
    assert len(found) == 1, (kind, [m["type"] for m in messages])
    return found[0]


def check_envelope(messages, request_id: str) -> dict:
    """started first, done last, every message about this request; returns done."""
    assert messages[0] == {"type": "started", "id": request_id, "command": request_id[4:]}
    assert messages[-1]["type"] == "done"
    assert all(m["id"] == request_id for m in messages)
    assert len(of(messages, "done")) == 1
    return messages[-1]


def scripted(monkeypatch, *replies: str, delay: float = 0.0):
    """The language model, scripted; with ``delay`` seconds per streamed chunk."""

    class Slow(GenericFakeChatModel):
        def _stream(self, *args, **kwargs):
            for chunk in super()._stream(*args, **kwargs):
                time.sleep(delay)
                yield chunk

    model = Slow(messages=iter([AIMessage(content=r) for r in replies]))
    seen = []

    def chat_model(spec, config, progress=None):
        seen.append(spec)
        return model

    monkeypatch.setattr("kernel_magics.generate.chat_model", chat_model)
    return seen


def programs_left() -> list[str]:
    """Programs of this test session still running (their binaries are in its cache)."""
    return live_processes(os.environ["JUPYTER_HPC_CACHE"])


def interrupt_when(comm: FakeComm, condition, timeout: float = 30.0, delay: float = 0.0):
    """Interrupt the main thread (as the kernel's interrupt does) once ``condition(sent)``."""
    main = threading.main_thread().ident

    def watch():
        deadline = time.time() + timeout
        while time.time() < deadline:
            if condition(list(comm.sent)):
                time.sleep(delay)
                signal.pthread_kill(main, signal.SIGINT)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


# ---------------------------------------------------------------------- hello


def test_hello_describes_the_kernel_configuration_shared_with_the_magics(ip, comm):
    ip.run_line_magic("config", "HPCMagics.timeout = 42")
    try:
        ready = only(comm.deliver({"type": "hello"}), "ready")
    finally:
        ip.run_line_magic("config", "HPCMagics.timeout = 60")
    assert ready["timeout"] == 42  # one configuration for the magic and the panel
    assert ready["model"] == "local" and ready["cores"] >= 1
    assert set(ready["commands"]) == {"generate", "parallelize", "run", "explain", "fix", "search"}


def test_unknown_messages_and_commands_are_answered_not_raised(comm):
    answer = comm.deliver({"type": "bogus", "id": "x"})
    assert answer == [{"type": "error", "id": "x", "message": "unknown message type 'bogus'"}]
    messages = request(comm, "frobnicate")
    assert "unknown command /frobnicate" in only(messages, "error")["message"]
    done = messages[-1]
    assert done["type"] == "done" and done["ok"] is False and done["cancelled"] is False


# ---------------------------------------------------------------------- /run


def test_run_streams_stages_and_output_then_a_result_with_table_plot_and_explanation(ip, comm):
    messages = request(comm, "run", "--repeat 2", code=OPENMP, threads=[1, 2], explain="template")
    done = check_envelope(messages, "req-run")
    assert done["ok"] is True and done["cancelled"] is False and done["seconds"] > 0
    stages = [m["text"] for m in of(messages, "stage")]
    assert any("compiling with gcc" in s and "-fopenmp" in s for s in stages)
    assert any(s.startswith("run 2/2: 2 threads") for s in stages)
    outputs = "".join(m["text"] for m in of(messages, "output"))
    assert outputs.count("sum = 3000000.0") == 2  # live output of the first repetition of each
    result = only(messages, "result")
    assert result["ok"] and result["build"]["ok"] and result["api"] == "openmp"
    assert [(r["label"], r["repeats"]) for r in result["runs"]] == [
        ("1 thread", 2),
        ("2 threads", 2),
    ]
    assert result["runs"][0]["speedup"] == 1.0
    titles = [p["title"] for p in result["plots"]]
    assert titles[0] == "Speedup" and "Parallel efficiency" in titles
    assert base64.b64decode(result["plots"][0]["png"]).startswith(b"\x89PNG")
    assert result["explanation"]["writer"] == "template" and result["findings"]
    # The same Result the magics keep: %hpc explain and /explain work on it.
    assert ip.user_ns["_hpc"].to_dict()["runs"][1]["threads"] == 2
    # Stages come before the result, the result before done.
    kinds = [m["type"] for m in messages]
    assert kinds.index("result") > max(i for i, k in enumerate(kinds) if k == "stage")


def test_run_uses_the_cells_magic_line_and_its_line_numbers(comm):
    broken = '#include <stdio.h>\nint main(void) {\n    printf("x")\n    return 0;\n}\n'
    # A plain C cell: the compiler's line 3 is the cell's line 3.
    result = only(request(comm, "run", code=broken, explain="none"), "result")
    assert not result["ok"] and not result["build"]["ok"]
    assert "cell.c:3:" in "\n".join(result["lines"])
    # A %%hpc_run cell: its code starts on line 2, and its options are used.
    messages = request(comm, "run", code="%%hpc_run --name kept\n" + broken, explain="none")
    assert "kept.c:4:" in "\n".join(only(messages, "result")["lines"])
    assert messages[-1]["ok"] is False


def test_run_refuses_bad_requests_with_readable_messages(comm):
    for code, text, expected in (
        ("", "", "works on the active notebook cell"),
        (OPENMP, "-n 2", "-n/--np needs an MPI program"),
        (OPENMP, "--repeat many", "invalid int value"),
        ("%%timeit\nx = 1\n", "", "a %%timeit cell, not a C or C++ program"),
        ("%%hpc -t 1,2\nsum an array\n", "", "a %%hpc request, not a program"),
    ):
        messages = request(comm, "run", text, code=code)
        error = only(messages, "error")
        assert expected in error["message"], error
        assert "details" not in error  # the user's mistake: no traceback
        assert messages[-1]["ok"] is False
    # The session still serves requests after errors.
    assert only(comm.deliver({"type": "hello"}), "ready")


def test_panel_thread_and_rank_lists_apply_only_to_programs_of_their_kind(comm):
    serial = '#include <stdio.h>\nint main(void) { puts("serial"); return 0; }\n'
    messages = request(comm, "run", code=serial, threads=[1, 2], ranks=[1, 2], explain="none")
    result = only(messages, "result")
    assert [r["label"] for r in result["runs"]] == ["1 thread"]  # neither list applied
    messages = request(comm, "run", "-t 2", code=OPENMP, threads=[1, 2], explain="none")
    assert [r["label"] for r in only(messages, "result")["runs"]] == ["2 threads"]  # typed wins


def test_stop_kills_the_running_program_and_ends_the_request_as_cancelled(comm):
    handler_before = signal.getsignal(signal.SIGINT)
    interrupt_when(
        comm, lambda sent: any("panel-sleeper started" in m.get("text", "") for m in sent)
    )
    started = time.time()
    messages = request(comm, "run", "-t 1", code=SLEEPER, explain="none")
    assert time.time() - started < 20
    done = check_envelope(messages, "req-run")
    assert done["cancelled"] is True and done["ok"] is False
    result = only(messages, "result")
    assert result["interrupted"] and "interrupted" in result["runs"][0]["status"]
    time.sleep(0.5)
    assert not programs_left(), "the program outlived Stop"
    assert signal.getsignal(signal.SIGINT) is handler_before  # put back after the request


# ---------------------------------------------------------------------- generation


def test_generate_streams_tokens_then_code_runs_and_explanation(ip, comm, monkeypatch):
    seen = scripted(monkeypatch, REPLY)
    messages = request(
        comm,
        "generate",
        "-k 0 sum 3 million ones with OpenMP",
        threads=[1, 2],
        explain="template",
        model="local:/models/teacher.gguf",
    )
    done = check_envelope(messages, "req-generate")
    assert done["ok"] is True, [m for m in messages if m["type"] in ("error", "stage")]
    tokens = of(messages, "token")
    # token by token, up to the end of the code block (the rest of a reply is not awaited)
    assert len(tokens) > 10 and "".join(t["text"] for t in tokens) == REPLY.rstrip("\n")
    assert of(messages, "reply_end")
    kinds = [m["type"] for m in messages]
    assert kinds.index("reply_end") > kinds.index("token")
    code = only(messages, "code")
    assert code["ok"] and code["api"] == "openmp" and "#pragma omp" in code["code"]
    assert code["cell"].startswith("%%hpc_run -t 1,2\n")  # ready to insert below
    assert code["diff"] is None  # nothing of the user's was changed
    result = only(messages, "result")
    assert [r["label"] for r in result["runs"]] == ["1 thread", "2 threads"]
    assert result["explanation"]["writer"] == "template"
    assert kinds.index("code") < kinds.index("result")
    assert ip.user_ns["_hpc_gen"].ok  # the same variables as %%hpc
    assert seen[0].provider == "local" and seen[0].model == "/models/teacher.gguf"  # setting


def test_parallelize_sends_the_cell_code_and_shows_a_diff(comm, monkeypatch):
    serial = OPENMP.replace("    #pragma omp parallel for reduction(+ : sum)\n", "")
    serial = serial.replace("#include <omp.h>\n", "")
    scripted(monkeypatch, REPLY)
    messages = request(comm, "parallelize", "-k 0", code=serial, explain="none")
    code = only(messages, "code")
    assert code["ok"] and "+    #pragma omp parallel for" in code["diff"]
    assert messages[-1]["ok"] is True


def test_fix_repairs_the_last_failure_and_says_when_there_is_none(ip, comm, monkeypatch):
    magics = ip.magics_manager.registry["HPCMagics"]
    magics.last_failure = None
    text = only(request(comm, "fix"), "text")["text"]
    assert text.startswith("Nothing to fix")
    broken = OPENMP.replace("sum += 1.0;", "sum += 1.0")
    request(comm, "run", code=broken, explain="none")  # the failure /fix works on
    assert "does not compile" in magics.last_failure["what"]
    scripted(monkeypatch, REPLY)
    messages = request(comm, "fix", "-k 0", explain="none")
    assert only(messages, "code")["ok"] and only(messages, "result")["ok"]
    assert messages[-1]["ok"] is True


def test_stop_during_generation_cancels_without_going_on(comm, monkeypatch):
    scripted(monkeypatch, REPLY, REPLY, delay=0.05)
    interrupt_when(comm, lambda sent: sum(m["type"] == "token" for m in sent) >= 5)
    messages = request(comm, "generate", "-k 0 sum ones with OpenMP", explain="none")
    done = check_envelope(messages, "req-generate")
    assert done["cancelled"] is True
    assert not of(messages, "code") and not of(messages, "result")
    assert len(of(messages, "token")) < 40  # stopped mid-reply


def test_a_stop_the_runner_absorbed_still_ends_generation(comm, monkeypatch):
    """Stop while a check runs the program: the run is killed, and no repair round starts."""
    sleepy = "```c\n" + SLEEPER + "```\n"
    scripted(monkeypatch, sleepy, REPLY)
    checking = "compiling and checking"
    interrupt_when(comm, lambda sent: any(checking in m.get("text", "") for m in sent), 60, 2.0)
    messages = request(comm, "generate", "-k 0 print a line then sleep", explain="none")
    done = check_envelope(messages, "req-generate")
    assert done["cancelled"] is True
    stages = [m["text"] for m in of(messages, "stage")]
    assert not any(s.startswith("repair") for s in stages), stages
    time.sleep(0.5)
    assert not programs_left()


# ---------------------------------------------------------------------- explain, search


def test_explain_analyses_the_last_result_again(comm):
    request(comm, "run", code=OPENMP, threads=[1, 2], explain="none")
    messages = request(comm, "explain", "--level expert", explain="template")
    analysis = only(messages, "analysis")
    assert analysis["explanation"]["writer"] == "template"
    assert analysis["explanation"]["level"] == "expert"  # typed option over the setting
    assert any(f["kind"] == "speedup" for f in analysis["findings"])
    assert analysis["plots"][0]["title"] == "Parallel efficiency"
    error = only(request(comm, "explain", "no_such_var"), "error")["message"]
    assert "no_such_var holds no Result" in error


def test_search_returns_ready_cells(ip, comm):
    messages = request(comm, "search", "--corpus-only -k 2 sum with a reduction clause")
    hits = only(messages, "hits")
    assert len(hits["hits"]) == 2 and hits["query"] == "sum with a reduction clause"
    assert all(h["cell"].startswith("%%hpc_run") for h in hits["hits"])
    assert [h.id for h in ip.user_ns["_hpc_hits"]] == [h["id"] for h in hits["hits"]]
    assert "say what to look for" in only(request(comm, "search"), "error")["message"]


# ---------------------------------------------------------------------- registration


def test_load_ext_registers_the_comm_target_in_a_kernel_only(ip, monkeypatch):
    import comm as comm_package
    from comm.base_comm import BaseComm, CommManager

    import kernel_magics

    assert kernel_magics.PANEL_COMM_TARGET == TARGET == "jupyter_hpc"
    published = []

    class RecordingComm(BaseComm):
        def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
            published.append((msg_type, data))

    manager = CommManager()
    monkeypatch.setattr(ip, "kernel", SimpleNamespace(comm_manager=manager), raising=False)
    monkeypatch.setattr(ip, "register_magics", lambda magics: None)  # keep the shared shell's
    monkeypatch.setattr(comm_package, "create_comm", lambda **kw: RecordingComm(**kw))
    kernel_magics.load_ipython_extension(ip)
    assert TARGET in manager.targets
    # A real comm_open from the panel, routed by the comm package.
    manager.comm_open(
        None,
        None,
        {"content": {"comm_id": "c1", "target_name": TARGET, "data": {"type": "hello"}}},
    )
    assert published[-1][0] == "comm_msg" and published[-1][1]["type"] == "ready"
    manager.comm_msg(None, None, {"content": {"comm_id": "c1", "data": {"type": "hello"}}})
    assert published[-1][1]["type"] == "ready"
    kernel_magics.unload_ipython_extension(ip)
    assert TARGET not in manager.targets


def test_load_ext_stays_light_with_a_kernel():
    """Registering the target imports nothing: the panel's module loads on the first Comm."""
    code = (
        "import sys, types\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "from comm.base_comm import CommManager\n"
        "shell = InteractiveShell.instance()\n"
        "shell.kernel = types.SimpleNamespace(comm_manager=CommManager())\n"
        "shell.run_line_magic('load_ext', 'kernel_magics')\n"
        "print('jupyter_hpc' in shell.kernel.comm_manager.targets,"
        " 'kernel_magics.panel' in sys.modules, 'kernel_magics.generate' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False"]
