#!/usr/bin/env python3
"""Drives the phone page in headless Chromium as a phone would (tests/e2e/phones_test.cpp).

phone_page_driver.py URL TEXT COLOUR SCREENSHOT.png PROFILE_DIR LANGUAGE

Opens URL in a phone-sized viewport (390x844, touch, mobile) whose browser asks for LANGUAGE
(Accept-Language, e.g. fr-FR), types TEXT into the card's text
box with real key input, taps the COLOUR button and "Envoyer", waits for the page to say where
the card is, and prints one JSON line (SCREENSHOT: the page at the end; SCREENSHOT-form.png:
the filled form just before "Envoyer"): {"state", "message", "errors"} ("errors": what the page
logged to the console, CSP violations included). Talks to Chromium over the DevTools protocol
on a pipe (--remote-debugging-pipe: NUL-separated JSON on fds 3 and 4); Python's standard
library only.
"""
import base64
import json
import os
import subprocess
import sys
import time

url, text, colour, screenshot, profile, language = sys.argv[1:7]

to_chrome_r, to_chrome_w = os.pipe()
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


try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Runtime.enable", {}, session)
    call("Log.enable", {}, session)
    call("Page.enable", {}, session)
    call("Emulation.setDeviceMetricsOverride",
         {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}, session)
    agent = call("Browser.getVersion")["userAgent"]
    call("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": language}, session)
    call("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1}, session)
    call("Page.navigate", {"url": url}, session)
    for _ in range(200):
        if evaluate("document.readyState === 'complete' && !!document.getElementById('send')", session):
            break
        time.sleep(0.05)

    def tap(element_id):
        evaluate("document.getElementById(%s).scrollIntoView({block:'center'})" % json.dumps(element_id), session)
        box = evaluate("(function(){var r=document.getElementById(%s).getBoundingClientRect();"
                       "return [r.left + r.width / 2, r.top + r.height / 2];})()" % json.dumps(element_id), session)
        point = [{"x": box[0], "y": box[1]}]
        call("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point}, session)
        call("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []}, session)

    def save_screenshot(path):
        shot = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    tap("text")
    call("Input.insertText", {"text": text}, session)
    evaluate("(function(){var i=document.querySelector('input[value=%s]'); i.id='pick'; })()" % json.dumps(colour),
             session)
    tap("pick")
    save_screenshot(screenshot[:-4] + "-form.png")
    tap("send")
    state, message = None, None
    for _ in range(300):
        state = evaluate("document.getElementById('status').getAttribute('data-state')", session)
        if state and state != "waiting":
            break
        time.sleep(0.05)
    message = evaluate("document.getElementById('status').textContent", session)
    save_screenshot(screenshot)
    errors = [e["params"]["entry"]["text"] for e in events
              if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
    errors += [json.dumps(e["params"]["exceptionDetails"].get("text")) for e in events
               if e.get("method") == "Runtime.exceptionThrown"]
    print(json.dumps({"state": state, "message": message, "errors": errors}, ensure_ascii=False))
finally:
    try:
        call("Browser.close")
    except BaseException:
        pass
    try:
        chrome.wait(timeout=10)
    except subprocess.TimeoutExpired:
        chrome.kill()
