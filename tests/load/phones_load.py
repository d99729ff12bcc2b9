#!/usr/bin/env python3
"""Load on the phone server (docs/phones.md, docs/performance.md), bounded, on loopback only,
stopping by itself. Python's standard library only.

phones_load.py --atelier build/app/atelier --dir DIR [--seconds 60] [--phones 40] [--live 5]
               [--idle-seconds 20] [--size 1280x720]

Runs the real kiosk three times on a display (DISPLAY: run it under xvfb-run), each with
--bench-frames (frames drawn back to back, each one timed, the summary printed at the end,
here when the driver sends SIGTERM):
  1. idle, before: a fresh session, the phone server on, nobody connected;
  2. load: --seconds of PHONES simulated phones, each from its own loopback address
     (127.0.0.x) and with its own cookie, writing a card every 5 to 20 s and sending it until
     it is accepted (429 and 503 and a dropped connection: again later, with the same key;
     now and then the same card twice after its answer, or a request whose answer is never
     read), while LIVE event-stream clients (GET /api/events, the view-only token) read
     everything, each dropping its connection now and then and coming back with
     Last-Event-ID;
  3. idle, after: the load's session reopened (the same cards on the board), nobody connected.
Then checks, from `atelier export --jsonl` of the load's session:
  - every accepted card is in the file exactly once (none lost, no duplicate after retries),
    with the id its answer gave, and the file holds no phone card that was not accepted;
  - every stream client received every event of the file exactly once, in order, each line
    byte for byte what the export writes.
Prints the frame times (median, p95) of the three runs and one JSON line; exits 1 when a check
fails. Frame times are measured, never asserted (the machine may be shared).
"""
import argparse
import http.client
import json
import os
import random
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--atelier", required=True)
ap.add_argument("--dir", required=True)
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--phones", type=int, default=40)
ap.add_argument("--live", type=int, default=5)
ap.add_argument("--idle-seconds", type=float, default=20)
ap.add_argument("--size", default="1280x720")
ap.add_argument("--seed", type=int, default=12)
args = ap.parse_args()
os.makedirs(args.dir, exist_ok=True)
rng = random.Random(args.seed)
lock = threading.Lock()
problems = []


def problem(text):
    with lock:
        if len(problems) < 50:
            problems.append(text)


def log(text):
    print(text, flush=True)


# ---- the kiosk -----------------------------------------------------------------------------

LINE = re.compile(r"phones: http://127\.0\.0\.1:(\d+)/\?t=([0-9a-f]{32})\nlive: http://127\.0\.0\.1:\d+/live\?t=([0-9a-f]{32})\n")
SUMMARY = re.compile(r"frames: (\d+)\s+cpu frame ms: median ([\d.]+)\s+p95 ([\d.]+)\s+max ([\d.]+)")


class Kiosk:
    def __init__(self, name, session):
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = os.path.join(args.dir, "config")
        env["XDG_DATA_HOME"] = os.path.join(args.dir, "data")
        self.err_path = os.path.join(args.dir, name + ".stderr.txt")
        self.err = open(self.err_path, "w+")
        self.proc = subprocess.Popen(
            [args.atelier, "--windowed", "--size", args.size, "--ui-scale", "1", "--session", session,
             "--phones", "127.0.0.1:0", "--bench-frames", "1000000000"],
            stdout=subprocess.PIPE, stderr=self.err, env=env, text=True)
        self.port = self.token = self.view = None
        deadline = time.time() + 120
        while time.time() < deadline and self.proc.poll() is None:
            with open(self.err_path) as f:
                m = LINE.search(f.read())
            if m:
                self.port, self.token, self.view = int(m.group(1)), m.group(2), m.group(3)
                break
            time.sleep(0.1)
        if not self.port:
            self.stop()
            raise SystemExit("the kiosk did not start its phone server:\n" + open(self.err_path).read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            out, _ = self.proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        m = SUMMARY.search(out or "")
        if self.proc.returncode != 0:
            problem("kiosk exit %s: %s" % (self.proc.returncode, open(self.err_path).read()[-2000:]))
        return {"frames": int(m.group(1)), "median_ms": float(m.group(2)), "p95_ms": float(m.group(3)),
                "max_ms": float(m.group(4))} if m else None


def idle(name, session, seconds):
    kiosk = Kiosk(name, session)
    time.sleep(seconds)
    return kiosk.stop()


# ---- phones --------------------------------------------------------------------------------

class Phone(threading.Thread):
    def __init__(self, n, kiosk, until):
        super().__init__(daemon=True)
        self.n, self.kiosk, self.until = n, kiosk, until
        self.address = "127.0.0.%d" % (10 + n)
        self.cookie = None
        self.rng = random.Random(args.seed * 1000 + n)
        self.accepted = {}  # key → (card id, text)
        self.counts = {"posts": 0, "retries": 0, "429": 0, "503": 0, "dropped": 0, "twice": 0, "unread": 0}

    def post(self, body, read=True):
        c = http.client.HTTPConnection("127.0.0.1", self.kiosk.port, timeout=15, source_address=(self.address, 0))
        try:
            headers = {"Content-Type": "application/json", "Accept-Language": "fr"}
            if self.cookie:
                headers["Cookie"] = self.cookie
            c.request("POST", "/api/cards", body=json.dumps(body).encode(), headers=headers)
            self.counts["posts"] += 1
            if not read:
                return None, None
            r = c.getresponse()
            data = r.read()
            cookie = r.getheader("Set-Cookie")
            if cookie:
                self.cookie = cookie.split(";", 1)[0]
            return r.status, json.loads(data)
        finally:
            c.close()

    def send(self, key, text):
        body = {"token": self.kiosk.token, "text": text, "colour": self.rng.choice(
            ["yellow", "orange", "pink", "purple", "blue", "teal", "green", "grey"]), "key": key}
        tries = 0
        give_up = self.until + 60
        while time.time() < give_up:
            tries += 1
            if tries > 1:
                self.counts["retries"] += 1
            try:
                if self.rng.random() < 0.03:  # the Wi-Fi drops before the answer comes
                    self.counts["unread"] += 1
                    self.post(body, read=False)
                    time.sleep(self.rng.uniform(0.5, 2))
                    continue
                status, answer = self.post(body)
            except (OSError, http.client.HTTPException):
                self.counts["dropped"] += 1
                time.sleep(self.rng.uniform(1, 3))
                continue
            if status == 201:
                card = answer.get("card")
                self.accepted[key] = (card, text)
                if self.rng.random() < 0.1:  # the answer crossed a retry: the same card again
                    self.counts["twice"] += 1
                    s2, a2 = self.post(body)
                    if s2 != 201 or a2.get("card") != card:
                        problem("%s sent twice: %s %s, first %s" % (key, s2, a2, card))
                return
            if status in (429, 503):
                self.counts[str(status)] += 1
                time.sleep(self.rng.uniform(2, 6))
                continue
            problem("%s: %s %s" % (key, status, answer))
            return
        problem("%s never accepted" % key)

    def run(self):
        time.sleep(self.rng.uniform(0, 5))
        k = 0
        while time.time() < self.until:
            k += 1
            key = "load-%02d-%04d" % (self.n, k)
            self.send(key, "Téléphone %d, carte %d <b>&</b>" % (self.n, k))
            next_card = time.time() + self.rng.uniform(5, 20)
            while time.time() < min(next_card, self.until):
                time.sleep(0.2)


# ---- live streams --------------------------------------------------------------------------

class Stream(threading.Thread):
    """An event-stream client on a raw socket, as a browser's EventSource: after a drop it comes
    back with Last-Event-ID. Keeps every (seq, line) it got."""

    def __init__(self, n, kiosk):
        super().__init__(daemon=True)
        self.n, self.kiosk = n, kiosk
        self.rng = random.Random(args.seed * 7777 + n)
        self.got = []
        self.connections = 0
        self.refused = 0
        self.stop_at = None  # set when the driver wants it to finish
        self.done = threading.Event()

    def last(self):
        return self.got[-1][0] if self.got else 0

    def once(self, drop_after):
        s = socket.create_connection(("127.0.0.1", self.kiosk.port), timeout=10,
                                     source_address=("127.0.0.%d" % (100 + self.n), 0))
        try:
            req = "GET /api/events?token=%s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" % self.kiosk.view
            if self.got:
                req += "Last-Event-ID: %d\r\n" % self.last()
            s.sendall((req + "\r\n").encode())
            raw = b""
            while b"\r\n\r\n" not in raw:
                chunk = s.recv(65536)
                if not chunk:
                    return
                raw += chunk
            head, raw = raw.split(b"\r\n\r\n", 1)
            status = int(head.split(b" ", 2)[1])
            if status != 200:
                self.refused += 1
                time.sleep(1)
                return
            self.connections += 1
            text = b""
            while True:
                if self.stop_at and time.time() > self.stop_at:
                    return
                if drop_after and time.time() > drop_after:
                    return  # the connection drops (a phone's Wi-Fi)
                while True:  # chunked transfer coding
                    crlf = raw.find(b"\r\n")
                    if crlf < 0:
                        break
                    size = int(raw[:crlf], 16)
                    if len(raw) < crlf + 2 + size + 2:
                        break
                    text += raw[crlf + 2:crlf + 2 + size]
                    raw = raw[crlf + 2 + size + 2:]
                while b"\n\n" in text:
                    block, text = text.split(b"\n\n", 1)
                    fields = {}
                    for line in block.decode("utf-8").split("\n"):
                        if not line or line.startswith(":"):
                            continue
                        name, _, value = line.partition(":")
                        fields[name] = value[1:] if value.startswith(" ") else value
                    if "id" in fields and "data" in fields and "event" not in fields:
                        self.got.append((int(fields["id"]), fields["data"]))
                r, _, _ = select.select([s], [], [], 0.5)
                if r:
                    chunk = s.recv(65536)
                    if not chunk:
                        return
                    raw += chunk
        finally:
            s.close()

    def run(self):
        while not (self.stop_at and time.time() > self.stop_at):
            drop = time.time() + self.rng.uniform(15, 45) if self.rng.random() < 0.7 else None
            try:
                self.once(drop)
            except OSError as e:
                problem("stream %d: %s" % (self.n, e))
                time.sleep(1)
        self.done.set()


# ---- the run -------------------------------------------------------------------------------

def main():
    for name in ("idle.atelier", "load.atelier"):
        path = os.path.join(args.dir, name)
        if os.path.exists(path):
            os.remove(path)
    log("idle (before): %g s" % args.idle_seconds)
    before = idle("idle-before", os.path.join(args.dir, "idle.atelier"), args.idle_seconds)
    log("  %s" % before)

    session = os.path.join(args.dir, "load.atelier")
    kiosk = Kiosk("load", session)
    started = time.time()
    until = started + args.seconds
    log("load: %d phones, %d live streams, %g s, port %d" % (args.phones, args.live, args.seconds, kiosk.port))
    streams = [Stream(i, kiosk) for i in range(args.live)]
    for s in streams:
        s.start()
    phones = [Phone(i, kiosk, until) for i in range(args.phones)]
    for p in phones:
        p.start()
    for p in phones:
        p.join()
    ended = time.time()
    # The streams catch up with everything the kiosk committed, then stop.
    accepted = sum(len(p.accepted) for p in phones)
    deadline = time.time() + 30
    while time.time() < deadline:
        lasts = [s.last() for s in streams]
        if min(lasts) == max(lasts) and min(lasts) >= accepted:
            time.sleep(1)
            if [s.last() for s in streams] == lasts:
                break
        time.sleep(0.2)
    for s in streams:
        s.stop_at = time.time()
    for s in streams:
        s.join(timeout=10)
    load = kiosk.stop()
    log("  %s" % load)

    log("idle (after, the same %d cards): %g s" % (accepted, args.idle_seconds))
    after = idle("idle-after", session, args.idle_seconds)
    log("  %s" % after)

    # ---- the checks, against the session file ----
    jsonl = os.path.join(args.dir, "load.jsonl")
    if os.path.exists(jsonl):
        os.remove(jsonl)
    done = subprocess.run([args.atelier, "export", session, "--jsonl", jsonl], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("export failed: " + done.stderr)
    lines = open(jsonl, encoding="utf-8").read().split("\n")[1:]
    lines = [l for l in lines if l]
    events = [json.loads(l) for l in lines]
    by_text = {}
    for e in events:
        if e["type"] == "card_added" and e["actor"] == "phone":
            by_text.setdefault(e["payload"]["text"], []).append(e["payload"]["id"])
    wanted = {}
    for p in phones:
        for key, (card, text) in p.accepted.items():
            wanted[text] = card
    for text, card in wanted.items():
        ids = by_text.get(text, [])
        if ids != [card]:
            problem("accepted card %r (id %s) is in the file as %s" % (text, card, ids))
    for text, ids in by_text.items():
        if text not in wanted:
            problem("card %r (ids %s) in the file was never accepted" % (text, ids))
    seqs = [e["seq"] for e in events]
    if seqs != list(range(1, len(events) + 1)):
        problem("the file's seqs are not 1..%d" % len(events))
    for s in streams:
        got_seqs = [seq for seq, _ in s.got]
        if got_seqs != seqs:
            missing = sorted(set(seqs) - set(got_seqs))
            twice = len(got_seqs) - len(set(got_seqs))
            problem("stream %d: %d events of %d, %d missing (first %s), %d twice" % (
                s.n, len(got_seqs), len(seqs), len(missing), missing[:5], twice))
        elif [line for _, line in s.got] != lines:
            problem("stream %d: an event's line differs from the export's" % s.n)

    counts = {}
    for p in phones:
        for k, v in p.counts.items():
            counts[k] = counts.get(k, 0) + v
    bytes_per_event = sum(len(l.encode()) for l in lines) / max(1, len(lines))
    result = {
        "phones": args.phones, "live": args.live, "seconds": round(ended - started, 1),
        "accepted_cards": accepted, "events": len(events), "posts": counts,
        "stream_connections": [s.connections for s in streams], "stream_refusals": sum(s.refused for s in streams),
        "event_json_bytes_mean": round(bytes_per_event, 1),
        "frames_idle_before": before, "frames_load": load, "frames_idle_after": after,
        "problems": problems,
    }
    if load and after:
        result["load_vs_idle_after"] = {"median": round(load["median_ms"] / after["median_ms"], 2),
                                        "p95": round(load["p95_ms"] / after["p95_ms"], 2)}
    if load and before:
        result["load_vs_idle_before"] = {"median": round(load["median_ms"] / before["median_ms"], 2),
                                         "p95": round(load["p95_ms"] / before["p95_ms"], 2)}
    log(json.dumps(result, ensure_ascii=False))
    if problems:
        log("FAILED: %d problems" % len(problems))
        return 1
    if accepted == 0:
        log("FAILED: no card accepted")
        return 1
    log("OK: %d cards accepted, each in the file once; %d streams got all %d events" % (accepted, len(streams), len(events)))
    return 0


sys.exit(main())
