"""A real headless Chromium for the tests, driven over the DevTools protocol through a pipe (standard library only).

    with Browser.launch() as browser:      # or launch_or_skip() in a fixture
        page = browser.open(path)            # a file, loaded in a 1,280 px wide window
        page.errors                          # console errors and uncaught exceptions, as text
        page.width_report()                  # {"scroll_width": ..., "wide": [elements wider than the window]}
        page.screenshot(artifact_path)

Chromium is Debian's ``chromium`` package (``/usr/bin/chromium``, or the path in ``AJK_CHROMIUM``). It is
started with ``--remote-debugging-pipe``: commands go to its file descriptor 3 and replies come from 4, as
JSON messages separated by NUL bytes.
"""

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

WINDOW_WIDTH = 1280
WINDOW_HEIGHT = 900
TIMEOUT_S = 60
SCREENSHOT_MAX_HEIGHT = 8000
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe",
         f"--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}")
DEFAULT_EXECUTABLE = "/usr/bin/chromium"

WIDTH_SCRIPT = """
(() => {
  const limit = window.innerWidth;
  const wide = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > limit + 0.5 || box.left < -0.5) {
      const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
        + (typeof element.className === 'string' && element.className ? '.' + element.className.split(' ').join('.') : '');
      wide.push(name + ' [' + Math.round(box.left) + ', ' + Math.round(box.right) + ']');
    }
  }
  const root = document.documentElement;
  return {inner_width: limit, scroll_width: Math.max(root.scrollWidth, document.body.scrollWidth),
          count: wide.length, wide: wide.slice(0, 15)};
})()
"""


class BrowserError(RuntimeError):
    pass


def chromium_path():
    """The Chromium executable, or None when it is not installed."""
    candidate = os.environ.get("AJK_CHROMIUM") or DEFAULT_EXECUTABLE
    if Path(candidate).is_file() and os.access(candidate, os.X_OK):
        return candidate
    return shutil.which("chromium")


def launch_or_skip():
    """A launched :class:`Browser`; without Chromium the calling test is skipped, or fails when
    ``AJK_REQUIRE_BROWSER=1`` (``python3 tasks.py test`` sets it after installing Chromium)."""
    import pytest

    if not chromium_path():
        message = ("Chromium is not installed (Debian package 'chromium' at /usr/bin/chromium, or set AJK_CHROMIUM): "
                   "the browser tests cannot run; 'python3 tasks.py test' installs it when run as root")
        if os.environ.get("AJK_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return Browser.launch()


def _high_fd(fd):
    """``fd`` moved to a number >= 10, so that bash can map it to 3 or 4 without a clash."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    def __init__(self, process, commands, replies, profile):
        self._process, self._commands, self._profile = process, commands, profile
        self._next_id = 0
        self._replies = {}
        self._events = queue.Queue()
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)
        self._reader = threading.Thread(target=self._read, args=(replies,), daemon=True)
        self._reader.start()

    @classmethod
    def launch(cls, executable=None):
        executable = executable or chromium_path()
        if not executable:
            raise BrowserError("Chromium is not installed (Debian package 'chromium', /usr/bin/chromium)")
        profile = tempfile.mkdtemp(prefix="ajk-chromium-")
        to_browser_read, to_browser_write = (_high_fd(fd) for fd in os.pipe())
        from_browser_read, from_browser_write = (_high_fd(fd) for fd in os.pipe())
        script = f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} {to_browser_read}<&- {from_browser_write}>&-'
        process = subprocess.Popen(["/bin/bash", "-c", script, executable, *FLAGS, f"--user-data-dir={profile}",
                                    "about:blank"], pass_fds=(to_browser_read, from_browser_write),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_browser_read)
        os.close(from_browser_write)
        browser = cls(process, os.fdopen(to_browser_write, "wb", buffering=0), from_browser_read, profile)
        try:
            browser.call("Browser.getVersion")
        except BaseException:
            browser.close()
            raise
        return browser

    def _read(self, fd):
        buffer = b""
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while True:
                chunk = stream.read(1 << 16)
                if not chunk:
                    break
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        with self._condition:
                            self._replies[message["id"]] = message
                            self._condition.notify_all()
                    else:
                        self._events.put(message)
        with self._condition:
            self._replies[None] = {"error": {"message": "Chromium closed the pipe"}}
            self._condition.notify_all()

    def call(self, method, params=None, session=None, timeout=TIMEOUT_S):
        with self._lock:
            self._next_id += 1
            number = self._next_id
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._commands.write(json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout
        with self._condition:
            while number not in self._replies and None not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"{method}: no reply from Chromium within {timeout} s")
                self._condition.wait(left)
            reply = self._replies.pop(number, None) or self._replies[None]
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def events(self):
        """Every event received since the last call (drained)."""
        drained = []
        while True:
            try:
                drained.append(self._events.get_nowait())
            except queue.Empty:
                return drained

    def wait_for(self, method, session, timeout=TIMEOUT_S):
        """Wait for an event named ``method`` of ``session``; return (the event, the other events seen meanwhile)."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"no {method} within {timeout} s")
            try:
                event = self._events.get(timeout=left)
            except queue.Empty:
                continue
            if event.get("method") == method and event.get("sessionId") == session:
                return event, seen
            seen.append(event)

    def open(self, path, width=WINDOW_WIDTH, height=WINDOW_HEIGHT):
        """Load the file at ``path`` in a new tab of ``width`` x ``height`` CSS pixels; return a :class:`Tab`."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        tab = Tab(self, target, session)
        for method in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(method, session=session)
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                          "mobile": False}, session=session)
        self.call("Page.navigate", {"url": Path(path).resolve().as_uri()}, session=session)
        _, seen = self.wait_for("Page.loadEventFired", session)
        tab.record(seen)
        tab.settle()
        return tab

    def close(self):
        try:
            self._commands.write(json.dumps({"id": 0, "method": "Browser.close"}).encode("utf-8") + b"\0")
            self._commands.close()
        except OSError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stderr:
            self._process.stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Tab:
    """One loaded page: its console errors and exceptions, script evaluation, input, screenshot."""

    def __init__(self, browser, target, session):
        self.browser, self.target, self.session = browser, target, session
        self.errors = []

    def record(self, events):
        for event in events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text")
                self.errors.append(f"uncaught exception: {text}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                words = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
                self.errors.append(f"console.{params['type']}: {words}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                self.errors.append(f"log error: {entry.get('text')} {entry.get('url', '')}".strip())

    def settle(self, seconds=0.2):
        """Let pending events arrive (scripts run after load), then record them."""
        time.sleep(seconds)
        self.record(self.browser.events())

    def evaluate(self, expression):
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                        "awaitPromise": True}, session=self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def type_text(self, selector, text):
        """Focus the element matching ``selector`` and type ``text`` into it (real input events)."""
        if not self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                             "if (!e) return false; e.focus(); return document.activeElement === e; })()"):
            raise BrowserError(f"no focusable element {selector}")
        self.browser.call("Input.insertText", {"text": text}, session=self.session)
        self.settle()

    def width_report(self):
        """The page's scroll width and the elements reaching beyond the window (left < 0 or right > width)."""
        return self.evaluate(WIDTH_SCRIPT)

    def screenshot(self, path, max_height=SCREENSHOT_MAX_HEIGHT):
        """Save a PNG of the whole page (at most ``max_height`` pixels high) to ``path``."""
        metrics = self.browser.call("Page.getLayoutMetrics", session=self.session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": WINDOW_WIDTH, "height": min(max(size["height"], 1), max_height), "scale": 1}
        data = self.browser.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                                 session=self.session)["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self):
        self.browser.call("Target.closeTarget", {"targetId": self.target})
