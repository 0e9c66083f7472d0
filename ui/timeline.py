"""The timeline panel: the order's audit events, newest first, in plain words."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from app import timeline
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

    def show_events(self, detail: dict | None) -> None:
        self.clear()
        if detail is None:
            return
        lang, sees_prices = self.workspace.lang, self.workspace.sees_prices
        for event in reversed(detail["events"]):
            note = timeline.note(event, detail["kind"], lang, sees_prices)
            move = timeline.move(event, detail["node_labels"])
            item = QTreeWidgetItem([local_time(event["at"]), event["user"], move, note])
            item.setToolTip(NOTE, note)
            if event["to"]:
                item.setForeground(MOVE, QColor(detail["node_colors"][event["to"]]))
            if event["details"].get("trigger") == "auto":
                item.setForeground(WHO, QColor("#8c8c8c"))
                item.setToolTip(WHO, self.tr("Taken automatically when its condition held"))
            self.addTopLevelItem(item)
