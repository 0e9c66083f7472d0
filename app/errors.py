"""Typed domain errors, each with a message a clerk understands in Chinese and English.

The command line exits with `exit_code`; the window shows `message(lang)`.
"""

from __future__ import annotations


class OrderTrailError(Exception):
    exit_code = 1

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class ValidationError(OrderTrailError):
    """Bad input: says what and where."""

    exit_code = 3


class NotFound(OrderTrailError):
    exit_code = 3


class InvalidTransition(OrderTrailError):
    """The workflow does not allow this step now."""

    exit_code = 3


class PermissionDenied(OrderTrailError):
    exit_code = 4


class AuthenticationFailed(OrderTrailError):
    exit_code = 4


class Conflict(OrderTrailError):
    """The order changed since it was read: reload and apply again."""

    exit_code = 5

    def __init__(self, zh: str, en: str, *, changed_by: str | None = None):
        super().__init__(zh, en)
        self.changed_by = changed_by


class AuditBroken(OrderTrailError):
    exit_code = 6
