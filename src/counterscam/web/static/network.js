// counterscam: the network view of a cluster, drawn on one <canvas> (no DOM node per node).
// The layout comes from the server (graph.json: x, y in the unit square); this script only
// pans, zooms, finds the node under the pointer through a grid, and draws. The same network
// is on the page as a table (/clusters/{key}/network/table) for people who cannot use this.
(function () {
  "use strict";

  var root = document.querySelector("[data-network]");
  if (!root) { return; }
  root.hidden = false;  // the page hides what only this script makes work
  var canvas = root.querySelector("canvas");
  var ctx = canvas.getContext("2d");
  var tooltip = root.querySelector("[data-tooltip]");
  var status = root.querySelector("[data-status]");
  var labelsBox = root.querySelector("[data-labels]");
  var WORLD = 1000;
  var MIN_ZOOM = 0.2, MAX_ZOOM = 60;

  var view = { scale: 1, tx: 0, ty: 0, fit: 1, width: 0, height: 0, dpr: 1 };
  var g = null;          // the graph as typed arrays
  var hover = -1;
  var picked = -1;       // the node chosen with the keyboard (N, P), or -1
  var pending = false;
  var drawn = 0;

  function setStatus(text) { if (status) { status.textContent = text; } }

  function build(json) {
    var n = json.nodes.length, m = json.edges.length;
    var xs = new Float32Array(n), ys = new Float32Array(n), radius = new Float32Array(n);
    var isReport = new Uint8Array(n);
    var colourOf = [], groups = {}, adjacency = new Array(n);
    for (var i = 0; i < n; i++) {
      var node = json.nodes[i];
      xs[i] = node.x * WORLD;
      ys[i] = node.y * WORLD;
      isReport[i] = node.type === "report" ? 1 : 0;
      var colour = isReport[i] ? json.colours.report : (json.colours[node.kind] || json.colours.other);
      colourOf.push(colour);
      (groups[colour] = groups[colour] || []).push(i);
      radius[i] = isReport[i] ? 3 : Math.min(3 + Math.sqrt(node.degree) * 1.3, 13);
      adjacency[i] = [];
    }
    var source = new Uint32Array(m), target = new Uint32Array(m);
    for (var e = 0; e < m; e++) {
      source[e] = json.edges[e].s;
      target[e] = json.edges[e].t;
      adjacency[source[e]].push(target[e]);
      adjacency[target[e]].push(source[e]);
    }
    // A uniform grid over the world, about one node a cell, for finding the node under the pointer.
    var cells = Math.max(1, Math.ceil(Math.sqrt(n)));
    var grid = new Array(cells * cells);
    for (var k = 0; k < n; k++) {
      var c = cellOf(xs[k], cells) + cellOf(ys[k], cells) * cells;
      (grid[c] = grid[c] || []).push(k);
    }
    // The order N and P step through: the most connected first, as they matter most.
    var steps = [];
    for (var q = 0; q < n; q++) { steps.push(q); }
    steps.sort(function (a, b) { return json.nodes[b].degree - json.nodes[a].degree || a - b; });
    return {
      json: json, n: n, m: m, xs: xs, ys: ys, radius: radius, isReport: isReport,
      colourOf: colourOf, groups: groups, adjacency: adjacency, source: source, target: target,
      grid: grid, cells: cells, steps: steps, stepOf: invert(steps)
    };
  }

  function invert(steps) {
    var at = new Uint32Array(steps.length);
    steps.forEach(function (node, k) { at[node] = k; });
    return at;
  }

  function cellOf(value, cells) {
    return Math.min(cells - 1, Math.max(0, Math.floor(value / WORLD * cells)));
  }

  // Nodes grow a little as one zooms in, so a dense centre opens up without dots turning to discs.
  function grow() { return Math.min(2.5, Math.max(0.7, Math.sqrt(view.scale / view.fit))); }
  function sx(i) { return g.xs[i] * view.scale + view.tx; }
  function sy(i) { return g.ys[i] * view.scale + view.ty; }

  function resize() {
    var rect = canvas.getBoundingClientRect();
    view.dpr = window.devicePixelRatio || 1;
    var oldW = view.width, oldH = view.height;
    view.width = rect.width;
    view.height = rect.height;
    canvas.width = Math.round(rect.width * view.dpr);
    canvas.height = Math.round(rect.height * view.dpr);
    if (oldW && g) {  // keep the centre of the view where it was
      view.tx += (view.width - oldW) / 2;
      view.ty += (view.height - oldH) / 2;
    }
    schedule();
  }

  function fit() {
    var pad = 28;
    view.fit = Math.max(0.0001, Math.min(view.width - pad * 2, view.height - pad * 2) / WORLD);
    view.scale = view.fit;
    view.tx = (view.width - WORLD * view.scale) / 2;
    view.ty = (view.height - WORLD * view.scale) / 2;
    schedule();
  }

  function zoomAt(px, py, factor) {
    var next = Math.min(view.fit * MAX_ZOOM, Math.max(view.fit * MIN_ZOOM, view.scale * factor));
    factor = next / view.scale;
    view.tx = px - (px - view.tx) * factor;
    view.ty = py - (py - view.ty) * factor;
    view.scale = next;
    schedule();
  }

  function schedule() {
    if (pending || !g) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }

  function onScreen(x, y, r) {
    return x > -r && y > -r && x < view.width + r && y < view.height + r;
  }

  function draw() {
    var w = view.width, h = view.height, i, k, x, y, r;
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var s = grow();

    ctx.lineWidth = g.m > 3000 ? 0.6 : 1;
    ctx.strokeStyle = hover >= 0 ? "rgba(80, 90, 95, 0.14)" : "rgba(80, 90, 95, 0.32)";
    ctx.beginPath();
    for (k = 0; k < g.m; k++) {
      var a = g.source[k], b = g.target[k];
      var ax = sx(a), ay = sy(a), bx = sx(b), by = sy(b);
      if ((ax < 0 && bx < 0) || (ay < 0 && by < 0) || (ax > w && bx > w) || (ay > h && by > h)) { continue; }
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
    }
    ctx.stroke();

    if (hover >= 0) {  // the hovered node's connections stand out
      ctx.strokeStyle = "#0b0c0c";
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      g.adjacency[hover].forEach(function (j) { ctx.moveTo(sx(hover), sy(hover)); ctx.lineTo(sx(j), sy(j)); });
      ctx.stroke();
    }

    drawn = 0;
    var outline = g.n <= 3000;
    // Identifiers first, reports on top: the report squares are what one clicks.
    var order = Object.keys(g.groups).sort(function (a, b) {
      return (a === g.json.colours.report) - (b === g.json.colours.report);
    });
    order.forEach(function (colour) {
      var members = g.groups[colour];
      ctx.beginPath();
      for (var q = 0; q < members.length; q++) {
        i = members[q];
        x = sx(i); y = sy(i); r = g.radius[i] * s;
        if (!onScreen(x, y, r)) { continue; }
        drawn++;
        if (g.isReport[i]) {
          ctx.rect(x - r, y - r, r * 2, r * 2);
        } else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, Math.PI * 2);
        }
      }
      ctx.fillStyle = colour;
      ctx.fill();
      if (outline && colour !== g.json.colours.report) {
        ctx.lineWidth = 1;
        ctx.strokeStyle = "#ffffff";
        ctx.stroke();
      }
    });

    drawLabels(s);

    if (hover >= 0) {
      x = sx(hover); y = sy(hover); r = g.radius[hover] * s + 4;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffdd00";
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#0b0c0c";
      ctx.beginPath();
      ctx.arc(x, y, r + 1.5, 0, Math.PI * 2);
      ctx.stroke();
    }

    // The chosen node's details follow it as the view moves, without being read out again.
    if (picked >= 0 && hover === picked) { placeTooltip(sx(picked), sy(picked)); }
    root.dataset.drawn = String(drawn);
    root.dataset.scale = (view.scale / view.fit).toFixed(3);
  }

  var labelBoxes = [];

  // Labels when few nodes are on screen, or when asked for (identifiers only, up to a limit).
  // The most connected nodes are labelled first and a label that would overlap one already
  // drawn is left out (zoom in to see it): 50 labels drawn over each other read as none.
  function drawLabels(s) {
    var wanted = labelsBox && labelsBox.checked;
    if (!wanted && drawn > 120) { return; }
    var limit = wanted ? 800 : 120, count = 0, boxes = [];
    ctx.font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
    ctx.fillStyle = "#0b0c0c";
    var order = [];
    for (var k = 0; k < g.n; k++) { order.push(k); }
    order.sort(function (a, b) { return g.json.nodes[b].degree - g.json.nodes[a].degree; });
    for (var j = 0; j < order.length && count < limit; j++) {
      var i = order[j];
      if (wanted && drawn > 120 && g.isReport[i]) { continue; }
      var x = sx(i), y = sy(i), r = g.radius[i] * s;
      if (!onScreen(x, y, r)) { continue; }
      var text = g.json.nodes[i].label;
      if (text.length > 28) { text = text.slice(0, 26) + "…"; }
      var box = { x0: x + r + 2, x1: x + r + 6 + ctx.measureText(text).width, y0: y - 8, y1: y + 8 };
      if (boxes.some(function (o) { return box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1; })) {
        continue;
      }
      boxes.push(box);
      ctx.strokeText(text, x + r + 4, y);
      ctx.fillText(text, x + r + 4, y);
      count++;
    }
    labelBoxes = boxes;
  }

  function nodeAt(px, py) {
    if (!g || !g.n) { return -1; }
    var s = grow(), slack = 4;
    var reach = (13 * s + slack) / view.scale;  // the largest node's radius, in world units
    var wx = (px - view.tx) / view.scale, wy = (py - view.ty) / view.scale;
    var c0 = cellOf(wx - reach, g.cells), c1 = cellOf(wx + reach, g.cells);
    var r0 = cellOf(wy - reach, g.cells), r1 = cellOf(wy + reach, g.cells);
    var best = -1, bestD = Infinity;
    for (var row = r0; row <= r1; row++) {
      for (var col = c0; col <= c1; col++) {
        var cell = g.grid[col + row * g.cells];
        if (!cell) { continue; }
        for (var q = 0; q < cell.length; q++) {
          var i = cell[q];
          var dx = sx(i) - px, dy = sy(i) - py, d = Math.sqrt(dx * dx + dy * dy);
          if (d <= g.radius[i] * s + slack && d < bestD) { best = i; bestD = d; }
        }
      }
    }
    return best;
  }

  function describe(i, keyed) {
    var node = g.json.nodes[i], lines = [];
    if (node.type === "report") {
      lines.push(["Report " + node.label, true]);
      lines.push([[node.country, node.date + " UTC", (node.scam_type || "").replace(/_/g, " ")].join(" · "), false]);
      lines.push([g.adjacency[i].length + " joining identifier" + (g.adjacency[i].length === 1 ? "" : "s"), false]);
      lines.push([keyed ? "Press Enter to open the report" : "Click to open the report", false]);
    } else {
      lines.push([node.label, true]);
      lines.push([(g.json.kind_labels[node.kind] || node.kind) + " · named in " + g.adjacency[i].length +
        " report" + (g.adjacency[i].length === 1 ? "" : "s") + " you may see", false]);
    }
    return lines;
  }

  function showTooltip(i, px, py, keyed) {
    if (i < 0) { tooltip.hidden = true; return; }
    tooltip.textContent = "";
    var lines = describe(i, keyed);
    if (keyed) {  // where it is in the stepping order, as a screen reader hears no drawing
      lines.push(["Node " + (g.stepOf[i] + 1).toLocaleString("en") + " of " + g.n.toLocaleString("en") +
        " (N next, P previous)", false]);
    }
    lines.forEach(function (line) {
      var el = document.createElement(line[1] ? "strong" : "span");
      el.textContent = line[0];
      tooltip.appendChild(el);
    });
    tooltip.hidden = false;
    placeTooltip(px, py);
  }

  function placeTooltip(px, py) {
    var left = px + 14, top = py + 14;
    if (left + tooltip.offsetWidth > view.width) { left = px - tooltip.offsetWidth - 14; }
    if (top + tooltip.offsetHeight > view.height) { top = py - tooltip.offsetHeight - 14; }
    tooltip.style.left = Math.max(0, left) + "px";
    tooltip.style.top = Math.max(0, top) + "px";
  }

  function setHover(i, px, py) {
    canvas.style.cursor = i >= 0 && g.isReport[i] ? "pointer" : (i >= 0 ? "default" : "grab");
    showTooltip(i, px, py);
    if (i !== hover) { hover = i; schedule(); }
  }

  // The keyboard's way to a node: N and P step through them (most connected first), the view
  // moves to show the one chosen, ringed as a hovered one is, and Enter opens a report. The
  // nodes are painted, not elements, so Tab cannot reach them; stepping them inside the one Tab
  // stop keeps the drawing from swallowing Tab for thousands of presses.
  function pick(i) {
    picked = i;
    if (i < 0) { setHover(-1, 0, 0); return; }
    var x = sx(i), y = sy(i), margin = 40;
    if (x < margin || y < margin || x > view.width - margin || y > view.height - margin) {
      view.tx += view.width / 2 - x;
      view.ty += view.height / 2 - y;
    }
    hover = i;
    showTooltip(i, sx(i), sy(i), true);
    schedule();
  }

  function stepNode(by) {
    if (!g || !g.n) { return; }
    var at = picked < 0 ? (by > 0 ? -1 : 0) : g.stepOf[picked];
    pick(g.steps[(at + by + g.n) % g.n]);
  }

  function local(event) {
    var rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  var drag = null;
  canvas.addEventListener("pointerdown", function (event) {
    var p = local(event);
    drag = { x: p[0], y: p[1], tx: view.tx, ty: view.ty, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    var p = local(event);
    if (drag) {
      var dx = p[0] - drag.x, dy = p[1] - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; }
      if (drag.moved) {
        canvas.style.cursor = "grabbing";
        tooltip.hidden = true;
        view.tx = drag.tx + dx;
        view.ty = drag.ty + dy;
        schedule();
        return;
      }
    }
    setHover(nodeAt(p[0], p[1]), p[0], p[1]);
  });
  canvas.addEventListener("pointerup", function (event) {
    var p = local(event), wasDrag = drag && drag.moved;
    drag = null;
    if (wasDrag) { setHover(nodeAt(p[0], p[1]), p[0], p[1]); return; }
    var i = nodeAt(p[0], p[1]);
    if (i >= 0 && g.isReport[i] && g.json.nodes[i].href) { window.location.assign(g.json.nodes[i].href); }
  });
  canvas.addEventListener("pointerleave", function () {
    if (drag) { return; }
    if (picked < 0) { setHover(-1, 0, 0); } else if (hover !== picked) { pick(picked); }
  });
  canvas.addEventListener("blur", function () { if (picked >= 0) { pick(-1); } });
  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = local(event);
    zoomAt(p[0], p[1], Math.exp(-event.deltaY * 0.0015));
  }, { passive: false });

  function zoomCentre(factor) { zoomAt(view.width / 2, view.height / 2, factor); }
  root.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "in") { zoomCentre(1.5); } else if (how === "out") { zoomCentre(1 / 1.5); } else { fit(); }
    });
  });
  canvas.addEventListener("keydown", function (event) {
    var step = 60, handled = true;
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "+" || event.key === "=") { zoomCentre(1.5); }
    else if (event.key === "-" || event.key === "_") { zoomCentre(1 / 1.5); }
    else if (event.key === "0") { fit(); }
    else if (event.key === "ArrowLeft") { view.tx += step; }
    else if (event.key === "ArrowRight") { view.tx -= step; }
    else if (event.key === "ArrowUp") { view.ty += step; }
    else if (event.key === "ArrowDown") { view.ty -= step; }
    else if (event.key === "n" || event.key === "N") { stepNode(event.shiftKey ? -1 : 1); }
    else if (event.key === "p" || event.key === "P") { stepNode(-1); }
    else if (event.key === "Escape" && picked >= 0) { pick(-1); }
    else if (event.key === "Enter" && picked >= 0 && g.json.nodes[picked].href) {
      window.location.assign(g.json.nodes[picked].href);
    }
    else { handled = false; }
    if (handled) { event.preventDefault(); schedule(); }
  });
  if (labelsBox) { labelsBox.addEventListener("change", schedule); }
  window.addEventListener("resize", resize);

  // The WAI-ARIA toolbar pattern: the controls are one Tab stop (the one last used), Left and
  // Right move between them (round from the last to the first), Home and End go to the ends.
  // The markup says "group": without this script the arrows would not move, so it is this
  // script that makes it a toolbar.
  var bar = root.querySelector("[data-toolbar]");
  var tools = bar ? Array.prototype.slice.call(bar.querySelectorAll("button, input")) : [];
  function rove(to) {
    tools.forEach(function (tool, i) { tool.tabIndex = i === to ? 0 : -1; });
  }
  if (tools.length) {
    bar.setAttribute("role", "toolbar");
    rove(0);
    bar.addEventListener("focusin", function (event) {
      var i = tools.indexOf(event.target);
      if (i >= 0) { rove(i); }
    });
    bar.addEventListener("keydown", function (event) {
      var i = tools.indexOf(event.target), last = tools.length - 1, to;
      if (i < 0 || event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.key === "ArrowRight") { to = i === last ? 0 : i + 1; }
      else if (event.key === "ArrowLeft") { to = i === 0 ? last : i - 1; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = last; }
      else { return; }
      event.preventDefault();
      tools[to].focus();
    });
  }

  // What the browser tests (and anyone curious in the console) can ask of the view.
  window.counterscamNetwork = {
    nodes: function () { return g ? g.n : 0; },
    edges: function () { return g ? g.m : 0; },
    drawn: function () { return drawn; },
    labels: function () { return labelBoxes; },
    zoom: function () { return view.scale / view.fit; },
    picked: function () {
      if (!g || picked < 0) { return null; }
      var node = g.json.nodes[picked];
      return { label: node.label, type: node.type, x: sx(picked), y: sy(picked) };
    },
    screenOf: function (label) {
      if (!g) { return null; }
      for (var i = 0; i < g.n; i++) {
        if (g.json.nodes[i].label === label) { return { x: sx(i), y: sy(i) }; }
      }
      return null;
    }
  };

  fetch(root.getAttribute("data-src"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("the server answered " + response.status); }
      return response.json();
    })
    .then(function (json) {
      g = build(json);
      root.dataset.nodes = String(g.n);
      root.dataset.edges = String(g.m);
      resize();
      fit();
      setStatus(g.n.toLocaleString("en") + " nodes, " + g.m.toLocaleString("en") + " connections" +
        (json.truncated ? " (truncated)" : ""));
      root.classList.add("is-ready");
    })
    .catch(function (error) {
      setStatus("The network could not be drawn (" + error.message + "). Use the table instead.");
      root.classList.add("is-failed");
    });
})();
