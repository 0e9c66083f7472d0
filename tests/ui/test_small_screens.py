"""Every window and dialog fits a 1366×768 laptop and a 1080p screen at 150 %.

Each screen is an offscreen display of that size (Qt's offscreen platform takes a
screen description), so bench/small_screens.py runs in its own process per screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "laptop 1366x768 at 100 %": (1366, 768, 1),
    "1920x1080 at 150 %": (1280, 720, 1.5),  # Qt lays out in 1280x720 logical pixels
}
EVERY_WINDOW = {
    "main-window",
    "order-editor",
    "print-preview",
    "ship",
    "payment",
    "receive",
    "step-with-reason",
    "import-problems",
    "login",
    "first-run",
    "about",
    "unexpected-error",
    "upgrade",
}


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_with_its_title_bar_and_buttons(screen, tmp_path):
    width, height, scale = SCREENS[screen]
    description = tmp_path / "screen.json"
    description.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": scale}
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={description}"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "small_screens.py"), "--lang", "zh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["screen"] == [width, height] and report["scale"] == scale
    assert set(report["windows"]) == EVERY_WINDOW
    misfits = {name: w["size"] for name, w in report["windows"].items() if not w["fits"]}
    assert misfits == {}
    # the two that asked for more than a laptop has
    assert report["windows"]["main-window"]["size"][1] < 780
    assert report["windows"]["print-preview"]["size"][1] < 960
