/* relgraph dashboard: what happens on the graph without a server round trip.
 *
 * - Labels that fit: every label is at least LABEL_PX on screen; the key actors (class
 *   "key", the most important of the view) always keep theirs, the others (data "rank",
 *   computed by the server) take a spot around their node that overlaps no label and no
 *   other actor, or are hidden until you zoom in or hover.
 * - Double-click an actor: its neighbours join the view (again: they go).
 * - Shift-click actors or shift-drag a box around them: with several selected, a bar offers
 *   "Show only these" and "Hide these" (here), "Export these" and "Merge into one" (the
 *   selected ids go to the "picked" store for dashboard/selection.py).
 * - Click an actor (or link): its neighbourhood stays, the rest fades. Click the background
 *   to clear.
 * - Hover: a tooltip with name, type and mentions (built as text, never HTML).
 * - Keys (outside text fields): Esc closes details, menus and the tab under the graph and
 *   clears the selection; / opens the search; f fits the graph; + and - zoom. Buttons under
 *   the graph zoom and fit too.
 * - window.relgraph.want(selection): select and (optionally) centre an actor once it is on
 *   the graph (used by the search box and the actor table).
 */
(function () {
  "use strict";
  var LABEL_PX = 12; // keep in sync with dashboard/elements.py LABEL_PX
  var GRAPH_ID = "graph";
  var cy = null;
  var labelTimer = null;
  var pending = null; // {id, centre}
  var own = false; // highlight() is changing classes
  // The actor the page centred (search, table): it stays centred as panels open and close,
  // until the user pans or zooms.
  var keepCentred = null;

  function findCy() {
    var el = document.getElementById(GRAPH_ID);
    return el && el._cyreg && el._cyreg.cy;
  }

  function overlap(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  function pad(b, by) { return {x1: b.x1 - by, x2: b.x2 + by, y1: b.y1 - by, y2: b.y2 + by}; }

  // Where a label may go around its node: under it (the stylesheet's default), above it,
  // right or left of it (classes lbl-top, lbl-right, lbl-left in dashboard/elements.py).
  // Boxes are worked out from the label's box under the node (model units).
  function spots(n, below) {
    var p = n.position();
    var r = n.outerWidth() / 2;
    var w = below.w;
    var h = below.h;
    return [
      {cls: "", box: below},
      {cls: "lbl-top", box: {x1: below.x1, x2: below.x2, y1: p.y - r - 2 - h, y2: p.y - r - 2}},
      {cls: "lbl-right", box: {x1: p.x + r + 3, x2: p.x + r + 3 + w, y1: p.y - h / 2,
                               y2: p.y + h / 2}},
      {cls: "lbl-left", box: {x1: p.x - r - 3 - w, x2: p.x - r - 3, y1: p.y - h / 2,
                              y2: p.y + h / 2}}
    ];
  }

  // Farther spots for a key actor's label when the four next to its node are all taken by
  // other labels: one or two lines further down or up, or beside the node a line lower or
  // higher (the stylesheet's margins plus ``dy``, set on the node: see placeLabels).
  var MARGIN_Y = {"": 2, "lbl-top": -2, "lbl-right": 0, "lbl-left": 0};
  function fartherSpots(near) {
    var out = [];
    [1, 2].forEach(function (k) {
      near.forEach(function (s) {
        var h = s.box.y2 - s.box.y1;
        var steps = s.cls === "" ? [k] : s.cls === "lbl-top" ? [-k] : [k, -k];
        steps.forEach(function (m) {
          var dy = m * h;
          out.push({cls: s.cls, dy: dy, box: {x1: s.box.x1, x2: s.box.x2, y1: s.box.y1 + dy,
                                              y2: s.box.y2 + dy}});
        });
      });
    });
    return out;
  }

  function placeLabels() {
    // Labels in order of importance: the selection, a focus and a path, then the key actors
    // (class "key": the most important of the view, by weighted degree), then the others
    // by rank. A label takes the first spot around its node that overlaps no label placed
    // and no other node; a key actor's label, failing that, the first spot clear of labels
    // (over a lesser node), then one a line or two farther (fartherSpots) and in the end its
    // own spot anyway: the key actors are always named, and two names overlap only when
    // nothing else is left. The others that find no spot are hidden until you zoom in or
    // hover.
    labelTimer = null;
    if (!cy || cy.nodes().length === 0) { return; }
    var z = cy.zoom();
    var fs = Math.max(LABEL_PX, LABEL_PX / z); // model units: never under LABEL_PX on screen
    // out of the highlighted neighbourhood: no label, but a key actor's (faint)
    var faded = cy.nodes(".faded").not(".key");
    var nodes = cy.nodes().not(faded).sort(function (a, b) {
      var fa = a.selected() || a.hasClass("focus") || a.hasClass("path") ? 0
        : a.hasClass("key") ? 1 : 2;
      var fb = b.selected() || b.hasClass("focus") || b.hasClass("path") ? 0
        : b.hasClass("key") ? 1 : 2;
      return fa - fb || a.data("rank") - b.data("rank");
    });
    own = true;
    cy.startBatch();
    // the font size only where it changes (a new actor, a new zoom): setting it restyles the
    // actor and works out its bounding box again
    nodes.forEach(function (n) {
      if (n.numericStyle("font-size") !== fs) { n.style("font-size", fs); }
    });
    cy.nodes().removeClass("nolabel lbl-top lbl-right lbl-left");
    cy.nodes().filter(function (n) { return n.scratch("_farther"); }).forEach(function (n) {
      n.removeStyle("text-margin-y").scratch("_farther", false);
    });
    cy.endBatch();
    own = false;
    var bodies = nodes.map(function (n) {
      return n.hasClass("faded") ? null
        : n.boundingBox({includeLabels: false, includeOverlays: false});
    });
    var gap = fs * 0.15; // a little air between labels (and the script's boxes' rounding)
    var placed = [];
    var hide = [];
    var moved = {"lbl-top": [], "lbl-right": [], "lbl-left": []};
    var shifted = []; // [node, text-margin-y] of labels put a line or two away
    function clearOfLabels(box) {
      return !placed.some(function (p) { return overlap(p, box); });
    }
    function clearOfNodes(box, i) {
      for (var j = 0; j < bodies.length; j++) {
        if (j !== i && bodies[j] && overlap(bodies[j], box)) { return false; }
      }
      return true;
    }
    nodes.forEach(function (n, i) {
      var below = n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true,
                                 includeOverlays: false});
      if (!below.w) { return; }
      var all = spots(n, below);
      var spot = all.find(function (s) {
        var b = pad(s.box, gap);
        return clearOfLabels(b) && clearOfNodes(b, i);
      });
      if (!spot && n.hasClass("key")) {
        // a key actor is always named: next to its node over a lesser actor, else a line or
        // two away, clear of other actors if it can be, else anywhere clear of labels, and
        // in the end its own spot anyway
        var farther = fartherSpots(all);
        spot = all.find(function (s) { return clearOfLabels(pad(s.box, gap)); }) ||
          farther.find(function (s) {
            var b = pad(s.box, gap);
            return clearOfLabels(b) && clearOfNodes(b, i);
          }) ||
          farther.find(function (s) { return clearOfLabels(pad(s.box, gap)); }) || all[0];
      }
      if (!spot) { hide.push(n); return; }
      placed.push(spot.box);
      if (spot.cls) { moved[spot.cls].push(n); }
      if (spot.dy) { shifted.push([n, MARGIN_Y[spot.cls] + spot.dy]); }
    });
    own = true;
    cy.batch(function () {
      cy.collection(hide).union(faded).addClass("nolabel");
      Object.keys(moved).forEach(function (cls) { cy.collection(moved[cls]).addClass(cls); });
      shifted.forEach(function (nd) {
        nd[0].scratch("_farther", true).style("text-margin-y", nd[1]);
      });
    });
    own = false;
    document.getElementById(GRAPH_ID).setAttribute("data-labels-zoom", String(z));
  }

  function labelsNow() {
    if (labelTimer) { clearTimeout(labelTimer); }
    placeLabels();
  }

  function scheduleLabels(delay) {
    if (labelTimer) { clearTimeout(labelTimer); }
    labelTimer = setTimeout(placeLabels, delay === undefined ? 60 : delay);
  }

  function highlight(ele) {
    own = true; // the class changes made here are not a new view (see attach)
    cy.batch(function () {
      cy.elements().removeClass("faded highlight");
      if (!ele || ele.empty()) {
        // nothing selected: a path, if the view has one, stands out over a faded rest
        var path = cy.elements(".path");
        if (path.nonempty()) { cy.elements().not(path).addClass("faded"); }
        return;
      }
      var keep = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
      cy.elements().not(keep).addClass("faded");
      keep.edges().addClass("highlight");
    });
    own = false;
    scheduleLabels(0);
  }

  function tooltip() { return document.getElementById("cy-tooltip"); }

  function showTooltip(n) {
    var tip = tooltip();
    if (!tip) { return; }
    var m = n.data("mentions") || 0;
    tip.textContent = "";
    var name = document.createElement("b");
    name.textContent = n.data("label");
    tip.appendChild(name);
    tip.appendChild(document.createElement("br"));
    tip.appendChild(document.createTextNode(
      n.data("type") + " · " + m.toLocaleString() + (m === 1 ? " mention" : " mentions")));
    var p = n.renderedPosition();
    tip.style.left = Math.round(p.x + n.renderedWidth() / 2 + 8) + "px";
    tip.style.top = Math.round(p.y - 10) + "px";
    tip.hidden = false;
  }

  function hideTooltip() { var tip = tooltip(); if (tip) { tip.hidden = true; } }

  function applyPending() {
    if (!cy || !pending) { return; }
    var n = cy.getElementById(pending.id);
    if (n.empty()) { return; } // not drawn yet: tried again when elements arrive
    var centre = pending.centre;
    pending = null;
    // an actor already selected keeps the others selected with it (a shift-click adds to
    // the selection; the server's answer to the click must not take that back)
    if (!n.selected()) { cy.elements().unselect(); n.select(); }
    highlight(n);
    if (centre) {
      keepCentred = n.id();
      cy.stop();
      cy.animate({center: {eles: n}, zoom: Math.max(cy.zoom(), 1)}, {duration: 250,
        complete: function () { recentre(); scheduleLabels(0); }});
    } else {
      scheduleLabels(0);
    }
  }

  function recentre() {
    // true when the actor to keep centred is (now) centred
    var n = keepCentred && cy.getElementById(keepCentred);
    if (!n || n.empty()) { return false; }
    cy.center(n);
    return true;
  }

  function holdPlaces(grew) {
    // actors keep their places across views (assets/mental_map.js); fit what moved, and a
    // view that gained or lost elements (``grew``: dash-cytoscape's own refit of it, its
    // autoRefreshLayout, is off, dashboard/layout.py)
    var moved = window.relgraphMap && window.relgraphMap.hold(cy);
    if (moved || grew) {
      cy.stop();
      if (!recentre()) { cy.fit(undefined, 24); }
    }
  }

  function tuneRenderer() {
    // Large views: while panning or zooming, move a snapshot of the last frame instead of
    // redrawing thousands of links every frame (cytoscape's textureOnViewport).
    var r = cy.renderer && cy.renderer();
    if (r) { r.textureOnViewport = cy.elements().length > 800; }
  }

  function settle(grew) {
    // a new view arrived: everything the page does to it, in one go (see attach)
    hideTooltip();
    tuneRenderer();
    holdPlaces(grew);
    highlight(null);
    applyPending();
    labelsNow(); // not on a timer as the steps above ask: before the view is drawn
  }

  function quietRoundTrip() {
    // dash-cytoscape sends every element back to Dash (its "elements" property, as data and
    // position) 0.1 s after any is added, removed or dragged, and with them it refreshes the
    // layout. No callback here reads that property, but the round trip cost a large view a
    // second patch and drawing of every actor, and became what the next view was compared
    // with (without classes: every element's classes set again). Its listeners are the ones
    // on those events for every element (no selector) when this script attaches, before its
    // own: they go. Dragged positions are kept by assets/mental_map.js.
    var em = cy.emitter && cy.emitter();
    if (!em || !Array.isArray(em.listeners)) { return; }
    em.listeners.filter(function (l) {
      return (l.event === "add" || l.event === "remove" || l.event === "dragfree") &&
        !l.qualifier && typeof l.callback === "function";
    }).forEach(function (l) { cy.removeListener(l.event, l.callback); });
  }

  function attach(instance) {
    cy = instance;
    if (cy._relgraph) { return; }
    cy._relgraph = true;
    quietRoundTrip();
    tuneRenderer();
    cy.on("zoom", function () { hideTooltip(); scheduleLabels(120); });
    cy.on("pan", hideTooltip);
    // A new view: elements added or removed, or the classes the server gives them changed
    // (a path cleared keeps the same actors: only their "path" class goes). Each fires once
    // per element: react once, after them all, in the same task (a microtask), so that the
    // actors are put in their places, fitted, highlighted and labelled before cytoscape
    // draws the view: one drawing per move (a timer let it draw the view up to five times,
    // each after working out the links' geometry and bounding boxes again: issue 25).
    var changed = false;
    var grew = false;
    cy.on("add remove class", function (e) {
      if (own) { return; }
      if (e.type !== "class") { grew = true; }
      if (changed) { return; }
      changed = true;
      Promise.resolve().then(function () {
        var g = grew;
        changed = false;
        grew = false;
        settle(g);
      });
    });
    cy.on("layoutstop", function () { recentre(); scheduleLabels(0); });
    cy.on("dragpan scrollzoom pinchzoom", function () { keepCentred = null; });
    cy.on("tap", "node, edge", function (e) { highlight(e.target); });
    // several actors selected (shift-click, shift-drag a box): the selection bar
    var barTimer = null;
    cy.on("select unselect", "node", function () {
      if (barTimer) { clearTimeout(barTimer); }
      barTimer = setTimeout(selectionBar, 30);
    });
    // double-click an actor: its neighbours join the view; again: they go (callbacks.py)
    var toggles = 0;
    cy.on("dbltap", "node", function (e) {
      if (window.dash_clientside && window.dash_clientside.set_props) {
        toggles += 1;
        window.dash_clientside.set_props("expand-toggle", {data: {id: e.target.id(),
                                                                  n: toggles}});
      }
    });
    cy.on("tap", function (e) {
      if (e.target === cy) { keepCentred = null; highlight(null); cy.elements().unselect(); }
    });
    cy.on("mouseover", "node", function (e) {
      own = true; e.target.addClass("hover"); own = false; showTooltip(e.target);
    });
    cy.on("mouseout", "node", function (e) {
      own = true; e.target.removeClass("hover"); own = false; hideTooltip();
    });
    var box = document.getElementById(GRAPH_ID);
    if (window.ResizeObserver && box) {
      new ResizeObserver(function () {
        cy.resize();
        // a drawer or tab opened or closed: the actor just centred stays centred, else
        // the whole graph is fitted in again (every actor inside the canvas)
        cy.stop();
        if (!recentre()) { cy.fit(undefined, 24); }
        scheduleLabels(80);
      }).observe(box);
    }
    if (window.relgraphMap) { window.relgraphMap.attach(cy); }
    holdPlaces();
    highlight(null);
    applyPending();
  }

  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(id, props);
    }
  }

  function selectedIds() { return cy ? cy.nodes(":selected").map(function (n) { return n.id(); })
                                     : []; }

  var picked = "[]";
  function selectionBar() {
    // the bar, and the selected ids for its export and merge (dashboard/selection.py)
    var ids = selectedIds();
    var n = ids.length;
    setProps("selection-bar", {hidden: n < 2});
    if (n >= 2) { setProps("selection-count", {children: n + " selected:"}); }
    var now = JSON.stringify(n >= 2 ? ids : []);
    if (now !== picked) { picked = now; setProps("picked", {data: JSON.parse(now)}); }
  }

  // Zoom and fit: the buttons under the graph and the keys + - f (zooming about the middle
  // of the canvas, as a scroll wheel does about the pointer).
  function zoomBy(factor) {
    if (!cy) { return; }
    keepCentred = null;
    var z = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({level: z, renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}});
  }

  function fitAll() {
    if (!cy) { return; }
    keepCentred = null;
    cy.fit(undefined, 24);
    scheduleLabels(0);
  }

  var BUTTONS = {"zoom-in": function () { zoomBy(1.25); },
                 "zoom-out": function () { zoomBy(0.8); }, "zoom-fit": fitAll,
                 "select-only": function () { setProps("only", {data: selectedIds()}); },
                 "select-hide": function () {
                   setProps("drop-add", {data: {ids: selectedIds(), at: Date.now()}});
                 }};

  function typing(target) {
    // keys typed into a field (or a dropdown's list) are the field's own
    if (!target || !target.closest) { return false; }
    return !!target.closest("input, textarea, select, [contenteditable=true], " +
                            ".dash-dropdown-content");
  }

  function escape() {
    // Esc: close the details (which clears the selection), the menus and the tab under the
    // graph; nothing selected and nothing faded stays
    var close = document.getElementById("details-close");
    var drawer = document.getElementById("details-panel");
    if (close && drawer && !drawer.hidden) { close.click(); }
    document.querySelectorAll("details.menu[open]").forEach(function (d) {
      d.removeAttribute("open");
    });
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("dock", {value: "none"});
    }
    window.relgraph.clear();
  }

  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest && e.target.closest("button");
    if (button && BUTTONS[button.id]) { BUTTONS[button.id](); }
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) {
      return;
    }
    var act = {"Escape": escape, "f": fitAll, "+": BUTTONS["zoom-in"], "=": BUTTONS["zoom-in"],
               "-": BUTTONS["zoom-out"], "/": function () {
                 var search = document.getElementById("search");
                 if (search) { search.click(); }
               }}[e.key];
    if (act) { e.preventDefault(); act(); }
  });

  function poll() {
    var instance = findCy();
    if (instance && instance !== cy) { attach(instance); }
    setTimeout(poll, instance ? 1000 : 100);
  }


  window.relgraph = {
    placeLabels: placeLabels,
    want: function (sel) {
      if (!sel || !sel.id || sel.kind !== "node") { return; }
      pending = {id: sel.id, centre: !!sel.centre};
      applyPending();
    },
    clear: function () {
      keepCentred = null;
      if (cy) { highlight(null); cy.elements().unselect(); }
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", poll);
  } else {
    poll();
  }
})();
