"""A throw-away PostgreSQL server for the ledger tests (used by the fixtures in ``conftest.py``).

Order of preference: ``$NEWSEXTRACT_TEST_PG`` (a URL of a server you run), Debian's ``postgresql`` package
(``initdb``/``pg_ctl`` under ``/usr/lib/postgresql/*/bin``; ``.ci/run`` installs it when missing), then the
``pgserver`` wheel if it is installed. Start-up of either is under a second here (docs/ledger.md has the numbers).
The server listens on a Unix socket in a private folder only, with fsync off: it is a test server.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["Unavailable", "start"]


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here (the reason says why)."""


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    for d in dirs:
        if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


def _as_user() -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the 'postgres' user then."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise Unavailable("running as root and there is no 'postgres' user to run the server as") from exc
    return ["runuser", "-u", "postgres", "--"]


def _debian(bindir: Path) -> tuple[str, Callable[[], None]]:
    base = Path(tempfile.mkdtemp(prefix="nxpg"))  # short: a socket path must stay under 107 bytes
    prefix = _as_user()
    if prefix:
        shutil.chown(base, "postgres")
    data, log = base / "data", base / "log"

    def run(*args: str) -> None:
        proc = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise Unavailable(f"{Path(args[0]).name} failed: {(proc.stderr or proc.stdout).strip()[-500:]}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8",
        "--locale=C.UTF-8")
    opts = f"-k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", opts, "start")

    def stop() -> None:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)

    return f"postgresql+psycopg://postgres@/postgres?host={base}", stop


def _pgserver() -> tuple[str, Callable[[], None]]:
    try:
        import pgserver  # type: ignore[import-not-found]
    except ImportError as exc:
        raise Unavailable("no PostgreSQL binaries (Debian package 'postgresql') and no 'pgserver' wheel") from exc
    base = tempfile.mkdtemp(prefix="nxpgs")
    srv = pgserver.get_server(base, cleanup_mode="stop")
    uri = srv.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)

    def stop() -> None:
        srv.cleanup()
        shutil.rmtree(base, ignore_errors=True)

    return uri, stop


def start() -> tuple[str, Callable[[], None]]:
    """(SQLAlchemy URL of the server's ``postgres`` database, a function that stops the server)."""
    url = os.environ.get("NEWSEXTRACT_TEST_PG")
    if url:
        return url, lambda: None
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable("the psycopg driver is not installed (pip install 'newsextract[postgres]')") from exc
    bindir = _bindir()
    if bindir is not None:
        return _debian(bindir)
    return _pgserver()
