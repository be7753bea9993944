"""Servers that tests and benchmarks start: a free port on 127.0.0.1 and `storyline serve` in its own process."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx

START_SECONDS = 30


def free_port() -> int:
    """A free TCP port on 127.0.0.1 for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    """`storyline serve --db DB` on 127.0.0.1:PORT, returned once it answers."""
    command = [sys.executable, "-m", "storyline.cli", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"storyline serve did not answer on port {port} within {START_SECONDS} s")
