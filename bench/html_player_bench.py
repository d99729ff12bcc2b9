#!/usr/bin/env python3
"""The offline HTML report's replay player in headless Chromium: how long its frames take while
it plays (docs/performance.md, "HTML report").

html_player_bench.py REPORT.html [--speed 60] [--seconds 10] [--width 1920] [--profile DIR]

Opens REPORT.html (written by `atelier export SESSION --html`) from file:// in a
WIDTH × WIDTH·9/16 viewport (device scale 1), seeks to 0, plays at --speed for --seconds of
real time, and prints what the page measured with performance.now(): the time each
requestAnimationFrame callback took to fold the events due and draw the board (the player's
own frameTimes()), and the intervals between frames (how smooth it looked). Uses
tests/e2e/tools/devtools_pipe.py (the DevTools protocol on a pipe; Python's standard library).
Chromium runs headless with --disable-gpu: the canvas is rasterised in software.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(here, "..", "tests", "e2e", "tools"))
from devtools_pipe import Chromium  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("report")
parser.add_argument("--speed", type=float, default=60)
parser.add_argument("--seconds", type=float, default=10)
parser.add_argument("--width", type=int, default=1920)
parser.add_argument("--profile", default=None)
args = parser.parse_args()


def summary(values):
    values = sorted(values)
    if not values:
        return "none"
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return "median %.2f  p95 %.2f  max %.2f ms (%d frames)" % (statistics.median(values), p95, values[-1], len(values))


profile = args.profile or tempfile.mkdtemp(prefix="atelier-bench-chromium-")
with Chromium(profile) as chrome:
    page = chrome.new_page()
    height = args.width * 9 // 16 + 400
    page.call("Emulation.setDeviceMetricsOverride",
              {"width": args.width + 40, "height": height, "deviceScaleFactor": 1, "mobile": False})
    page.call("Page.navigate", {"url": "file://" + os.path.abspath(args.report)})
    if not page.wait_for("!!window.atelierReplay && atelierReplay.ready", 120):
        raise SystemExit("the player did not start: " + json.dumps(chrome.errors()))
    page.evaluate("document.getElementById('board').scrollIntoView(); true")
    info = page.evaluate("({events: atelierReplay.events, duration: atelierReplay.duration,"
                         " cards: atelierReplay.cardPlaces().length,"
                         " canvas: [document.getElementById('board').width, document.getElementById('board').height]})")
    # Play; the page itself records the intervals between frames.
    page.evaluate("atelierReplay.seek(0); atelierReplay.setSpeed(%f); atelierReplay.play();"
                  " window.__intervals = []; (function loop(last){ requestAnimationFrame(function(t){"
                  " if (last) __intervals.push(t - last); if (atelierReplay.playing()) loop(t); }); })(0); true"
                  % args.speed)
    before = page.evaluate("atelierReplay.frameTimes().length")
    time.sleep(args.seconds)
    reached = page.evaluate("atelierReplay.time()")
    frames = page.evaluate("atelierReplay.frameTimes()")[before:]
    intervals = page.evaluate("__intervals")
    page.evaluate("atelierReplay.pause(); true")
    print("report: %s (%d bytes)" % (args.report, os.path.getsize(args.report)))
    print("session: %d events, %d ms, %d cards at the end; canvas %dx%d" %
          (info["events"], info["duration"], info["cards"], info["canvas"][0], info["canvas"][1]))
    print("played %.1f s at %g×: reached %d ms of session time" % (args.seconds, args.speed, reached))
    print("fold + draw per frame: " + summary(frames))
    print("interval between frames: " + summary(intervals))
    errors = chrome.errors()
    if errors:
        print("page errors: " + json.dumps(errors))
