"""The production server: waitress worker processes on one listening socket, kept alive.

Why waitress: it reads every request whole (headers and body, up to a cap) on its
asynchronous main loop before a worker thread sees it. A client that sends a byte every
few seconds holds a connection slot, not a thread, so slow clients cannot take the
threads that ``/alexa`` and ``/healthz`` need (gunicorn's gthread workers hand a
connection to a thread as soon as it is accepted, and seven to twelve slow clients
stalled them).

Why processes: one waitress process is one interpreter, and it can die. This process
(the supervisor) binds the socket and starts ``--workers`` workers, fresh interpreters
(``python -m skill.web.server --worker``) that inherit the socket; it never accepts a
connection itself, and it starts a new worker when one dies. New connections wait in
the kernel's queue on the shared socket for whichever worker accepts next, so a
worker's death loses only the connections that worker held.

    python -m skill.web.server [--app MODULE:FACTORY] [--host H] [--port P]
                               [--workers N] [--threads T] [--log-level LEVEL]

``si-skill serve --production`` runs this with ``skill.web.production``'s app factory.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import logging
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Final

log = logging.getLogger("skill.web.server")  # the same name when run with -m

PRODUCTION_APP: Final = "skill.web.production:create_production_app"
# Per worker. Waitress buffers each request before a thread sees it, so these bound
# what slow or hostile clients can make it hold: the app itself refuses bodies over
# 128 KB (/alexa) and 32 KB (/api), so nothing useful is larger than this.
WAITRESS: Final[dict[str, Any]] = {
    "connection_limit": 500,  # open connections, slow ones included
    "asyncore_use_poll": True,  # poll(), not select(): no 1,024-descriptor ceiling
    "channel_timeout": 60,  # seconds a connection may stay silent
    "max_request_header_size": 32 * 1024,
    "max_request_body_size": 256 * 1024,
    "backlog": 2048,
    "ident": "si-skill",
}
# Waitress's one I/O thread reads every request and sends every response, and needs the
# GIL for it: with Python's default 5 ms switch interval it waits behind the app's
# threads. 1 ms cut the load test's median and p99 latency at 500 requests a second.
SWITCH_INTERVAL: Final = 0.001
BOOT_FAILED: Final = 3  # a worker's exit status when the app cannot be built
POLL_SECONDS: Final = 0.1
# More deaths than this in RESTART_WINDOW seconds is a crash loop: stop, do not spin.
MAX_RESTARTS: Final = 10
RESTART_WINDOW: Final = 60.0
STOP_SECONDS: Final = 10.0


class EveryFewSeconds(logging.Filter):
    """Lets one record through per ``seconds``: waitress warns "Task queue depth is N"
    for every request that waits for a thread, a flood exactly when a worker is busiest."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.last = -seconds

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


def logging_setup(level: str = "info") -> None:
    """Our lines at ``level`` (the app logs a line or two per request at info); the
    server's own start, stop and restarts always."""
    logging.basicConfig(level=level.upper(),
                        format="%(levelname)s %(name)s[%(process)d]: %(message)s")
    log.setLevel(logging.INFO)
    logging.getLogger("waitress.queue").addFilter(EveryFewSeconds(10.0))


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket the workers will inherit."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(WAITRESS["backlog"])
    sock.set_inheritable(True)
    return sock


class Supervisor:
    """Keeps ``workers`` worker processes serving ``app`` (``module:factory``) on ``sock``."""

    def __init__(self, sock: socket.socket, app: str, workers: int, threads: int,
                 log_level: str = "info") -> None:
        self.sock, self.app, self.workers, self.threads = sock, app, workers, threads
        self.log_level = log_level
        self.stopping = False
        self.processes: list[subprocess.Popen[bytes]] = []

    def start_worker(self) -> subprocess.Popen[bytes]:
        fd = self.sock.fileno()
        argv = [sys.executable, "-m", "skill.web.server", "--worker", "--fd", str(fd),
                "--app", self.app, "--threads", str(self.threads),
                "--log-level", self.log_level]
        process = subprocess.Popen(argv, pass_fds=(fd,))
        log.info("worker %d started", process.pid)
        return process

    def stop(self, *_: object) -> None:
        self.stopping = True

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        host, port = self.sock.getsockname()[:2]
        log.info("listening on http://%s:%d with %d workers of %d threads", host, port,
                 self.workers, self.threads)
        self.processes = [self.start_worker() for _ in range(self.workers)]
        deaths: collections.deque[float] = collections.deque()
        status = 0
        while not self.stopping and not status:
            time.sleep(POLL_SECONDS)
            for index, process in enumerate(self.processes):
                code = process.poll()
                if code is None or self.stopping:
                    continue
                if code == BOOT_FAILED:
                    log.error("worker %d could not build the app: stopping", process.pid)
                    status = 1
                    break
                now = time.monotonic()
                deaths.append(now)
                while deaths and deaths[0] < now - RESTART_WINDOW:
                    deaths.popleft()
                if len(deaths) > MAX_RESTARTS:
                    log.error("workers keep dying (%d in %.0f s): stopping", len(deaths),
                              RESTART_WINDOW)
                    status = 1
                    break
                log.warning("worker %d exited (%s); starting another", process.pid,
                            f"signal {-code}" if code < 0 else f"status {code}")
                self.processes[index] = self.start_worker()
        self.shutdown()
        return status

    def shutdown(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.sock.close()
        log.info("stopped")


def serve(host: str, port: int, *, app: str = PRODUCTION_APP, workers: int = 2,
          threads: int = 4, log_level: str = "info",
          check: Callable[[], object] | None = None) -> int:
    """Run the supervisor until SIGTERM or SIGINT. ``check`` runs first (production
    mode's settings), so a refusal stops everything before a socket is bound."""
    logging_setup(log_level)
    if check is not None:
        check()
    try:
        sock = listen(host, port)
    except OSError as error:  # in use, not ours to bind, an unknown host
        log.error("cannot listen on %s:%d: %s", host, port, error)
        return 1
    return Supervisor(sock, app, workers, threads, log_level).run()


def load(reference: str) -> Callable[[], Any]:
    module, _, name = reference.partition(":")
    factory: Callable[[], Any] = getattr(importlib.import_module(module), name)
    return factory


def worker(fd: int, app: str, threads: int, log_level: str = "info") -> int:
    """One waitress process on the inherited socket ``fd`` until SIGTERM (or until the
    supervisor is gone)."""
    import waitress

    from skill.web.security import guarded

    logging_setup(log_level)
    sys.setswitchinterval(SWITCH_INTERVAL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides when to stop
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True).start()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < 4096:
        wanted = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    sock = socket.socket(fileno=fd)
    try:
        application = load(app)()
    except (Exception, SystemExit):
        log.exception("the app could not be built")
        return BOOT_FAILED
    server = waitress.create_server(guarded(application), sockets=[sock], threads=threads,
                                    **{k: v for k, v in WAITRESS.items() if k != "backlog"})
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # waitress finishes its tasks
    log.info("worker %d serving", os.getpid())
    server.run()
    return 0


def _orphan_watch(supervisor: int) -> None:
    """A worker whose supervisor died (even by SIGKILL) stops too, instead of serving on."""
    while os.getppid() == supervisor:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m skill.web.server",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--app", default=PRODUCTION_APP, help="module:factory of the app")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fd", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.fd, args.app, args.threads, args.log_level)
    return serve(args.host, args.port, app=args.app, workers=args.workers,
                 threads=args.threads, log_level=args.log_level)


if __name__ == "__main__":
    raise SystemExit(main())
