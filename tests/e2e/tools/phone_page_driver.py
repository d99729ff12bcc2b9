#!/usr/bin/env python3
"""Drives the phone page in headless Chromium as a phone would (tests/e2e/phones_test.cpp).

phone_page_driver.py URL TEXT COLOUR SCREENSHOT.png PROFILE_DIR LANGUAGE

Opens URL in a phone-sized viewport (390x844, touch, mobile) whose browser asks for LANGUAGE
(Accept-Language, e.g. fr-FR), types TEXT into the card's text
box with real key input, taps the COLOUR button and "Envoyer", waits for the page to say where
the card is, and prints one JSON line (SCREENSHOT: the page at the end; SCREENSHOT-form.png:
the filled form just before "Envoyer"): {"state", "message", "errors"} ("errors": what the page
logged to the console, CSP violations included). Talks to Chromium over the DevTools protocol
on a pipe (devtools_pipe.py); Python's standard library only.
"""
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Chromium  # noqa: E402

url, text, colour, screenshot, profile, language = sys.argv[1:7]

with Chromium(profile) as chrome:
    page = chrome.new_page()
    page.call("Emulation.setDeviceMetricsOverride",
              {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    agent = chrome.call("Browser.getVersion")["userAgent"]
    page.call("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": language})
    page.call("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    page.call("Page.navigate", {"url": url})
    page.wait_for("document.readyState === 'complete' && !!document.getElementById('send')", 10)

    def tap(element_id):
        page.evaluate("document.getElementById(%s).scrollIntoView({block:'center'})" % json.dumps(element_id))
        box = page.evaluate("(function(){var r=document.getElementById(%s).getBoundingClientRect();"
                            "return [r.left + r.width / 2, r.top + r.height / 2];})()" % json.dumps(element_id))
        point = [{"x": box[0], "y": box[1]}]
        page.call("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        page.call("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    tap("text")
    page.call("Input.insertText", {"text": text})
    page.evaluate("(function(){var i=document.querySelector('input[value=%s]'); i.id='pick'; })()" % json.dumps(colour))
    tap("pick")
    page.screenshot(screenshot[:-4] + "-form.png")
    tap("send")
    state = None
    for _ in range(300):
        state = page.evaluate("document.getElementById('status').getAttribute('data-state')")
        if state and state != "waiting":
            break
        time.sleep(0.05)
    message = page.evaluate("document.getElementById('status').textContent")
    page.screenshot(screenshot)
    print(json.dumps({"state": state, "message": message, "errors": chrome.errors()}, ensure_ascii=False))
