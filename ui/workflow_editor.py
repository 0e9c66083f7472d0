"""The workflow editor (admin): the nodes as a diagram, a node's names, owner, time limit,
colour, facts and documents, inserting and removing nodes, and a preview of the problems
and of the difference from the active version before it is stored as a new one."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import kinds, printing, workflow_edit
from app.errors import ValidationError
from app.roles import ROLES, role_label
from app.workflow import FACT_NAMES, WorkflowSpec, active_workflow
from app.workflow_defaults import DOCUMENTS, FACTS
from app.workflow_versions import MAX_LIMIT_HOURS, difference, problems, store_version, versions
from ui import dialogs
from ui.formats import local_time
from ui.workspace import Workspace

BOX_WIDTH, BOX_HEIGHT, GAP, LANE = 190, 40, 15, 13
CODE_ROLE = 0  # the graphics item data key holding a node's code
PROBLEM_COLOR = "#cf1322"


def _text(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


def _name(node: dict, lang: str) -> str:
    return node["label"]["en" if lang == "en" else "zh"]


def shown_order(definition: dict) -> list[str]:
    """Nodes top to bottom: the workflow's order, the terminal nodes last."""
    nodes = definition["nodes"]
    return [c for c in nodes if not nodes[c]["terminal"]] + [
        c for c in nodes if nodes[c]["terminal"]
    ]


class WorkflowDiagram(QGraphicsView):
    """Boxes in order with their label, owner and time limit; arrows for the forward steps
    (dashed when automatic); terminal nodes as outlined pills. A click selects a node."""

    node_clicked = Signal(str)

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor("#fafafa"))

    def show_workflow(self, definition: dict, selected: str | None) -> None:
        scene = self.scene()
        scene.clear()
        order = shown_order(definition)
        top = {code: i * (BOX_HEIGHT + GAP) for i, code in enumerate(order)}
        self._draw_steps(definition, order, top)
        for code in order:
            self._draw_node(code, definition["nodes"][code], top[code], code == selected)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))

    def _draw_node(self, code: str, node: dict, y: float, selected: bool) -> None:
        color = QColor(node["color"])
        terminal = node["terminal"]
        rect = QRectF(0, y, BOX_WIDTH, BOX_HEIGHT)
        path = QPainterPath()
        radius = BOX_HEIGHT / 2 if terminal else 6
        path.addRoundedRect(rect, radius, radius)
        pen = QPen(QColor("#262626") if selected else color, 3 if selected else 1.5)
        if terminal:
            pen.setStyle(Qt.PenStyle.DashLine)
        box = self.scene().addPath(path, pen, QBrush(QColor("white") if terminal else color))
        box.setData(CODE_ROLE, code)
        box.setToolTip(code)
        ink = color if terminal else QColor("white")
        name = QGraphicsSimpleTextItem(_name(node, self.lang), box)
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        name.setBrush(ink)
        if terminal:
            detail = self.tr("end")
        else:
            owner = role_label(node["owner"], self.lang) if node["owner"] else "?"
            limit = node["limit_hours"]
            hours = self.tr("%1 h").replace("%1", str(limit)) if limit else self.tr("no limit")
            detail = f"{owner} · {hours}"
        note = QGraphicsSimpleTextItem(detail, box)
        note.setBrush(ink)
        for item, line in ((name, 0), (note, 1)):
            width = item.boundingRect().width()
            item.setPos((BOX_WIDTH - width) / 2, y + 3 + line * 17)

    def _draw_steps(self, definition: dict, order: list[str], top: dict[str, float]) -> None:
        pairs: dict[tuple[str, str], bool] = {}  # (from, to) -> whether a person takes it
        for t in definition["transitions"]:
            if not t["forward"]:
                continue
            for source in t["from"]:
                if source in top and t["to"] in top:
                    pairs[(source, t["to"])] = pairs.get((source, t["to"]), False) or (
                        t["trigger"] != "auto"
                    )
        lanes: dict[bool, int] = {True: 0, False: 0}  # bends on the right (down) or left (up)
        for (source, target), manual in sorted(
            pairs.items(), key=lambda p: abs(order.index(p[0][1]) - order.index(p[0][0]))
        ):
            pen = QPen(QColor("#595959"), 1.3)
            if not manual:
                pen.setStyle(Qt.PenStyle.DashLine)
            down = top[target] > top[source]
            path = QPainterPath()
            if down and order.index(target) == order.index(source) + 1:
                start = QPointF(BOX_WIDTH / 2, top[source] + BOX_HEIGHT)
                end = QPointF(BOX_WIDTH / 2, top[target])
                path.moveTo(start)
                path.lineTo(end)
                tip, back = end, QPointF(0, -1)
            else:
                lanes[down] += 1
                side = BOX_WIDTH if down else 0
                out = (1 if down else -1) * LANE * lanes[down]
                start = QPointF(side, top[source] + BOX_HEIGHT / 2 + (4 if down else -4))
                end = QPointF(side, top[target] + BOX_HEIGHT / 2 + (-4 if down else 4))
                path.moveTo(start)
                path.lineTo(side + out, start.y())
                path.lineTo(side + out, end.y())
                path.lineTo(end)
                tip, back = end, QPointF(1 if down else -1, 0)
            self.scene().addPath(path, pen)
            self._arrow_head(tip, back)

    def _arrow_head(self, tip: QPointF, back: QPointF) -> None:
        across = QPointF(-back.y(), back.x())
        head = QPolygonF([tip, tip + back * 7 + across * 4, tip + back * 7 - across * 4])
        self.scene().addPolygon(head, QPen(QColor("#595959")), QBrush(QColor("#595959")))

    def mousePressEvent(self, event) -> None:
        for item in self.items(event.position().toPoint()):
            while item is not None and item.data(CODE_ROLE) is None:
                item = item.parentItem()
            if item is not None:
                self.node_clicked.emit(item.data(CODE_ROLE))
                return
        super().mousePressEvent(event)


def _owner_box(lang: str) -> QComboBox:
    box = QComboBox()
    for role in ROLES:
        box.addItem(role_label(role, lang), role)
    return box


class InsertNodeDialog(QDialog):
    """Asks for a new manual node to follow the selected one; `definition` holds the
    workflow with it once accepted."""

    def __init__(self, definition: dict, after: str, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert a node"))
        self.lang, self.after, self.base = lang, after, definition
        self.definition: dict | None = None
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. inspected (letters, digits, _)"))
        self.name_zh, self.name_en = QLineEdit(), QLineEdit()
        self.owner = _owner_box(lang)
        self.owner.setCurrentIndex(max(0, self.owner.findData(definition["nodes"][after]["owner"])))
        self.limit = _limit_box()
        self.step_zh, self.step_en = QLineEdit(), QLineEdit()
        self.step_zh.setPlaceholderText(self.tr("the button, e.g. 质检通过"))
        self.step_en.setPlaceholderText(self.tr("the button, e.g. Passed inspection"))
        self.before = QComboBox()
        for code in workflow_edit.successors(definition, after):
            self.before.addItem(_name(definition["nodes"][code], lang), code)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOR};")
        form = QFormLayout()
        label = _name(definition["nodes"][after], lang)
        form.addRow(self.tr("After"), QLabel(label))
        form.addRow(self.tr("Before"), self.before)
        _add_node_rows(form, self.code, self.name_zh, self.name_en, self.owner, self.limit)
        form.addRow(self.tr("Step (Chinese)"), self.step_zh)
        form.addRow(self.tr("Step (English)"), self.step_en)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def accept(self) -> None:
        try:
            self.definition = workflow_edit.insert_node(
                self.base,
                self.after,
                self.before.currentData(),
                self.code.text().strip(),
                label={"zh": self.name_zh.text(), "en": self.name_en.text()},
                owner=self.owner.currentData(),
                limit_hours=self.limit.value() or None,
                step_label={
                    "zh": self.step_zh.text() or self.name_zh.text(),
                    "en": self.step_en.text() or self.name_en.text(),
                },
            )
        except ValidationError as error:
            self.problem.setText(error.message(self.lang))
            return
        super().accept()


def _add_node_rows(form: QFormLayout, *fields: QWidget) -> None:
    """The rows every node has, in the node form and in the insert dialog."""
    labels = (
        QApplication.translate("WorkflowEditor", "Code"),
        QApplication.translate("WorkflowEditor", "Name (Chinese)"),
        QApplication.translate("WorkflowEditor", "Name (English)"),
        QApplication.translate("WorkflowEditor", "Owner"),
        QApplication.translate("WorkflowEditor", "Time limit"),
    )
    for label, field in zip(labels, fields, strict=True):
        form.addRow(label, field)


def _limit_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_LIMIT_HOURS)
    box.setSpecialValueText(QApplication.translate("WorkflowEditor", "no limit"))
    box.setSuffix(QApplication.translate("WorkflowEditor", " h"))
    return box


class WorkflowEditor(QDialog):
    """Edits a copy of the active version; Save stores it as the next version."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang = workspace.lang
        self.setWindowTitle(self.tr("Workflows"))
        self.kind = ""
        self.active: WorkflowSpec | None = None
        self.definition: dict = {}
        self.selected: str | None = None
        self._filling = False

        self.kind_box = QComboBox()
        for code in dict.fromkeys(k.workflow for k in kinds.KINDS.values()):
            self.kind_box.addItem(
                kinds.KINDS[code].label(lang) if code in kinds.KINDS else code, code
            )
        self.diagram = WorkflowDiagram(lang)
        self.diagram.setFixedWidth(BOX_WIDTH + 6 * LANE + 40)
        self.diagram.node_clicked.connect(self.select)

        self.code = QLabel()
        self.name_zh, self.name_en = QLineEdit(), QLineEdit()
        self.owner = _owner_box(lang)
        self.owner.insertItem(0, self.tr("(none: terminal)"), None)
        self.limit = _limit_box()
        self.color = QPushButton()
        self.color.clicked.connect(self.choose_color)
        self.allows = {fact: QCheckBox(_text(lang, FACT_NAMES[fact])) for fact in FACTS}
        self.prints = {doc: QCheckBox(doc) for doc in DOCUMENTS}
        self.insert_button = QPushButton(self.tr("Insert a node after this one…"))
        self.insert_button.clicked.connect(self.insert_after)
        self.remove_button = QPushButton(self.tr("Remove this node"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.name_zh.textChanged.connect(self._renamed)
        self.name_en.textChanged.connect(self._renamed)
        self.owner.currentIndexChanged.connect(
            lambda: self._edit(workflow_edit.set_owner, self.owner.currentData())
        )
        self.limit.valueChanged.connect(
            lambda value: self._edit(workflow_edit.set_limit, value or None)
        )
        for boxes, change in (
            (self.allows, workflow_edit.set_allows),
            (self.prints, workflow_edit.set_prints),
        ):
            for box in boxes.values():
                box.toggled.connect(
                    lambda _on, b=boxes, c=change: self._edit(
                        c, [k for k, x in b.items() if x.isChecked()]
                    )
                )

        node_form = QFormLayout()
        _add_node_rows(node_form, self.code, self.name_zh, self.name_en, self.owner, self.limit)
        node_form.addRow(self.tr("Colour"), self.color)
        node_form.addRow(self.tr("May record"), _column(self.allows.values()))
        node_form.addRow(self.tr("May print"), _column(self.prints.values()))
        node_group = QGroupBox(self.tr("Node"))
        node_layout = QVBoxLayout(node_group)
        node_layout.addLayout(node_form)
        node_layout.addWidget(self.insert_button)
        node_layout.addWidget(self.remove_button)
        node_layout.addStretch()

        self.problem_list = QListWidget()
        self.difference_list = QListWidget()
        for listing in (self.problem_list, self.difference_list):
            listing.setWordWrap(True)
        self.difference_title = QLabel()
        preview_group = QGroupBox(self.tr("Preview"))
        preview = QVBoxLayout(preview_group)
        preview.addWidget(QLabel(self.tr("Problems")))
        preview.addWidget(self.problem_list, 1)
        preview.addWidget(self.difference_title)
        preview.addWidget(self.difference_list, 2)
        self.version_table = QTableWidget(0, 4)
        self.version_table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Stored"), self.tr("Nodes"), self.tr("Orders")]
        )
        self.version_table.verticalHeader().hide()
        self.version_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.version_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.version_table.horizontalHeader().setStretchLastSection(True)
        versions_group = QGroupBox(self.tr("Versions"))
        QVBoxLayout(versions_group).addWidget(self.version_table)
        right = QVBoxLayout()
        right.addWidget(preview_group, 3)
        right.addWidget(versions_group, 2)

        self.status = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save as a new version"))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Workflow")))
        top.addWidget(self.kind_box)
        top.addWidget(
            QLabel(self.tr("Click a node to edit it. Dashed arrows are automatic steps.")), 1
        )
        middle = QHBoxLayout()
        middle.addWidget(self.diagram)
        middle.addWidget(node_group, 3)
        middle.addLayout(right, 4)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.resize(1300, 680)

        self.kind_box.currentIndexChanged.connect(lambda: self.load(self.kind_box.currentData()))
        self.load(self.kind_box.currentData())

    # --- what is shown --------------------------------------------------------------------

    def load(self, kind: str) -> None:
        """Start from the active version of `kind`, dropping unsaved edits (after asking)."""
        if self.kind and kind != self.kind and self.edited() and not self._may_discard():
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(self.kind_box.findData(self.kind))
            self.kind_box.blockSignals(False)
            return
        self.kind = kind
        self.active = self.workspace.read(lambda s: active_workflow(s, kind))
        self.definition = copy.deepcopy(self.active.definition)
        for document, box in self.prints.items():
            box.setText(printing.document_name(document, kind, self.lang))
        self._show_versions()
        self.select(self.definition["initial"])

    def edited(self) -> bool:
        return self.active is not None and self.definition != self.active.definition

    def _may_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Workflows"), self.tr("Discard the changes not saved yet?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def select(self, code: str) -> None:
        self.selected = code
        node = self.definition["nodes"][code]
        self._filling = True
        self.code.setText(code)
        self.name_zh.setText(node["label"]["zh"])
        self.name_en.setText(node["label"]["en"])
        self.owner.setCurrentIndex(self.owner.findData(node["owner"]))
        self.limit.setValue(node["limit_hours"] or 0)
        for boxes, chosen in ((self.allows, node["allows"]), (self.prints, node["prints"])):
            for key, box in boxes.items():
                box.setChecked(key in chosen)
        self._filling = False
        fixed = code in {self.definition[k] for k in ("initial", "fulfilled", "void")}
        self.remove_button.setEnabled(not fixed)
        self.remove_button.setToolTip(
            self.tr("The start, the fulfilled node and the cancelled node stay.") if fixed else ""
        )
        self.insert_button.setEnabled(bool(workflow_edit.successors(self.definition, code)))
        self._refresh()

    def _refresh(self) -> None:
        node = self.definition["nodes"][self.selected]
        self.color.setText(node["color"])
        self.color.setStyleSheet(
            f"background: {QColor(node['color']).name()}; color: white; padding: 3px 10px;"
        )
        self.diagram.show_workflow(self.definition, self.selected)
        found = problems(self.kind, self.definition)
        changes = difference(self.active.definition, self.definition) if not found else []
        self.problem_list.clear()
        for problem in found:
            item = QListWidgetItem(_text(self.lang, problem))
            item.setForeground(QColor(PROBLEM_COLOR))
            self.problem_list.addItem(item)
        if not found:
            self.problem_list.addItem(self.tr("None: this workflow may be stored."))
        self.difference_title.setText(
            self.tr("Changes from the active version v%1").replace("%1", str(self.active.version))
        )
        self.difference_list.clear()
        self.difference_list.addItems([_text(self.lang, line) for line in changes])
        self.save_button.setEnabled(not found and bool(changes))

    def _show_versions(self) -> None:
        rows = self.workspace.read(lambda s: versions(s, self.kind))
        self.version_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            mark = self.tr("v%1 (active)") if row["active"] else self.tr("v%1")
            cells = [
                mark.replace("%1", str(row["version"])),
                local_time(row["created_at"]),
                str(row["nodes"]),
                str(row["orders"]),
            ]
            for column, text in enumerate(cells):
                self.version_table.setItem(i, column, QTableWidgetItem(text))

    # --- edits ----------------------------------------------------------------------------

    def _edit(self, change: Callable[..., dict], *values) -> None:
        if self._filling or self.selected is None:
            return
        self.definition = change(self.definition, self.selected, *values)
        self._refresh()

    def _renamed(self) -> None:
        self._edit(workflow_edit.rename_node, self.name_zh.text(), self.name_en.text())

    def choose_color(self) -> None:
        current = QColor(self.definition["nodes"][self.selected]["color"])
        chosen = QColorDialog.getColor(current, self, self.tr("Colour of the node"))
        if chosen.isValid():
            self._edit(workflow_edit.set_color, chosen.name())

    def insert_after(self) -> None:
        dialog = InsertNodeDialog(self.definition, self.selected, self.lang, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            added = next(c for c in dialog.definition["nodes"] if c not in self.definition["nodes"])
            self.definition = dialog.definition
            self.select(added)

    def remove_selected(self) -> None:
        waiting = self.workspace.read(lambda s: workflow_edit.open_orders_at(s, self.kind))
        shown = shown_order(self.definition)
        try:
            self.definition = workflow_edit.remove_node(self.definition, self.selected, waiting)
        except ValidationError as error:
            dialogs.show_error(self, error, self.lang)
            return
        self.select(shown[max(0, shown.index(self.selected) - 1)])

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.workspace.act(
            store_version,
            self.kind,
            copy.deepcopy(self.definition),
            on_done=self._saved,
            on_error=self._not_saved,
        )

    def _saved(self, spec: WorkflowSpec) -> None:
        self.active = spec
        self.definition = copy.deepcopy(spec.definition)
        self.status.setText(
            self.tr("Stored as version %1: new orders start on it.").replace(
                "%1", str(spec.version)
            )
        )
        self._show_versions()
        self.select(self.selected if self.selected in self.definition["nodes"] else spec.initial)

    def _not_saved(self, error: Exception) -> None:
        self.status.setText("")
        dialogs.show_error(self, error, self.lang)
        self._refresh()

    def reject(self) -> None:  # Close, Escape and the window's close button
        if self.edited() and not self._may_discard():
            return
        super().reject()


def _column(boxes) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for box in boxes:
        layout.addWidget(box)
    return holder


def open_editor(parent: QWidget, workspace: Workspace) -> WorkflowEditor:
    """The window's one editor, opened beside it (not modal: orders stay at hand)."""
    editor = parent.findChild(WorkflowEditor)
    if editor is None:
        editor = WorkflowEditor(workspace, parent)
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor
