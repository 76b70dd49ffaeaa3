"""`make bench`: serve the site with gunicorn and measure its key pages, then the micro-benchmarks.

1. A fresh database (PostgreSQL database `bench` when 127.0.0.1:5432 answers, else a temporary
   SQLite file), migrated, with the demo content and collected static files.
2. gunicorn on 127.0.0.1 with the production settings (a random SECRET_KEY, no SSL redirect on
   loopback; Redis as cache when 127.0.0.1:6379 answers).
3. For each page in PAGES, bench/load.py in a second process drives it for a fixed time
   (loopback only), giving requests/second, p50 and p99 latency; each page's cost is shown as a
   ratio to /_ping/, the minimal Django view, measured in the same run on the same server.
4. The in-process micro-benchmarks the apps contribute (bench/micro.py explains how).

Figures go to the terminal and to bench/results.json (not committed). Speed is never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import micro  # noqa: E402

# The pages under load: (name, path). A path "page:<app>.<Model>" means the URL of the first live
# page of that type in the default language. Adding a page is one line here.
PAGES: list[tuple[str, str]] = [
    ("ping (minimal view)", "/_ping/"),
    ("home", "/"),
    ("regeling overview", "page:kennisbank.RegelingIndexPage"),
    ("regeling overview, filtered", "page:kennisbank.RegelingIndexPage?level=provinciaal"),
    ("regeling page", "page:kennisbank.RegelingPage"),
    ("search", "/zoeken/?q=subsidie"),
]
REFERENCE = "/_ping/"
RESULTS = BASE_DIR / "bench" / "results.json"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine_facts() -> dict:
    cpu_model, mem_kib = platform.processor() or "unknown", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_commit": commit,
        # Other work on the machine skews every figure: keep the load beside them.
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def database_prepare(use_sqlite: bool, workdir: Path) -> tuple[str, str]:
    """A fresh, empty database: (DATABASE_URL, description)."""
    if not use_sqlite and port_open(5432):
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            conn.execute("DROP DATABASE IF EXISTS bench WITH (FORCE)")
            conn.execute("CREATE DATABASE bench")
        return "postgres://postgres@127.0.0.1:5432/bench", f"PostgreSQL {version}"
    import sqlite3

    return f"sqlite:///{workdir / 'bench.sqlite3'}", f"SQLite {sqlite3.sqlite_version}"


def manage(*args: str, env: dict) -> None:
    print(f"  manage.py {' '.join(args)}", flush=True)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}{result.stderr}")


def page_path(spec: str) -> str | None:
    """Resolve "page:<app>.<Model>[?query]" to a path (needs django.setup())."""
    if not spec.startswith("page:"):
        return spec
    from django.apps import apps
    from wagtail.models import Locale

    label, _, query = spec.removeprefix("page:").partition("?")
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    page = model.objects.live().filter(locale=Locale.get_default()).order_by("path").first()
    if page is None or not page.url:
        return None
    return page.url + (f"?{query}" if query else "")


def fetch(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(  # noqa: S310
        url, headers={"Accept-Language": "nl", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def server_start(env: dict, workers: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "schakelteam.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--error-logfile",
            str(log_path),
        ],  # fmt: skip
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if fetch(url + REFERENCE)[0] == 200:
                return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit(f"gunicorn did not start:\n{log_path.read_text(errors='replace')[-4000:]}")


def load(url: str, duration: float, concurrency: int, headers: dict | None = None) -> dict:
    header_args = [arg for k, v in (headers or {}).items() for arg in ("--header", f"{k}: {v}")]
    result = subprocess.run(
        [
            sys.executable,
            str(BASE_DIR / "bench" / "load.py"),
            url,
            "--duration",
            str(duration),
            "--concurrency",
            str(concurrency),
            *header_args,
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 120,
    )
    return json.loads(result.stdout)


def pages_measure(base: str, pages: list[tuple], args) -> tuple[list[dict], list[str]]:
    """Each page is (name, path) or (name, path, request headers), e.g. a session cookie."""
    rows, notes = [], []
    for name, path, *extra in pages:
        headers = extra[0] if extra else {}
        status, body = 0, b""
        for _ in range(args.warmup):
            status, body = fetch(base + path, headers)
        if status != 200:
            notes.append(f"{name} ({path}): HTTP {status}, skipped: {body[:200]!r}")
            continue
        print(f"  {name:<32} {path}", flush=True)
        rows.append(
            {
                "name": name,
                "path": path,
                **load(base + path, args.duration, args.concurrency, headers),
            }
        )
    reference = next((row for row in rows if row["path"] == REFERENCE), None)
    for row in rows:
        if reference and row["rps"]:
            row["cost_vs_ping"] = round(reference["rps"] / row["rps"], 1)
    return rows, notes


def report_print(results: dict) -> None:
    machine = results["machine"]
    print(
        f"\nMachine: {machine['nproc']} cores, {machine['cpu_model']}, {machine['ram_gib']} GiB, "
        f"Python {machine['python']}; load average {machine['load_average_1_5_15']}; database {results['database']}; cache {results['cache']}; "
        f"gunicorn {results['settings']['workers']} sync workers; client "
        f"{results['settings']['concurrency']} connections x {results['settings']['duration']} s."
    )
    print("\n| Page | Path | req/s | p50 ms | p99 ms | cost vs /_ping/ |")
    print("|---|---|---:|---:|---:|---:|")
    for row in results["pages"]:
        print(
            f"| {row['name']} | `{row['path']}` | {row['rps']} | {row['p50_ms']} | "
            f"{row['p99_ms']} | {row.get('cost_vs_ping', '')}x |"
        )
    if results["micro"]:
        print("\n| Micro-benchmark | Median ms | Runs | Source |")
        print("|---|---:|---:|---|")
        for row in results["micro"]:
            figure = row.get("median_ms", row.get("value"))
            print(f"| {row['name']} | {figure} | {row.get('runs', '')} | {row['source']} |")
    for note in results["notes"]:
        print(f"note: {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--warmup", type=int, default=10, help="requests per page before timing")
    parser.add_argument("--sqlite", action="store_true", help="SQLite even if PostgreSQL runs")
    parser.add_argument("--no-micro", action="store_true", help="skip the micro-benchmarks")
    parser.add_argument("--micro-budget", type=float, default=2.0, help="seconds per figure")
    args = parser.parse_args()

    machine = machine_facts()
    workdir = Path(tempfile.mkdtemp(prefix="schakelteam-bench-"))
    database_url, database = database_prepare(args.sqlite, workdir)
    cache = "Redis (127.0.0.1:6379/15)" if port_open(6379) else "local memory"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schakelteam.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SITE_URL": "http://127.0.0.1",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        **{f"RATE_LIMIT_{s}": "10000000/3600" for s in ("PUBLIC_FORM", "RESUME_LINK", "TOKEN")},
        "RATE_LIMIT_REGISTRATION": "10000000/3600",
    }
    env.pop("DEBUG", None)
    if port_open(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    else:
        env.pop("REDIS_URL", None)
    print(f"Preparing {database} in {workdir}", flush=True)
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)
    manage("collectstatic", "--noinput", env=env)

    os.environ.update(env)
    import django

    django.setup()
    notes: list[str] = []
    pages = []
    for name, spec in PAGES:
        path = page_path(spec)
        if path is None:
            notes.append(f"{name}: no live page for {spec} (skipped)")
        else:
            pages.append((name, path))
    extra, extra_notes = micro.extra_pages()
    pages += extra
    notes += extra_notes
    from django.db import connections

    connections.close_all()

    log_path = workdir / "gunicorn.log"
    server, base = server_start(env, args.workers, log_path)
    print(f"Serving on {base} (gunicorn, production settings); load per page:", flush=True)
    try:
        rows, page_notes = pages_measure(base, pages, args)
    finally:
        server.terminate()
        server.wait(timeout=30)
    notes += page_notes

    micro_rows: list[dict] = []
    if not args.no_micro:
        print("Micro-benchmarks", flush=True)
        micro_rows, micro_notes = micro.run_all(budget_seconds=args.micro_budget)
        notes += micro_notes

    results = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine,
        "database": database,
        "cache": cache,
        "settings": {
            "duration": args.duration,
            "concurrency": args.concurrency,
            "workers": args.workers,
            "server": "gunicorn, schakelteam.settings.production",
        },
        "pages": rows,
        "micro": micro_rows,
        "notes": notes,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    report_print(results)
    print(f"\nWritten to {RESULTS.relative_to(BASE_DIR)}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
