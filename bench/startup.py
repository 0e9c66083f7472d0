"""Start-up to a usable window, from source and from the bundle, side by side.

    uv run pyinstaller packaging/ordertrail.spec      # makes dist/OrderTrail
    uv run python bench/startup.py [--bundle dist/OrderTrail] [--runs 5]

Each run starts the program signed in on the same demo database with --startup-check
and times, from the moment the process is spawned, the line it prints once the main
window is up and has handled its first events. Also prints the bundle's size on disk.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = "OrderTrail window ready"
STUCK_S = 120


def time_to_window(program: list[str], env: dict) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(program, env=env, stderr=subprocess.PIPE, text=True)
    # A bundle older than the database refuses it in a dialog nobody closes here.
    watchdog = threading.Timer(STUCK_S, process.kill)
    watchdog.start()
    for line in process.stderr:
        if READY in line:
            ready = time.perf_counter() - started
            break
    else:
        raise SystemExit(f"{program[0]} exited without a window: code {process.wait()}")
    process.communicate()
    watchdog.cancel()
    return ready


def size_on_disk(folder: Path) -> int:
    # lstat: the bundle links some libraries to each other, which must count once
    return sum(path.lstat().st_blocks * 512 for path in folder.rglob("*") if not path.is_dir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "OrderTrail")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--orders", type=int, default=2000)
    options = parser.parse_args()
    source = shutil.which("ordertrail", path=str(Path(sys.executable).parent))
    bundled = options.bundle / "ordertrail"
    if source is None or not bundled.exists():
        raise SystemExit("needs the project's venv (uv run) and a built bundle (see above)")

    work = Path(tempfile.mkdtemp(prefix="startup-"))
    env = {
        **os.environ,
        "ORDERTRAIL_CONFIG": str(work / "desktop.json"),
        "ORDERTRAIL_LOG": str(work / "ordertrail.log"),
        "ORDERTRAIL_PASSWORD": "demo",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    db = str(work / "demo.db")
    subprocess.run(
        [source, "--db", db, "demo", "--orders", str(options.orders)], env=env, check=True
    )
    args = ["--db", db, "--user", "sales", "--startup-check"]
    print(f"start-up to a usable window, {options.runs} runs each, {options.orders} orders")
    for name, program in (("from source", source), ("bundle", str(bundled))):
        time_to_window([program, *args], env)  # warm the file cache first
        runs = [time_to_window([program, *args], env) for _ in range(options.runs)]
        print(
            f"  {name:12} median {statistics.median(runs):.2f} s"
            f"  (min {min(runs):.2f}, max {max(runs):.2f})"
        )
    print(f"bundle size on disk: {size_on_disk(options.bundle) / 2**20:.0f} MiB")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
