"""The window's language and font: Qt translation catalogues and the bundled CJK font."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import CJK_FONT, RESOURCES

TRANSLATIONS = RESOURCES / "translations"
CATALOGUE = {"zh": "ordertrail_zh_CN.qm", "en": "ordertrail_en.qm"}

_installed: list[QTranslator] = []


def use_bundled_font(app: QApplication) -> None:
    """Chinese must never render as boxes, whatever fonts the desktop has."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(app.font())
        font.setFamilies([families[0]])
        app.setFont(font)


def install(app: QApplication, lang: str) -> None:
    """Load the program's catalogue and Qt's own (standard buttons) for `lang`."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / CATALOGUE[lang])):
        _installed.append(ours)
    if lang == "zh":
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
    )
