"""How the pipeline tells a front end what is happening (its own module: the CLI
imports it without the pipeline, so that a compile can start sooner)."""

from __future__ import annotations


class Reporter:
    """Receives progress while a request runs. The default shows nothing."""

    def stage(self, message: str) -> None:
        """A short line saying what happens now (compiling, running ...)."""

    def output(self, stream: str, text: str) -> None:
        """Live program output; ``stream`` is "stdout" or "stderr"."""

    def warning(self, message: str) -> None:
        """Something the user should know that does not stop the run."""
