"""The notification centre in the window (a toolbar button with the unread count), the tray message
for new notices, and the background sender that empties the outbox."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import lateness, notifications, outbox, settings
from app.errors import OrderTrailError
from db.engine import Database
from ui import background, dialogs
from ui.workspace import Workspace

SHOWN = 50  # the newest notices in the list
SEND_EVERY_MS = 30_000
FIRST_SEND_MS = 5_000


class NotificationBell(QToolButton):
    """ "Notifications" and the unread count; a click opens the list."""

    open_order = Signal(str)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setObjectName("notification_bell")
        self.clicked.connect(self.open_list)
        self.panel = NoticePanel(self)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.messageClicked.connect(self.open_list)
            self.tray.show()
        self.newest_seen = 0
        self.unread = 0
        self.refresh(announce=False)

    def refresh(self, announce: bool = True) -> None:
        workspace = self.workspace
        user, lang = workspace.user, workspace.lang
        self.unread, notices = workspace.read(
            lambda s: (
                notifications.unread_count(s, user),
                notifications.for_user(s, user, lang, limit=SHOWN),
            )
        )
        # Words, not a bell glyph: office desktops often lack an emoji font.
        label = self.tr("Notifications")
        self.setText(f"{label} ({self.unread})" if self.unread else label)
        self.setToolTip(self.tr("%1 unread notifications").replace("%1", str(self.unread)))
        fresh = [n for n in notices if not n.read and n.id > self.newest_seen]
        if announce and fresh and self.tray is not None:
            self.tray.showMessage(self.tr("OrderTrail"), fresh[0].text)
        self.newest_seen = max([self.newest_seen, *(n.id for n in notices)])
        self.panel.show_notices(notices)

    def open_list(self) -> None:
        self.panel.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        self.panel.move(below)
        self.panel.show()
        self.panel.raise_()

    def _act(self, service, *args) -> None:
        self.workspace.act(
            service,
            *args,
            on_done=lambda _: self.refresh(announce=False),
            on_error=lambda error: dialogs.show_error(self, error, self.workspace.lang),
        )

    def mark_read(self, notice_id: int) -> None:
        self._act(notifications.mark_read, [notice_id])

    def mark_all_read(self) -> None:
        self._act(notifications.mark_all_read)

    def choose_channels(self) -> None:
        dialog = ChannelDialog(self.workspace, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            email, choices = dialog.value()
            self._act(notifications.set_preferences, email, choices)


class NoticePanel(QFrame):
    """The list under the bell: unread in bold; a click marks read and opens the order."""

    def __init__(self, bell: NotificationBell):
        super().__init__(bell, Qt.WindowType.Popup)
        self.bell = bell
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget()
        self.list.setObjectName("notice_list")
        self.list.setWordWrap(True)
        self.list.setMinimumSize(460, 320)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.empty = QLabel(self.tr("No notifications"))
        self.read_all = QPushButton(self.tr("Mark all read"))
        self.read_all.clicked.connect(bell.mark_all_read)
        channels = QPushButton(self.tr("How I am told…"))
        channels.clicked.connect(lambda: (self.hide(), bell.choose_channels()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_all)
        buttons.addStretch(1)
        buttons.addWidget(channels)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_notices(self, notices: list[notifications.Seen]) -> None:
        self.list.clear()
        for notice in notices:
            local = notice.at.replace(tzinfo=UTC).astimezone()  # stored in UTC
            item = QListWidgetItem(f"{local:%m-%d %H:%M}  {notice.text}")
            item.setData(Qt.ItemDataRole.UserRole, (notice.id, notice.number, notice.read))
            font = item.font()
            font.setBold(not notice.read)
            item.setFont(font)
            self.list.addItem(item)
        self.empty.setVisible(not notices)
        self.read_all.setEnabled(any(not n.read for n in notices))

    def _open(self, item: QListWidgetItem) -> None:
        notice_id, number, read = item.data(Qt.ItemDataRole.UserRole)
        self.hide()
        if not read:
            self.bell.mark_read(notice_id)
        if number:
            self.bell.open_order.emit(number)


class ChannelDialog(QDialog):
    """Which kinds of notice reach me, by which channel, and my e-mail address."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("How I am told"))
        user, lang = workspace.user, workspace.lang
        chosen = workspace.read(lambda s: notifications.channels_of(s, user))
        form = QFormLayout()
        self.email = QLineEdit(user.email)
        self.email.setPlaceholderText("name@example.com")
        form.addRow(self.tr("My e-mail address"), self.email)
        grid = QGridLayout()
        pick = 1 if lang == "en" else 0
        for column, labels in enumerate(notifications.CHANNELS.values(), start=1):
            grid.addWidget(QLabel(labels[pick]), 0, column)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        for row, (kind, labels) in enumerate(notifications.KINDS.items(), start=1):
            grid.addWidget(QLabel(labels[pick]), row, 0)
            for column, channel in enumerate(notifications.CHANNELS, start=1):
                box = QCheckBox()
                box.setChecked(channel in chosen[kind])
                self.boxes[kind, channel] = box
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def value(self) -> tuple[str, dict[str, list[str]]]:
        choices: dict[str, list[str]] = {}
        for (kind, channel), box in self.boxes.items():
            if box.isChecked():
                choices.setdefault(kind, []).append(channel)
            else:
                choices.setdefault(kind, [])
        return self.email.text(), choices


class OutboxSender(QObject):
    """Sends what the outbox holds every half minute on a pool thread, never overlapping."""

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self.running = False
        self.timer = QTimer(self, interval=SEND_EVERY_MS)
        self.timer.timeout.connect(self.send)
        self.timer.start()
        QTimer.singleShot(FIRST_SEND_MS, self.send)

    def send(self) -> None:
        if self.running:
            return
        self.running = True
        database = self.database

        def escalate_and_send():
            lateness.escalate_now(database)  # late orders tell the owner once, then send
            return outbox.send_due(database, workers=outbox.SENDER_WORKERS)

        background.run(
            escalate_and_send,
            self._finished,
            self._finished,  # a failure now is retried at the next tick
        )

    def _finished(self, _result) -> None:
        self.running = False


class ChannelSettingsPage(QWidget):
    """The admin's outbound channels (saved together) and a test message on each."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in (
            ("smtp_host", self.tr("SMTP server")),
            ("smtp_port", self.tr("SMTP port")),
            ("smtp_security", self.tr("SMTP security (starttls, tls, none)")),
            ("smtp_user", self.tr("SMTP user")),
            ("smtp_password", self.tr("SMTP password")),
            ("smtp_from", self.tr("Sender address")),
            ("wecom_webhook", self.tr("WeCom group robot address")),
            ("dingtalk_webhook", self.tr("DingTalk group robot address")),
            ("dingtalk_secret", self.tr("DingTalk signing secret")),
            ("webhook_url", self.tr("Webhook address")),
            ("webhook_secret", self.tr("Webhook signing key")),
            ("message_language", self.tr("Language of the messages (zh, en)")),
        ):
            edit = QLineEdit()
            if key in settings.SECRETS:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.channel = QComboBox()
        pick = 1 if workspace.lang == "en" else 0
        for channel in outbox.SENDERS:
            self.channel.addItem(notifications.CHANNELS[channel][pick], channel)
        self.test_button = QPushButton(self.tr("Send a test message"))
        self.test_button.clicked.connect(self.send_test)
        self.save_button = QPushButton(self.tr("Save channels"))
        self.save_button.clicked.connect(self.save)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.channel)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_stored()

    def show_stored(self) -> None:
        stored = self.workspace.read(settings.all_settings)
        for key, edit in self.edits.items():
            edit.setText(stored[key])

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items()}
        self.workspace.act(
            settings.change_all,
            values,
            on_done=lambda _: (self.problem.setText(self.tr("Saved.")), self.show_stored()),
            on_error=self._failed,
        )

    def send_test(self) -> None:
        self.problem.setText(self.tr("Sending…"))
        self.workspace.act(
            outbox.send_test,
            self.channel.currentData(),
            on_done=lambda answer: self.problem.setText(
                self.tr("Test message sent: %1").replace("%1", answer)
            ),
            on_error=self._failed,
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, OrderTrailError):  # refused: said beside the form
            self.problem.setText(error.message(self.workspace.lang))
        else:
            self.problem.clear()
            dialogs.show_error(self, error, self.workspace.lang)
