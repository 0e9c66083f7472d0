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


class SchemaTooNew(OrderTrailError):
    """The database was made or upgraded by a newer program; nothing was changed."""

    exit_code = 3

    def __init__(self, database_schema: str, program_schema: str, program_version: str):
        super().__init__(
            f"这个数据库的结构版本是 {database_schema}，来自更新版本的 OrderTrail；"
            f"本程序（{program_version}）只支持到结构版本 {program_schema}。"
            "请安装最新版本后再打开。数据库没有任何改动。",
            f"This database has schema version {database_schema}, from a newer OrderTrail; "
            f"this program ({program_version}) knows schema versions up to {program_schema}. "
            "Install the newest version to open it. The database was not changed.",
        )


class UpgradeNeedsAdmin(PermissionDenied):
    """A shared server database is upgraded by an administrator, not by whoever starts first."""

    def __init__(self, database_schema: str, program_schema: str):
        super().__init__(
            f"服务器上的数据库需要从结构版本 {database_schema} 升级到 {program_schema}，"
            "升级只能由管理员进行。请等管理员用新版本登录一次完成升级后再打开。",
            f"The server's database needs an upgrade from schema version {database_schema} "
            f"to {program_schema}, which only an administrator may start. Please wait until "
            "an administrator has signed in once with this version, then open it again.",
        )
