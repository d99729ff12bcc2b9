"""Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
NUL-separated JSON on fds 3 and 4), with Python's standard library only. Shared by the e2e
drivers (phone_page_driver.py, report_page_driver.py) and bench/html_player_bench.py.

    with Chromium(profile_dir) as chrome:
        page = chrome.new_page()          # a target, attached (flat session), Runtime/Log/Page on
        page.call("Page.navigate", {"url": url})
        page.wait_for("document.readyState === 'complete'")
        page.evaluate("1 + 1")
        chrome.errors()                   # console errors, CSP violations, uncaught exceptions
"""
import base64
import json
import os
import subprocess
import time


class Chromium:
    def __init__(self, profile, extra_args=()):
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + profile, "--remote-debugging-pipe"] + list(extra_args) + ["about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._out = os.fdopen(to_chrome_w, "wb", buffering=0)
        self._in = os.fdopen(from_chrome_r, "rb", buffering=0)
        self._buffer = b""
        self._next_id = 0
        self.events = []  # every event Chromium sent, in order

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _read_message(self):
        while b"\0" not in self._buffer:
            chunk = self._in.read(65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise SystemExit(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def new_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.call("Runtime.enable")
        page.call("Log.enable")
        page.call("Page.enable")
        return page

    def errors(self):
        """What pages logged as errors (CSP violations included) and uncaught exceptions."""
        out = [e["params"]["entry"]["text"] for e in self.events
               if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        out += [json.dumps(e["params"]["exceptionDetails"].get("exception", {}).get("description")
                           or e["params"]["exceptionDetails"].get("text")) for e in self.events
                if e.get("method") == "Runtime.exceptionThrown"]
        out += [" ".join(str(a.get("value", a.get("description", ""))) for a in e["params"].get("args", []))
                for e in self.events
                if e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert")]
        return out

    def requests(self):
        """The URL of every request a page made (Network.enable on the page first)."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self):
        try:
            self.call("Browser.close")
        except BaseException:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Page:
    def __init__(self, chrome, session):
        self.chrome = chrome
        self.session = session

    def call(self, method, params=None):
        return self.chrome.call(method, params, self.session)

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            raise SystemExit("evaluate(" + expression[:80] + "): " +
                             json.dumps(result["exceptionDetails"].get("exception", {}).get("description")))
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout_s=20.0, step_s=0.05):
        """Polls expression until it is truthy; returns its last value."""
        end = time.monotonic() + timeout_s
        value = None
        while time.monotonic() < end:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(step_s)
        return value

    def screenshot(self, path, full_page=True):
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": full_page})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
