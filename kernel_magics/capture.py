"""Keep a bounded amount of a program's output: the head and the tail.

A program that prints gigabytes must not fill the kernel's memory or the
notebook. We keep the first ``head_bytes`` and the last ``tail_bytes`` and
count what was dropped in between.
"""

from __future__ import annotations


class CappedOutput:
    """Accumulates a byte stream, keeping its head and tail."""

    def __init__(self, head_bytes: int = 64 * 1024, tail_bytes: int = 16 * 1024):
        self.head_bytes = head_bytes
        self.tail_bytes = tail_bytes
        self._head = bytearray()
        self._tail = bytearray()
        self.total_bytes = 0

    def add(self, chunk: bytes) -> bytes:
        """Store a chunk; return the part of it that belongs to the head.

        The returned bytes are what a caller may stream to the user live;
        everything after the head is only kept as a tail.
        """
        self.total_bytes += len(chunk)
        room = self.head_bytes - len(self._head)
        live = chunk[:room] if room > 0 else b""
        self._head += live
        rest = chunk[len(live) :]
        if rest:
            self._tail += rest
            if len(self._tail) > self.tail_bytes:
                del self._tail[: len(self._tail) - self.tail_bytes]
        return live

    @property
    def dropped_bytes(self) -> int:
        """How many bytes are neither in the head nor in the tail."""
        return self.total_bytes - len(self._head) - len(self._tail)

    @property
    def truncated(self) -> bool:
        return self.total_bytes > len(self._head)

    @property
    def head(self) -> str:
        return self._head.decode(errors="replace")

    @property
    def tail(self) -> str:
        return self._tail.decode(errors="replace")

    def text(self) -> str:
        """Head, a line saying how much was dropped, then the tail."""
        if not self._tail:
            return self.head
        marker = f"\n[... {self.dropped_bytes} bytes of output dropped ...]\n"
        if self.dropped_bytes == 0:
            marker = ""
        return self.head + marker + self.tail
