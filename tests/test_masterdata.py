"""Customers, suppliers and products: their details, edited under the same rules as added."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import masterdata
from app.errors import NotFound, PermissionDenied, ValidationError
from db.models import Event, Party, Product


def test_a_party_with_its_details_is_edited_and_audited(office):
    with office.db.unit_of_work() as session:
        masterdata.add_party(
            session,
            office.sales,
            "苏州客户",
            "customer",
            contact="王经理",
            phone="0512-1234",
            payment_terms="月结30天",
            tax_number="91320500MA1X",
            credit_limit="200,000.00",
        )
    with office.db.unit_of_work() as session:
        masterdata.edit_party(
            session, office.sales, "苏州客户", new_name="苏州新客户", credit_limit="", phone="110"
        )
    with office.db.reading() as session:
        party = session.scalar(select(Party).where(Party.name == "苏州新客户"))
        event = session.scalar(select(Event).where(Event.action == "change"))
    assert (party.contact, party.payment_terms, party.credit_limit) == ("王经理", "月结30天", None)
    assert event.user_name == "sales" and event.entity_ref == "苏州客户"
    assert event.before == {"name": "苏州客户", "phone": "0512-1234", "credit_limit": "200000.00"}
    assert event.after == {"name": "苏州新客户", "phone": "110", "credit_limit": None}


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"credit_limit": "-5"}, "negative"),
        ({"credit_limit": "1e30"}, "out of range"),
        ({"phone": "1" * 51}, "too long"),
        ({"new_name": "东莞精工制造厂"}, "already exists"),
        ({"new_name": "  "}, "empty"),
        ({"kind": "supplier"}, "Cannot change"),
    ],
)
def test_bad_party_changes_are_refused_and_change_nothing(office, changes, why):
    with pytest.raises(ValidationError, match=why), office.db.unit_of_work() as session:
        masterdata.edit_party(session, office.sales, "华东贸易有限公司", **changes)
    with office.db.reading() as session:
        assert session.scalar(select(Event.id).where(Event.action == "change")) is None


def test_only_the_roles_that_add_master_data_edit_it(office):
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        masterdata.edit_party(session, office.finance, "华东贸易有限公司", phone="1")
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        masterdata.edit_product(session, office.sales, "A-1", price="1")
    with pytest.raises(NotFound), office.db.unit_of_work() as session:
        masterdata.edit_product(session, office.warehouse, "NOPE", price="1")


def test_a_product_gets_unit_minimum_stock_supplier_and_lead_time(office):
    with office.db.unit_of_work() as session:
        masterdata.edit_product(
            session,
            office.warehouse,
            "A-1",
            unit="箱",
            min_stock="20",
            supplier="东莞精工制造厂",
            lead_time_days="7",
        )
    with office.db.reading() as session:
        product = session.scalar(select(Product).where(Product.sku == "A-1"))
        assert (product.unit, product.min_stock, product.lead_time_days) == ("箱", Decimal(20), 7)
        assert product.supplier.name == "东莞精工制造厂"
    for changes, why in [
        ({"supplier": "华东贸易有限公司"}, "not a supplier"),
        ({"supplier": "无名"}, "no customer or supplier"),
        ({"lead_time_days": "2.5"}, "whole days"),
        ({"unit": ""}, "empty"),
        ({"service": True}, "has stock"),
        ({"on_hand": "5"}, "Cannot change"),
    ]:
        with pytest.raises((ValidationError, NotFound), match=why), office.db.unit_of_work() as s:
            masterdata.edit_product(s, office.warehouse, "A-1", **changes)


def test_master_data_from_the_command_line(office, cli):
    code, _, err = cli(
        "party",
        "add",
        "杭州供应商",
        "--kind",
        "supplier",
        "--contact",
        "陈工",
        "--payment-terms",
        "预付",
        "--credit-limit",
        "5000",
        user="purchasing",
    )
    assert code == 0, err
    assert cli("party", "edit", "杭州供应商", "--phone", "0571-1", user="purchasing")[0] == 0
    code, out, _ = cli("party", "list", "--kind", "supplier", "--json", user="sales")
    found = {p["name"]: p for p in json.loads(out)}["杭州供应商"]
    assert (found["contact"], found["phone"], found["credit_limit"]) == (
        "陈工",
        "0571-1",
        "5000.00",
    )
    code, _, err = cli(
        "product", "edit", "A-1", "--unit", "箱", "--supplier", "杭州供应商", user="warehouse"
    )
    assert code == 0, err
    with office.db.reading() as session:
        a1 = session.scalar(select(Product).where(Product.sku == "A-1"))
        assert (a1.unit, a1.supplier.name) == ("箱", "杭州供应商")
    assert cli("product", "edit", "A-1", "--lead-time-days", "x", user="warehouse")[0] == 3


def test_a_missing_or_false_logo_file_is_refused(office, tmp_path):
    from app import settings

    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    for path, why in [(tmp_path / "none.png", "cannot be read"), (fake, "not a PNG")]:
        with pytest.raises(ValidationError, match=why), office.db.unit_of_work() as session:
            settings.change(session, office.admin, "company_logo", str(path))
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "company_logo", str(fake))
        assert settings.get(session, "company_logo") == str(fake)
