"""The timeline panel: the order's audit events, newest first, in plain words."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from app import printing
from ui.formats import local_time
from ui.workspace import Workspace

WHEN, WHO, MOVE, NOTE = range(4)


class Timeline(QTreeWidget):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("From → to"), self.tr("Comment and details")]
        )
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def action_label(self, action: str) -> str:
        return {
            "create": self.tr("Created"),
            "edit": self.tr("Edited draft"),
            "transition": "",
            "ship": self.tr("Shipped"),
            "signed": self.tr("Signed for"),
            "receive": self.tr("Received goods"),
            "payment": self.tr("Payment"),
            "refund": self.tr("Refund"),
            "print": self.tr("Printed"),
            "escalated": self.tr("Late past twice its limit: owner told"),
            "carrier_status": self.tr("Carrier status"),
            "backorder_filled": self.tr("Backorder filled"),
            "amend": self.tr("Amended"),
            "amend_rejected": self.tr("Amendment rejected"),
            "supplement": self.tr("Supplementary order"),
            "shipment_refused": self.tr("Shipment refused"),
            "shipment_lost": self.tr("Shipment lost"),
            "exception_resolved": self.tr("Exception resolved"),
            "return": self.tr("Return"),
            "exchange": self.tr("Exchange"),
        }.get(action, action)

    def what(self, event: dict, order_kind: str) -> str:
        details = event["details"] or {}
        if event["action"] in ("ship", "receive", "backorder_filled"):
            parts = [details.get("document", "")]
            if details.get("carrier"):
                parts.append(f"{details['carrier']} {details.get('tracking_no', '')}")
            parts += [f"{sku}×{qty}" for sku, qty in details.get("lines", [])]
            return " ".join(part for part in parts if part)
        if event["action"] in ("amend", "amend_rejected"):
            changes = [
                f"{c['sku']} {c['qty_before']}→{c['qty_after']}" for c in details.get("diff", [])
            ]
            revision = self.tr("revision %1").replace("%1", str(details.get("revision", "")))
            return " ".join([details.get("document", ""), revision, *changes])
        if event["action"] == "supplement":
            return details.get("document", "")
        if event["action"] in ("shipment_refused", "shipment_lost"):
            return f"{details.get('document', '')} {details.get('reason', '')}".strip()
        if event["action"] in ("return", "exchange", "exception_resolved"):
            made = details.get("made") or [details.get("document"), details.get("replacement")]
            return " ".join(filter(None, made))
        if event["action"] == "print":
            return " ".join(
                filter(
                    None,
                    [
                        printing.document_name(
                            details.get("document", ""), order_kind, self.workspace.lang
                        ),
                        details.get("shipment", ""),
                    ],
                )
            )
        if event["action"] == "carrier_status":
            if details.get("source") == "service":
                source = self.tr("from the tracking service")
            else:
                source = self.tr("from %1").replace("%1", details.get("from", ""))
            return " ".join(
                p
                for p in (details.get("tracking_no", ""), details.get("carrier_said", ""), source)
                if p
            )
        if event["action"] in ("payment", "refund") and self.workspace.sees_prices:
            return f"{details.get('amount', '')} {details.get('method', '')}".strip()
        return ""

    def show_events(self, detail: dict | None) -> None:
        self.clear()
        if detail is None:
            return
        labels = detail["node_labels"]
        for event in reversed(detail["events"]):
            move = ""
            if event["to"]:
                move = (
                    f"{labels.get(event['from'], event['from'])} → "
                    f"{labels.get(event['to'], event['to'])}"
                )
            what = " ".join(
                filter(None, [self.action_label(event["action"]), self.what(event, detail["kind"])])
            )
            # Why (the person's comment) first, then what was recorded.
            note = " · ".join(filter(None, [event["comment"], what]))
            item = QTreeWidgetItem([local_time(event["at"]), event["user"], move, note])
            item.setToolTip(NOTE, note)
            if event["to"]:
                item.setForeground(MOVE, QColor(detail["node_colors"][event["to"]]))
            if event["details"].get("trigger") == "auto":
                item.setForeground(WHO, QColor("#8c8c8c"))
                item.setToolTip(WHO, self.tr("Taken automatically when its condition held"))
            self.addTopLevelItem(item)
