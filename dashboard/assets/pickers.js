/* relgraph dashboard: the actor pickers' ranking (dashboard/pickers.py), on the page.
 *
 * Every actor arrives once (ids.ACTOR_OPTIONS), most important first; a picker shows
 * PICK_LIMIT of them, ranked for what is typed: an exact name or alias, then the most
 * important actors whose names hold every word typed (Dash's own search would order matches
 * alphabetically, and Enter takes the first). No server call per key.
 */
(function () {
  "use strict";
  var PICK_LIMIT = 50; // keep in sync with dashboard/tables.py PICK_LIMIT
  var pickIndex = {all: null, names: null, text: null};

  function indexActors(all) {
    if (pickIndex.all === all) { return pickIndex; }
    pickIndex = {all: all, names: [], text: []};
    for (var i = 0; i < all.length; i++) {
      var names = String(all[i].search || all[i].label).toLowerCase().split("\n");
      pickIndex.names.push(names);
      pickIndex.text.push(names.join(" ") + " " + String(all[i].value).toLowerCase());
    }
    return pickIndex;
  }

  function pick(query, all, value) {
    if (!all) { return window.dash_clientside.no_update; }
    var q = (query || "").trim().toLowerCase().replace(/\s+/g, " ");
    var out = [];
    if (!q) {
      out = all.slice(0, PICK_LIMIT);
    } else {
      var idx = indexActors(all);
      var words = q.split(" ");
      var exact = [];
      for (var i = 0; i < all.length; i++) { // every actor: an exact name may be a rare one
        var text = idx.text[i];
        if (!words.every(function (w) { return text.indexOf(w) >= 0; })) { continue; }
        if (idx.names[i].indexOf(q) >= 0) {
          exact.push(all[i]);
        } else if (out.length < PICK_LIMIT) {
          out.push(all[i]);
        }
      }
      out = exact.concat(out).slice(0, PICK_LIMIT);
    }
    if (value !== null && value !== undefined &&
        !out.some(function (o) { return o.value === value; })) {
      var held = all.filter(function (o) { return o.value === value; });
      out = out.concat(held.slice(0, 1)); // a picker drops a value missing from its options
    }
    return out;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.relgraph = window.dash_clientside.relgraph || {};
  window.dash_clientside.relgraph.pick = pick;
})();
