"""Fixtures: real SQLite files and a real PostgreSQL server, fresh for every test."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from app import audit, workflow
from app.masterdata import add_party, add_product
from app.orders import LineSpec, create_order, find_orders
from app.setup import open_database
from app.users import hash_password
from app.workflow import submit
from db.engine import Database
from db.models import Base, User

PG_SERVER = os.environ.get("ORDERTRAIL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PASSWORD = "secret-pw"
ROLES = ["admin", "owner", "sales", "purchasing", "warehouse", "finance", "service"]


def pg_available() -> bool:
    try:
        engine = create_engine(f"{PG_SERVER}/postgres")
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def _require_pg() -> None:
    if pg_available():
        return
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER}; CI must run these tests")
    pytest.skip("PostgreSQL is not reachable")


class PgServer:
    """Creates and drops throwaway databases on the PostgreSQL server."""

    def __init__(self):
        self.admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def create(self) -> str:
        name = f"ordertrail_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return f"{PG_SERVER}/{name}"

    def drop_all(self) -> None:
        with self.admin.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def log_file(tmp_path_factory) -> Iterator[str]:
    """The program's log goes to a scratch file, never the real user's data folder."""
    path = str(tmp_path_factory.mktemp("log") / "ordertrail.log")
    before = os.environ.get("ORDERTRAIL_LOG")
    os.environ["ORDERTRAIL_LOG"] = path  # subprocesses inherit it
    yield path
    if before is None:
        os.environ.pop("ORDERTRAIL_LOG", None)
    else:
        os.environ["ORDERTRAIL_LOG"] = before


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    _require_pg()
    server = PgServer()
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    """A migrated, seeded SQLite file; each test starts from a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    database, _ = open_database(str(path))
    database.dispose()
    return str(path)


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    url = pg_server.create()
    database, _ = open_database(url)
    database.dispose()
    return url


def _reset_pg(url: str) -> Database:
    database = Database(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    database.dispose()
    workflow._SPECS.clear()
    database, _ = open_database(url)
    return database


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def fresh_database(request, tmp_path_factory):
    """Makes a fresh, seeded database on a backend (for tests that need several in turn)."""

    def make(backend: str) -> Database:
        if backend == "sqlite":
            path = tmp_path_factory.mktemp("db") / "ordertrail.db"
            shutil.copy(request.getfixturevalue("sqlite_template"), path)
            return Database(str(path))
        return _reset_pg(request.getfixturevalue("pg_template"))

    return make


@pytest.fixture
def database(backend, fresh_database) -> Iterator[Database]:
    """A fresh database on the backend under test."""
    database = fresh_database(backend)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def password_hash() -> str:
    # One argon2 hash for every test user: hashing is deliberately slow.
    return hash_password(PASSWORD)


@dataclass
class Office:
    """A database with one user of every role, parties and products."""

    db: Database
    users: dict[str, User]

    def __getattr__(self, role: str) -> User:
        try:
            return self.users[role]
        except KeyError:
            raise AttributeError(role) from None

    def order(
        self, kind: str = "sales", lines=(("A-1", 10),), party: str | None = None, **kwargs
    ) -> str:
        """A new draft order's number."""
        party = party or ("华东贸易有限公司" if kind == "sales" else "东莞精工制造厂")
        creator = self.sales if kind == "sales" else self.purchasing
        with self.db.unit_of_work() as session:
            order = create_order(
                session, creator, kind, party, [LineSpec(*line) for line in lines], **kwargs
            )
            return order.number

    def placed(self, kind: str = "sales", lines=(("A-1", 10),), **kwargs) -> str:
        """A new order, submitted (and placed where no approval is needed): its number."""
        number = self.order(kind, lines, **kwargs)
        creator = self.sales if kind == "sales" else self.purchasing
        with self.db.unit_of_work() as session:
            submit(session, creator, find_orders(session, [number]))
        return number


def add_users(session, password_hash: str) -> dict[str, User]:
    """One user of every role, quickly (one shared hash), each with its audit event."""
    from app.clock import utcnow

    users = {}
    for role in ROLES:
        users[role] = User(
            name=role,
            display_name=role,
            roles=frozenset({role}),
            password_hash=password_hash,
            active=True,
            created_at=utcnow(),
        )
        session.add(users[role])
        audit.record(
            session, "system", entity="user", ref=role, action="create", after={"roles": [role]}
        )
    session.flush()
    return users


def make_user(session, name: str, roles=("sales",), password: str = PASSWORD) -> User:
    """A user for a test, with any password (short ones such as "demo" included: the rules
    for real users' passwords are tested on their own), with its audit event."""
    from app.clock import utcnow

    user = User(
        name=name,
        display_name=name,
        roles=frozenset(roles),
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    audit.record(
        session, "system", entity="user", ref=name, action="create", after={"roles": sorted(roles)}
    )
    session.flush()
    return user


def fail_sign_ins(office, source: str, start, attempts: int, name: str = "service"):
    """`attempts` wrong passwords, each after the wait the previous ones earned."""
    from app.clock import frozen_at
    from app.errors import AuthenticationFailed
    from app.users import sign_in

    for i in range(attempts):
        moment = start + timedelta(seconds=100 * i)
        with frozen_at(moment), pytest.raises(AuthenticationFailed, match="Wrong"):
            sign_in(office.db, name, "wrong", source=source)
    return start + timedelta(seconds=100 * (attempts - 1))


@pytest.fixture
def office(database, password_hash) -> Office:
    with database.unit_of_work() as session:
        users = add_users(session, password_hash)
        add_party(session, users["sales"], "华东贸易有限公司", "customer")
        add_party(session, users["sales"], "Acme 😀 Ltd", "customer")
        add_party(session, users["purchasing"], "东莞精工制造厂", "supplier")
        add_product(session, users["warehouse"], "A-1", "复印纸", "25.00", opening_stock=100)
        add_product(session, users["warehouse"], "B-2", "打印机", "1280.00", opening_stock=5)
        add_product(session, users["warehouse"], "S-9", "安装服务", "200.00", service=True)
    return Office(database, users)


@pytest.fixture
def cli(office, monkeypatch, capsys, tmp_path):
    """Run `ordertrail --db <the office database> --user USER ...`; returns (code, out, err)."""
    from cli import commands as command_line

    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", PASSWORD)

    def invoke(*args: str, user: str):
        code = command_line.main(["--db", office.db.url, "--user", user, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


def money(value: str) -> Decimal:
    return Decimal(value)
