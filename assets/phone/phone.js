/* The phone page (docs/phones.md). Plain ES5 for old phone browsers: XMLHttpRequest, no
 * framework, nothing from the internet. A card gets one random key when it is sent; until the
 * kiosk answers, it is kept (also in localStorage, so a reload after the phone slept finds it)
 * and sent again with the same key, so it lands once however often it is retried. */
(function () {
  'use strict';
  var MAX_CHARS = 200;
  var page = document.getElementById('page');
  var form = document.getElementById('card-form');
  var text = document.getElementById('text');
  var left = document.getElementById('left-count');
  var zone = document.getElementById('zone');
  var send = document.getElementById('send');
  var statusBox = document.getElementById('status');
  var another = document.getElementById('another');
  var token = page.getAttribute('data-token');
  var STORE = 'atelier-pending-' + token;
  var pending = null;      /* {text, colour, zone, key} until the kiosk has answered */
  var retryTimer = null;
  var retryDelay = 2000;   /* ms, doubles up to 30 s */
  var inFlight = false;
  var WATCH = 'atelier-watch-' + token;
  var watching = null;     /* the key of a card waiting in the kiosk's inbox (a 202) */
  var watchTimer = null;
  var watchDelay = 4000;   /* ms between two questions; grows to 30 s while the network is away */

  function words(name) { return page.getAttribute('data-' + name) || ''; }

  /* Characters as the kiosk counts them (code points, not UTF-16 halves). */
  function countChars(s) { return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length; }

  function newKey() {
    var bytes = [], i, hex = '';
    var c = window.crypto || window.msCrypto;
    if (c && c.getRandomValues) {
      var a = new Uint8Array(16);
      c.getRandomValues(a);
      for (i = 0; i < a.length; i++) bytes.push(a[i]);
    } else {
      for (i = 0; i < 16; i++) bytes.push(Math.floor(Math.random() * 256));
    }
    for (i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return 'k-' + hex;
  }

  function save() {
    try {
      if (pending) window.localStorage.setItem(STORE, JSON.stringify(pending));
      else window.localStorage.removeItem(STORE);
    } catch (e) { /* private mode: the card is still kept in memory */ }
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
  }

  /* state: waiting | accepted | refused | received */
  function show(state, message) {
    statusBox.className = 'status ' + (state === 'received' ? 'waiting' : state);
    statusBox.setAttribute('data-state', state);
    statusBox.textContent = message;  /* always text, never HTML */
    statusBox.hidden = false;
    var done = state !== 'waiting';
    send.disabled = !done;
    another.hidden = !done || state === 'refused';
    form.hidden = state === 'accepted' || state === 'received';
  }

  function updateLeft() {
    var n = MAX_CHARS - countChars(text.value);
    left.textContent = String(n);
    left.parentNode.className = n < 0 ? 'left over' : 'left';
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = window.setTimeout(function () { retryTimer = null; post(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function post() {
    if (!pending || inFlight) return;
    inFlight = true;
    show('waiting', words('sending'));
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/cards', true);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.timeout = 15000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      inFlight = false;
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      var message = answer && answer.message ? String(answer.message) : '';
      if (xhr.status === 201 || xhr.status === 202) {
        var key = pending.key;
        pending = null;
        save();
        retryDelay = 2000;
        show(xhr.status === 201 ? 'accepted' : 'received', message || words('accepted'));
        if (xhr.status === 202) watch(key);
      } else if (xhr.status === 0 || xhr.status === 503 || xhr.status === 429 || xhr.status >= 500) {
        /* no network, the kiosk busy, or too many at once: keep the card, same key, later */
        show('waiting', message || words('offline'));
        if (xhr.status === 429) retryDelay = Math.max(retryDelay, 15000);
        scheduleRetry();
      } else {
        /* refused for good (bad field, link no longer valid, board locked): say why */
        pending = null;
        save();
        show('refused', message || words('refused'));
      }
    };
    xhr.send(JSON.stringify({ token: token, text: pending.text, colour: pending.colour, zone: pending.zone, key: pending.key }));
  }

  /* A card in the inbox: ask the kiosk now and then whether it was accepted or refused. */
  function saveWatch() {
    try {
      if (watching) window.localStorage.setItem(WATCH, watching);
      else window.localStorage.removeItem(WATCH);
    } catch (e) { /* private mode: kept in memory */ }
  }

  function watch(key) {
    watching = key;
    watchDelay = 4000;
    saveWatch();
    scheduleWatch();
  }

  function scheduleWatch() {
    if (watchTimer || !watching) return;
    watchTimer = window.setTimeout(function () { watchTimer = null; askState(); }, watchDelay);
  }

  function askState() {
    if (!watching) return;
    var key = watching;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/cards/status', true);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.timeout = 15000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4 || watching !== key) return;
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      var state = answer && answer.state ? String(answer.state) : '';
      var message = answer && answer.message ? String(answer.message) : '';
      if (xhr.status === 200 && state === 'in_inbox') {
        watchDelay = 4000;
        show('received', message);
        another.hidden = false;  /* another card may be written while this one waits */
        scheduleWatch();
      } else if (xhr.status === 200 && (state === 'on_board' || state === 'refused')) {
        watching = null;
        saveWatch();
        show(state === 'on_board' ? 'accepted' : 'refused', message);
        another.hidden = false;
      } else if (xhr.status === 0 || xhr.status === 429 || xhr.status >= 500) {
        watchDelay = Math.min(watchDelay * 2, 30000);  /* no network, or too many questions: later */
        scheduleWatch();
      } else {
        watching = null;  /* the kiosk no longer knows the card (it restarted), or a new link */
        saveWatch();
      }
    };
    xhr.send(JSON.stringify({ token: token, key: key }));
  }

  function chosenColour() {
    var radios = form.elements.colour, i;
    for (i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i].value;
    return 'yellow';
  }

  form.onsubmit = function (event) {
    if (event && event.preventDefault) event.preventDefault();
    if (pending) { post(); return false; }
    var value = text.value.replace(/^\s+|\s+$/g, '');
    if (!value) { show('refused', words('empty')); another.hidden = true; send.disabled = false; return false; }
    if (countChars(value) > MAX_CHARS) { updateLeft(); text.focus(); return false; }
    pending = { text: value, colour: chosenColour(), zone: zone.value, key: newKey() };
    save();
    retryDelay = 2000;
    post();
    return false;
  };

  another.onclick = function () {
    if (watchTimer) { window.clearTimeout(watchTimer); watchTimer = null; }
    watching = null;
    saveWatch();
    text.value = '';
    updateLeft();
    statusBox.hidden = true;
    another.hidden = true;
    form.hidden = false;
    send.disabled = false;
    text.focus();
  };

  text.oninput = updateLeft;
  text.onkeyup = updateLeft;  /* old Android browsers fire no input event for some keyboards */
  /* Back from sleep, or the Wi-Fi returns: send what waits at once. */
  window.addEventListener('online', function () { if (pending) { retryDelay = 2000; post(); } });
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) return;
    if (pending) post();
    if (watching && !watchTimer) askState();
  });
  window.addEventListener('pageshow', function () { if (pending) post(); });

  updateLeft();
  pending = load();
  if (pending) { text.value = pending.text; updateLeft(); post(); }
  try { watching = window.localStorage.getItem(WATCH) || null; } catch (e) { watching = null; }
  if (watching && !pending) askState();
}());
