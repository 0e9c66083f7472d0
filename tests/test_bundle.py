"""The one-folder bundle built from packaging/ordertrail.spec works on its own.

Built once for the module (about a minute), then run the way an office would: from a
user folder whose path has Chinese characters and spaces, with no Python around it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app import about

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ordertrail.spec"
UNUSED_QT = ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Multimedia", "VirtualKeyboard")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN"]
        + ["--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return work / "dist" / "OrderTrail"


@pytest.fixture
def home(tmp_path) -> Path:
    """A user's home whose path has Chinese characters and a space."""
    folder = tmp_path / "张 三"
    folder.mkdir()
    return folder


def run(bundle: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """The bundled program in a clean environment: its own folders, no Python paths."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ORDERTRAIL_", "PYTHON", "VIRTUAL_ENV"))
    }
    clean.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "数据"),
        XDG_CONFIG_HOME=str(home / "设置"),
        QT_QPA_PLATFORM="offscreen",
        **env,
    )
    return subprocess.run(
        [str(bundle / "ordertrail"), *args],
        cwd=home,
        env=clean,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_bundle_says_its_version(bundle, home):
    done = run(bundle, home, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"OrderTrail {about.version()}"


def test_the_bundle_makes_demo_data_verifies_prints_and_opens_the_window(bundle, home):
    db = home / "订单 数据" / "办公室 订单.db"
    demo = run(bundle, home, "--db", str(db), "demo", "--orders", "30")
    assert demo.returncode == 0, demo.stderr
    assert db.exists()

    verified = run(bundle, home, "--db", str(db), "--lang", "en", "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    assert "intact" in verified.stderr.lower() or "records" in verified.stderr

    number = run(
        bundle,
        home,
        "--db",
        str(db),
        "--user",
        "sales",
        "order",
        "list",
        "--kind",
        "sales",
        "--status",
        "placed",  # a draft prints nothing yet
        "--limit",
        "1",
        "--json",
        ORDERTRAIL_PASSWORD="demo",
    ).stdout
    number = json.loads(number)[0]["number"]
    pdf = home / "确认书 1.pdf"
    printed = run(
        bundle,
        home,
        "--db",
        str(db),
        "--user",
        "sales",
        "print",
        "order",
        number,
        "-o",
        str(pdf),
        ORDERTRAIL_PASSWORD="demo",
    )
    assert printed.returncode == 0, printed.stderr
    text = "".join(page.get_textpage().get_text_bounded() for page in pdfium.PdfDocument(pdf))
    assert number in text and "销售订单确认书" in text

    window = run(
        bundle,
        home,
        "--db",
        str(db),
        "--user",
        "sales",
        "--startup-check",
        ORDERTRAIL_PASSWORD="demo",
    )
    assert window.returncode == 0, window.stderr
    assert "OrderTrail window ready" in window.stderr

    log = (home / "数据" / "OrderTrail" / "logs" / "ordertrail.log").read_text(encoding="utf-8")
    assert "sales signed in" in log and "window ready" in log


def test_the_bundle_reaches_postgresql_and_logs_no_password(bundle, home, pg_server):
    # The server trusts local connections, so any password in the URL is accepted.
    url = pg_server.create().replace("postgres@", "postgres:Url-Secret-55@")
    done = run(
        bundle,
        home,
        "--debug",
        "--db",
        url,
        "init",
        "--admin",
        "boss",
        ORDERTRAIL_PASSWORD="Admin-Secret-77",
    )
    assert done.returncode == 0, done.stderr
    verified = run(bundle, home, "--debug", "--db", url, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    log = (home / "数据" / "OrderTrail" / "logs" / "ordertrail.log").read_text(encoding="utf-8")
    assert "starts init" in log and "starts audit" in log
    assert "Url-Secret-55" not in log and "Admin-Secret-77" not in log


def test_the_bundle_leaves_out_the_qt_parts_the_program_does_not_use(bundle):
    files = [path.name for path in bundle.rglob("*")]
    assert not [name for name in files if any(part in name for part in UNUSED_QT)]
    notice = bundle / "_internal" / "resources" / "THIRD-PARTY-NOTICES.txt"
    text = notice.read_text(encoding="utf-8")
    assert "WenQuanYi Micro Hei" in text and "Apache" in text
    assert "SQLAlchemy" in text and "PySide6" in text and "LGPL" in text
