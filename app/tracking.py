"""Carrier tracking: what the carrier says about a shipment, applied to it.

Statuses arrive two ways, and are applied the same way (`apply`):
- a carrier's status export, CSV or Excel, with a tracking number, a status and a time
  per row (`read_export`);
- a tracking service's query API in the style of 快递100 (`pull`): one query per
  shipment still on its way, signed with the key from the settings.

A signed-for status signs the matching shipment (orders.confirm_delivery: the order
follows once all its shipments are signed); a refused one reports the shipment refused
(shipments.refuse), a lost one reports it lost (shipments.report_lost): either way the
order is in exception until someone resolves it; anything else
(in transit, out for delivery) is noted and left. Each applied status is an audit event
naming its source. A tracking number that matches no shipment, or more than one, is
reported and never guessed; a status for a shipment already signed, refused or lost
does nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import urllib.parse
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, Shipment, User

from . import audit, orders, settings, shipments, workflow
from .errors import ValidationError
from .spreadsheets.reading import OLD_EXCEL_MAGIC, ZIP_MAGIC, ImportRejected, RowProblem

MAX_ROWS = 20_000
TIMEOUT_S = 10
SIGNED, REFUSED, LOST, MOVING = "signed", "refused", "lost", "moving"
# What carriers write, as one of the four (checked in this order).
NOT_YET = re.compile(r"未签收|未妥投|\bnot\s+(yet\s+)?(delivered|signed)\b")
LOST_WORDS = re.compile(r"丢失|遗失|丢件|\blost\b|\bmissing\b")
REFUSED_WORDS = re.compile(r"拒收|拒签|退签|退回|\brefused\b|\brejected\b|\breturned\b")
SIGNED_WORDS = re.compile(r"签收|妥投|代签|\bdelivered\b|\bsigned\b")
# 快递100's `state` codes: 3 signed, 4 returned unsigned, 6 sent back, 14 refused.
STATE_CODES = {"3": SIGNED, "4": REFUSED, "6": REFUSED, "14": REFUSED}
HEADERS = {
    "tracking_no": ("运单号", "快递单号", "物流单号", "单号", "tracking number", "tracking_no"),
    "status": ("状态", "物流状态", "签收状态", "status"),
    "time": ("时间", "签收时间", "更新时间", "time", "timestamp"),
}
# Carrier names as clerks type them, as the service's company codes.
CARRIER_CODES = {
    "顺丰": "shunfeng",
    "中通": "zhongtong",
    "圆通": "yuantong",
    "申通": "shentong",
    "韵达": "yunda",
    "京东": "jd",
    "ems": "ems",
    "邮政": "youzhengguonei",
    "德邦": "debangwuliu",
    "极兔": "jtexpress",
}
SOURCE_FILE, SOURCE_SERVICE = "file", "service"


@dataclass(frozen=True)
class CarrierStatus:
    tracking_no: str
    status: str  # as the carrier wrote it
    at: datetime | None  # when, as the carrier says (office time turned to UTC)
    meaning: str  # SIGNED, REFUSED, LOST or MOVING
    row: int = 0  # the file's row, for the report


@dataclass(frozen=True)
class Outcome:
    tracking_no: str
    status: str
    outcome: str  # signed, already_signed, refused, lost, already_refused (or lost), noted,
    # unknown, ambiguous, not_allowed_here
    shipment: str | None = None
    order: str | None = None
    row: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def meaning_of(status: str) -> str:
    word = status.strip().lower()
    if word in STATE_CODES:
        return STATE_CODES[word]
    if NOT_YET.search(word):
        return MOVING
    if LOST_WORDS.search(word):  # before the others: "签收前丢失" is a loss
        return LOST
    if REFUSED_WORDS.search(word):  # before signed: "拒签收" is a refusal
        return REFUSED
    return SIGNED if SIGNED_WORDS.search(word) else MOVING


# --- reading a carrier's export -----------------------------------------------------------


def _file_problem(zh: str, en: str) -> ImportRejected:
    return ImportRejected([RowProblem("", 0, "", zh, en)])


def _table(path: Path) -> list[list[object]]:
    """The file's rows as cells, after checking it is what its name says."""
    if not path.is_file():
        raise _file_problem(f"找不到文件 {path}。", f"There is no file {path}.")
    with path.open("rb") as file:
        head = file.read(8)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        if not head.startswith(ZIP_MAGIC):
            raise _file_problem(
                f"“{path.name}”不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件。",
                f"'{path.name}' is not an Excel workbook (.xlsx); perhaps another file renamed.",
            )
        return _excel_rows(path)
    if suffix == ".csv":
        if head.startswith((ZIP_MAGIC, OLD_EXCEL_MAGIC)) or b"\x00" in head:
            raise _file_problem(
                f"“{path.name}”不是 CSV 文本文件。", f"'{path.name}' is not a CSV text file."
            )
        return _csv_rows(path)
    raise _file_problem(
        f"“{path.name}”：承运商状态请用 CSV 或 Excel（.xlsx）文件。",
        f"'{path.name}': carrier statuses come as CSV or Excel (.xlsx) files.",
    )


def _excel_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook  # loads on first use
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        raise _file_problem(
            f"“{path.name}”无法作为 Excel 工作簿打开：{error}",
            f"'{path.name}' cannot be opened as an Excel workbook: {error}",
        ) from None
    try:
        rows = []
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _csv_rows(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese carriers' exports are often GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise _file_problem(f"“{path.name}”编码无法识别。", f"'{path.name}': unknown encoding.")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _columns(header: list[object], name: str) -> dict[str, int]:
    cells = [str(cell or "").strip().lower() for cell in header]
    found = {}
    for key, names in HEADERS.items():
        for index, cell in enumerate(cells):
            if cell in names:
                found[key] = index
                break
    missing = [HEADERS[key][0] for key in HEADERS if key not in found]
    if missing:
        raise _file_problem(
            f"“{name}”的第一行缺少列：{'、'.join(missing)}（需要运单号、状态、时间）。",
            f"The first row of '{name}' lacks the columns {', '.join(missing)} "
            "(tracking number, status, time are needed).",
        )
    return found


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")


def _time(value: object, offset: timedelta) -> datetime:
    """The carrier's local time as stored (UTC)."""
    if isinstance(value, datetime):
        return value - offset
    text = str(value or "").strip()
    for layout in _TIME_FORMATS:
        try:
            return datetime.strptime(text, layout) - offset
        except ValueError:
            continue
    raise ValueError(text)


def read_export(path: str | Path, offset: timedelta) -> list[CarrierStatus]:
    """Every row of a carrier's status export; a file with any bad row is refused whole."""
    path = Path(path)
    rows = _table(path)
    if not rows:
        raise _file_problem(f"“{path.name}”是空的。", f"'{path.name}' is empty.")
    if len(rows) > MAX_ROWS + 1:
        raise _file_problem(
            f"“{path.name}”超过 {MAX_ROWS} 行。", f"'{path.name}' has more than {MAX_ROWS} rows."
        )
    columns = _columns(rows[0], path.name)
    found, problems = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = [row[i] if i < len(row) else None for i in range(max(columns.values()) + 1)]
        if all(cell in (None, "") for cell in cells):
            continue
        tracking = str(cells[columns["tracking_no"]] or "").strip()
        status = str(cells[columns["status"]] or "").strip()
        if not tracking or not status:
            problems.append(
                RowProblem(
                    path.name,
                    number,
                    "",
                    "缺少运单号或状态。",
                    "The tracking number or status is missing.",
                )
            )
            continue
        try:
            moment = _time(cells[columns["time"]], offset)
        except ValueError as bad:
            problems.append(
                RowProblem(
                    path.name,
                    number,
                    HEADERS["time"][0],
                    f"“{bad}”不是时间（应如 2026-12-01 14:30）。",
                    f"'{bad}' is not a time (write 2026-12-01 14:30).",
                )
            )
            continue
        found.append(CarrierStatus(tracking, status, moment, meaning_of(status), number))
    if problems:
        raise ImportRejected(problems)
    return found


# --- applying statuses --------------------------------------------------------------------


def _shipments_by_tracking(session: Session, numbers: set[str]) -> dict[str, list[Shipment]]:
    found: dict[str, list[Shipment]] = {}
    for start in range(0, len(numbers), 500):
        chunk = sorted(numbers)[start : start + 500]
        for shipment in session.scalars(select(Shipment).where(Shipment.tracking_no.in_(chunk))):
            found.setdefault(shipment.tracking_no, []).append(shipment)
    return found


def apply(
    session: Session, user: User, statuses: list[CarrierStatus], source: str, name: str
) -> list[Outcome]:
    """Apply each status to the one shipment with its tracking number, oldest first."""
    statuses = sorted(statuses, key=lambda s: (s.at or datetime.min, s.row))
    shipments = _shipments_by_tracking(session, {s.tracking_no for s in statuses})
    outcomes = []
    for status in statuses:
        matches = shipments.get(status.tracking_no, [])
        if len(matches) != 1:
            outcome = "unknown" if not matches else "ambiguous"
            outcomes.append(Outcome(status.tracking_no, status.status, outcome, row=status.row))
            continue
        [shipment] = matches
        outcomes.append(_apply_one(session, user, shipment, status, source, name))
    return outcomes


def _apply_one(
    session: Session, user: User, shipment: Shipment, status: CarrierStatus, source: str, name: str
) -> Outcome:
    order = shipment.order

    def outcome(word: str) -> Outcome:
        return Outcome(
            status.tracking_no, status.status, word, shipment.number, order.number, status.row
        )

    if status.meaning == MOVING:
        return outcome("noted")
    if shipments.state_of(shipment) != shipments.IN_TRANSIT:
        return outcome("already_signed" if shipment.trouble is None else "already_refused")
    fact = "sign" if status.meaning == SIGNED else "trouble"
    spec = workflow.spec_for(session, order)
    if not workflow.may_record(spec, user, order, fact):
        if not spec.allows(order.status, fact):
            return outcome("not_allowed_here")
        workflow.require_fact(session, user, order, fact)  # raises: the user may not
    if status.meaning == SIGNED:
        orders.confirm_delivery(session, user, shipment.number)
    else:
        report = shipments.refuse if status.meaning == REFUSED else shipments.report_lost
        report(session, user, shipment.number, reason=status.status, source=source)
    audit.record_on_order(
        session,
        user.name,
        order,
        "carrier_status",
        after={
            "document": shipment.number,
            "tracking_no": status.tracking_no,
            # not "status": that key means the order's node in the audit trail
            "carrier_said": status.status,
            "carrier_time": status.at,
            "source": source,
            "from": name,
        },
    )
    return outcome(status.meaning)


def import_export(session: Session, user: User, path: str | Path) -> list[Outcome]:
    """A carrier's status export (CSV or Excel), applied."""
    statuses = read_export(path, settings.calendar(session).offset)
    return apply(session, user, statuses, SOURCE_FILE, Path(path).name)


# --- a tracking service's query API (快递100 style) -----------------------------------------


@dataclass(frozen=True)
class Service:
    url: str
    customer: str
    key: str


def service(session: Session) -> Service:
    url = settings.get(session, "tracking_url")
    if not url:
        raise ValidationError(
            "未设置查询服务：请先设置 tracking_url、tracking_customer 和 tracking_key。",
            "No tracking service is set up: set tracking_url, tracking_customer and tracking_key.",
        )
    return Service(
        url, settings.get(session, "tracking_customer"), settings.get(session, "tracking_key")
    )


def carrier_code(carrier: str) -> str:
    name = carrier.strip().lower()
    for word, code in CARRIER_CODES.items():
        if word in name:
            return code
    return re.sub(r"\s+", "", name)


def waiting(session: Session) -> list[tuple[str, str]]:
    """(carrier, tracking number) of the shipments not yet signed, at a node that signs."""
    rows = []
    for spec in workflow.all_specs(session):
        nodes = spec.nodes_allowing("sign")
        if not nodes:
            continue
        rows += session.execute(
            select(Shipment.carrier, Shipment.tracking_no)
            .join(Order, Order.id == Shipment.order_id)
            .where(
                Shipment.delivered_at.is_(None),
                Shipment.trouble.is_(None),  # refused or lost: no longer on its way
                Order.workflow_id == spec.id,
                Order.status.in_(nodes),
            )
            .order_by(Shipment.id)
        ).all()
    return list(dict.fromkeys((carrier, number) for carrier, number in rows))


def query(svc: Service, carrier: str, tracking_no: str, offset: timedelta) -> CarrierStatus | None:
    """The service's latest status of one shipment; None when it knows nothing yet."""
    import urllib.error  # with urllib.request (and ssl), read only when a service is asked
    import urllib.request

    param = json.dumps({"com": carrier_code(carrier), "num": tracking_no}, ensure_ascii=False)
    sign = hashlib.md5((param + svc.key + svc.customer).encode()).hexdigest().upper()
    body = urllib.parse.urlencode({"customer": svc.customer, "sign": sign, "param": param})
    request = urllib.request.Request(
        svc.url,
        data=body.encode(),
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    where = urllib.parse.urlsplit(svc.url).netloc
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ValidationError(
            f"查询服务 {where} 无法访问或答复不对：{error}",
            f"The tracking service {where} cannot be reached or answered wrongly: {error}",
        ) from None
    if not isinstance(answer, dict):
        raise ValidationError(
            f"查询服务 {where} 的答复不对。", f"The tracking service {where} answered wrongly."
        )
    if str(answer.get("status", "")) != "200" or not answer.get("data"):
        return None  # the service has no record of it (yet), or refused this one query
    state = str(answer.get("state", ""))
    latest = answer["data"][0]
    status_text = str(latest.get("status") or latest.get("context") or state)
    meaning = STATE_CODES.get(state) or meaning_of(status_text)
    try:
        moment = _time(latest.get("ftime") or latest.get("time"), offset)
    except ValueError:
        moment = None
    return CarrierStatus(tracking_no, f"{state} {status_text}".strip(), moment, meaning)


def ask_service(database) -> tuple[list[CarrierStatus], str]:
    """The service's answers about every shipment still on its way, and its address for
    the audit trail; asked outside any transaction. The front end then applies them as
    one unit of work (`apply` with SOURCE_SERVICE)."""
    with database.reading() as session:
        svc = service(session)
        offset = settings.calendar(session).offset
        asking = waiting(session)
    answers = [found for c, n in asking if (found := query(svc, c, n, offset)) is not None]
    return answers, urllib.parse.urlsplit(svc.url).netloc
