"""`amend`, `supplement` and `figures` on the command line: output, JSON and exit codes."""

from __future__ import annotations

import json


def _placed(shop, *lines: str) -> str:
    code, out, _ = shop(
        "order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", *lines,
        user="sales",
    )  # fmt: skip
    assert code == 0
    number = out.strip()
    assert shop("order", "advance", number, "submitted", user="sales")[0] == 0
    return number


def test_amend_and_list(shop):
    number = _placed(shop, "A-100:10", "S-1:1")
    code, out, err = shop(
        "amend", number, "--line", "A-100:12", "--remove", "S-1", "--reason", "客户加量 😀",
        user="sales",
    )  # fmt: skip
    assert code == 0, err
    amendment = out.strip()
    assert amendment.startswith("AM-")
    code, out, _ = shop("amend", number, "--list", "--json", user="owner")
    [row] = json.loads(out)
    assert row["number"] == amendment and row["revision"] == 2
    assert row["total"] == {"before": "1480.00", "after": "1536.00"}
    assert {(c["sku"], c["qty_before"], c["qty_after"]) for c in row["lines"]} == {
        ("A-100", "10", "12"),
        ("S-1", "1", "0"),
    }
    code, out, _ = shop("amend", number, "--list", user="sales")
    assert code == 0 and amendment in out and "客户加量 😀" in out and "A-100 10→12" in out
    code, out, _ = shop("order", "show", number, "--json", user="owner")
    shown = json.loads(out)
    assert shown["revision"] == 2 and shown["total"] == "1536.00"
    assert [a["number"] for a in shown["amendments"]] == [amendment]
    code, out, _ = shop("order", "show", number, user="owner")
    assert amendment in out and "版本 2" in out
    # The warehouse sees the amendment without its prices.
    code, out, _ = shop("amend", number, "--list", "--json", user="warehouse")
    [row] = json.loads(out)
    assert "total" not in row and all("price" not in c for c in row["lines"])


def test_amend_exit_codes(shop):
    number = _placed(shop, "A-100:10")
    assert shop("ship", number, "--carrier", "顺丰", "--tracking-no", "SF1", "--line",
                "A-100:4", user="warehouse")[0] == 0  # fmt: skip
    before = shop("order", "show", number, "--json", user="owner")[1]
    code, _, err = shop("amend", number, "--line", "A-100:3", "--reason", "减", user="sales")
    assert code == 3 and "4" in err
    code, _, err = shop("amend", number, "--line", "A-100:20", user="sales")
    assert code == 3  # no reason
    code, _, _ = shop("amend", number, "--line", "A-100:12", "--reason", "加", user="warehouse")
    assert code == 4
    code, _, _ = shop("amend", number, "--line", "A-100", "--reason", "加", user="sales")
    assert code == 3
    code, _, _ = shop("amend", "SO-2026-999999", "--line", "A-100:1", "--reason", "x", user="sales")
    assert code == 3
    assert shop("amend", number, "--bogus", user="sales")[0] == 2
    assert shop("order", "show", number, "--json", user="owner")[1] == before


def test_amend_back_to_approval(shop):
    number = _placed(shop, "A-100:10")
    assert shop("setting", "set", "approval_threshold", "2000", user="admin")[0] == 0
    code, out, err = shop("amend", number, "--line", "A-100:20", "--reason", "加量", user="sales")
    assert code == 0 and "重新审批" in err
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert shown["status"] == "submitted"


def test_supplement_is_linked_and_listed(shop):
    number = _placed(shop, "A-100:10")
    code, out, err = shop(
        "supplement", number, "--line", "A-100:2", "--reason", "漏发补发", user="sales"
    )
    assert code == 0, err
    child = out.strip()
    assert child.startswith("SP-")
    parent = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert parent["children"] == [child]
    assert parent["linked"][0]["number"] == child
    code, out, _ = shop("order", "show", number, user="owner")
    assert child in out
    code, out, _ = shop("order", "list", "--kind", "supplementary", "--json", user="owner")
    [row] = json.loads(out)
    assert row["number"] == child and row["parent"] == number
    code, _, _ = shop("supplement", number, "--line", "NOPE:1", "--reason", "x", user="sales")
    assert code == 3
    code, _, _ = shop("supplement", number, "--line", "A-100:1", "--reason", "x", user="finance")
    assert code == 4


def test_figures(shop):
    number = _placed(shop, "A-100:10")  # 1 280
    assert shop("amend", number, "--line", "A-100:11", "--reason", "加一", user="sales")[0] == 0
    code, out, _ = shop("figures", "--json", user="owner")
    assert code == 0
    assert json.loads(out)["sales"] == {
        "ordered": "1280.00",
        "amended": "128.00",
        "returned": "0.00",
        "net": "1408.00",
    }
    code, out, _ = shop("figures", user="owner")
    assert "1408.00" in out and "销售" in out
    assert shop("figures", "--from", "2026-13-01", user="owner")[0] == 3
    assert shop("figures", user="warehouse")[0] == 4


def test_an_amendment_past_the_threshold_after_shipping_and_the_owners_rejection(shop):
    number = _placed(shop, "A-100:10")  # 1 280
    assert shop("ship", number, "--carrier", "顺丰", "--tracking-no", "SF1", "--line",
                "A-100:4", user="warehouse")[0] == 0  # fmt: skip
    assert shop("setting", "set", "approval_threshold", "2000", user="admin")[0] == 0
    code, out, err = shop("amend", number, "--line", "A-100:20", "--reason", "加单", user="sales")
    assert code == 0, err
    amendment = out.strip()
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert (shown["status"], shown["revision"], shown["total"]) == ("submitted", 2, "2560.00")
    code, _, err = shop("--lang", "en", "ship", number, "--carrier", "顺丰", "--tracking-no",
                        "SF2", user="warehouse")  # fmt: skip
    assert code == 3 and "cannot ship goods" in err
    assert shop("order", "advance", number, "draft", user="owner")[0] == 3  # no comment
    code, out, err = shop("order", "advance", number, "draft", "--comment", "不批", user="owner")
    assert code == 0, err
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert (shown["status"], shown["revision"], shown["total"]) == ("placed", 1, "1280.00")
    [row] = json.loads(shop("amend", number, "--list", "--json", user="owner")[1])
    assert (row["number"], row["rejected"]) == (amendment, True)
    code, out, _ = shop("--lang", "en", "amend", number, "--list", user="owner")
    assert code == 0 and "加单 (rejected, undone)" in out
