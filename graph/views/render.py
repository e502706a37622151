"""One headless Chromium per process turning plotly figures into PNG/SVG/PDF bytes.

kaleido's own "sync server" (``kaleido.start_sync_server``) runs one background loop and hands
results back through a single shared queue in arrival order, so callers in different threads
(a threaded web server) received each other's images (issue 9). Here every call submits its
own coroutine to a private event loop with :func:`asyncio.run_coroutine_threadsafe` and waits
on its own :class:`concurrent.futures.Future`: a result can only reach the caller that asked
for it. kaleido renders concurrent calls on a pool of browser tabs (``TABS``).

The browser starts on first use, or earlier with :func:`warm_up` (the CLI starts it while it
builds the figure). A forked process (e.g. a pre-loading WSGI server) gets its own renderer.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import os
import threading
import time
import warnings
from concurrent.futures import Future
from typing import Any

from graph.core.errors import RendererDiedError, RendererMissingError

__all__ = ["RendererMissingError", "render", "warm_up"]

#: Browser tabs rendering in parallel. One: a second tab doubles start-up (3.1 s instead of
#: 1.3 s here) and two cores gain little from rendering two images at once; concurrent calls
#: queue for the tab, each still waiting on its own future.
TABS = 1
TIMEOUT = 120.0  # seconds a caller waits for one image
MISSING = ("image export needs Chromium for kaleido: install it (Debian: apt-get install "
           "chromium) or run 'plotly_get_chrome'")


# choreographer logs tracebacks (e.g. a message cut short while the browser closes at exit)
# through logging's last-resort handler onto stderr; failures reach callers as exceptions.
for _name in ("choreographer", "kaleido"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False




class _Renderer:
    """A Kaleido browser owned by one event-loop thread."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="relgraph-render",
                                       daemon=True)
        self.thread.start()
        self.ready: Future = asyncio.run_coroutine_threadsafe(self._open(), self.loop)
        self.kaleido: Any = None  # a kaleido.Kaleido once open (kaleido ships no types)
        self.closed = False

    async def _open(self) -> None:
        import kaleido

        k = kaleido.Kaleido(n=TABS, mathjax=False)  # no MathJax: nothing fetched from a CDN
        await k.open()
        self.kaleido = k
        # Registered now, after kaleido's temporary profile directory: exit handlers run last
        # in, first out, so the browser closes before that directory is removed.
        atexit.register(self.close)

    async def _calc(self, fig: dict, opts: dict) -> bytes:
        await asyncio.wrap_future(self.ready)
        return await self.kaleido.calc_fig(fig, opts=opts)

    def alive(self) -> bool:
        return self.pid == os.getpid() and self.thread.is_alive() and not self.closed

    def render(self, fig: dict, opts: dict) -> bytes:
        future = asyncio.run_coroutine_threadsafe(self._calc(fig, opts), self.loop)
        deadline = time.monotonic() + TIMEOUT
        while True:  # wait in steps, so a renderer whose thread died fails fast
            try:
                return future.result(min(1.0, max(deadline - time.monotonic(), 0.01)))
            except TimeoutError:
                if not self.thread.is_alive():
                    raise RendererDiedError("the image renderer stopped") from None
                if time.monotonic() >= deadline:
                    future.cancel()
                    raise

    def close(self) -> None:
        """Close the browser (waiting for one still starting); safe to call twice."""
        async def stop() -> None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.wrap_future(self.ready), 20)
            k, self.kaleido = self.kaleido, None
            if k is not None:
                await k.close()

        if self.closed:
            return
        self.closed = True
        if not self.thread.is_alive():  # its loop is gone: end the browser process directly
            proc = getattr(self.kaleido, "subprocess", None)
            if proc is not None and proc.poll() is None:
                with contextlib.suppress(Exception):
                    proc.kill()
            return
        with contextlib.suppress(Exception):  # best effort: the process is ending
            asyncio.run_coroutine_threadsafe(stop(), self.loop).result(25)
        self.loop.call_soon_threadsafe(self.loop.stop)


_lock = threading.Lock()
_current: _Renderer | None = None


def _renderer() -> _Renderer:
    """This process's renderer, started if needed (thread-safe)."""
    global _current  # noqa: PLW0603 — one browser per process is the point of this module
    with _lock:
        if _current is None or not _current.alive():
            if not browser_found():
                # Checked first: kaleido cannot start without one and would only say so deep
                # inside its event loop.
                raise RendererMissingError(MISSING)
            _current = _Renderer()
            atexit.register(_current.close)
        return _current


def _discard(r: _Renderer) -> None:
    """Forget a renderer whose browser failed, so the next call starts a fresh one."""
    global _current  # noqa: PLW0603
    with _lock:
        if _current is r:
            _current = None
    threading.Thread(target=r.close, daemon=True).start()


def warm_up() -> None:
    """Start the browser in the background now (returns at once; errors surface in render)."""
    with contextlib.suppress(RendererMissingError):
        _renderer()


def render(fig: dict, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """The figure (a plotly figure dict) as ``fmt`` bytes; safe to call from any thread."""
    from choreographer.errors import BrowserClosedError, BrowserFailedError

    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    r = _renderer()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return r.render(fig, opts)
            except RendererDiedError:  # once: a fresh renderer for this call
                _discard(r)
                r = _renderer()
                return r.render(fig, opts)
    except RendererDiedError as exc:
        raise RendererMissingError(f"{MISSING} ({exc})") from exc
    except TimeoutError as exc:  # concurrent.futures.TimeoutError is this on Python 3.11+
        _discard(r)
        raise RendererMissingError(f"the image renderer did not answer within "
                                   f"{TIMEOUT:.0f} s; try again") from exc
    except (BrowserClosedError, BrowserFailedError, OSError) as exc:
        _discard(r)
        raise RendererMissingError(f"{MISSING} ({exc})") from exc
    except Exception as exc:
        if "chrom" in f"{type(exc).__name__} {exc}".lower():
            _discard(r)
            raise RendererMissingError(MISSING) from exc
        raise


def browser_found() -> bool:
    """True if kaleido will find a Chromium (honouring its ``BROWSER_PATH`` override)."""
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:  # a kaleido without choreographer: let it report for itself
        return True
    path = Chromium.find_browser(skip_local=False)
    return bool(path and os.access(path, os.X_OK))
