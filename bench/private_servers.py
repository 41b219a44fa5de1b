"""Private Redis and PostgreSQL instances that a test or a bench may break.

The machine's shared servers serve other people: a fault is only ever injected
into an instance started here, on a free port, in a temporary directory, and
stopped (and removed) by whoever started it.

- ``RedisServer``: ``redis-server`` as a child process, no persistence; ``pause``
  (CLIENT PAUSE), ``kill`` (SIGKILL) and ``start`` again on the same port.
- ``PostgresCluster``: ``initdb`` + ``pg_ctl`` into a temporary directory with
  trust authentication on 127.0.0.1 only; ``restart`` (``pg_ctl restart -m fast``)
  and ``terminate`` (every backend of one database). initdb refuses to run as
  root, so under root the cluster runs as the ``postgres`` OS user.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, timeout: float, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


class RedisServer:
    """A private ``redis-server``; ``url`` is its database 0."""

    binary = shutil.which("redis-server")

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    @classmethod
    def missing(cls) -> str | None:
        """Why a private Redis cannot run here, or None."""
        return None if cls.binary else "redis-server is not installed"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port, 10, self.process)
        return self

    def command(self, *args):
        import redis

        client = redis.Redis(port=self.port, socket_timeout=5)
        try:
            return client.execute_command(*args)
        finally:
            client.close()

    def pause(self, seconds: float) -> None:
        """Stall every client for ``seconds`` (CLIENT PAUSE ... ALL): connections are
        accepted, commands wait."""
        self.command("CLIENT", "PAUSE", int(seconds * 1000), "ALL")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def _postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return str(Path(found[-1]).parent)
    pg_ctl = shutil.which("pg_ctl")
    return str(Path(pg_ctl).parent) if pg_ctl else None


class PostgresCluster:
    """A private PostgreSQL cluster; ``url`` has no database name (append one)."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.port = free_port()
        self.dir = None
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    @classmethod
    def missing(cls) -> str | None:
        """Why a private cluster cannot run here, or None."""
        if _postgres_bin() is None:
            return "PostgreSQL's initdb/pg_ctl are not installed"
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no postgres OS user for initdb"
        return None

    def _run(self, *args: str, check=True) -> subprocess.CompletedProcess:
        command = [f"{self.bin}/{args[0]}", *args[1:]]
        if os.geteuid() == 0:  # initdb and postgres refuse root
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check)

    def start(self) -> "PostgresCluster":
        self.dir = tempfile.mkdtemp(prefix="portal-private-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data = f"{self.dir}/data"
        self._run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir}"
            " -c fsync=off -c max_connections=200"
        )
        self._run("pg_ctl", "-D", data, "-o", options, "-l", f"{self.dir}/log", "-w", "start")
        return self

    def restart(self) -> None:
        """``pg_ctl restart -m fast``: every connection is cut, the server is down
        for a moment, then accepts connections again (waited for)."""
        self._run(
            "pg_ctl",
            "-D",
            f"{self.dir}/data",
            "-l",
            f"{self.dir}/log",
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def stop(self) -> None:
        if self.dir is None:
            return
        self._run("pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


def terminate_backends(admin_url: str, database: str) -> int:
    """pg_terminate_backend of every connection to ``database`` but the caller's own
    (``admin_url`` connects elsewhere, e.g. to ``postgres``); the number terminated."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return sum(1 for (done,) in rows if done)
