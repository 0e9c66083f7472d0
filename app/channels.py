"""The outbound channels: e-mail, WeCom and DingTalk group robots, plain JSON webhooks.

Each sends one message in its receiver's own format and returns what the receiver
answered, or raises DeliveryFailed. Addresses and secrets come from the settings.
Receivers that accept one get the message's key as an idempotency key (the e-mail's
Message-ID, the webhook's Idempotency-Key header), so a repeat after a crash between
sending and recording can be recognised; the group robots have no such field.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import smtplib
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage

TIMEOUT_S = 10
SIGNATURE_HEADER = "X-OrderTrail-Signature"  # "sha256=" + hex HMAC of the body


class DeliveryFailed(Exception):
    """The receiver could not be reached or refused the message (worth trying again)."""


class NotConfigured(DeliveryFailed):
    pass


@dataclass(frozen=True)
class Message:
    key: str
    subject: str
    body: str
    recipient: str = ""  # the e-mail address; the robots and webhooks have one address each
    kind: str = ""
    number: str | None = None


def _needs(config: dict[str, str], *keys: str) -> None:
    missing = [key for key in keys if not config.get(key)]
    if missing:
        raise NotConfigured(f"not set up: {', '.join(missing)}")


def send_email(config: dict[str, str], message: Message, tls: ssl.SSLContext | None) -> str:
    _needs(config, "smtp_host", "smtp_from")
    if not message.recipient:
        raise NotConfigured("no e-mail address")
    mail = EmailMessage()
    mail["From"] = config["smtp_from"]
    mail["To"] = message.recipient
    mail["Subject"] = message.subject
    mail["Message-ID"] = f"<{message.key}@ordertrail>"
    mail.set_content(message.body)
    host, port = config["smtp_host"], int(config.get("smtp_port") or 587)
    tls = tls or ssl.create_default_context()
    try:
        if config.get("smtp_security") == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_S, context=tls)
        else:
            client = smtplib.SMTP(host, port, timeout=TIMEOUT_S)
        with client:
            if config.get("smtp_security", "starttls") == "starttls":
                client.starttls(context=tls)
            if config.get("smtp_user"):
                client.login(config["smtp_user"], config.get("smtp_password", ""))
            refused = client.send_message(mail)
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryFailed(f"SMTP {host}:{port}: {error}") from error
    if refused:
        raise DeliveryFailed(f"refused: {refused}")
    return f"SMTP {host}:{port} accepted"


def _json_body(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def _post_json(url: str, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise DeliveryFailed(f"HTTP {error.code} from {_where(url)}") from error
    except (OSError, ValueError) as error:
        raise DeliveryFailed(f"{_where(url)}: {error}") from error


def _where(url: str) -> str:
    """The address without its query, which holds the robot's key."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _robot_answer(url: str, answer: bytes) -> str:
    """WeCom and DingTalk answer 200 with {"errcode": 0} on success, another code on refusal."""
    try:
        reply = json.loads(answer)
        code = reply["errcode"]
    except (ValueError, KeyError, TypeError) as error:
        raise DeliveryFailed(f"{_where(url)} answered {answer[:200]!r}") from error
    if code != 0:
        raise DeliveryFailed(f"{_where(url)} refused: errcode {code} {reply.get('errmsg', '')}")
    return f"{_where(url)}: ok"


def _robot_text(message: Message) -> dict:
    return {"msgtype": "text", "text": {"content": f"{message.subject}\n{message.body}"}}


def send_wecom(config: dict[str, str], message: Message, tls=None) -> str:
    _needs(config, "wecom_webhook")
    url = config["wecom_webhook"]
    return _robot_answer(url, _post_json(url, _json_body(_robot_text(message))))


def dingtalk_signature(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signed robot: base64 HMAC-SHA256 of "timestamp\\nsecret" keyed by secret."""
    digest = hmac.new(
        secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def send_dingtalk(config: dict[str, str], message: Message, tls=None) -> str:
    _needs(config, "dingtalk_webhook")
    url = config["dingtalk_webhook"]
    if config.get("dingtalk_secret"):
        stamp = int(time.time() * 1000)
        sign = urllib.parse.quote_plus(dingtalk_signature(config["dingtalk_secret"], stamp))
        url += ("&" if "?" in url else "?") + f"timestamp={stamp}&sign={sign}"
    return _robot_answer(url, _post_json(url, _json_body(_robot_text(message))))


def webhook_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def send_webhook(config: dict[str, str], message: Message, tls=None) -> str:
    _needs(config, "webhook_url")
    url = config["webhook_url"]
    payload = {
        "id": message.key,
        "kind": message.kind,
        "order": message.number,
        "subject": message.subject,
        "text": message.body,
    }
    body = _json_body(payload)
    headers = {"Idempotency-Key": message.key}
    if config.get("webhook_secret"):
        headers[SIGNATURE_HEADER] = webhook_signature(config["webhook_secret"], body)
    _post_json(url, body, headers)
    return f"{_where(url)}: accepted"


SENDERS = {
    "email": send_email,
    "wecom": send_wecom,
    "dingtalk": send_dingtalk,
    "webhook": send_webhook,
}
