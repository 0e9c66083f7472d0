"""What the program says about itself: its version and the licences of what it ships.

The version is written once, in pyproject.toml; the installed package's metadata
carries it here (the bundle keeps that metadata). The third-party notice is made
from the installed packages' own metadata and licence files: the build writes it
into the bundle, where that metadata is gone, and a run from source makes it afresh.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resources import CJK_FONT, RESOURCES

if TYPE_CHECKING:
    from importlib import metadata

DISTRIBUTION = "ordertrail"
NOTICE_FILE = RESOURCES / "THIRD-PARTY-NOTICES.txt"
FONT_LICENCE = CJK_FONT.parent / "wqy-microhei-LICENSE.txt"
SYMBOL_FONT_LICENCE = CJK_FONT.parent / "symbola-LICENSE.txt"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?[^;]*(?:;(.*))?$")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
RULE = "-" * 78


def version() -> str:
    # importlib.metadata is read only when asked: importing it costs every command's start.
    from importlib import metadata

    return metadata.version(DISTRIBUTION)


def _required(distribution: metadata.Distribution, extras: set[str]) -> list[tuple[str, set]]:
    """The packages `distribution` needs with these extras (those not installed are not
    needed on this platform: their markers exclude it)."""
    needed = []
    for requirement in distribution.requires or []:
        match = _REQUIREMENT.match(requirement)
        if not match:
            continue
        name, wanted, marker = match.group(1), match.group(2) or "", match.group(3) or ""
        extra = _EXTRA.search(marker)
        if extra and extra.group(1) not in extras:
            continue
        needed.append((name, {e.strip() for e in wanted.split(",") if e.strip()}))
    return needed


def bundled_distributions() -> list[metadata.Distribution]:
    """Every package the program runs on, found by walking its requirements."""
    from importlib import metadata

    seen: dict[str, metadata.Distribution] = {}
    todo = _required(metadata.distribution(DISTRIBUTION), set())
    while todo:
        name, extras = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = distribution
        todo.extend(_required(distribution, extras))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _licence(distribution: metadata.Distribution) -> tuple[str, str]:
    """The licence's name and its text from the package's own files."""
    info = distribution.metadata
    name = info.get("License-Expression") or (info.get("License") or "").partition("\n")[0]
    if not name:
        classifiers = [c for c in info.get_all("Classifier") or [] if c.startswith("License ::")]
        name = ", ".join(c.split(" :: ")[-1] for c in classifiers)
    texts = [
        Path(distribution.locate_file(file)).read_text(encoding="utf-8", errors="replace").strip()
        for file in distribution.files or []
        if file.name.upper().startswith(("LICEN", "COPYING")) and ".dist-info" in str(file)
    ]
    return name or "see the project", "\n\n".join(texts)


def _python_licence() -> Path:
    # Windows keeps it beside python.exe, POSIX in the standard library's folder.
    beside = Path(sys.base_prefix, "LICENSE.txt")
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return beside if beside.exists() else Path(sys.base_prefix, "lib", minor, "LICENSE.txt")


def make_notices() -> str:
    """The notice text: the bundled font, Python, and every bundled package with its licence."""
    parts = [
        f"OrderTrail {version()}: third-party software shipped with this program",
        RULE,
        "WenQuanYi Micro Hei 文泉驿微米黑 (the font of the window and the printed documents)\n"
        "Licence: Apache-2.0 or GPL-3+ with font exception\n\n"
        + FONT_LICENCE.read_text(encoding="utf-8").strip(),
        RULE,
        "Symbola (emoji and symbols in the printed documents)\nLicence: free for any use\n\n"
        + SYMBOL_FONT_LICENCE.read_text(encoding="utf-8").strip(),
    ]
    python_licence = _python_licence()
    parts += [
        RULE,
        f"Python {sys.version.split()[0]}\nLicence: PSF-2.0\n\n"
        + (python_licence.read_text(encoding="utf-8") if python_licence.exists() else ""),
    ]
    for distribution in bundled_distributions():
        name, text = _licence(distribution)
        homepage = distribution.metadata.get("Home-page") or ""
        parts += [
            RULE,
            f"{distribution.metadata['Name']} {distribution.version}\nLicence: {name}"
            + (f"\n{homepage}" if homepage else "")
            + (f"\n\n{text}" if text else ""),
        ]
    return "\n\n".join(part.strip() for part in parts) + "\n"


def third_party_notices() -> str:
    """The notice shipped in the bundle, or (running from source) made now."""
    if NOTICE_FILE.exists():
        return NOTICE_FILE.read_text(encoding="utf-8")
    return make_notices()
