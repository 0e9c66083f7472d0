"""Start-up of the command line, beside an empty Python start measured in the same run.

A script that creates orders one at a time pays the start-up on every call, so
`ordertrail --help` and a one-row `order list` should take at most about 0.3 s.
Measured as installed, with bytecode compiled (a first, untimed run writes it even where
PYTHONDONTWRITEBYTECODE is set), on a small demo database.

    uv run python bench/cli_startup.py             # 7 runs of each, median and best
    uv run python bench/cli_startup.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 0.3


def _timed(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # bytecode
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    program = Path(sys.executable).with_name("ordertrail")
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "ORDERTRAIL_DB": str(Path(folder) / "bench.db"),
            "ORDERTRAIL_CONFIG": str(Path(folder) / "config.json"),
            "ORDERTRAIL_USER": "sales",
            "ORDERTRAIL_PASSWORD": "demo",
        }
        subprocess.run(
            [str(program), "demo", "--orders", "20"], env=env, check=True, capture_output=True
        )
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "ordertrail --help": [str(program), "--help"],
            "ordertrail order list --limit 1": [str(program), "order", "list", "--limit", "1"],
        }
        print(f"{'command':<34} {'median':>8} {'best':>8}   (target {TARGET_S:.1f} s)")
        for name, command in cases.items():
            times = _timed(command, env, args.runs)
            print(f"{name:<34} {statistics.median(times):>7.3f}s {min(times):>7.3f}s")


if __name__ == "__main__":
    main()
