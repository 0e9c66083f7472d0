"""Chinese by default, English on request, from the catalogues shipped in resources/."""

from __future__ import annotations

import pytest
from desk import open_desk
from PySide6.QtGui import QFontDatabase

from ui import i18n


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_window_speaks_chinese_or_english(qtbot, qapp, office):
    i18n.install(qapp, "zh")
    i18n.use_bundled_font(qapp)
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    chinese = open_desk(qtbot, office.db, office.sales, "zh")
    assert chinese.nav.item(0).text().startswith("待我处理")
    assert chinese.new_action.text() == "新建订单"
    assert chinese.model.headerData(0, chinese.list.horizontalHeader().orientation()) == "单号"
    assert chinese.user_label.text().startswith("sales（销售）")
    i18n.install(qapp, "en")
    english = open_desk(qtbot, office.db, office.sales, "en")
    assert english.nav.item(0).text().startswith("My work")
    assert english.user_label.text().startswith("sales (Sales)")
