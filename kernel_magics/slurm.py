"""Slurm batch jobs for built programs: ``%hpc submit``, ``%hpc jobs``, ``%hpc job ID``.

A job gets its own folder under the cache (``jobs/<id>/``) holding a copy of the
binary, the generated sbatch script, each configuration's output and a
``times.txt`` the script writes. When the job is done the folder is read back
into a ``Result``: the same runs table (and, with ``--profile``, the same
per-thread / per-rank profile) as a local run.

Configurations: every (threads, ranks) pair of the -t and -n lists runs in turn
inside one job that asks for the largest of each. MPI programs start with
``srun`` (configurable: ``HPCMagics.slurm_launcher``); OpenMP threads get
``OMP_NUM_THREADS`` and close binding to cores.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kernel_magics.paths import cache_subdir

FINISHED = {
    "COMPLETED",
    "FAILED",
    "CANCELLED",
    "TIMEOUT",
    "NODE_FAIL",
    "OUT_OF_MEMORY",
    "PREEMPTED",
    "BOOT_FAIL",
    "DEADLINE",
}
_TIME = re.compile(r"^(\d+-)?(\d{1,2}:){0,2}\d{1,2}$")


class SlurmError(RuntimeError):
    """Slurm is missing, refused the job, or does not know it; the message says which."""


@dataclass
class JobSpec:
    """What to ask Slurm for and which configurations to run inside the job."""

    threads: list[int]
    ranks: list[int]
    time: str = "00:10:00"
    partition: str = ""
    account: str = ""
    modules: list[str] = field(default_factory=list)
    args: str = ""
    repeat: int = 1
    profile: bool = False
    name: str = "hpc"
    extra: list[str] = field(default_factory=list)  # more #SBATCH options, verbatim
    inputs: list[str] = field(default_factory=list)  # files copied into every run's folder


@dataclass
class Job:
    """A submitted job as recorded in its folder (``job.json``)."""

    id: str
    folder: str
    name: str
    mpi: bool
    threads: list[int]
    ranks: list[int]
    repeat: int
    source: str
    lang: str
    api: str
    submitted: str
    script: str
    profile: bool = False
    profile_env: dict = field(default_factory=dict)
    build: dict = field(default_factory=dict)

    def save(self) -> None:
        (Path(self.folder) / "job.json").write_text(json.dumps(asdict(self), indent=1))

    @classmethod
    def load(cls, job_id: str) -> Job:
        path = jobs_root() / str(job_id) / "job.json"
        if not path.exists():
            raise SlurmError(f"no job {job_id} was submitted from jupyter-hpc on this machine")
        return cls(**json.loads(path.read_text()))


def jobs_root() -> Path:
    return cache_subdir("jobs")


def check_slurm() -> None:
    """Raise a readable error when the Slurm commands are not here."""
    if shutil.which("sbatch") is None:
        raise SlurmError(
            "sbatch was not found: run this on a Slurm login node, or load the Slurm module "
            "(on a single test machine: scripts/slurm_local.sh start)"
        )


def check_time(value: str) -> str:
    """Slurm's time formats: MM, MM:SS, HH:MM:SS, D-HH[:MM[:SS]]."""
    if not _TIME.match(value):
        raise SlurmError(f"--time {value!r}: write HH:MM:SS (e.g. 00:10:00) or minutes")
    return value


def batch_script(spec: JobSpec, folder: Path, mpi: bool, launcher: str, env: dict) -> str:
    """The sbatch script text: one header, then every configuration in turn."""
    lines = [
        "#!/bin/bash",
        f"#SBATCH --job-name={spec.name}",
        f"#SBATCH --ntasks={max(spec.ranks) if mpi else 1}",
        f"#SBATCH --cpus-per-task={max(spec.threads)}",
        f"#SBATCH --time={spec.time}",
        f"#SBATCH --output={folder}/slurm-%j.out",
    ]
    if spec.partition:
        lines.append(f"#SBATCH --partition={spec.partition}")
    if spec.account:
        lines.append(f"#SBATCH --account={spec.account}")
    lines += [f"#SBATCH {option}" for option in spec.extra]
    lines.append("# written by jupyter-hpc: each (threads, ranks) configuration runs in turn")
    lines += [f"module load {shlex.quote(m)}" for m in spec.modules]
    lines += [
        f"cd {shlex.quote(str(folder))}",
        "export OMP_PROC_BIND=close OMP_PLACES=cores",
        *(f"export {name}={shlex.quote(value)}" for name, value in env.items()),
        "run() {  # threads ranks repetition",
        "    export OMP_NUM_THREADS=$1",
        '    local tag="$1x$2-$3"',
        '    mkdir -p "work-$tag"',
        '    [ -d inputs ] && cp -p inputs/* "work-$tag"/',
        '    if [ "$3" = 0 ] && [ -n "$HPC_PROFILE_ROOT" ]; then',
        '        export HPC_PROFILE_OUT="$HPC_PROFILE_ROOT/$1x$2"; mkdir -p "$HPC_PROFILE_OUT"',
        "    else unset HPC_PROFILE_OUT; fi",
        "    local start end code",
        "    start=$(date +%s.%N)",
    ]
    args = " ".join(shlex.quote(a) for a in shlex.split(spec.args))
    if mpi:
        command = launcher.format(ranks="$2", threads="$1")
        lines.append(f'    (cd "work-$tag" && {command} ../program {args})'.rstrip())
    else:
        lines.append(f'    (cd "work-$tag" && ../program {args})'.rstrip())
    lines[-1] += ' > "out-$tag.txt" 2> "err-$tag.txt"'
    lines += [
        "    code=$?",
        "    end=$(date +%s.%N)",
        '    echo "$1 $2 $3 $code $start $end" >> times.txt',
        "}",
    ]
    for ranks in spec.ranks if mpi else [1]:
        for threads in spec.threads:
            for repetition in range(spec.repeat):
                lines.append(f"run {threads} {ranks} {repetition}")
    lines.append("echo done > finished.txt")
    return "\n".join(lines) + "\n"


def submit(
    build, info, spec: JobSpec, settings, source: str, profile_env: dict | None = None
) -> Job:
    """Write the job's folder and script, ``sbatch`` it, record it; return the Job."""
    check_slurm()
    check_time(spec.time)
    mpi = info.uses_mpi
    staging = Path(tempfile.mkdtemp(prefix="new-", dir=jobs_root()))
    shutil.copy2(build.binary, staging / "program")
    for name in spec.inputs:
        if not Path(name).is_file():
            shutil.rmtree(staging, ignore_errors=True)
            raise SlurmError(f"--input {name}: no such file")
        (staging / "inputs").mkdir(exist_ok=True)
        shutil.copy2(name, staging / "inputs" / Path(name).name)
    env = dict(settings.slurm_env_vars()) if mpi else {}
    if profile_env:
        env.update(profile_env)
        env["HPC_PROFILE_ROOT"] = str(staging / "profile")
    script = batch_script(spec, staging, mpi, settings.slurm_launcher, env)
    (staging / "job.sbatch").write_text(script)
    proc = subprocess.run(
        ["sbatch", "--parsable", str(staging / "job.sbatch")],
        capture_output=True,
        text=True,
        cwd=staging,
        timeout=60,
    )
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        message = (proc.stderr or proc.stdout).strip().replace("sbatch: error: ", "")
        raise SlurmError(f"Slurm refused the job: {message}")
    job_id = proc.stdout.strip().split(";")[0]
    folder = jobs_root() / job_id
    # The script names the staging folder: keep it as the job's folder, reachable by id.
    if folder.exists() or folder.is_symlink():
        folder.unlink() if folder.is_symlink() else shutil.rmtree(folder)
    folder.symlink_to(staging)
    job = Job(
        id=job_id,
        folder=str(folder),
        name=spec.name,
        mpi=mpi,
        threads=spec.threads,
        ranks=spec.ranks if mpi else [1],
        repeat=spec.repeat,
        source=source,
        lang=info.lang,
        api=info.api,
        submitted=time.strftime("%Y-%m-%d %H:%M:%S"),
        script=script,
        profile=bool(profile_env),
        profile_env=profile_env or {},
        build={"compiler": build.compiler, "command": build.command_line, "hash": build.build_hash},
    )
    job.save()
    return job


def job_state(job_id: str) -> dict:
    """``{"state", "exit_code", "reason", "elapsed"}`` from ``scontrol show job``."""
    proc = subprocess.run(
        ["scontrol", "show", "job", "-o", str(job_id)], capture_output=True, text=True, timeout=30
    )
    if proc.returncode != 0:
        # Slurm forgets finished jobs after MinJobAge: the folder still tells the outcome.
        try:
            folder = Path(Job.load(job_id).folder)
        except SlurmError:
            folder = None
        if folder is not None and (folder / "finished.txt").exists():
            return {"state": "COMPLETED", "exit_code": "0:0", "reason": "", "elapsed": ""}
        return {"state": "UNKNOWN", "exit_code": "", "reason": proc.stderr.strip(), "elapsed": ""}
    fields = dict(re.findall(r"(\w+)=(\S*)", proc.stdout))
    return {
        "state": fields.get("JobState", "UNKNOWN"),
        "exit_code": fields.get("ExitCode", ""),
        "reason": fields.get("Reason", "None"),
        "elapsed": fields.get("RunTime", ""),
    }


def wait_for(job_id: str, timeout: float, progress=lambda message: None) -> dict:
    """Poll until the job has finished (or ``timeout`` seconds passed); the last state."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        state = job_state(job_id)
        if state["state"] != last:
            progress(f"job {job_id}: {state['state']}")
            last = state["state"]
        if state["state"] in FINISHED or time.monotonic() > deadline:
            return state
        time.sleep(0.25)


def list_jobs() -> list[Job]:
    """Every job submitted from this machine's cache, newest first."""
    jobs = []
    for path in jobs_root().glob("*/job.json"):
        if path.parent.name.startswith("new-"):
            continue
        try:
            jobs.append(Job(**json.loads(path.read_text())))
        except (OSError, ValueError, TypeError):
            continue
    return sorted(jobs, key=lambda j: int(j.id) if j.id.isdigit() else 0, reverse=True)


def job_result(job: Job, state: dict):
    """The finished job as a Result: the runs table from times.txt, each run's output."""
    from kernel_magics.profile import ProfileTools, read_run_profile
    from kernel_magics.result import BuildInfo, Result, RunRecord

    folder = Path(job.folder)
    records: dict[tuple[int, int], RunRecord] = {}
    times = folder / "times.txt"
    rows = times.read_text().split("\n") if times.exists() else []
    for row in filter(None, (r.split() for r in rows)):
        threads, ranks, repetition, code = (int(x) for x in row[:4])
        seconds = float(row[5]) - float(row[4])
        record = records.setdefault(
            (threads, ranks), RunRecord(threads=threads, ranks=ranks, mpi=job.mpi)
        )
        tag = f"{threads}x{ranks}-{repetition}"
        if repetition == 0:
            record.stdout = _read(folder / f"out-{tag}.txt")
            record.stderr = _read(folder / f"err-{tag}.txt")
            if len(records) == 1:  # the first configuration
                record.notes.append(
                    f"Slurm job {job.id}: times include the launcher's start (srun/mpirun)"
                )
            if job.profile:
                tools = ProfileTools(env=job.profile_env, openmp=True, mpi=job.mpi)
                record.profile = read_run_profile(
                    folder / "profile" / f"{threads}x{ranks}", threads, ranks, tools
                )
        record.exit_code = code
        if code != 0 and record.error is None:
            record.error = f"exited with code {code}"
            tail = record.stderr.strip().splitlines()[-3:]
            if tail:
                record.error += ": " + " / ".join(tail)
        elif code == 0:
            record.times_s.append(seconds)
    ran = [(t, r) for r in job.ranks for t in job.threads]
    for threads, ranks in ran:  # configurations the job never reached (cancelled, time limit)
        if (threads, ranks) not in records:
            records[(threads, ranks)] = RunRecord(
                threads=threads,
                ranks=ranks,
                mpi=job.mpi,
                error=f"not run: the job ended {state['state']}",
            )
    build = BuildInfo(
        ok=True,
        command=job.build.get("command", "").split(),
        compiler=job.build.get("compiler", ""),
        compiler_version="",
        flags=[],
        log="",
        binary=folder / "program",
        source_path=folder / "program",
        cache_hit=True,
        build_hash=job.build.get("hash", ""),
        seconds=0.0,
    )
    result = Result(
        source=job.source,
        lang=job.lang,
        lang_reason="as submitted",
        api=job.api,
        build=build,
        name=job.name,
        runs=[records[key] for key in ran],
    )
    result.provenance = {
        "slurm_job": job.id,
        "state": state["state"],
        "exit_code": state["exit_code"],
        "submitted": job.submitted,
        "script": str(folder / "job.sbatch"),
        "threads": job.threads,
        "ranks": job.ranks,
    }
    if job.profile:
        from kernel_magics.pipeline import analyse

        analyse(result)
    return result


def _read(path: Path, limit: int = 64 * 1024) -> str:
    if not path.exists():
        return ""
    data = path.read_bytes()
    text = data[:limit].decode(errors="replace")
    return text + (f"\n[output cut at {limit // 1024} KiB]\n" if len(data) > limit else "")


def cancel(job_id: str) -> None:
    subprocess.run(["scancel", str(job_id)], capture_output=True, timeout=30)
