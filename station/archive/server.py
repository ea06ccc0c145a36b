"""The archive's HTTP face (aiohttp): tus 1.0 uploads, submit, receipts, listing, audit extracts, health.

aiohttp because one library gives the server, request bodies read as a stream (a PATCH goes to
disk block by block, never whole into memory) and a test client/server for the tests. Work that
takes time (checking a package: seconds of pyHanko and veraPDF rules; signing; fsync) runs in a
small thread pool so the event loop keeps answering HEADs and health checks meanwhile.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from aiohttp import web

from station.archive.service import Archive, ArchiveError, ChunkWriter

TUS_VERSION = "1.0.0"
API = "/api/v1"
READ_BLOCK = 1 << 16
log = logging.getLogger("station.archive")

ARCHIVE_KEY = web.AppKey("archive", Archive)
POOL_KEY = web.AppKey("pool", ThreadPoolExecutor)
BUSY_KEY = web.AppKey("busy", set)


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": message, "code": code}, status=status, headers=headers or {})


def _tus_headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **(extra or {})}


@web.middleware
async def errors(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                 ) -> web.StreamResponse:
    """Every failure as the protocol's JSON body; tus responses carry Tus-Resumable."""
    tus = request.path.startswith(f"{API}/uploads")
    extra = _tus_headers() if tus and request.method != "OPTIONS" else {}
    try:
        response = await handler(request)
    except ArchiveError as exc:
        return _error(exc.status, exc.code, exc.message, {**extra, **exc.headers})
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status, "bad_request")
        message = {404: "There is no such address in the archive's API; check the archive URL (…/api/v1/…).",
                   405: "This address does not take that method; see the archive protocol."}.get(
            exc.status, f"{exc.reason}; check the request against the archive protocol.")
        return _error(exc.status, code, message, extra)
    except Exception:
        log.exception("request %s %s failed", request.method, request.path)
        return _error(500, "internal_error", "The archive failed on this request; try again later and tell the "
                      "archive's admin if it persists.", extra)
    if tus:
        response.headers.update(extra)
    return response


def _archive(request: web.Request) -> Archive:
    return request.app[ARCHIVE_KEY]


def _station(request: web.Request) -> str:
    return _archive(request).authenticate(request.headers.get("Authorization"))


def _require_tus(request: web.Request) -> None:
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        raise ArchiveError(412, "tus_version", "This archive speaks tus 1.0.0 only; send Tus-Resumable: 1.0.0.",
                           {"Tus-Version": TUS_VERSION})


def _int_header(request: web.Request, name: str) -> int:
    raw = request.headers.get(name, "")
    if not raw.isdigit():
        raise ArchiveError(400, "bad_request", f"{name} must be a non-negative whole number of bytes.")
    return int(raw)


def parse_metadata(header: str) -> dict[str, str]:
    """tus Upload-Metadata: `key base64value` pairs separated by commas (a value may be absent)."""
    out: dict[str, str] = {}
    for pair in header.split(","):
        pair = pair.strip()
        if not pair:
            continue
        key, _, value = pair.partition(" ")
        try:
            out[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8") if value.strip() else ""
        except (binascii.Error, ValueError) as exc:
            raise ArchiveError(400, "bad_metadata", f"Upload-Metadata value of {key!r} is not base64 of UTF-8 "
                               "text.") from exc
    return out


# -- handlers ------------------------------------------------------------------------------------
async def health(request: web.Request) -> web.Response:
    return web.json_response(_archive(request).health())


async def certificate(request: web.Request) -> web.Response:
    archive = _archive(request)
    pem = await asyncio.get_running_loop().run_in_executor(request.app[POOL_KEY],
                                                           lambda: archive.signer.certificate_pem())
    return web.Response(body=pem, content_type="application/x-pem-file")


async def options(request: web.Request) -> web.Response:
    _station(request)
    return web.Response(status=204, headers={
        "Tus-Version": TUS_VERSION, "Tus-Extension": "creation,checksum,termination",
        "Tus-Checksum-Algorithm": "sha256", "Tus-Max-Size": str(_archive(request).max_size)})


async def create(request: web.Request) -> web.Response:
    _require_tus(request)
    station = _station(request)
    if "Upload-Defer-Length" in request.headers:
        raise ArchiveError(400, "bad_length", "This archive needs Upload-Length when the upload is created.")
    length = _int_header(request, "Upload-Length")
    metadata = parse_metadata(request.headers.get("Upload-Metadata", ""))
    upload, how = _archive(request).create_upload(station, length, metadata)
    if upload is None:
        return web.Response(status=200, headers={"Archive-Package-Status": "stored"})
    return web.Response(status=201, headers={"Location": f"{API}/uploads/{upload.id}",
                                             "Upload-Offset": str(upload.offset)})


async def head(request: web.Request) -> web.Response:
    _require_tus(request)
    upload = _archive(request).get_upload(_station(request), request.match_info["upload_id"])
    return web.Response(status=200, headers={"Upload-Offset": str(upload.offset),
                                             "Upload-Length": str(upload.length), "Cache-Control": "no-store"})


async def patch(request: web.Request) -> web.Response:
    _require_tus(request)
    station = _station(request)
    archive = _archive(request)
    upload_id = request.match_info["upload_id"]
    if request.content_type != "application/offset+octet-stream":
        raise ArchiveError(415, "content_type", "PATCH bodies must be Content-Type: application/offset+octet-stream.")
    offset = _int_header(request, "Upload-Offset")
    busy = request.app[BUSY_KEY]
    if upload_id in busy:
        raise ArchiveError(409, "upload_locked", "Another request is writing to this upload; ask the offset "
                           "with HEAD in a moment and resume.")
    busy.add(upload_id)
    try:
        loop = asyncio.get_running_loop()
        pool = request.app[POOL_KEY]
        writer: ChunkWriter = await loop.run_in_executor(
            pool, archive.begin_chunk, station, upload_id, offset, request.headers.get("Upload-Checksum"))
        expected = request.content_length
        try:
            while True:
                block = await request.content.read(READ_BLOCK)
                if not block:
                    break
                writer.write(block)
        except ArchiveError:
            writer.abort()
            raise
        except asyncio.CancelledError:
            writer.finish(complete=False)
            raise
        except Exception as exc:  # the connection broke mid-body (aiohttp raises several kinds)
            # Keep what arrived when no checksum was sent, discard it when one was.
            new_offset = writer.finish(complete=False)
            log.info("upload %s: body cut at %d bytes (%s); offset now %d", upload_id, writer.received,
                     exc.__class__.__name__, new_offset)
            raise ArchiveError(400, "body_incomplete", f"The request body ended early; the offset is now "
                               f"{new_offset}, resume from there.", {"Upload-Offset": str(new_offset)}) from exc
        complete = expected is None or writer.received == expected
        new_offset = await loop.run_in_executor(pool, lambda: writer.finish(complete=complete))
    finally:
        busy.discard(upload_id)
    return web.Response(status=204, headers={"Upload-Offset": str(new_offset)})


async def terminate(request: web.Request) -> web.Response:
    _require_tus(request)
    if request.match_info["upload_id"] in request.app[BUSY_KEY]:
        raise ArchiveError(409, "upload_locked", "A PATCH is writing to this upload; try again in a moment.")
    _archive(request).terminate(_station(request), request.match_info["upload_id"])
    return web.Response(status=204)


async def submit(request: web.Request) -> web.Response:
    station = _station(request)
    package_id = request.match_info["package_id"]
    if request.headers.get("Idempotency-Key", package_id) != package_id:
        raise ArchiveError(400, "bad_request", "Idempotency-Key must be the package id of the address.")
    try:
        body: Any = json.loads(await request.read())
        upload_id, sha256 = body.get("upload_id"), body["sha256"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ArchiveError(400, "bad_request", 'The body must be JSON {"upload_id": ..., "sha256": ...}.') from exc
    archive = _archive(request)
    receipt = await asyncio.get_running_loop().run_in_executor(
        request.app[POOL_KEY], archive.submit, station, package_id, upload_id, sha256)
    return web.Response(status=200, body=receipt, content_type="application/json", charset="utf-8")


async def packages(request: web.Request) -> web.Response:
    station = _station(request)
    return web.json_response({"packages": _archive(request).list_packages(station)})


async def package(request: web.Request) -> web.Response:
    station = _station(request)
    return web.json_response(_archive(request).package_detail(station, request.match_info["package_id"]))


async def audit_extract_post(request: web.Request) -> web.Response:
    station = _station(request)
    try:
        body: Any = json.loads(await request.read())
        data = base64.b64decode(body["extract"], validate=True)
        p7s = base64.b64decode(body["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ArchiveError(400, "bad_request", 'The body must be JSON {"extract": base64, "signature": base64 of '
                           "a detached CMS over the extract}.") from exc
    archive = _archive(request)
    answer = await asyncio.get_running_loop().run_in_executor(
        request.app[POOL_KEY], archive.store_audit_extract, station, data, p7s)
    return web.json_response(answer)


async def audit_extract_list(request: web.Request) -> web.Response:
    return web.json_response(_archive(request).audit_extracts(_station(request)))


def _follow_parent(parent: int) -> None:
    """A check worker ends when the server does, even when the server was SIGKILLed (nobody else
    would tell it: a worker blocked on its task queue never notices the parent is gone)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="follow-parent").start()


def make_app(archive: Archive, *, workers: int = 8, check_processes: int = 0) -> web.Application:
    """`check_processes` > 0 runs package checks in that many worker processes (spawned, not forked:
    this process has threads); 0 runs them in the request's worker thread (the tests' in-thread server)."""
    app = web.Application(middlewares=[errors])
    app[ARCHIVE_KEY] = archive
    app[POOL_KEY] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="archive")
    app[BUSY_KEY] = set()
    if check_processes > 0:
        archive.check_pool = ProcessPoolExecutor(max_workers=check_processes,
                                                 mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_follow_parent, initargs=(os.getpid(),))

    async def shutdown(app: web.Application) -> None:
        app[POOL_KEY].shutdown(wait=True)
        if archive.check_pool is not None:
            archive.check_pool.shutdown(wait=True)
            archive.check_pool = None

    app.on_cleanup.append(shutdown)
    app.router.add_get(f"{API}/health", health)
    app.router.add_get(f"{API}/archive-certificate", certificate)
    for path in (f"{API}/uploads/", f"{API}/uploads"):
        app.router.add_route("OPTIONS", path, options)
        app.router.add_post(path, create)
    app.router.add_route("HEAD", f"{API}/uploads/{{upload_id}}", head)
    app.router.add_route("PATCH", f"{API}/uploads/{{upload_id}}", patch)
    app.router.add_delete(f"{API}/uploads/{{upload_id}}", terminate)
    app.router.add_post(f"{API}/packages/{{package_id}}/submit", submit)
    app.router.add_get(f"{API}/packages", packages)
    app.router.add_get(f"{API}/packages/{{package_id}}", package)
    app.router.add_post(f"{API}/audit-extracts", audit_extract_post)
    app.router.add_get(f"{API}/audit-extracts", audit_extract_list)
    return app


class ThreadedServer:
    """The archive's app on a loopback port, served by a thread with its own event loop.

    For a process that hosts the archive beside its own work (`station demo`, which must also run
    inside the PyInstaller bundle, where a second program is not at hand): the caller keeps its
    thread, talks HTTP to `url` like any station, and `close()` leaves no thread, socket or pool
    behind. Package checks run in the server's worker threads (no check processes to spawn).
    """

    def __init__(self, archive: Archive, *, host: str = "127.0.0.1", port: int = 0,
                 shutdown_timeout: float = 5.0) -> None:
        self.archive = archive
        self.host = host
        self.port = port
        self.url = ""
        self._shutdown_timeout = shutdown_timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None

    def _call(self, coro: Any, timeout: float = 30.0) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _main(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def start(self) -> str:
        """Listen and serve; the base URL (http://host:port) once the socket is bound."""
        if self._thread is not None:
            raise RuntimeError("this server is already started")
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=self._main, args=(loop,), name="station-archive-server", daemon=True)
        self._thread.start()
        try:
            self._runner = web.AppRunner(make_app(self.archive), access_log=None,
                                         shutdown_timeout=self._shutdown_timeout)
            self._call(self._runner.setup())
            self._call(web.TCPSite(self._runner, self.host, self.port).start())
        except BaseException:
            self.close()
            raise
        self.port = int(self._runner.addresses[0][1])
        self.url = f"http://{self.host}:{self.port}"
        return self.url

    def close(self) -> None:
        """Stop listening, end open connections and the worker threads, then the loop and its thread."""
        if self._thread is None or self._loop is None:
            return
        try:
            if self._runner is not None:
                self._call(self._runner.cleanup(), timeout=self._shutdown_timeout + 30)
        finally:
            self._runner = None
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(30)
            alive = self._thread.is_alive()
            self._thread = None
            self._loop = None
        if alive:
            raise RuntimeError("the archive server's thread did not end within 30 s")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> ThreadedServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
