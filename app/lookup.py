"""Statements that pick rows by a list of keys, in two forms built once: one key (one
order, the usual click) compares with `=`, many take an IN list. The list is expanded
into the SQL text at every execution, which costs a small statement more than its work."""

from __future__ import annotations

from sqlalchemy import bindparam


def by_keys(statement, column, name: str) -> tuple:
    """The statement picking rows whose `column` is one key, and the one for many."""
    return (
        statement.where(column == bindparam(name)),
        statement.where(column.in_(bindparam(name, expanding=True))),
    )


def picked(forms: tuple, name: str, keys) -> tuple:
    """The statement of `forms` (from `by_keys`) for these keys, and its parameters."""
    keys = list(keys)
    if len(keys) == 1:
        return forms[0], {name: keys[0]}
    return forms[1], {name: keys}
