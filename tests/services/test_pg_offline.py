"""Losing the database server: a readable error, never a half-written change, and recovery.

A small TCP relay stands between ShopDesk and the PostgreSQL server; `cut()` drops every open
connection and refuses new ones (the server "goes away"), `restore()` brings it back.
"""

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from shopdesk.auth.actor import Actor
from shopdesk.db.changes import EVERYTHING, ChangeFeed
from shopdesk.db.engine import Database
from shopdesk.errors import ConnectionLost
from shopdesk.inventory import service as inventory
from shopdesk.inventory.models import Product


class Relay:
    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self.restore()

    def restore(self) -> None:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self.port = self._listener.getsockname()[1]
        self._listener.listen()
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._socks += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        # shutdown() wakes the accept() thread; close() alone leaves the port listening on Linux.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            socks, self._socks = self._socks, []
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()


@pytest.fixture
def relay(db: Database) -> Iterator[Relay]:
    if db.is_sqlite:
        pytest.skip("a server connection to lose: PostgreSQL only")
    url = make_url(db.url)
    r = Relay(url.host or "localhost", url.port or 5432)
    yield r
    r.cut()


@pytest.fixture
def remote(db: Database, relay: Relay) -> Iterator[Database]:
    """The same database, reached through the relay (a PC on the other end of a network)."""
    url = make_url(db.url).set(host="127.0.0.1", port=relay.port)
    far = Database(url.render_as_string(hide_password=False))
    yield far
    far.dispose()


def _count(db: Database, prefix: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(Product.sku.like(f"{prefix}%"))) or 0)


def test_a_closed_port_is_a_readable_error_not_a_traceback() -> None:
    nowhere = Database("postgresql+psycopg://shopdesk:x@127.0.0.1:9/shopdesk?connect_timeout=2")
    try:
        with pytest.raises(ConnectionLost, match="连不上数据库服务器"), nowhere.read() as s:
            s.execute(select(1))
        with pytest.raises(ConnectionLost, match="没有改动"), nowhere.write() as s:
            s.add(Product(sku="X", name="x"))
    finally:
        nowhere.dispose()


def test_the_server_going_away_mid_write_leaves_nothing_half_written(
    db: Database, remote: Database, relay: Relay, owner: Actor
) -> None:
    with pytest.raises(ConnectionLost), remote.write() as s:
        s.add(Product(sku="HALF-1", name="第一半"))
        s.flush()  # the first half is on the server, inside the open transaction
        relay.cut()
        s.add(Product(sku="HALF-2", name="第二半"))
        s.flush()
    assert _count(db, "HALF") == 0


def test_after_the_server_is_back_the_same_window_works_again(
    db: Database, remote: Database, relay: Relay, owner: Actor
) -> None:
    inventory.create_product(remote, owner, "UP-1", "断线前")
    relay.cut()
    with pytest.raises(ConnectionLost):
        inventory.create_product(remote, owner, "UP-2", "断线时")
    with pytest.raises(ConnectionLost):
        inventory.list_products(remote, owner)
    relay.restore()
    inventory.create_product(remote, owner, "UP-3", "恢复后")
    assert {r.sku for r in inventory.list_products(remote, owner).rows} >= {"UP-1", "UP-3"}
    assert _count(db, "UP-2") == 0


def test_the_change_feed_goes_offline_and_asks_for_a_full_reload_when_back(
    db: Database, remote: Database, relay: Relay, owner: Actor
) -> None:
    feed = ChangeFeed(remote)
    try:
        assert feed.wait(0) == set()
        relay.cut()
        with pytest.raises(ConnectionLost):
            feed.wait(0.5)
        inventory.create_product(db, owner, "MISSED", "离线时别人新建")
        relay.restore()
        assert EVERYTHING in feed.wait(0.2)  # notifications may have been missed
    finally:
        feed.close()
