"""The admin's console: users, parties, products and settings changed in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk import WAIT_MS
from sqlalchemy import select

from app import settings
from db.models import Event, Party, Product, User
from ui.admin_console import AdminConsole
from ui.workspace import Workspace

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def console(qtbot, office, user) -> AdminConsole:
    window = AdminConsole(Workspace(office.db, user, "zh"))
    qtbot.addWidget(window)
    window.show()
    return window


def saved(qtbot, page) -> None:
    page.save_button.click()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=WAIT_MS)


@sqlite_only
def test_each_tab_shows_only_for_who_may_use_it(qtbot, office):
    assert list(console(qtbot, office, office.admin).pages) == [
        "users",
        "parties",
        "products",
        "settings",
        "channels",
        "working_hours",
    ]
    assert list(console(qtbot, office, office.sales).pages) == ["parties"]
    assert list(console(qtbot, office, office.warehouse).pages) == ["products"]


@sqlite_only
def test_an_admin_adds_a_user_with_two_roles_and_keeps_the_last_admin(qtbot, office):
    window = console(qtbot, office, office.admin)
    page = window.pages["users"]
    page.start_new()
    page.inputs["name"].setText("小王")
    page.inputs["password"].setText("pass-123")
    page.inputs["role:sales"].setChecked(True)
    page.inputs["role:service"].setChecked(True)
    saved(qtbot, page)
    with office.db.reading() as session:
        assert session.scalar(select(User.roles).where(User.name == "小王")) == {"sales", "service"}
    page.choose("admin")
    page.inputs["role:admin"].setChecked(False)
    page.inputs["role:owner"].setChecked(True)
    saved(qtbot, page)
    assert "最后一个管理员" in page.problem.text()
    with office.db.reading() as session:
        assert "admin" in session.scalar(select(User.roles).where(User.name == "admin"))
    page.choose("小王")
    page.active_button.click()
    qtbot.waitUntil(lambda: page.chosen and not page.chosen["active"], timeout=WAIT_MS)
    with office.db.reading() as session:
        assert session.scalar(select(User.active).where(User.name == "小王")) is False
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "admin-users.png"))


@sqlite_only
def test_a_party_is_found_edited_and_audited_in_the_window(qtbot, office):
    window = console(qtbot, office, office.sales)
    page = window.pages["parties"]
    page.search.setText("华东")
    assert [row["name"] for row in page.rows] == ["华东贸易有限公司"]
    page.choose("华东贸易有限公司")
    page.inputs["payment_terms"].setText("月结60天")
    page.inputs["credit_limit"].setText("abc")
    saved(qtbot, page)
    assert "不是数字" in page.problem.text()
    page.inputs["credit_limit"].setText("80000")
    saved(qtbot, page)
    with office.db.reading() as session:
        party = session.scalar(select(Party).where(Party.name == "华东贸易有限公司"))
        event = session.scalar(select(Event).where(Event.action == "change"))
    assert (party.payment_terms, str(party.credit_limit)) == ("月结60天", "80000.00")
    assert event.user_name == "sales" and event.entity == "party"


@sqlite_only
def test_a_product_gets_its_supplier_and_lead_time_in_the_window(qtbot, office):
    window = console(qtbot, office, office.warehouse)
    page = window.pages["products"]
    page.choose("A-1")
    page.inputs["unit"].setText("箱")
    page.inputs["min_stock"].setText("12")
    supplier = page.inputs["supplier"]
    supplier.setCurrentIndex(supplier.findData("东莞精工制造厂"))
    page.inputs["lead_time_days"].setText("5")
    saved(qtbot, page)
    with office.db.reading() as session:
        product = session.scalar(select(Product).where(Product.sku == "A-1"))
        assert (product.unit, product.lead_time_days, product.supplier.name) == (
            "箱",
            5,
            "东莞精工制造厂",
        )


@sqlite_only
def test_settings_are_saved_together_and_a_missing_logo_is_refused(qtbot, office, tmp_path):
    window = console(qtbot, office, office.admin)
    page = window.pages["settings"]
    assert page.discount.text() == "20"
    page.threshold.setText("80000")
    page.discount.setText("15")
    page.four_eyes.setChecked(False)
    page.logo.setText(str(tmp_path / "missing.png"))
    saved(qtbot, page)
    assert "missing.png" in page.problem.text()
    with office.db.reading() as session:  # all or none: the threshold did not change either
        assert settings.get(session, "approval_threshold") == "50000.00"
    page.logo.setText("")
    saved(qtbot, page)
    with office.db.reading() as session:
        assert settings.get(session, "approval_threshold") == "80000.00"
        assert settings.get(session, "approval_discount_percent") == "15"
        assert settings.get(session, "four_eyes_approval") == "false"
    page.discount.setText("百分之十")  # not a number: refused, named, nothing stored
    saved(qtbot, page)
    assert "百分之十" in page.problem.text()
    with office.db.reading() as session:
        assert settings.get(session, "approval_discount_percent") == "15"


@sqlite_only
def test_a_service_is_added_in_the_window(qtbot, office):
    window = console(qtbot, office, office.admin)
    page = window.pages["products"]
    page.start_new()
    for key, text in (("sku", "S-2"), ("name", "上门调试"), ("unit", "次"), ("price", "300")):
        page.inputs[key].setText(text)
    page.inputs["is_service"].setChecked(True)
    saved(qtbot, page)
    with office.db.reading() as session:
        product = session.scalar(select(Product).where(Product.sku == "S-2"))
        assert (product.is_service, product.unit, str(product.price)) == (True, "次", "300.00")
