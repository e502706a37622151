/* relgraph dashboard: keep the mental map. An actor stays where it was as the view changes
 * (a filter, a focus, a merge, an upload), and where you dragged it, for the session.
 *
 * With the fixed layout ("preset": positions computed by the server), the page remembers
 * where it drew each actor, in frames: a frame is one consistent drawing. A new view is
 * drawn in the frame that already holds most of its actors: those keep their place, a new
 * actor goes next to its neighbours already placed (or, with none, where the server's
 * layout puts it, scaled and shifted onto the frame). A view of mostly new actors starts a
 * new frame with the server's layout, unless it keeps at least half of the view on screen
 * (an expansion, a larger top N): then the actors on screen stay put whatever joins them. Dragged positions go into the frame. The frames live
 * in the tab's sessionStorage (a reload keeps them; a new tab starts afresh). A new frame
 * takes the canvas's shape: the server's square layout stretched along one axis, at most
 * twice (see shape). Cytoscape's own layouts (cose, cola...) are left alone.
 *
 * relgraph.js calls window.relgraphMap.hold(cy) when a view's elements arrived; true when
 * it moved something (the graph is then fitted again). A saved view keeps the positions on
 * screen in any layout (snapshot) and brings them back when opened, in any session (adopt:
 * with the fixed layout they become the newest frame; with one of cytoscape's they are put
 * over each drawing the layout makes of it while the address names the view, an actor new
 * since then next to its neighbours). The time slider's frames (actors of class "frame")
 * are all drawn in the current frame, so an actor never moves between them.
 */
(function () {
  "use strict";
  var KEY = "relgraph-frames:" + window.location.pathname;
  var FRAMES = 8; // frames kept (the least recently used is dropped)
  var state = load(); // {frames: [{id: {x, y}}], current: index}
  // actors placed by the server's layout for want of placed neighbours (the links of a view
  // may arrive after its actors): placed again when their neighbours are there
  var guessed = {};
  var adopted = null; // the frame of a saved view being opened (see adopt)
  var drawnAs = null; // the same in one of cytoscape's layouts (see laidOut)

  function load() {
    try {
      var s = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      if (s && Array.isArray(s.frames)) { return s; }
    } catch (e) { /* storage off or unreadable: start afresh */ }
    return {frames: [], current: -1};
  }

  function save() {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* full or off: positions are kept for this page only */ }
  }

  function preset() {
    var m = /[?&]layout=([^&]*)/.exec(window.location.search);
    return !m || decodeURIComponent(m[1]) === "preset";
  }

  function angle(id) {
    // a fixed direction per actor, so two new neighbours of one actor do not coincide
    var h = 0;
    for (var i = 0; i < id.length; i++) { h = (h * 31 + id.charCodeAt(i)) | 0; }
    return (Math.abs(h) % 360) * Math.PI / 180;
  }

  function onto(known, frame) {
    // scale and shift taking the server's positions of the known actors onto the frame's
    // (least squares): where an actor without placed neighbours goes
    var n = known.length;
    var pm = {x: 0, y: 0};
    var hm = {x: 0, y: 0};
    known.forEach(function (e) {
      var p = e.position();
      var h = frame[e.id()];
      pm.x += p.x / n; pm.y += p.y / n; hm.x += h.x / n; hm.y += h.y / n;
    });
    var num = 0;
    var den = 0;
    known.forEach(function (e) {
      var p = e.position();
      var h = frame[e.id()];
      num += (p.x - pm.x) * (h.x - hm.x) + (p.y - pm.y) * (h.y - hm.y);
      den += (p.x - pm.x) * (p.x - pm.x) + (p.y - pm.y) * (p.y - pm.y);
    });
    var s = den > 0 && num > 0 ? num / den : 1;
    return function (p) { return {x: hm.x + s * (p.x - pm.x), y: hm.y + s * (p.y - pm.y)}; };
  }

  function use(index) {
    if (index !== 0) { guessed = {}; }
    // frame ``index`` becomes the most recently used one
    var frame = state.frames.splice(index, 1)[0];
    state.frames.unshift(frame);
    state.frames = state.frames.slice(0, FRAMES);
    state.current = 0;
    return frame;
  }

  function drawIn(nodes, frame) {
    // draw ``nodes`` in ``frame``: an actor it holds where it was, a new one next to its
    // neighbours placed there (or, with none, where the layout put it, scaled and shifted
    // onto the frame); true when an actor moved
    var changed = false;
    var known = nodes.filter(function (e) { return frame[e.id()] && !guessed[e.id()]; });
    var place = onto(known, frame);
    var fresh = nodes.not(known);
    var at = {};
    var step = 30 + 0.5 * (nodes.max(function (e) { return e.outerWidth(); }).value || 0);
    function taken(q) {
      return Object.keys(at).some(function (id) {
        var p = at[id];
        return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) < 0.8 * step * step;
      });
    }
    fresh.forEach(function (e) {
      var near = e.neighborhood("node").filter(function (m) {
        return frame[m.id()] && !guessed[m.id()];
      });
      if (near.empty()) {
        // where it was put before, else where the server's layout puts it
        at[e.id()] = frame[e.id()] || place(e.position());
        guessed[e.id()] = true;
        return;
      }
      delete guessed[e.id()];
      // a step from the middle of its placed neighbours, in the direction the server's
      // layout has it from theirs (so the new neighbours of one actor spread around it as
      // the layout spreads them), turned a little when another new actor is there already
      var c = {x: 0, y: 0};
      var l = {x: 0, y: 0};
      near.forEach(function (m) {
        c.x += frame[m.id()].x / near.length; c.y += frame[m.id()].y / near.length;
        l.x += m.position().x / near.length; l.y += m.position().y / near.length;
      });
      var dx = e.position().x - l.x;
      var dy = e.position().y - l.y;
      var a = dx || dy ? Math.atan2(dy, dx) : angle(e.id());
      // the first free spot on rings a step apart, nearest first (turning either way
      // from that direction by an angle that keeps spots a step apart on the ring)
      var q = null;
      for (var ring = 1; ring <= 6 && !q; ring++) {
        var r = step * ring;
        var turn = Math.min(Math.PI / 6, step / r);
        for (var k = 0; k * turn <= Math.PI && !q; k++) {
          for (var side = (k ? -1 : 1); side <= 1 && !q; side += 2) {
            var t = a + side * k * turn;
            var spot = {x: c.x + r * Math.cos(t), y: c.y + r * Math.sin(t)};
            if (!taken(spot)) { q = spot; }
          }
        }
      }
      at[e.id()] = q || {x: c.x + step * Math.cos(a), y: c.y + step * Math.sin(a)};
    });
    nodes.cy().batch(function () {
      known.forEach(function (e) {
        var h = frame[e.id()];
        var p = e.position();
        if (p.x !== h.x || p.y !== h.y) { e.position({x: h.x, y: h.y}); changed = true; }
      });
      fresh.forEach(function (e) {
        var p = e.position();
        var q = at[e.id()];
        if (p.x !== q.x || p.y !== q.y) { e.position({x: q.x, y: q.y}); changed = true; }
      });
    });
    return changed;
  }

  var STRETCH = 2; // a new frame: at most this much wider or taller than the server's layout

  function shape(nodes) {
    // The server lays a view out in a square; a short canvas (the timeline open under the
    // graph) or a narrow one showed it small. A new frame is stretched along one axis to
    // the canvas's shape (at most STRETCH times): stretching never brings two actors closer,
    // and names, wider than tall, gain most from a wider drawing. A frame keeps its shape
    // afterwards (opening a panel refits, it does not move the actors). True when it moved.
    var cy = nodes.cy();
    var W = cy.width();
    var H = cy.height();
    if (nodes.length < 3 || !(W > 0 && H > 0)) { return false; }
    var b = {x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity};
    nodes.forEach(function (e) {
      var p = e.position();
      b.x1 = Math.min(b.x1, p.x); b.x2 = Math.max(b.x2, p.x);
      b.y1 = Math.min(b.y1, p.y); b.y2 = Math.max(b.y2, p.y);
    });
    var w = b.x2 - b.x1;
    var h = b.y2 - b.y1;
    if (!(w > 0 && h > 0)) { return false; }
    var a = (W / H) / (w / h);
    var sx = Math.min(STRETCH, Math.max(1, a));
    var sy = Math.min(STRETCH, Math.max(1, 1 / a));
    if (sx < 1.05 && sy < 1.05) { return false; }
    var cx = (b.x1 + b.x2) / 2;
    var cy0 = (b.y1 + b.y2) / 2;
    cy.batch(function () {
      nodes.forEach(function (e) {
        var p = e.position();
        e.position({x: cx + (p.x - cx) * sx, y: cy0 + (p.y - cy0) * sy});
      });
    });
    return true;
  }

  function hold(cy) {
    if (!preset() || cy.nodes().empty()) { return false; }
    var nodes = cy.nodes();
    // a frame of the time slider (dashboard/over_time.py; its actors have the class
    // "frame"): drawn in the current frame whatever it holds, every actor placed before
    // stays put (none placed again), and the graph is not fitted again between frames
    var steady = nodes.filter(".frame").nonempty() && state.current >= 0 &&
      state.frames.length > 0;
    var best = steady ? 0 : -1;
    var most = 0;
    var stay = false; // the view on screen stays where it is (see below)
    if (!steady) {
      state.frames.forEach(function (frame, i) {
        var k = nodes.filter(function (e) { return frame[e.id()]; }).length;
        if (k > most) { best = i; most = k; }
      });
      // a saved view just opened: its frame, once the view on screen is mostly its actors
      // (another frame may hold more of them: not an actor new since it was saved)
      var mine = adopted ? state.frames.indexOf(adopted) : -1;
      var held = mine < 0 ? 0 : nodes.filter(function (e) { return adopted[e.id()]; }).length;
      if (mine >= 0 && held * 2 >= nodes.length) { best = mine; most = held; adopted = null; }
      // a view that keeps at least half of the view on screen (an expansion, a larger top
      // N): drawn in the current frame, however many actors join, so none of those moves
      var last = state.shown || [];
      var before = {};
      last.forEach(function (id) { before[id] = true; });
      var kept = nodes.filter(function (e) { return before[e.id()]; }).length;
      if (mine < 0 && most * 2 < nodes.length && state.current === 0 && last.length &&
          kept * 2 >= last.length) {
        best = 0;
        stay = true;
      }
    }
    var changed = false;
    if (steady) { guessed = {}; }
    if (!steady && !stay && (best < 0 || most * 2 < nodes.length)) {
      // mostly new actors: the server's layout, as a new frame, in the canvas's shape
      guessed = {};
      state.frames.unshift({});
      state.frames = state.frames.slice(0, FRAMES);
      state.current = 0;
      changed = shape(nodes);
    } else {
      changed = drawIn(nodes, use(best));
    }
    if (!steady) { state.shown = nodes.map(function (e) { return e.id(); }); }
    record(nodes);
    return changed && !steady;
  }

  function record(nodes) {
    if (state.current < 0) { return; }
    var frame = state.frames[state.current];
    nodes.forEach(function (e) {
      var p = e.position();
      frame[e.id()] = {x: p.x, y: p.y};
    });
    save();
  }

  function attach(cy) {
    // a dragged actor stays where it was put, in this view and the next ones
    cy.on("dragfree", "node", function (e) {
      if (preset()) { record(e.target.union(cy.nodes(":selected"))); }
    });
    cy.on("layoutstop", function () { laidOut(cy); });
  }

  function findCy() {
    var el = document.getElementById("graph");
    return el && el._cyreg && el._cyreg.cy;
  }

  function snapshot() {
    // where each actor is drawn (model units, to 0.01), in any layout: what the page shows
    // (dragged actors included), for a saved view; null for an empty graph
    var cy = findCy();
    if (!cy || cy.nodes().empty()) { return null; }
    var out = {};
    cy.nodes().forEach(function (e) {
      var p = e.position();
      out[e.id()] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
    });
    return out;
  }

  function mostlyIn(nodes, frame) {
    return nodes.nonempty() &&
      nodes.filter(function (e) { return frame[e.id()]; }).length * 2 >= nodes.length;
  }

  function redraw(cy) {
    cy.stop();
    cy.fit(undefined, 24);
    if (window.relgraph && window.relgraph.placeLabels) { window.relgraph.placeLabels(); }
  }

  function laidOut(cy) {
    // one of cytoscape's layouts finished: while the address names a saved view (view=),
    // its saved positions go over the layout's when the view on screen is mostly its actors
    if (!/[?&]view=/.test(window.location.search)) { drawnAs = null; }
    if (preset() || !drawnAs || !mostlyIn(cy.nodes(), drawnAs)) { return; }
    guessed = {};
    drawIn(cy.nodes(), drawnAs);
    redraw(cy);
  }

  function adopt(positions) {
    // a saved view's positions ({id: [x, y]}): its actors are drawn exactly there, one new
    // since then next to its neighbours; the view's elements may come before or after them.
    // The fixed layout: they become the newest frame (hold). One of cytoscape's: they are
    // put over what the layout drew, when it has drawn this view (laidOut)
    var frame = {};
    Object.keys(positions).forEach(function (id) {
      frame[id] = {x: positions[id][0], y: positions[id][1]};
    });
    guessed = {};
    var cy = findCy();
    if (!preset()) {
      drawnAs = frame;
      if (cy) { laidOut(cy); }
      return;
    }
    state.frames.unshift(frame);
    state.frames = state.frames.slice(0, FRAMES);
    state.current = 0;
    adopted = frame;
    save();
    // the view on screen is the saved one: now; else when its elements come (hold)
    if (cy && !cy.nodes().empty() && hold(cy)) { redraw(cy); }
  }

  window.relgraphMap = {hold: hold, attach: attach, snapshot: snapshot, adopt: adopt,
                        forget: function () { state = {frames: [], current: -1}; save(); }};
})();
