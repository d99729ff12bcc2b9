/* The live page (docs/phones.md): the session's events from GET /api/events (Server-Sent
 * Events) folded into a board and drawn on a canvas by the shared AtelierBoard module
 * (assets/web/board_view.js). Read-only. Reconnects by itself: the browser's EventSource sends
 * Last-Event-ID after a drop; when it gives up (an answer that is not a stream), this page
 * opens a new one with ?last_event_id=, so a reconnect misses nothing. Card text is drawn with
 * fillText and listed with textContent: never HTML. Plain ES5, no framework. */
(function () {
  'use strict';

  var token = '';
  (location.search.substring(1).split('&')).forEach(function (part) {
    var eq = part.indexOf('=');
    if (eq > 0 && part.substring(0, eq) === 't') token = decodeURIComponent(part.substring(eq + 1));
  });
  var lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  var canvas = document.getElementById('board');
  var statusLine = document.getElementById('status');
  var list = document.getElementById('cards');
  var ctx = canvas.getContext('2d');

  // What the page knows, also read by the e2e test (tests/e2e/tools/live_page_driver.py).
  var live = window.AtelierLive = { board: null, header: null, lastSeq: 0, connections: 0, events: 0 };
  var source = null, retryMs = 1000, retryTimer = null, drawPending = false;

  function say(state) {
    statusLine.setAttribute('data-state', state);
    statusLine.textContent = statusLine.getAttribute('data-' + state) || '';
  }

  function draw() {
    drawPending = false;
    var ratio = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(canvas.clientWidth * ratio)), h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#2b2b2b';
    ctx.fillRect(0, 0, w, h);
    if (!live.board) return;
    AtelierBoard.draw(ctx, live.board, AtelierBoard.fitViewport(w, h), { lang: lang });
    // The same cards as text, for screen readers: textContent only.
    var cards = AtelierBoard.cardsInDrawOrder(live.board);
    while (list.firstChild) list.removeChild(list.firstChild);
    for (var i = 0; i < cards.length; i++) {
      var li = document.createElement('li');
      li.textContent = cards[i].text;
      li.setAttribute('data-card', String(cards[i].id));
      list.appendChild(li);
    }
  }

  function redraw() {
    if (drawPending) return;
    drawPending = true;
    (window.requestAnimationFrame || function (f) { setTimeout(f, 16); })(draw);
  }

  function onSession(message) {
    var header = JSON.parse(message.data);
    var same = live.header && live.header.started_ms === header.started_ms && live.header.started_at === header.started_at;
    if (!same) {  // the first connection (or, should it happen, another session): start afresh
      live.header = header;
      live.board = AtelierBoard.newBoard(AtelierBoard.parseTemplate(header.template));
      live.lastSeq = 0;
    }
    redraw();
  }

  function onEvent(message) {
    var e = JSON.parse(message.data);
    if (!live.board || e.seq <= live.lastSeq) return;  // never twice
    AtelierBoard.apply(live.board, e);
    live.lastSeq = e.seq;
    live.events++;
    redraw();
  }

  // Is the link still good? An asset of the page answers 404 once the token is old.
  function checkLink(then) {
    var x = new XMLHttpRequest();
    x.open('GET', 'live.css?t=' + encodeURIComponent(token));
    x.onload = function () { then(x.status !== 404); };
    x.onerror = function () { then(true); };
    x.send();
  }

  function connect() {
    retryTimer = null;
    var url = 'api/events?token=' + encodeURIComponent(token);
    if (live.lastSeq > 0) url += '&last_event_id=' + live.lastSeq;
    source = new EventSource(url);
    source.addEventListener('session', onSession);
    source.onmessage = onEvent;
    source.onopen = function () {
      live.connections++;
      retryMs = 1000;
      say('live');
    };
    source.onerror = function () {
      if (source.readyState === EventSource.CONNECTING) {  // the browser tries again with Last-Event-ID
        say('lost');
        return;
      }
      source.close();  // it gave up (an answer that is not a stream): try again ourselves, later
      checkLink(function (good) {
        if (!good) return say('ended');
        say('lost');
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      });
    };
  }

  window.addEventListener('resize', redraw);
  say('connecting');
  redraw();
  connect();
})();
