#!/usr/bin/env python3
"""Drives the live page in headless Chromium, with a "phone" posting cards (tests/e2e/phones_test.cpp).

live_page_driver.py KIOSK_PORT PHONES_TOKEN VIEW_TOKEN SCREENSHOT.png PROFILE_DIR

Chromium opens /live?t=VIEW_TOKEN through a small TCP relay of this script's own (so the
connection can really drop: the relay closes every connection and refuses new ones, then lets
them through again), at 1280x720. A "phone" (http.client, straight to the kiosk) posts cards:
  1. a pink card: how long until the page lists it (ms);
  2. a card full of HTML and JavaScript: the page must list exactly those characters;
  3. the connection drops; a card is posted while it is down (the page must not have it yet);
     the connection comes back: the page must get it (Last-Event-ID), and nothing twice.
Prints one JSON line: {"first_ms", "again_ms", "texts", "while_down", "connections", "events",
"scripts", "pwned", "markup", "pink_pixel", "errors"} ("errors": console errors, exceptions
and CSP violations, apart from the network errors of the drop, which are in "network_errors").
DevTools protocol over a pipe, as phone_page_driver.py; Python's standard library only.
"""
import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time

kiosk_port, token, view, screenshot, profile = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]


class Relay:
    """127.0.0.1:port → the kiosk. cut(): closes every connection and refuses new ones;
    let_through(): accepts again."""

    def __init__(self):
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.open = []
        self.down = False
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            with self.lock:
                if self.down:
                    client.close()
                    continue
                upstream = socket.create_connection(("127.0.0.1", kiosk_port))
                self.open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(a, b), daemon=True).start()

    def pump(self, a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        with self.lock:
            self.down = True
            for s in self.open:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self.open = []

    def let_through(self):
        with self.lock:
            self.down = False


def post(text, colour, key):
    c = http.client.HTTPConnection("127.0.0.1", kiosk_port, timeout=20)
    c.request("POST", "/api/cards", body=json.dumps({"token": token, "text": text, "colour": colour, "key": key}).encode(),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    body = r.read()
    if r.status != 201:
        raise SystemExit("post %r: %d %s" % (text, r.status, body))
    return json.loads(body)["card"]


to_chrome_r, to_chrome_w = os.pipe()  # first: fds 3 to 6, as pass_fds below expects
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)


chrome = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
relay = Relay()
out = os.fdopen(to_chrome_w, "wb", buffering=0)
inp = os.fdopen(from_chrome_r, "rb", buffering=0)
buffer = b""
next_id = 0
events = []


def read_message():
    global buffer
    while b"\0" not in buffer:
        chunk = inp.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def call(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    out.write(json.dumps(message).encode() + b"\0")
    while True:
        reply = read_message()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(method + ": " + json.dumps(reply["error"]))
            return reply.get("result", {})
        events.append(reply)


def evaluate(expression, session):
    result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    return result.get("result", {}).get("value")


TEXTS = "Array.prototype.map.call(document.querySelectorAll('#cards li'), function (li) { return li.textContent; })"


def wait_for_text(text, session, timeout):
    start = time.time()
    while time.time() - start < timeout:
        if text in (evaluate(TEXTS, session) or []):
            return round((time.time() - start) * 1000)
        time.sleep(0.02)
    return None


try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Runtime.enable", {}, session)
    call("Log.enable", {}, session)
    call("Page.enable", {}, session)
    call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False},
         session)
    call("Page.navigate", {"url": "http://127.0.0.1:%d/live?t=%s" % (relay.port, view)}, session)
    for _ in range(400):
        if evaluate("!!(window.AtelierLive && AtelierLive.connections > 0 && AtelierLive.board)", session):
            break
        time.sleep(0.05)
    result = {}
    pink = post("Première carte du téléphone", "pink", "live-e2e-0001")
    result["first_ms"] = wait_for_text("Première carte du téléphone", session, 3)
    time.sleep(0.2)  # drawn at the next animation frame
    # The pink card's paper on the canvas, away from its text (as the kiosk's own e2e test looks),
    # while it is the only card (the next ones may land over it).
    result["pink_pixel"] = evaluate(
        "(function(){var c=document.getElementById('board');var b=AtelierLive.board;"
        "var p=AtelierBoard.cardPlaces(b).filter(function(q){return q.id===%d;})[0];"
        "var v=AtelierBoard.fitViewport(c.width,c.height);"
        "var x=Math.round(v.x+(p.x-p.w*0.38)*v.w), y=Math.round(v.y+(p.y+p.h*0.40)*v.h);"
        "var d=c.getContext('2d').getImageData(x,y,1,1).data;return [d[0],d[1],d[2]];})()" % pink, session)
    nasty = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"><b>gras</b> & «»"
    post(nasty, "blue", "live-e2e-0002")
    result["nasty_ms"] = wait_for_text(nasty, session, 10)

    relay.cut()  # the Wi-Fi drops
    time.sleep(0.5)
    post("Pendant la coupure", "green", "live-e2e-0003")
    time.sleep(1.5)
    result["while_down"] = "Pendant la coupure" in (evaluate(TEXTS, session) or [])
    result["state_while_down"] = evaluate("document.getElementById('status').getAttribute('data-state')", session)
    relay.let_through()
    result["again_ms"] = wait_for_text("Pendant la coupure", session, 20)
    post("Après la coupure", "yellow", "live-e2e-0004")
    result["after_ms"] = wait_for_text("Après la coupure", session, 3)
    time.sleep(0.3)
    result["texts"] = evaluate(TEXTS, session)
    result["connections"] = evaluate("AtelierLive.connections", session)
    result["events"] = evaluate("AtelierLive.events", session)
    result["last_seq"] = evaluate("AtelierLive.lastSeq", session)
    result["state"] = evaluate("document.getElementById('status').getAttribute('data-state')", session)
    result["scripts"] = evaluate("document.scripts.length", session)
    result["pwned"] = evaluate("window.pwned === undefined ? null : window.pwned", session)
    result["markup"] = evaluate("document.querySelectorAll('#cards *:not(li)').length", session)
    time.sleep(0.3)
    shot = call("Page.captureScreenshot", {"format": "png"}, session)
    with open(screenshot, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    entries = [e["params"]["entry"] for e in events if e.get("method") == "Log.entryAdded"]
    result["errors"] = [e["text"] for e in entries if e["level"] == "error" and e.get("source") != "network"]
    result["errors"] += [json.dumps(e["params"]["exceptionDetails"].get("text")) for e in events
                         if e.get("method") == "Runtime.exceptionThrown"]
    result["network_errors"] = [e["text"] for e in entries if e["level"] == "error" and e.get("source") == "network"]
    print(json.dumps(result, ensure_ascii=False))
finally:
    try:
        call("Browser.close")
    except BaseException:
        pass
    try:
        chrome.wait(timeout=10)
    except subprocess.TimeoutExpired:
        chrome.kill()
