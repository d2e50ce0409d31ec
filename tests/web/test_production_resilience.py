"""``si-skill serve --production`` on loopback, as a real process, under the two things
that took the gunicorn deployment down or would: slow clients, and a worker that dies.

* 50 connections that each send one byte every 2 seconds, for 15 seconds: /healthz and
  /alexa are answered within 1 second throughout, and the slow connections stay open
  (they were held, not dropped).
* Under steady load, a worker is killed (SIGKILL): the only requests that fail are ones
  on connections that worker held, at most one per connection; /healthz, checked on a
  fresh connection every 50 ms, never fails; the supervisor starts a replacement.
* When the supervisor itself is killed, its workers stop instead of serving on.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.live import Running, process_serving

pytestmark = pytest.mark.slow

SKILL = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
SLOW_CLIENTS = 50
SLOW_SECONDS = 15.0
BYTE_EVERY = 2.0
ANSWER_WITHIN = 1.0


@pytest.fixture
def production(tmp_path) -> Iterator[Running]:
    args = ["skill.cli", "serve", "--production", "--port", "{port}", "--workers", "2"]
    with process_serving(args, tmp_path / "serve.log", ALEXA_SKILL_ID=SKILL,
                         SIMULATOR="on") as running:
        wait_for(lambda: serving_workers(running) >= 2, 60.0, running)
        yield running


def serving_workers(running: Running) -> int:
    return running.log.read_text(errors="replace").count(" serving")


def wait_for(condition, seconds: float, running: Running) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out; server log:\n{running.log.read_text(errors='replace')}")
        time.sleep(0.1)


def call(base: str, method: str, path: str, body: bytes | None = None,
         timeout: float = ANSWER_WITHIN) -> tuple[int, bytes]:
    """One request on a fresh connection, like a load balancer's health check."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- slow clients ---------------------------------------------------------------------------

def open_slow_clients(base: str) -> list[socket.socket]:
    """Half stop inside the headers, half inside a body they promised."""
    host, port = base.removeprefix("http://").split(":")
    clients = []
    for n in range(SLOW_CLIENTS):
        sock = socket.create_connection((host, int(port)), timeout=5)
        if n % 2:
            sock.sendall(b"POST /alexa HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                         b"\r\nContent-Length: 100000\r\n\r\n{")
        else:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        clients.append(sock)
    return clients


def test_slow_clients_do_not_stall_the_service(production):
    clients = open_slow_clients(production.url)
    stop = threading.Event()
    dropped: list[int] = []

    def dribble() -> None:
        while not stop.wait(BYTE_EVERY):
            for n, sock in enumerate(clients):
                try:
                    sock.sendall(b"a")
                except OSError:
                    dropped.append(n)

    dribbler = threading.Thread(target=dribble, daemon=True)
    dribbler.start()
    slowest = 0.0
    checks = 0
    failures: list[str] = []
    envelope = json.dumps({"version": "1.0", "request": {"type": "LaunchRequest"}}).encode()
    ends = time.monotonic() + SLOW_SECONDS
    try:
        while time.monotonic() < ends:
            for method, path, body, expected in (("GET", "/healthz", None, 200),
                                                 ("POST", "/alexa", envelope, 400)):
                started = time.monotonic()
                try:
                    status, _ = call(production.url, method, path, body)
                except OSError as exc:
                    failures.append(f"{path}: {type(exc).__name__}")
                    continue
                took = time.monotonic() - started
                slowest = max(slowest, took)
                if status != expected or took > ANSWER_WITHIN:
                    failures.append(f"{path}: {status} in {took:.2f} s")
                checks += 1
            time.sleep(0.2)
        # Every slow connection is still open: the server holds them, it did not drop them.
        for sock in clients:
            sock.setblocking(False)
            try:
                assert sock.recv(1) != b"", "the server closed a slow connection"
            except BlockingIOError:
                pass  # nothing to read: still open and waiting for the rest
    finally:
        stop.set()
        dribbler.join(timeout=5)
        for sock in clients:
            sock.close()
    assert not failures, failures
    assert not dropped
    assert checks >= 2 * 30, checks  # the checks ran throughout the 15 seconds
    print(f"slow clients: {checks} checks, slowest {slowest * 1000:.0f} ms")


# --- a worker killed under load ------------------------------------------------------------

@dataclass
class Client:
    """One keep-alive connection sending the request again and again."""

    base: str
    ok: int = 0
    ok_after_kill: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)  # (local port, error)


def load(client: Client, stop: threading.Event, killed: threading.Event) -> None:
    host, port = client.base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    body = json.dumps({"session": None, "text": "can i lift groceries"}).encode()
    while not stop.is_set():
        if connection.sock is None:
            connection.connect()
        assert connection.sock is not None
        local = connection.sock.getsockname()[1]
        try:
            connection.request("POST", "/api/ask", body=body,
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            if response.status != 200 or b"ten pounds" not in answer:
                client.failures.append((local, f"HTTP {response.status}"))
            elif killed.is_set():
                client.ok_after_kill += 1
            else:
                client.ok += 1
        except (OSError, http.client.HTTPException) as exc:
            client.failures.append((local, type(exc).__name__))
            connection.close()  # the next request opens a new connection
        time.sleep(0.02)
    connection.close()


def held_ports(pid: int, server_port: int) -> set[int]:
    """Client ports of the connections process ``pid`` holds, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if inode in inodes and int(local.rsplit(":", 1)[1], 16) == server_port:
                remote_port = int(remote.rsplit(":", 1)[1], 16)
                if remote_port:
                    ports.add(remote_port)
    return ports


def test_worker_killed_under_load(production):
    server_port = int(production.url.rsplit(":", 1)[1])
    stop, killed = threading.Event(), threading.Event()
    clients = [Client(production.url) for _ in range(8)]
    threads = [threading.Thread(target=load, args=(c, stop, killed), daemon=True)
               for c in clients]
    checking = threading.Lock()  # held for each health check; the kill waits for it
    health: list[str] = []

    def check_health() -> None:
        while not stop.is_set():
            with checking:
                try:
                    status, body = call(production.url, "GET", "/healthz", timeout=5.0)
                    health.append("ok" if (status, body) == (200, b'{"status":"ok"}\n')
                                  else f"HTTP {status}")
                except OSError as exc:
                    health.append(type(exc).__name__)
            time.sleep(0.05)

    checker = threading.Thread(target=check_health, daemon=True)
    for thread in [*threads, checker]:
        thread.start()
    try:
        time.sleep(3.0)  # steady load on both workers
        workers = production.children()
        assert len(workers) == 2 and all(c.ok for c in clients), [c.ok for c in clients]
        # The worker holding the most client connections dies. A health check in flight
        # on it would be a request it held, so the kill lands between two checks.
        victim = max(workers, key=lambda pid: len(held_ports(pid, server_port)))
        with checking:
            os.kill(victim, signal.SIGSTOP)  # frozen: what it holds can no longer change
            held = held_ports(victim, server_port)
            os.kill(victim, signal.SIGKILL)
            killed.set()
        checks_at_kill = len(health)
        # Keep the load on until the replacement serves, and a little longer.
        wait_for(lambda: serving_workers(production) >= 3, 90.0, production)
        time.sleep(2.0)
    finally:
        stop.set()
        for thread in [*threads, checker]:
            thread.join(timeout=40)
    failures = [failure for c in clients for failure in c.failures]
    ports = [port for port, _ in failures]
    assert set(ports) <= held, (failures, held)  # only connections the dead worker held
    assert len(ports) == len(set(ports)), failures  # and at most one request on each
    assert all(c.ok_after_kill for c in clients)  # every client carried on
    assert health and set(health) == {"ok"}, [h for h in health if h != "ok"]
    assert len(health) > checks_at_kill + 10  # checked all through the restart
    replacement = [pid for pid in production.children() if pid not in workers]
    assert len(production.children()) == 2 and len(replacement) == 1
    assert f"worker {victim} exited (signal 9); starting another" in production.log.read_text()
    print(f"killed worker held {len(held)} connection(s); {len(failures)} request(s) failed; "
          f"{sum(c.ok_after_kill for c in clients)} answered after; {len(health)} health checks")


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has exited; only its parent's bookkeeping is left


def test_workers_stop_when_the_supervisor_is_killed(production):
    workers = production.children()
    assert len(workers) == 2
    os.kill(production.process.pid, signal.SIGKILL)  # no chance to stop its workers
    production.process.wait()
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(running(pid) for pid in workers)
