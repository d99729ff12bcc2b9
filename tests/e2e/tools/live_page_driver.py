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
DevTools protocol over a pipe (devtools_pipe.py); Python's standard library only.
"""
import http.client
import json
import os
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Chromium  # noqa: E402

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


TEXTS = "Array.prototype.map.call(document.querySelectorAll('#cards li'), function (li) { return li.textContent; })"


def wait_for_text(text, page, timeout):
    start = time.time()
    while time.time() - start < timeout:
        if text in (page.evaluate(TEXTS) or []):
            return round((time.time() - start) * 1000)
        time.sleep(0.02)
    return None


chrome = Chromium(profile)
relay = Relay()
try:
    page = chrome.new_page()
    page.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    page.call("Page.navigate", {"url": "http://127.0.0.1:%d/live?t=%s" % (relay.port, view)})
    for _ in range(400):
        if page.evaluate("!!(window.AtelierLive && AtelierLive.connections > 0 && AtelierLive.board)"):
            break
        time.sleep(0.05)
    result = {}
    pink = post("Première carte du téléphone", "pink", "live-e2e-0001")
    result["first_ms"] = wait_for_text("Première carte du téléphone", page, 3)
    time.sleep(0.2)  # drawn at the next animation frame
    # The pink card's paper on the canvas, away from its text (as the kiosk's own e2e test looks),
    # while it is the only card (the next ones may land over it).
    result["pink_pixel"] = page.evaluate(
        "(function(){var c=document.getElementById('board');var b=AtelierLive.board;"
        "var p=AtelierBoard.cardPlaces(b).filter(function(q){return q.id===%d;})[0];"
        "var v=AtelierBoard.fitViewport(c.width,c.height);"
        "var x=Math.round(v.x+(p.x-p.w*0.38)*v.w), y=Math.round(v.y+(p.y+p.h*0.40)*v.h);"
        "var d=c.getContext('2d').getImageData(x,y,1,1).data;return [d[0],d[1],d[2]];})()" % pink)
    nasty = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"><b>gras</b> & «»"
    post(nasty, "blue", "live-e2e-0002")
    result["nasty_ms"] = wait_for_text(nasty, page, 10)

    relay.cut()  # the Wi-Fi drops
    time.sleep(0.5)
    post("Pendant la coupure", "green", "live-e2e-0003")
    time.sleep(1.5)
    result["while_down"] = "Pendant la coupure" in (page.evaluate(TEXTS) or [])
    result["state_while_down"] = page.evaluate("document.getElementById('status').getAttribute('data-state')")
    relay.let_through()
    result["again_ms"] = wait_for_text("Pendant la coupure", page, 20)
    post("Après la coupure", "yellow", "live-e2e-0004")
    result["after_ms"] = wait_for_text("Après la coupure", page, 3)
    time.sleep(0.3)
    result["texts"] = page.evaluate(TEXTS)
    result["connections"] = page.evaluate("AtelierLive.connections")
    result["events"] = page.evaluate("AtelierLive.events")
    result["last_seq"] = page.evaluate("AtelierLive.lastSeq")
    result["state"] = page.evaluate("document.getElementById('status').getAttribute('data-state')")
    result["scripts"] = page.evaluate("document.scripts.length")
    result["pwned"] = page.evaluate("window.pwned === undefined ? null : window.pwned")
    result["markup"] = page.evaluate("document.querySelectorAll('#cards *:not(li)').length")
    time.sleep(0.3)
    page.screenshot(screenshot, full_page=False)
    entries = [e["params"]["entry"] for e in chrome.events if e.get("method") == "Log.entryAdded"]
    result["errors"] = [e["text"] for e in entries if e["level"] == "error" and e.get("source") != "network"]
    result["errors"] += [json.dumps(e["params"]["exceptionDetails"].get("text")) for e in chrome.events
                         if e.get("method") == "Runtime.exceptionThrown"]
    result["network_errors"] = [e["text"] for e in entries if e["level"] == "error" and e.get("source") == "network"]
    print(json.dumps(result, ensure_ascii=False))
finally:
    chrome.close()
