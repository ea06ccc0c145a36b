"""A loopback TCP proxy that breaks the link between a station and the archive on purpose.

Faults, set at any time from the test:
- `cut_after(n, times)`: a connection that has carried n bytes towards the archive is cut (both
  sides closed abruptly, RST), `times` times: an upload cut mid-chunk;
- `stall(seconds, times)`: a connection stops forwarding for that long once it has carried some
  bytes, so the station's read/write timeout fires;
- `answer(status, times)`: the next requests get that HTTP status from the proxy itself (500, 503),
  their bodies read and dropped, the archive never sees them;
- `down()` / `up()`: the listening socket closes (connection refused) and opens again on the same port.
Counters say what happened, so a test can check that the fault really hit.
"""

from __future__ import annotations

import socket
import struct
import threading
import time


class FaultProxy:
    def __init__(self, upstream_port: int, *, host: str = "127.0.0.1") -> None:
        self.upstream = (host, upstream_port)
        self.host = host
        self.lock = threading.Lock()
        self._cut_after: int | None = None
        self._cuts_left = 0
        self._stall_seconds = 0.0
        self._stalls_left = 0
        self._answer_status = 0
        self._answers_left = 0
        self.cuts = self.stalls = self.answers = self.connections = 0
        self._closing = threading.Event()
        self._listener: socket.socket | None = None
        self.port = 0
        self._open(0)

    # -- control -------------------------------------------------------------------------------
    def cut_after(self, n_bytes: int, times: int = 1) -> None:
        with self.lock:
            self._cut_after, self._cuts_left = n_bytes, times

    def stall(self, seconds: float, times: int = 1) -> None:
        with self.lock:
            self._stall_seconds, self._stalls_left = seconds, times

    def answer(self, status: int, times: int = 1) -> None:
        with self.lock:
            self._answer_status, self._answers_left = status, times

    def clear(self) -> None:
        with self.lock:
            self._cuts_left = self._stalls_left = self._answers_left = 0

    def down(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def up(self) -> None:
        if self._listener is None:
            self._open(self.port)

    def close(self) -> None:
        self._closing.set()
        self.down()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- plumbing ------------------------------------------------------------------------------
    def _open(self, port: int) -> None:
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((self.host, port))
        s.listen(64)
        self._listener = s
        self.port = s.getsockname()[1]
        threading.Thread(target=self._accept, args=(s,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while not self._closing.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _reset(*socks: socket.socket) -> None:
        for s in socks:
            try:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                # Wake a recv blocked in the other pump thread: until it returns, close() would not
                # release the socket, and no RST would reach the peer.
                s.shutdown(socket.SHUT_RD)
            except OSError:
                pass
            try:
                s.close()
            except OSError:
                pass

    def _take_answer(self) -> int:
        with self.lock:
            if self._answers_left > 0:
                self._answers_left -= 1
                self.answers += 1
                return self._answer_status
        return 0

    def _serve(self, client: socket.socket) -> None:
        status = self._take_answer()
        if status:
            self._answer_with(client, status)
            return
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
            upstream.settimeout(None)
        except OSError:
            self._reset(client)
            return
        done = threading.Event()
        threading.Thread(target=self._pump_back, args=(upstream, client, done), daemon=True).start()
        sent = 0
        stalled = False
        try:
            while not done.is_set():
                data = client.recv(65536)
                if not data:
                    break
                with self.lock:
                    cut = self._cuts_left > 0 and self._cut_after is not None and sent + len(data) > self._cut_after
                    if cut:
                        self._cuts_left -= 1
                        self.cuts += 1
                    stall = not stalled and self._stalls_left > 0 and sent > 0
                    if stall:
                        self._stalls_left -= 1
                        self.stalls += 1
                if cut:
                    keep = max(0, (self._cut_after or 0) - sent)
                    if keep:
                        upstream.sendall(data[:keep])
                    time.sleep(0.05)
                    self._reset(client, upstream)
                    return
                if stall:
                    stalled = True
                    time.sleep(self._stall_seconds)
                upstream.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            done.set()
            self._reset(client, upstream)

    @staticmethod
    def _pump_back(upstream: socket.socket, client: socket.socket, done: threading.Event) -> None:
        try:
            while not done.is_set():
                data = upstream.recv(65536)
                if not data:
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            done.set()
            try:
                client.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    @staticmethod
    def _answer_with(client: socket.socket, status: int) -> None:
        """Read one request (headers and Content-Length body), answer `status`, close."""
        try:
            client.settimeout(10)
            buf = b""
            while b"\r\n\r\n" not in buf:
                chunk = client.recv(65536)
                if not chunk:
                    return
                buf += chunk
            head, _, body = buf.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                chunk = client.recv(min(65536, length - len(body)))
                if not chunk:
                    break
                body += chunk
            reason = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}.get(status, "Error")
            payload = b'{"error": "The proxy says the archive is busy; try again later.", "code": "unavailable"}'
            client.sendall(f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nTus-Resumable: 1.0.0"
                           f"\r\nContent-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode() + payload)
        except OSError:
            pass
        finally:
            try:
                client.close()
            except OSError:
                pass
