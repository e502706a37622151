/* relgraph dashboard: the view's picture (Export ▸ PNG / SVG), made in the browser.
 *
 * The graph as cytoscape draws it (cy.png, or cy.svg from cytoscape-svg), with a title line
 * above it (what the view shows, as the header's summary says it) and the legend under it
 * (read from the legend strip on the page), so a picture pasted elsewhere still says what
 * it shows. One layout (layoutBands) is painted twice: on a canvas for the PNG, as SVG
 * elements for the SVG. Nothing travels to the server: a large view's PNG is more than a
 * server without uploads accepts in a request. The picture is in the theme on screen (its
 * ground and text colours, the CSS variables of dashboard/theme.py): the graph's names are
 * drawn for that ground (light names on a dark one).
 */
(function () {
  "use strict";
  var FONT = "Helvetica, Arial, sans-serif";
  var PAD = 12; // px, before the scale

  function findCy() {
    var el = document.getElementById("graph");
    return el && el._cyreg && el._cyreg.cy;
  }

  function colours() {
    // the theme on screen (graph/views/themes.py through dashboard/theme.py), else light
    var css = window.getComputedStyle(document.documentElement);
    function v(name, light) { return css.getPropertyValue(name).trim() || light; }
    return {bg: v("--rg-bg", "#ffffff"), text: v("--rg-text", "#222222"),
            muted: v("--rg-muted", "#555555")};
  }

  function legendRows() {
    // [{title, items: [{shape, colour, label}]}, {note}] from the legend strip
    var rows = [];
    var legend = document.getElementById("legend");
    if (!legend) { return rows; }
    Array.prototype.forEach.call(legend.children, function (row) {
      if (row.classList.contains("legend-note")) {
        rows.push({note: row.textContent});
        return;
      }
      var title = row.querySelector("b");
      var items = [];
      Array.prototype.forEach.call(row.querySelectorAll(".dot, .line"), function (mark) {
        var label = mark.nextElementSibling;
        // the colour as drawn: a theme's colour is a CSS variable in the mark's style
        items.push({shape: mark.classList.contains("line") ? "line" : "dot",
                    colour: window.getComputedStyle(mark).backgroundColor ||
                      mark.style.background,
                    label: label ? label.textContent : ""});
      });
      rows.push({title: title ? title.textContent : "", items: items});
    });
    return rows;
  }

  function title() {
    var summary = document.getElementById("summary");
    var text = summary ? summary.textContent.trim() : "";
    return "relgraph" + (text ? " · " + text : "") + " · " +
      new Date().toISOString().slice(0, 10);
  }

  // The bands around the graph as drawing steps, in pixels of the picture (scale s).
  function layoutBands(width, s) {
    var measure = document.createElement("canvas").getContext("2d");
    function textWidth(text, size, bold) {
      measure.font = (bold ? "bold " : "") + size + "px " + FONT;
      return measure.measureText(text).width;
    }
    var pad = PAD * s;
    var c = colours();
    var head = {steps: [{kind: "text", x: pad, y: pad + 15 * s, size: 15 * s, bold: true,
                         text: title(), colour: c.text}], height: 36 * s};
    var steps = [];
    var line = 17 * s;
    var x = pad;
    var y = pad + 11 * s;
    var size = 12 * s;
    function newLine() { x = pad; y += line; }
    function fits(w) { if (x > pad && x + w > width - pad) { newLine(); } }
    legendRows().forEach(function (row) {
      if (row.note) {
        fits(textWidth(row.note, size, false));
        steps.push({kind: "text", x: x, y: y, size: size, text: row.note, colour: c.muted});
        newLine();
        return;
      }
      var head = row.title;
      fits(textWidth(head, size, true));
      steps.push({kind: "text", x: x, y: y, size: size, bold: true, text: head,
                  colour: c.text});
      x += textWidth(head, size, true) + 4 * s;
      row.items.forEach(function (item) {
        var mark = (item.shape === "line" ? 16 : 11) * s;
        var w = mark + 4 * s + textWidth(item.label, size, false) + 10 * s;
        fits(w);
        steps.push(item.shape === "line"
          ? {kind: "rect", x: x, y: y - 6 * s, w: mark, h: 4 * s, colour: item.colour}
          : {kind: "dot", x: x + mark / 2, y: y - 4 * s, r: mark / 2, colour: item.colour});
        steps.push({kind: "text", x: x + mark + 4 * s, y: y, size: size, text: item.label,
                    colour: c.text});
        x += w;
      });
      newLine();
    });
    return {head: head, foot: {steps: steps, height: steps.length ? y - line + pad : 0}};
  }

  function paint(ctx, steps, dy) {
    steps.forEach(function (st) {
      ctx.fillStyle = st.colour;
      if (st.kind === "text") {
        ctx.font = (st.bold ? "bold " : "") + st.size + "px " + FONT;
        ctx.fillText(st.text, st.x, st.y + dy);
      } else if (st.kind === "rect") {
        ctx.fillRect(st.x, st.y + dy, st.w, st.h);
      } else {
        ctx.beginPath();
        ctx.arc(st.x, st.y + dy, st.r, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
  }

  function escapeXml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }

  function svgSteps(steps, dy) {
    return steps.map(function (st) {
      var fill = " fill=\"" + escapeXml(st.colour) + "\"";
      if (st.kind === "text") {
        return "<text x=\"" + st.x + "\" y=\"" + (st.y + dy) + "\" font-family=\"" + FONT +
          "\" font-size=\"" + st.size + "\"" + (st.bold ? " font-weight=\"bold\"" : "") +
          fill + ">" + escapeXml(st.text) + "</text>";
      }
      if (st.kind === "rect") {
        return "<rect x=\"" + st.x + "\" y=\"" + (st.y + dy) + "\" width=\"" + st.w +
          "\" height=\"" + st.h + "\"" + fill + "/>";
      }
      return "<circle cx=\"" + st.x + "\" cy=\"" + (st.y + dy) + "\" r=\"" + st.r + "\"" +
        fill + "/>";
    }).join("");
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function status(text) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("image-status", {children: text});
    }
  }

  function svgPicture(cy) {
    var bg = colours().bg;
    var inner = cy.svg({full: true, scale: 1, bg: bg})
      .replace(/<\?xml[^>]*\?>/, "").replace(/<!DOCTYPE[^>]*>/, "");
    var size = /<svg[^>]*\bwidth="([\d.]+)(?:px)?"[^>]*\bheight="([\d.]+)(?:px)?"/
      .exec(inner) || [0, cy.width(), cy.height()];
    var w = parseFloat(size[1]);
    var h = parseFloat(size[2]);
    var width = Math.max(w, 640);
    var bands = layoutBands(width, 1);
    var top = bands.head.height;
    var height = top + h + bands.foot.height;
    // the graph's own <svg> nested at its place between the bands
    inner = inner.replace(/<svg\b/, "<svg x=\"" + (width - w) / 2 + "\" y=\"" + top + "\"");
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"" +
      " width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " +
      height + "\"><rect width=\"100%\" height=\"100%\" fill=\"" + escapeXml(bg) + "\"/>" +
      svgSteps(bands.head.steps, 0) + inner + svgSteps(bands.foot.steps, top + h) + "</svg>";
    return text;
  }

  function pngPicture(cy, done) {
    var s = 2;
    var bg = colours().bg;
    var img = new Image();
    img.onload = function () {
      var width = Math.max(img.width, 640 * s);
      var bands = layoutBands(width, s);
      var top = bands.head.height;
      var canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = top + img.height + bands.foot.height;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      paint(ctx, bands.head.steps, 0);
      ctx.drawImage(img, (width - img.width) / 2, top);
      paint(ctx, bands.foot.steps, top + img.height);
      canvas.toBlob(done, "image/png");
    };
    img.src = cy.png({output: "base64uri", full: true, scale: s, bg: bg});
  }

  var clicks = {png: 0, svg: 0}; // which button was pressed: the one whose count grew

  function exportView(png, svg) {
    var cy = findCy();
    var isSvg = (svg || 0) > clicks.svg;
    var isPng = (png || 0) > clicks.png;
    clicks = {png: png || 0, svg: svg || 0};
    if (!cy || !(isSvg || isPng)) { return window.dash_clientside.no_update; }
    if (isSvg) {
      save(new Blob([svgPicture(cy)], {type: "image/svg+xml"}), "relgraph-view.svg");
      return "SVG downloaded";
    }
    pngPicture(cy, function (blob) {
      save(blob, "relgraph-view.png");
      var kb = Math.max(1, Math.floor(blob.size / 1024));
      status("PNG saved (" + kb.toLocaleString("en-US") + " KB)");
    });
    return "Preparing PNG…";
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.relgraph = window.dash_clientside.relgraph || {};
  window.dash_clientside.relgraph.exportView = exportView;
  window.relgraphImage = {svg: function () { var cy = findCy(); return cy && svgPicture(cy); },
                          bands: layoutBands};
})();
