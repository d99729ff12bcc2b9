/* Atelier board view for web pages: folds a session's events into a board at any moment and
 * draws the map and its cards on a <canvas>, like the kiosk does. Shared by the offline HTML
 * report's replay player (report/html_report) and the kiosk's live page for phones.
 *
 * Plain ES5 (var, function; no modules, no framework) so older phones run it; it defines one
 * global, AtelierBoard (and module.exports under Node, for tests). Text is always drawn with
 * fillText and never goes through HTML.
 *
 * ---- API ------------------------------------------------------------------------------------
 *
 * AtelierBoard.parseTemplate(json) -> template
 *     The template as the session's JSON Lines header holds it (docs/templates.md): labels as
 *     "text" or {"fr", "en"}, zones with "area" [x, y, w, h] and "tint" "#rrggbb", "paper",
 *     "background" ("grid" | "dots" | "plain").
 * AtelierBoard.newBoard(template) -> board
 *     An empty board. board = {template, cards: {id: card}, binned, hidden, nextZ, lastMs,
 *     phase: null | {name, kind, startedMs}, locked}; card = {id, text, colour, x, y, z, votes,
 *     createdMs, changedMs}. x, y: the card's centre in map units (0 … 1 across and down).
 * AtelierBoard.apply(board, event)
 *     Folds one event {seq, t_ms, actor, type, payload} (a JSON Lines line) into the board,
 *     exactly as core::Board::Apply does (app/core/board.cpp). Unknown types and unknown card
 *     ids are ignored.
 * AtelierBoard.cardSize(board) -> {w, h}
 *     The board's card size in map units (follows how crowded the zones are: app/core/card_size).
 * AtelierBoard.cardsInDrawOrder(board) -> [card]   (ascending z)
 * AtelierBoard.cardPlaces(board) -> [{id, x, y, w, h, text, colour, votes}]  (by id)
 * new AtelierBoard.Timeline(template, events)
 *     .count, .duration (ms), .times[i] (monotonic: an event stamped before the previous one
 *     counts at the previous one's time, as replay::Timeline), .phases [{t_ms, name, kind}],
 *     .countAt(t_ms), .boardAfter(count), .boardAt(t_ms). Seeking restores an in-memory
 *     snapshot and folds the events after it; a Cursor-like fast path folds forward only.
 * AtelierBoard.fitViewport(width, height) -> {x, y, w, h}
 *     The largest 16:9 rectangle centred in width × height (core::Viewport::Fit).
 * AtelierBoard.draw(ctx, board, viewport, options)
 *     Draws the map (paper, grid or dots, zones and labels, title, axes) and the cards in draw
 *     order into the viewport {x, y, w, h} (px) of a 2D context. options: {lang: "fr" | "en",
 *     font: CSS family list (default '"Andika", sans-serif'), highlight: {cardId: strength 0…1}}.
 *     Sizes follow the kiosk's painter (app/render/board_painter.cpp), given for a 1080 px
 *     high map and scaled. The map and each card are drawn once into offscreen canvases and
 *     copied on later frames while they look the same (options.cache: false draws everything
 *     each time). options.incremental: true when nothing else draws on this canvas between
 *     calls: then only where cards appeared, went or changed is drawn again.
 * AtelierBoard.palette: [{name, french, paper: "#rrggbb"}]   (app/core/palette.h)
 */
(function (root) {
  "use strict";

  // 32-bit float arithmetic, as the C++ core computes (the card size rule compares sums).
  var f32 = Math.fround || (function () {
    var a = new Float32Array(1);
    return function (v) { a[0] = v; return a[0]; };
  })();

  // ---- palette (app/core/palette.h) and the painter's inks (app/render/board_painter.cpp) ----

  var palette = [
    { name: "yellow", french: "jaune", paper: [0xff, 0xe9, 0x7a] },
    { name: "orange", french: "orange", paper: [0xff, 0xc0, 0x7a] },
    { name: "pink", french: "rose", paper: [0xff, 0xb3, 0xc7] },
    { name: "purple", french: "violet", paper: [0xd9, 0xc2, 0xf0] },
    { name: "blue", french: "bleu", paper: [0x9c, 0xcf, 0xf5] },
    { name: "teal", french: "turquoise", paper: [0x8f, 0xe0, 0xd0] },
    { name: "green", french: "vert", paper: [0xc5, 0xe8, 0x9a] },
    { name: "grey", french: "gris", paper: [0xdc, 0xdc, 0xd6] }
  ];
  var kInk = [0x1f, 0x23, 0x28];
  var kWhite = [255, 255, 255];
  var kBlack = [0, 0, 0];
  var kTitleInk = [0x2b, 0x30, 0x36];
  var kLabelInk = [0x3f, 0x45, 0x4c];
  var kAxisInk = [0x5b, 0x62, 0x6a];
  var kImpactHigh = [0x5f, 0xb8, 0x84];
  var kImpactLow = [0xe9, 0x8a, 0x6c];
  var kGlow = [0xf2, 0xb1, 0x2e];
  var kVoteBadge = [0x1d, 0x3f, 0x8a];

  function paperOf(name) {
    for (var i = 0; i < palette.length; i++) if (palette[i].name === name) return palette[i].paper;
    return palette[0].paper;  // FindColour(...).value_or(kPalette[0])
  }
  function channel(v) { return Math.floor(Math.min(255, Math.max(0, v)) + 0.5); }
  function mix(a, b, t) {
    return [channel(a[0] + (b[0] - a[0]) * t), channel(a[1] + (b[1] - a[1]) * t), channel(a[2] + (b[2] - a[2]) * t)];
  }
  function shade(c, f) { return [channel(c[0] * f), channel(c[1] * f), channel(c[2] * f)]; }
  function css(c, alpha) {
    if (alpha === undefined || alpha >= 1) return "rgb(" + c[0] + "," + c[1] + "," + c[2] + ")";
    return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + alpha + ")";
  }
  function hex(c) {
    var s = "#";
    for (var i = 0; i < 3; i++) s += (c[i] < 16 ? "0" : "") + c[i].toString(16);
    return s;
  }
  function parseHex(s, fallback) {
    if (typeof s !== "string" || !/^#[0-9a-fA-F]{6}$/.test(s)) return fallback;
    return [parseInt(s.substr(1, 2), 16), parseInt(s.substr(3, 2), 16), parseInt(s.substr(5, 2), 16)];
  }

  // ---- template (store/template_file.cpp) ----------------------------------------------------

  function label(j) {
    if (typeof j === "string") return { fr: j, en: "" };
    if (j && typeof j === "object") return { fr: String(j.fr || ""), en: String(j.en || "") };
    return { fr: "", en: "" };
  }
  function labelIn(l, lang) { return lang === "en" && l.en ? l.en : l.fr; }
  function axis(j) {
    j = j || {};
    return { title: label(j.title), low: label(j.low), high: label(j.high) };
  }

  function parseTemplate(j) {
    j = j || {};
    var t = {
      id: String(j.id || ""),
      title: label(j.title),
      horizontal: axis(j.horizontal),
      vertical: axis(j.vertical),
      background: j.background === "dots" || j.background === "plain" ? j.background : "grid",
      paper: parseHex(j.paper, [0xf7, 0xf5, 0xf0]),
      zones: []
    };
    var zones = j.zones || [];
    for (var i = 0; i < zones.length; i++) {
      var z = zones[i], a = z.area || [0, 0, 0, 0];
      t.zones.push({
        id: String(z.id || ""),
        label: label(z.label),
        area: { x: f32(a[0]), y: f32(a[1]), w: f32(a[2]), h: f32(a[3]) },
        tint: parseHex(z.tint, [255, 255, 255])
      });
    }
    return t;
  }

  function copyTemplate(t) {
    var c = {
      id: t.id, title: copyLabel(t.title), background: t.background, paper: t.paper, zones: [],
      horizontal: { title: copyLabel(t.horizontal.title), low: copyLabel(t.horizontal.low), high: copyLabel(t.horizontal.high) },
      vertical: { title: copyLabel(t.vertical.title), low: copyLabel(t.vertical.low), high: copyLabel(t.vertical.high) }
    };
    for (var i = 0; i < t.zones.length; i++) {
      var z = t.zones[i];
      c.zones.push({ id: z.id, label: copyLabel(z.label), area: z.area, tint: z.tint });
    }
    return c;
  }
  function copyLabel(l) { return { fr: l.fr, en: l.en }; }

  // core::Rect::Contains in 32-bit floats: x ≤ px < x + w.
  function contains(a, px, py) {
    return px >= a.x && px < f32(a.x + a.w) && py >= a.y && py < f32(a.y + a.h);
  }
  // Template::ZoneAt: the first listed zone wins where zones overlap.
  function zoneIndexAt(t, x, y) {
    for (var i = 0; i < t.zones.length; i++) if (contains(t.zones[i].area, x, y)) return i;
    return -1;
  }

  // ---- card size (app/core/card_size.h/.cpp, replicated step for step in 32-bit floats) -------

  var kFullCardW = f32(0.086), kFullCardH = f32(0.14);           // kFullCardSize
  var kCardScales = [1.0, 0.85, 0.72, 0.62, 0.54, 0.47, 0.42, 0.385, 0.35, 0.32];
  var kZoneTitleBand = f32(0.09), kZoneInset = f32(0.006);
  var kCardGapX = f32(0.003), kCardGapY = f32(0.005);

  function scaledCardSize(scale) { return { w: f32(kFullCardW * f32(scale)), h: f32(kFullCardH * f32(scale)) }; }

  // ZoneGrid::For(zone, size).capacity()
  function gridCapacity(zone, size) {
    var uw = f32(f32(zone.w - f32(2 * kZoneInset)));
    var uh = f32(f32(zone.h - kZoneTitleBand) - kZoneInset);
    if (uw < size.w || uh < size.h) return 0;
    var cols = Math.floor(f32(f32(f32(uw + kCardGapX) + f32(1e-6)) / f32(size.w + kCardGapX)));
    var rows = Math.floor(f32(f32(f32(uh + kCardGapY) + f32(1e-6)) / f32(size.h + kCardGapY)));
    return cols * rows;
  }

  // CardSizeFor(zones, counts, total)
  function cardSizeFor(zones, counts, total) {
    var whole = { x: 0, y: 0, w: 1, h: 1 };
    for (var s = 0; s < kCardScales.length; s++) {
      var size = scaledCardSize(kCardScales[s]);
      var fits = Math.floor(gridCapacity(whole, size) / 2) >= total;
      for (var i = 0; fits && i < zones.length; i++) fits = gridCapacity(zones[i], size) >= counts[i];
      if (fits) return size;
    }
    return scaledCardSize(kCardScales[kCardScales.length - 1]);
  }

  // Board::card_size(): counts per zone of the cards on the board (binned and hidden left out).
  function cardSize(board) {
    if (board._size) return board._size;
    var t = board.template, counts = [], areas = [], total = 0;
    for (var i = 0; i < t.zones.length; i++) { counts.push(0); areas.push(t.zones[i].area); }
    for (var id in board.cards) {
      if (!board.cards.hasOwnProperty(id)) continue;
      var c = board.cards[id], z = zoneIndexAt(t, c.x, c.y);
      if (z >= 0) counts[z]++;
      total++;
    }
    board._size = cardSizeFor(areas, counts, total);
    return board._size;
  }

  // ---- the fold (app/core/board.cpp, Board::Apply) -------------------------------------------

  function newBoard(template) {
    return { template: copyTemplate(template), cards: {}, binned: {}, hidden: {}, nextZ: 1, lastMs: 0,
             phase: null, locked: false, _size: null };
  }

  function copyCard(c) {
    return { id: c.id, text: c.text, colour: c.colour, x: c.x, y: c.y, z: c.z, votes: c.votes,
             createdMs: c.createdMs, changedMs: c.changedMs };
  }
  function copyCards(m) {
    var out = {};
    for (var id in m) if (m.hasOwnProperty(id)) out[id] = copyCard(m[id]);
    return out;
  }
  function copyBoard(b) {
    return { template: copyTemplate(b.template), cards: copyCards(b.cards), binned: copyCards(b.binned),
             hidden: copyCards(b.hidden), nextZ: b.nextZ, lastMs: b.lastMs,
             phase: b.phase ? { name: b.phase.name, kind: b.phase.kind, startedMs: b.phase.startedMs } : null,
             locked: b.locked, _size: b._size };
  }

  function point(p) { return p && p.length >= 2 ? [f32(+p[0]), f32(+p[1])] : null; }

  function bin(b, id) {
    var c = b.cards[id];
    if (!c) return;
    b.binned[id] = c;
    delete b.cards[id];
  }
  function unbin(b, id, t) {
    var c = b.binned[id];
    if (!c) return;
    c = copyCard(c);
    c.z = b.nextZ++;
    c.changedMs = t;
    b.cards[id] = c;
    delete b.binned[id];
  }
  function setVotes(b, id, votes) {
    var maps = [b.cards, b.hidden, b.binned];
    for (var i = 0; i < maps.length; i++) if (maps[i][id]) maps[i][id].votes = Math.max(0, votes);
  }
  function setLabel(b, key, text) {
    var t = b.template, l = null;
    if (key === "title") l = t.title;
    else if (key.indexOf("horizontal.") === 0 || key.indexOf("vertical.") === 0) {
      var parts = key.split("."), a = t[parts[0]];
      if (parts[1] === "title" || parts[1] === "low" || parts[1] === "high") l = a[parts[1]];
    } else if (key.indexOf("zone.") === 0) {
      for (var i = 0; i < t.zones.length; i++) if (t.zones[i].id === key.substr(5)) l = t.zones[i].label;
    }
    if (!l) return;
    l.fr = String(text);  // what the group typed shows whatever the language (Board::SetLabel)
    l.en = "";
  }

  // Board::Redo: does what an undoable event did (fresh: for the first time).
  function redo(b, type, p, t, fresh) {
    var c, i;
    switch (type) {
      case "card_added":
        if (!fresh) return unbin(b, p.id, t);
        var at = point(p.at) || [0, 0];
        b.cards[p.id] = { id: p.id, text: String(p.text), colour: String(p.colour), x: at[0], y: at[1],
                          z: b.nextZ++, votes: 0, createdMs: t, changedMs: t };
        return;
      case "card_moved":
        c = b.cards[p.id];
        var to = point(p.to);
        if (!c || !to) return;
        c.x = to[0]; c.y = to[1];
        c.z = b.nextZ++;  // a card put down lands on top
        c.changedMs = t;
        return;
      case "card_edited":
        c = b.cards[p.id];
        if (!c) return;
        c.text = String(p.text); c.colour = String(p.colour); c.changedMs = t;
        return;
      case "card_deleted": return bin(b, p.id);
      case "card_restored": return unbin(b, p.id, t);
      case "card_voted":
        if (b.cards[p.id]) b.cards[p.id].votes++;
        return;
      case "votes_reset":
        for (i = 0; p.before && i < p.before.length; i++) setVotes(b, p.before[i][0], 0);
        return;
      case "card_hidden":
        c = b.cards[p.id];
        if (!c) return;
        b.hidden[p.id] = c;
        delete b.cards[p.id];
        return;
      case "card_shown":
        c = b.hidden[p.id];
        if (!c) return;
        c = copyCard(c);
        c.z = b.nextZ++;
        b.cards[p.id] = c;
        delete b.hidden[p.id];
        return;
      case "label_renamed": return setLabel(b, String(p.key), p.text);
      case "cards_arranged":  // "Ranger la carte": cards keep their z
        for (i = 0; p.moves && i < p.moves.length; i++) {
          var m = p.moves[i], dest = point(m.to);
          c = b.cards[m.id];
          if (!c || !dest) continue;
          c.x = dest[0]; c.y = dest[1]; c.changedMs = t;
        }
        return;
    }
  }

  // Board::Reverse: undoes what an undoable event did.
  function reverse(b, type, p, t) {
    var c, i;
    switch (type) {
      case "card_added": return bin(b, p.id);  // in the bin: a redo brings it back
      case "card_moved": return redo(b, "card_moved", { id: p.id, from: p.to, to: p.from }, t, false);
      case "card_edited":
        return redo(b, "card_edited", { id: p.id, text: p.old_text, colour: p.old_colour }, t, false);
      case "card_deleted": return unbin(b, p.id, t);
      case "card_restored": return bin(b, p.id);
      case "card_voted":
        c = b.cards[p.id];
        if (c) c.votes = Math.max(0, c.votes - 1);
        return;
      case "votes_reset":
        for (i = 0; p.before && i < p.before.length; i++) setVotes(b, p.before[i][0], p.before[i][1]);
        return;
      case "card_hidden": return redo(b, "card_shown", p, t, false);
      case "card_shown": return redo(b, "card_hidden", p, t, false);
      case "label_renamed": return setLabel(b, String(p.key), p.old_text);
      case "cards_arranged":
        for (i = 0; p.moves && i < p.moves.length; i++) {
          var m = p.moves[i], from = point(m.from);
          c = b.cards[m.id];
          if (!c || !from) continue;
          c.x = from[0]; c.y = from[1]; c.changedMs = t;
        }
        return;
    }
  }

  function apply(b, e) {
    var t = e.t_ms, p = e.payload || {};
    b.lastMs = t;
    switch (e.type) {
      case "action_undone":
      case "undone":
        reverse(b, p.type, p.payload || {}, t);
        break;
      case "action_redone":
      case "redone":
        redo(b, p.type, p.payload || {}, t, false);
        break;
      case "card_erased":
        delete b.cards[p.id]; delete b.binned[p.id]; delete b.hidden[p.id];
        break;
      case "phase_started":
        b.phase = { name: String(p.name), kind: String(p.kind), startedMs: t };
        break;
      case "phase_ended": b.phase = null; break;
      case "board_locked": b.locked = true; break;
      case "board_unlocked": b.locked = false; break;
      default:  // the undoable ones; timer events do not change what is drawn
        redo(b, e.type, p, t, true);
    }
    b._size = null;
  }

  function cardsInDrawOrder(b) {
    var out = [];
    for (var id in b.cards) if (b.cards.hasOwnProperty(id)) out.push(b.cards[id]);
    out.sort(function (a, c) { return a.z - c.z; });
    return out;
  }

  function cardPlaces(b) {
    var size = cardSize(b), out = [];
    for (var id in b.cards) {
      if (!b.cards.hasOwnProperty(id)) continue;
      var c = b.cards[id];
      out.push({ id: c.id, x: c.x, y: c.y, w: size.w, h: size.h, text: c.text, colour: c.colour, votes: c.votes });
    }
    out.sort(function (a, c) { return a.id - c.id; });
    return out;
  }

  // ---- Timeline (replay::Timeline, in short) -------------------------------------------------

  function Timeline(template, events) {
    this.template = template;
    this.events = events || [];
    this.count = this.events.length;
    this.times = [];
    this.phases = [];
    this._snapshots = [{ count: 0, board: newBoard(template) }];
    var tail = newBoard(template), last = 0, cards = 0;
    for (var i = 0; i < this.events.length; i++) {
      var e = this.events[i];
      var t = Math.max(+e.t_ms || 0, last);
      last = t;
      this.times.push(t);
      if (e.type === "phase_started" && e.payload)
        this.phases.push({ t_ms: t, name: String(e.payload.name), kind: String(e.payload.kind) });
      apply(tail, { type: e.type, payload: e.payload, t_ms: t });
      if (e.type === "card_added") cards++;
      // Snapshots spaced like replay::Timeline: at least 128 events apart, and half as many
      // events apart as there are cards (restoring one copies every card).
      var spacing = Math.max(128, Math.floor(cards / 2));
      if (i + 1 - this._snapshots[this._snapshots.length - 1].count >= spacing)
        this._snapshots.push({ count: i + 1, board: copyBoard(tail) });
    }
    this.duration = this.times.length ? this.times[this.times.length - 1] : 0;
    this._cursor = { count: 0, board: newBoard(template) };
  }

  // How many events have happened by t_ms (time ≤ t_ms).
  Timeline.prototype.countAt = function (t_ms) {
    var lo = 0, hi = this.times.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.times[mid] <= t_ms) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  // The board after the first `count` events. The returned board belongs to the timeline and
  // changes on the next call: copy it (AtelierBoard.copyBoard) to keep it.
  Timeline.prototype.boardAfter = function (count) {
    count = Math.max(0, Math.min(count, this.count));
    var cur = this._cursor;
    if (count === cur.count) return cur.board;
    var lo = 0, hi = this._snapshots.length - 1;
    while (lo < hi) {  // the last snapshot with count ≤ count
      var mid = (lo + hi + 1) >> 1;
      if (this._snapshots[mid].count <= count) lo = mid; else hi = mid - 1;
    }
    var snap = this._snapshots[lo];
    var forward = count > cur.count && (snap.count <= cur.count || count - cur.count <= count - snap.count + 64);
    if (!forward) {
      cur.board = copyBoard(snap.board);
      cur.count = snap.count;
    }
    for (var i = cur.count; i < count; i++) {
      var e = this.events[i];
      apply(cur.board, { type: e.type, payload: e.payload, t_ms: this.times[i] });
    }
    cur.count = count;
    return cur.board;
  };

  Timeline.prototype.boardAt = function (t_ms) { return this.boardAfter(this.countAt(t_ms)); };

  // ---- drawing (app/render/board_painter.cpp, at 1080 px and scaled) -------------------------

  function fitViewport(width, height) {
    var aspect = 16 / 9, w = width, h = width / aspect;
    if (h > height) { h = height; w = height * aspect; }
    return { x: (width - w) / 2, y: (height - h) / 2, w: w, h: h };
  }

  function roundRect(ctx, x, y, w, h, r) {
    r = Math.max(0, Math.min(r, w / 2, h / 2));
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.lineTo(x + w - r, y);
    ctx.arcTo(x + w, y, x + w, y + r, r);
    ctx.lineTo(x + w, y + h - r);
    ctx.arcTo(x + w, y + h, x + w - r, y + h, r);
    ctx.lineTo(x + r, y + h);
    ctx.arcTo(x, y + h, x, y + h - r, r);
    ctx.lineTo(x, y + r);
    ctx.arcTo(x, y, x + r, y, r);
    ctx.closePath();
  }

  // Text layout as render::LayoutText does it (text_layout.cpp): wrap on spaces, shrink from
  // max to min size by `step`, split a word only when it is longer than a line at the minimum
  // size, then cut with "…". Line metrics from render::Font: ascent 1, descent 0.3, line 1.22 em.
  var kAscent = 1.0, kDescent = 0.3, kLineHeight = 1.22;
  function blockHeight(lines) { return lines <= 0 ? 0 : (lines - 1) * kLineHeight + kAscent + kDescent; }

  function Measurer(ctx, family, weight) {
    this.ctx = ctx; this.family = family; this.weight = weight || "normal"; this.cache = {}; this.n = 0;
  }
  Measurer.prototype.width = function (s) {  // at em size 100
    var w = this.cache[s];
    if (w !== undefined) return w / 100;
    if (this.n > 20000) { this.cache = {}; this.n = 0; }
    this.ctx.font = this.weight + " 100px " + this.family;
    w = this.ctx.measureText(s).width;
    this.cache[s] = w; this.n++;
    return w / 100;
  };

  function wrap(m, words, widthEm, allowBreaks) {
    var lines = [], line = "", brokeWord = false;
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var tryLine = line ? line + " " + word : word;
      if (m.width(tryLine) <= widthEm + 1e-4) { line = tryLine; continue; }
      if (line) { lines.push(line); line = ""; }
      if (m.width(word) <= widthEm + 1e-4) { line = word; continue; }
      brokeWord = true;
      if (!allowBreaks) { line = word; continue; }
      var chars = Array.from ? Array.from(word) : word.split("");
      var part = "";
      for (var k = 0; k < chars.length; k++) {
        if (part && m.width(part + chars[k]) > widthEm + 1e-4) { lines.push(part); part = ""; }
        part += chars[k];
      }
      line = part;
    }
    if (line) lines.push(line);
    return { lines: lines, brokeWord: brokeWord };
  }

  // -> {size, lines: [text], width: [px], top}
  function layoutText(m, text, w, h, maxSize, minSize, middle) {
    var split = String(text).replace(/[\r\n\t]+/g, " ").split(" ").filter(function (s) { return s !== ""; });
    // French spacing: no break after « nor before » ! ? : ; (text_layout.cpp, GluedSpace).
    var words = [];
    for (var i = 0; i < split.length; i++) {
      var prev = words.length ? words[words.length - 1] : null;
      if (prev !== null && (prev.charAt(prev.length - 1) === "\u00ab" || /^[\u00bb!?:;]/.test(split[i])))
        words[words.length - 1] = prev + " " + split[i];
      else
        words.push(split[i]);
    }
    var step = Math.max(0.5, maxSize / 26), size = maxSize, fits = false, r = { lines: [] };
    minSize = Math.min(minSize, maxSize);
    function fitsAt(at, allow) {
      r = wrap(m, words, w / at, allow);
      if (r.brokeWord && !allow) return false;
      for (var i = 0; i < r.lines.length; i++) if (m.width(r.lines[i]) * at > w + 0.01) return false;
      return blockHeight(r.lines.length) * at <= h + 0.01;
    }
    var passes = [false, true];
    for (var pass = 0; pass < 2; pass++) {
      for (size = maxSize; ; size = Math.max(minSize, size - step)) {
        if ((fits = fitsAt(size, passes[pass]))) break;
        if (size <= minSize) break;
      }
      if (fits || !r.brokeWord) break;
    }
    var lines = r.lines;
    if (!fits) {
      var maxLines = 0;
      while (blockHeight(maxLines + 1) * size <= h + 0.01) maxLines++;
      if (lines.length > maxLines) lines = lines.slice(0, maxLines);
      if (lines.length && m.width("\u2026") * size <= w) {
        var last = Array.from ? Array.from(lines[lines.length - 1]) : lines[lines.length - 1].split("");
        while (last.length && (m.width(last.join("")) + m.width("\u2026")) * size > w) last.pop();
        while (last.length && last[last.length - 1] === " ") last.pop();
        lines[lines.length - 1] = last.join("") + "\u2026";
      } else {
        lines = [];
      }
    }
    var height = blockHeight(lines.length) * size;
    return { size: size, lines: lines, top: middle ? (h - height) / 2 : 0 };
  }

  // A painter bound to one canvas context: keeps text measures and card layouts between frames
  // (a frame of 2 000 cards then only fills and writes text).
  function painterFor(ctx, family) {
    if (ctx.__atelierPainter && ctx.__atelierPainter.family === family) return ctx.__atelierPainter;
    ctx.__atelierPainter = {
      family: family,
      normal: new Measurer(ctx, family, "normal"),
      bold: new Measurer(ctx, family, "bold"),
      layouts: {}, n: 0,
      sprites: {}, spriteCount: 0,  // cards drawn once (cardSprite)
      map: null,                    // the map drawn once: {key, canvas}
      makeCanvas: undefined         // set on the first draw (null: no offscreen canvases)
    };
    return ctx.__atelierPainter;
  }

  // Draws text in the box as the painter's Text() does; align "left" | "centre" | "right".
  // Returns the width of the widest line.
  function text(ctx, painter, s, x, y, w, h, style) {
    if (!s || w < 1 || h < 1) return 0;
    var m = style.bold ? painter.bold : painter.normal;
    var key = (style.bold ? "b" : "n") + Math.round(w) + "x" + Math.round(h) + ":" + Math.round(style.max * 10) + ":" +
              Math.round(style.min * 10) + (style.middle ? "m" : "t") + ":" + s;
    var l = painter.layouts[key];
    if (!l) {
      if (painter.n > 8192) { painter.layouts = {}; painter.n = 0; }
      l = layoutText(m, s, Math.round(w), Math.round(h), style.max, style.min, !!style.middle);
      l.widths = [];
      for (var i = 0; i < l.lines.length; i++) l.widths.push(m.width(l.lines[i]) * l.size);
      painter.layouts[key] = l; painter.n++;
    }
    ctx.font = (style.bold ? "bold " : "") + l.size.toFixed(2) + "px " + painter.family;
    ctx.fillStyle = style.colour;
    ctx.textBaseline = "alphabetic";
    var widest = 0;
    for (var k = 0; k < l.lines.length; k++) {
      var lw = l.widths[k], lx;
      widest = Math.max(widest, lw);
      if (style.align === "centre") { ctx.textAlign = "center"; lx = x + w / 2; }
      else if (style.align === "right") { ctx.textAlign = "right"; lx = x + Math.round(w); }
      else { ctx.textAlign = "left"; lx = x; }
      ctx.fillText(l.lines[k], lx, y + l.top + (kAscent + k * kLineHeight) * l.size);
    }
    return widest;
  }

  function drawMap(ctx, painter, board, vp, lang) {
    var t = board.template, s = vp.h / 1080, paper = t.paper, i;
    var g = ctx.createLinearGradient(0, vp.y, 0, vp.y + vp.h);
    g.addColorStop(0, css(mix(paper, kWhite, 0.25)));
    g.addColorStop(1, css(shade(paper, 0.975)));
    ctx.fillStyle = g;
    ctx.fillRect(vp.x, vp.y, vp.w, vp.h);

    if (t.background === "grid") {
      var step = vp.w / 32, line = Math.max(1, s);
      ctx.fillStyle = css(shade(paper, 0.55), 0.10);
      for (var gx = vp.x + step; gx < vp.x + vp.w - 1; gx += step) ctx.fillRect(Math.round(gx) - line / 2, vp.y, line, vp.h);
      for (var gy = vp.y + step; gy < vp.y + vp.h - 1; gy += step) ctx.fillRect(vp.x, Math.round(gy) - line / 2, vp.w, line);
    } else if (t.background === "dots") {
      var dstep = vp.w / 40, r = 1.7 * s;
      ctx.fillStyle = css(shade(paper, 0.5), 0.22);
      ctx.beginPath();
      for (var dy = vp.y + dstep / 2; dy < vp.y + vp.h; dy += dstep)
        for (var dx = vp.x + dstep / 2; dx < vp.x + vp.w; dx += dstep) { ctx.moveTo(dx + r, dy); ctx.arc(dx, dy, r, 0, 2 * Math.PI); }
      ctx.fill();
    }

    var area = { x: 0.06, y: 0.13, w: 0.9, h: 0.72 };
    if (t.zones.length) {
      var x0 = 1, y0 = 1, x1 = 0, y1 = 0;
      for (i = 0; i < t.zones.length; i++) {
        var a = t.zones[i].area;
        x0 = Math.min(x0, a.x); y0 = Math.min(y0, a.y);
        x1 = Math.max(x1, a.x + a.w); y1 = Math.max(y1, a.y + a.h);
      }
      area = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    }
    var zx = vp.x + area.x * vp.w, zy = vp.y + area.y * vp.h, zr = zx + area.w * vp.w, zb = zy + area.h * vp.h;
    var gutter = 5 * s;
    for (i = 0; i < t.zones.length; i++) {
      var z = t.zones[i];
      var rx = vp.x + z.area.x * vp.w + gutter, ry = vp.y + z.area.y * vp.h + gutter;
      var rw = z.area.w * vp.w - 2 * gutter, rh = z.area.h * vp.h - 2 * gutter;
      var distance = Math.max(Math.abs(z.tint[0] - paper[0]), Math.abs(z.tint[1] - paper[1]), Math.abs(z.tint[2] - paper[2])) / 255;
      var alpha = Math.min(0.9, Math.max(0.28, 0.09 / Math.max(distance, 0.01)));
      var zg = ctx.createLinearGradient(0, ry, 0, ry + rh);
      zg.addColorStop(0, css(z.tint, alpha));
      zg.addColorStop(1, css(z.tint, alpha * 0.7));
      roundRect(ctx, rx, ry, rw, rh, 18 * s);
      ctx.fillStyle = zg;
      ctx.fill();
      ctx.lineWidth = 1.5 * s;
      ctx.strokeStyle = css(shade(z.tint, 0.8), 0.45);
      ctx.stroke();
      text(ctx, painter, labelIn(z.label, lang), rx + 14 * s, ry + 12 * s, rw - 28 * s, 84 * s,
           { max: 24 * s, min: 18 * s, colour: css(kLabelInk), align: "centre" });  // weight -0.04: not bold (report/vector_map IsBold)
    }

    text(ctx, painter, labelIn(t.title, lang), zx, vp.y + 24 * s, vp.w * 0.6, 52 * s,
         { max: 34 * s, min: 26 * s, colour: css(kTitleInk), align: "left", bold: true });

    var axisStyle = { max: 20 * s, min: 16 * s, colour: css(kAxisInk), align: "left" };
    var v = t.vertical;
    if (v.title.fr || v.high.fr || v.low.fr) {
      var stripW = 7 * s, stripX = Math.max(vp.x + 6 * s, zx - 12 * s - stripW);
      var sg = ctx.createLinearGradient(0, zy + gutter, 0, zb - gutter);
      sg.addColorStop(0, css(kImpactHigh, 0.85));
      sg.addColorStop(1, css(kImpactLow, 0.85));
      roundRect(ctx, stripX, zy + gutter, stripW, zb - zy - 2 * gutter, stripW / 2);
      ctx.fillStyle = sg;
      ctx.fill();
      var rowY = zy - 36 * s, ax = stripX;
      if (v.title.fr)
        ax += text(ctx, painter, labelIn(v.title, lang), ax, rowY, 300 * s, 32 * s,
                   { max: 22 * s, min: 17 * s, colour: css(kLabelInk), align: "left", bold: true }) + 18 * s;
      if (v.high.fr) text(ctx, painter, "\u2191 " + labelIn(v.high, lang), ax, rowY + 2 * s, 480 * s, 32 * s, axisStyle);
      if (v.low.fr)
        text(ctx, painter, "\u2193 " + labelIn(v.low, lang), zx + gutter + 14 * s, zb - gutter - 38 * s,
             Math.min(zr - zx, 480 * s), 32 * s, axisStyle);
    }

    var hz = t.horizontal;
    if (hz.title.fr || hz.low.fr || hz.high.fr) {
      var hRow = zy - 36 * s, centreX = (zx + zr) / 2, gap = 24 * s, sideW = 420 * s;
      var name = labelIn(hz.title, lang);
      var titleW = name ? painter.bold.width(name) * 22 * s : 0;
      text(ctx, painter, name, centreX - titleW / 2, hRow, titleW + 2, 32 * s,
           { max: 22 * s, min: 22 * s, colour: css(kLabelInk), align: "left", bold: true });
      if (hz.high.fr)
        text(ctx, painter, labelIn(hz.high, lang) + " \u2192", centreX + titleW / 2 + gap, hRow + 2 * s, sideW, 32 * s, axisStyle);
      if (hz.low.fr)
        text(ctx, painter, "\u2190 " + labelIn(hz.low, lang), centreX - titleW / 2 - gap - sideW, hRow + 2 * s, sideW, 32 * s,
             { max: axisStyle.max, min: axisStyle.min, colour: axisStyle.colour, align: "right" });
    }
  }

  // One card's paper, shadow, text and vote badge, its top-left at (x, y), w × h px, s the
  // map's scale (px per px at 1080p).
  function paintCard(ctx, painter, card, size, s, x, y, w, h) {
    var small = Math.min(1, Math.max(0, size.h / kFullCardH));
    var radius = 8 * s * Math.max(small, 0.5);
    // The soft shadow, as one translucent rectangle a little lower (as the SVG export does).
    roundRect(ctx, x, y + 3 * s, w, h, radius);
    ctx.fillStyle = css(kBlack, 0.14);
    ctx.fill();
    var paper = paperOf(card.colour);
    roundRect(ctx, x, y, w, h, radius);
    ctx.fillStyle = css(mix(mix(paper, kWhite, 0.12), shade(paper, 0.97), 0.5));
    ctx.fill();
    var pad = 9 * s * Math.max(small, 0.35);
    text(ctx, painter, card.text, x + pad, y + pad, w - 2 * pad, h - 2 * pad,
         { max: 26 * s, min: 15 * s, colour: css(kInk), align: "centre", middle: true });
    if (card.votes > 0) {
      var d = 46 * s * Math.max(small, 0.6), bx = x + w - d * 0.7, by = y - d * 0.3;
      ctx.beginPath();
      ctx.arc(bx + d / 2, by + d / 2, d / 2, 0, 2 * Math.PI);
      ctx.fillStyle = css(kVoteBadge);
      ctx.fill();
      text(ctx, painter, String(card.votes), bx, by, d, d,
           { max: 30 * s, min: 16 * s, colour: css(kWhite), align: "centre", middle: true, bold: true });
    }
  }

  // A card drawn once into a canvas of its own and reused while it looks the same (text,
  // colour, votes, size): a frame of 2 000 cards is then 2 000 drawImage calls, not 6 000
  // fillText calls. The margin m holds the shadow and the vote badge over the corner.
  function cardSprite(painter, card, size, s, w, h) {
    var key = card.colour + "|" + card.votes + "|" + Math.round(w * 8) + "x" + Math.round(h * 8) + "|" +
              Math.round(s * 1000) + "|" + card.text;
    var hit = painter.sprites[key];
    if (hit) return hit;
    if (painter.spriteCount > 5000) { painter.sprites = {}; painter.spriteCount = 0; }
    var small = Math.min(1, Math.max(0, size.h / kFullCardH));
    var d = card.votes > 0 ? 46 * s * Math.max(small, 0.6) : 0;
    var m = Math.ceil(Math.max(3 * s + 2, 0.3 * d + 2));
    var c = painter.makeCanvas(Math.ceil(w + 2 * m), Math.ceil(h + 2 * m));
    paintCard(c.getContext("2d"), painter, card, size, s, m, m, w, h);
    hit = { canvas: c, m: m };
    painter.sprites[key] = hit;
    painter.spriteCount++;
    return hit;
  }

  function drawCard(ctx, painter, card, size, vp, glow) {
    var s = vp.h / 1080;
    var w = size.w * vp.w, h = size.h * vp.h;
    var small = Math.min(1, Math.max(0, size.h / kFullCardH));
    var x = vp.x + card.x * vp.w - w / 2, y = vp.y + card.y * vp.h - h / 2;
    var radius = 8 * s * Math.max(small, 0.5);
    if (glow > 0) {
      glow = Math.min(glow, 1);
      roundRect(ctx, x - 3 * s, y - 3 * s, w + 6 * s, h + 6 * s, radius + 3 * s);
      ctx.lineWidth = 3 * s;
      ctx.strokeStyle = css(kGlow, 0.95 * glow);
      ctx.stroke();
    }
    if (!painter.makeCanvas) return paintCard(ctx, painter, card, size, s, x, y, w, h);
    // Whole pixels, so the sprite is copied, not resampled (its text stays sharp).
    var sprite = cardSprite(painter, card, size, s, w, h);
    ctx.drawImage(sprite.canvas, Math.round(x) - sprite.m, Math.round(y) - sprite.m);
  }

  function labelsKey(t, lang) {
    var parts = [lang, t.title.fr, t.title.en, t.background, hex(t.paper)];
    var axes = [t.horizontal, t.vertical];
    for (var i = 0; i < 2; i++) parts.push(axes[i].title.fr, axes[i].title.en, axes[i].low.fr, axes[i].low.en,
                                           axes[i].high.fr, axes[i].high.en);
    for (var z = 0; z < t.zones.length; z++) parts.push(t.zones[z].label.fr, t.zones[z].label.en);
    return parts.join("\u0001");
  }

  // Where a card is drawn, in whole canvas pixels: its sprite with margins and, when it glows,
  // the glow's ring; and what it looks like there (sprite, place, z, glow).
  function cardFrame(painter, card, size, vp, glow) {
    var s = vp.h / 1080, w = size.w * vp.w, h = size.h * vp.h;
    var x = Math.round(vp.x + card.x * vp.w - w / 2), y = Math.round(vp.y + card.y * vp.h - h / 2);
    var sprite = cardSprite(painter, card, size, s, w, h);
    var m = Math.max(sprite.m, glow > 0 ? Math.ceil(4.5 * s) + 1 : 0);
    var rect = { x: x - m, y: y - m, w: Math.ceil(w) + 2 * m + 1, h: Math.ceil(h) + 2 * m + 1 };
    return { rect: rect, sig: sprite.canvas.width + "," + sprite.canvas.height + "," + x + "," + y + "," + card.z + "," +
             glow + "," + card.votes + "," + card.colour + "," + card.text };
  }
  function meets(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

  function draw(ctx, board, vp, options) {
    options = options || {};
    var painter = painterFor(ctx, options.font || '"Andika", sans-serif');
    var lang = options.lang === "en" ? "en" : "fr";
    if (painter.makeCanvas === undefined)
      painter.makeCanvas = typeof document !== "undefined" && document.createElement && options.cache !== false
        ? function (w, h) { var c = document.createElement("canvas"); c.width = w; c.height = h; return c; }
        : null;
    var size = cardSize(board), cards = cardsInDrawOrder(board), hl = options.highlight || {}, i;
    if (!painter.makeCanvas) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(vp.x, vp.y, vp.w, vp.h);
      ctx.clip();
      drawMap(ctx, painter, board, vp, lang);
      for (i = 0; i < cards.length; i++) drawCard(ctx, painter, cards[i], size, vp, hl[cards[i].id] || 0);
      ctx.restore();
      return;
    }
    // The map changes only with the size or a renamed label: drawn once, then copied.
    var key = Math.round(vp.w) + "x" + Math.round(vp.h) + "|" + labelsKey(board.template, lang);
    if (!painter.map || painter.map.key !== key) {
      var c = painter.makeCanvas(Math.max(1, Math.round(vp.w)), Math.max(1, Math.round(vp.h)));
      drawMap(c.getContext("2d"), painter, board, { x: 0, y: 0, w: Math.round(vp.w), h: Math.round(vp.h) }, lang);
      painter.map = { key: key, canvas: c };
    }
    var frames = {}, frameList = [];
    for (i = 0; i < cards.length; i++) {
      var f = cardFrame(painter, cards[i], size, vp, hl[cards[i].id] || 0);
      frames[cards[i].id] = f;
      frameList.push(f);
    }
    // options.incremental: what this canvas showed last time is still there, so only the
    // places where a card appeared, went or changed are drawn again (map, then every card over
    // them in z order). Playing a session changes a few cards a frame.
    var frameKey = key + "|" + (ctx.canvas ? ctx.canvas.width + "x" + ctx.canvas.height : "") + "|" + vp.x + "," + vp.y;
    var last = options.incremental && painter.frame && painter.frame.key === frameKey ? painter.frame : null;
    var dirty = null;
    if (last) {
      dirty = [];
      for (i = 0; i < cards.length && dirty.length <= 64; i++) {
        var was = last.frames[cards[i].id], now = frameList[i];
        if (!was) dirty.push(now.rect);
        else if (was.sig !== now.sig) dirty.push(was.rect, now.rect);
      }
      for (var id in last.frames)
        if (last.frames.hasOwnProperty(id) && !frames[id] && dirty.length <= 64) dirty.push(last.frames[id].rect);
      if (dirty.length > 64) dirty = null;  // much changed: draw it all
    }
    painter.frame = { key: frameKey, frames: frames };
    if (dirty && dirty.length === 0) return;
    ctx.save();
    ctx.beginPath();
    if (dirty) for (i = 0; i < dirty.length; i++) ctx.rect(dirty[i].x, dirty[i].y, dirty[i].w, dirty[i].h);
    else ctx.rect(vp.x, vp.y, vp.w, vp.h);
    ctx.clip();
    if (dirty) {  // the clip region also ends at the map's edge
      ctx.beginPath();
      ctx.rect(vp.x, vp.y, vp.w, vp.h);
      ctx.clip();
    }
    var mx = Math.round(vp.x), my = Math.round(vp.y), map = painter.map.canvas;
    if (!dirty) ctx.drawImage(map, mx, my);
    else
      for (i = 0; i < dirty.length; i++) {  // only the map under each changed place
        var r = dirty[i];
        var sx = Math.max(0, r.x - mx), sy = Math.max(0, r.y - my);
        var sw = Math.min(map.width, r.x - mx + r.w) - sx, sh = Math.min(map.height, r.y - my + r.h) - sy;
        if (sw > 0 && sh > 0) ctx.drawImage(map, sx, sy, sw, sh, mx + sx, my + sy, sw, sh);
      }
    for (i = 0; i < cards.length; i++) {
      if (dirty) {
        var hit = false;
        for (var k = 0; k < dirty.length && !hit; k++) hit = meets(frameList[i].rect, dirty[k]);
        if (!hit) continue;
      }
      drawCard(ctx, painter, cards[i], size, vp, hl[cards[i].id] || 0);
    }
    ctx.restore();
  }

  var api = {
    palette: palette.map(function (c) { return { name: c.name, french: c.french, paper: hex(c.paper) }; }),
    parseTemplate: parseTemplate,
    newBoard: newBoard,
    copyBoard: copyBoard,
    apply: apply,
    cardSize: cardSize,
    cardsInDrawOrder: cardsInDrawOrder,
    cardPlaces: cardPlaces,
    zoneIndexAt: zoneIndexAt,
    Timeline: Timeline,
    fitViewport: fitViewport,
    draw: draw
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.AtelierBoard = api;
})(typeof window !== "undefined" ? window : this);
