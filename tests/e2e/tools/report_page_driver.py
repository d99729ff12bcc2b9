#!/usr/bin/env python3
"""Opens the offline HTML report in headless Chromium and reads what its replay player shows
(tests/e2e/html_report_test.cpp).

report_page_driver.py FILE.html SCREENSHOT.png PROFILE_DIR

Loads file://FILE.html with the network observed (every request the page makes is recorded) and
blocked (http, https, ws and wss URLs fail), waits for the player, then: reads the cards it
shows as opened (at the end), plays the whole session from 0 at a high speed and reads them
again when it stops, seeks to 0 and reads them, and saves a full-page screenshot (SCREENSHOT),
plus the player's canvas alone at the end (SCREENSHOT-board.png). Prints one JSON line:
{"ready", "duration", "events", "opened": [card…], "played": [card…], "incremental_matches"
 (the picture played to the end is the one a whole redraw gives), "zero": [card…],
 "zero_attr", "requests": [url…] (those that are neither data: nor the page itself),
 "errors": [text…] (console errors, CSP violations, exceptions), "title", "text_has": {…}}
with card = {"id", "x", "y", "w", "h"} in map units.
"""
import base64
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Chromium  # noqa: E402

html, screenshot, profile = sys.argv[1:4]
url = "file://" + os.path.abspath(html)

with Chromium(profile) as chrome:
    page = chrome.new_page()
    page.call("Network.enable")
    page.call("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    page.call("Emulation.setDeviceMetricsOverride",
              {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    page.call("Page.navigate", {"url": url})
    ready = page.wait_for("document.readyState === 'complete' && !!window.atelierReplay && atelierReplay.ready", 60)
    places = "atelierReplay.cardPlaces().map(function(c){return {id:c.id,x:c.x,y:c.y,w:c.w,h:c.h};})"
    result = {"ready": bool(ready)}
    if ready:
        result["duration"] = page.evaluate("atelierReplay.duration")
        result["events"] = page.evaluate("atelierReplay.events")
        result["opened"] = page.evaluate(places)
        # Play from the start, fast, to the end: the player stops by itself there.
        page.evaluate("atelierReplay.seek(0); atelierReplay.setSpeed(Math.max(60, atelierReplay.duration / 1500));"
                      " atelierReplay.play(); true")
        page.wait_for("!atelierReplay.playing()", 120)
        result["played_to"] = page.evaluate("atelierReplay.time()")
        result["played"] = page.evaluate(places)
        board = page.evaluate("document.getElementById('board').toDataURL('image/png')")
        # Playing draws only what changed from frame to frame: the picture it ends on must be
        # the one a whole redraw gives.
        page.evaluate("atelierReplay.redraw(); true")
        result["incremental_matches"] = board == page.evaluate("document.getElementById('board').toDataURL('image/png')")
        with open(screenshot[:-4] + "-board.png", "wb") as f:
            f.write(base64.b64decode(board.split(",", 1)[1]))
        page.evaluate("atelierReplay.seek(0); true")
        result["zero"] = page.evaluate(places)
        result["zero_attr"] = page.evaluate("document.getElementById('board').getAttribute('data-cards')")
        page.evaluate("atelierReplay.seek(atelierReplay.duration); true")
        result["title"] = page.evaluate("document.title")
        page.screenshot(screenshot)
    result["requests"] = [u for u in chrome.requests() if not u.startswith("data:") and u != url]
    result["all_requests"] = len(chrome.requests())
    result["errors"] = chrome.errors()
    print(json.dumps(result, ensure_ascii=False))
