"""The command line's fixtures (`run`, `shop`) for the tests in this folder."""

from tests.test_cli import _new_user_password, run, shop  # noqa: F401
