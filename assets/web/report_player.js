/* The replay player of the offline HTML report (report/html_report.cpp writes the page): reads
 * the session's events from the page's JSON data block (id "atelier-session"), folds them
 * with AtelierBoard (board_view.js, inlined before this script) and draws the board at the
 * playhead on <canvas id="board">. Controls: play/pause, speeds, a scrubber, the phases as
 * marks under it and as buttons. ES5, no network, no HTML built from data: text goes through
 * textContent and fillText only.
 *
 * For tests and benchmarks: window.atelierReplay = {duration, seek(ms), time(), play(),
 * pause(), playing(), setSpeed(k), cardPlaces() (the cards drawn now: id, x, y, w, h in map
 * units), redraw() (the whole board again, not only what changed), frameTimes() (ms each of the
 * last frames took to fold and draw)}. The canvas also
 * carries data-time (ms) and data-cards (how many cards it shows).
 */
(function () {
  "use strict";
  var A = window.AtelierBoard;
  var data = JSON.parse(document.getElementById("atelier-session").textContent);
  var session = data.session || {};
  var lang = data.lang === "en" ? "en" : "fr";
  var timeline = new A.Timeline(A.parseTemplate(session.template), data.events || []);
  var duration = timeline.duration;

  var canvas = document.getElementById("board");
  var ctx = canvas.getContext("2d");
  var marks = document.getElementById("marks");
  var scrub = document.getElementById("scrub");
  var playButton = document.getElementById("play");
  var clock = document.getElementById("clock");
  var speedButtons = document.querySelectorAll("button[data-speed]");
  var phaseButtons = document.querySelectorAll("button[data-t]");

  var now = duration;       // the playhead, session ms
  var speed = 60;
  var playing = false;
  var lastFrame = 0;
  var drawnCount = -1, drawnW = 0, drawnH = 0;
  var frameTimes = [];
  var shown = [];

  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  // replay::FormatElapsed: "m:ss", or "h:mm:ss" from an hour on.
  function elapsed(ms) {
    var s = Math.floor(Math.max(0, ms) / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return h > 0 ? h + ":" + pad2(m) + ":" + pad2(s % 60) : m + ":" + pad2(s % 60);
  }
  // The time of day in the session's zone (the fixed offset at its start, as the exports do).
  function timeOfDay(ms) {
    var start = +session.started_ms || 0, offset = +session.utc_offset_minutes || 0;
    var d = new Date(start + ms + offset * 60000);
    return pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes());
  }

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    var w = Math.max(160, Math.round(canvas.clientWidth * ratio));
    var h = Math.round(w * 9 / 16);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    var mw = Math.max(160, Math.round(marks.clientWidth * ratio)), mh = Math.round(24 * ratio);
    if (marks.width !== mw || marks.height !== mh) { marks.width = mw; marks.height = mh; drawMarks(); }
  }

  // The phases as ticks along the scrubber, the event density as a faint strip.
  function drawMarks() {
    var m = marks.getContext("2d"), w = marks.width, h = marks.height, i;
    m.clearRect(0, 0, w, h);
    if (duration <= 0) return;
    m.fillStyle = "rgba(91,98,106,0.25)";
    var buckets = Math.min(400, Math.max(1, Math.floor(w / 3))), counts = [], most = 1;
    for (i = 0; i < buckets; i++) counts.push(0);
    for (i = 0; i < timeline.times.length; i++) {
      var b = Math.min(buckets - 1, Math.floor(timeline.times[i] / duration * buckets));
      counts[b]++;
      most = Math.max(most, counts[b]);
    }
    for (i = 0; i < buckets; i++)
      if (counts[i]) {
        var bh = Math.max(2, (h * 0.5) * counts[i] / most);
        m.fillRect(i * w / buckets, h - bh, Math.max(1, w / buckets - 1), bh);
      }
    m.fillStyle = "#1d3f8a";
    for (i = 0; i < timeline.phases.length; i++) {
      var x = Math.round(timeline.phases[i].t_ms / duration * (w - 2)) + 1;
      m.fillRect(x - 1, 0, 3, h);
    }
  }

  function render(force) {
    var t0 = window.performance ? performance.now() : Date.now();
    resize();
    var count = timeline.countAt(now);
    if (force || count !== drawnCount || canvas.width !== drawnW || canvas.height !== drawnH) {
      var board = timeline.boardAfter(count);
      A.draw(ctx, board, { x: 0, y: 0, w: canvas.width, h: canvas.height }, { lang: lang, incremental: !force });
      shown = A.cardPlaces(board);
      drawnCount = count; drawnW = canvas.width; drawnH = canvas.height;
      canvas.setAttribute("data-cards", String(shown.length));
    }
    canvas.setAttribute("data-time", String(Math.round(now)));
    scrub.value = String(Math.round(now));
    clock.textContent = elapsed(now) + " / " + elapsed(duration) + "  \u00b7  " + timeOfDay(now);
    var t1 = window.performance ? performance.now() : Date.now();
    frameTimes.push(t1 - t0);
    if (frameTimes.length > 2000) frameTimes.splice(0, frameTimes.length - 2000);
  }

  function setPlaying(on) {
    playing = on;
    playButton.textContent = playButton.getAttribute(on ? "data-pause" : "data-play");
    playButton.setAttribute("aria-pressed", on ? "true" : "false");
    if (on) {
      if (now >= duration) now = 0;
      lastFrame = 0;
      window.requestAnimationFrame(tick);
    }
  }

  function tick(stamp) {
    if (!playing) return;
    if (lastFrame) now = Math.min(duration, now + (stamp - lastFrame) * speed);
    lastFrame = stamp;
    render(false);
    if (now >= duration) { setPlaying(false); return; }
    window.requestAnimationFrame(tick);
  }

  function seek(ms) {
    now = Math.max(0, Math.min(duration, +ms || 0));
    render(false);
  }

  function setSpeed(k) {
    speed = +k || 1;
    for (var i = 0; i < speedButtons.length; i++)
      speedButtons[i].setAttribute("aria-pressed", +speedButtons[i].getAttribute("data-speed") === speed ? "true" : "false");
  }

  scrub.min = "0";
  scrub.max = String(duration);
  scrub.addEventListener("input", function () { seek(+scrub.value); });
  playButton.addEventListener("click", function () { setPlaying(!playing); });
  for (var i = 0; i < speedButtons.length; i++)
    speedButtons[i].addEventListener("click", function (e) { setSpeed(e.currentTarget.getAttribute("data-speed")); });
  for (var j = 0; j < phaseButtons.length; j++)
    phaseButtons[j].addEventListener("click", function (e) { seek(+e.currentTarget.getAttribute("data-t")); });
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "INPUT" || e.target.tagName === "BUTTON")) return;
    if (e.key === " ") { e.preventDefault(); setPlaying(!playing); }
  });
  window.addEventListener("resize", function () { render(true); });
  setSpeed(speed);

  window.atelierReplay = {
    duration: duration,
    events: timeline.count,
    seek: seek,
    time: function () { return now; },
    play: function () { setPlaying(true); },
    pause: function () { setPlaying(false); },
    playing: function () { return playing; },
    setSpeed: setSpeed,
    cardPlaces: function () { return shown; },
    redraw: function () { render(true); },
    frameTimes: function () { return frameTimes.slice(); },
    ready: false
  };

  function start() {
    render(true);
    window.atelierReplay.ready = true;
  }
  // Draw once the embedded font is there, so the first picture already wraps as it will.
  if (document.fonts && document.fonts.load) {
    Promise.all([document.fonts.load('20px "Andika"'), document.fonts.load('bold 20px "Andika"')])
      .then(start, start);
  } else {
    start();
  }
})();
