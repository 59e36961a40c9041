// argmap map viewer: pan, zoom, fit, reset and "show the neighbourhood" on every map of a report.
// Written for argmap (MIT). No network, no eval; the page's CSP admits this script by its hash.
// Without it the maps still scroll at full size: it only adds to a page that already works.
(function () {
  "use strict";
  var MIN = 0.05, MAX = 8, STEP = 1.25, PAN = 60, FOCUS_MIN = 0.6;

  function clamp(v) { return Math.min(MAX, Math.max(MIN, v)); }

  function setup(fig) {
    var port = fig.querySelector(".viewport");
    var svg = port && port.querySelector("svg");
    var bar = fig.querySelector(".toolbar");
    if (!svg || !bar) return;
    var data = JSON.parse(fig.getAttribute("data-graph") || "{}");
    var graph = data.relations || {}, nodes = data.nodes || [];
    var w = parseFloat(svg.getAttribute("width")), h = parseFloat(svg.getAttribute("height"));
    var k = 1, x = 0, y = 0, focused = null;
    fig.classList.add("zoomable");
    bar.hidden = false;
    port.style.height = Math.min(h + 2, Math.max(240, window.innerHeight * 0.75)) + "px";

    function apply() {
      svg.style.transform = "translate(" + x.toFixed(1) + "px," + y.toFixed(1) + "px) scale(" + k.toFixed(4) + ")";
      fig.setAttribute("data-zoom", k.toFixed(3));
    }
    function zoomAt(factor, cx, cy) {
      var nk = clamp(k * factor);
      x = cx - (cx - x) * nk / k; y = cy - (cy - y) * nk / k; k = nk; apply();
    }
    function centre(factor) { zoomAt(factor, port.clientWidth / 2, port.clientHeight / 2); }
    function fitBox(bx, by, bw, bh) {
      k = clamp(Math.min(port.clientWidth / bw, port.clientHeight / bh, 1.5));
      x = (port.clientWidth - bw * k) / 2 - bx * k; y = (port.clientHeight - bh * k) / 2 - by * k; apply();
    }
    function fit() {
      if (focused === null) { fitBox(0, 0, w, h); return; }
      // The box around what is shown, in the picture's own (unscaled) pixels.
      var box = svg.getBoundingClientRect(), l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
      svg.querySelectorAll(".argmap-node, .argmap-relation").forEach(function (el) {
        if (el.style.display === "none") return;
        var e = el.getBoundingClientRect();
        l = Math.min(l, e.left); t = Math.min(t, e.top); r = Math.max(r, e.right); b = Math.max(b, e.bottom);
      });
      if (!(l < r)) return;
      fitBox((l - box.left) / k - 12, (t - box.top) / k - 12, (r - l) / k + 24, (b - t) / k + 24);
      // A neighbourhood spread across a big map would fit only as specks: keep the text readable
      // (0.6 of actual size: 11-pt text at ~9 px) and centre the chosen node; the rest is a pan away.
      var node = svg.querySelector(".argmap-node." + CSS.escape(focused));
      if (k < FOCUS_MIN && node) {
        var now = svg.getBoundingClientRect(), nb = node.getBoundingClientRect();
        var px = ((nb.left + nb.right) / 2 - now.left) / k, py = ((nb.top + nb.bottom) / 2 - now.top) / k;
        k = FOCUS_MIN; x = port.clientWidth / 2 - px * k; y = port.clientHeight / 2 - py * k; apply();
      }
    }
    // Home: actual size, with the main thesis in view (a right-to-left map has it at the left edge).
    var homeX = 0, homeY = 0, thesis = svg.querySelector(".argmap-node.thesis");
    if (thesis) {
      var sb = svg.getBoundingClientRect(), tb = thesis.getBoundingClientRect();
      var cx = (tb.left + tb.right) / 2 - sb.left, cy = (tb.top + tb.bottom) / 2 - sb.top;
      homeX = Math.min(0, Math.max(port.clientWidth - w, port.clientWidth / 2 - cx));
      homeY = Math.min(0, Math.max(port.clientHeight - h, port.clientHeight / 2 - cy));
    }
    function reset() { k = 1; x = homeX; y = homeY; apply(); }
    function width() { k = clamp(port.clientWidth / w); x = 0; y = Math.min(0, homeY * k); apply(); }

    // The --focus view in the page: nodes and relations within `depth` relations of a node.
    function neighbourhood(start, depth) {
      var next = {};
      function link(a, b) { (next[a] = next[a] || []).push(b); (next[b] = next[b] || []).push(a); }
      Object.keys(graph).forEach(function (rel) { graph[rel].forEach(function (end) { link(rel, end); }); });
      var seen = {}, queue = [start];
      seen[start] = 0;
      while (queue.length) {
        var cur = queue.shift();
        if (seen[cur] >= 2 * depth) continue;
        (next[cur] || []).forEach(function (n) { if (!(n in seen)) { seen[n] = seen[cur] + 1; queue.push(n); } });
      }
      // A kept relation keeps all its premises (its ends but the last, the target).
      Object.keys(seen).forEach(function (id) {
        if (graph[id]) graph[id].slice(0, -1).forEach(function (p) { seen[p] = seen[p] || 0; });
      });
      return seen;
    }
    function show(node) {
      var depth = parseInt(fig.querySelector(".depth").value, 10) || 1;
      var keep = node ? neighbourhood(node, depth) : null;
      focused = node;
      svg.querySelectorAll(".argmap-node, .argmap-relation").forEach(function (el) {
        var visible = !keep || Array.prototype.some.call(el.classList, function (c) { return c in keep; });
        el.style.display = visible ? "" : "none";
      });
      fig.querySelector(".focus").value = node || "";
      fig.setAttribute("data-focus", node || "");
      if (node) fit(); else reset();
    }

    bar.addEventListener("click", function (ev) {
      var act = ev.target.closest("button") && ev.target.closest("button").getAttribute("data-act");
      if (act === "in") centre(STEP); else if (act === "out") centre(1 / STEP);
      else if (act === "fit") fit(); else if (act === "width") width(); else if (act === "reset") reset();
      else if (act === "all") show(null);
    });
    fig.querySelector(".focus").addEventListener("change", function (ev) { show(ev.target.value || null); });
    fig.querySelector(".depth").addEventListener("change", function () { if (focused) show(focused); });

    port.addEventListener("wheel", function (ev) {
      // Plain wheel scrolls the page until the map is in use (focused); pinch arrives as ctrl+wheel.
      if (!ev.ctrlKey && !ev.metaKey && document.activeElement !== port) return;
      ev.preventDefault();
      var r = port.getBoundingClientRect();
      zoomAt(Math.pow(1.0015, -ev.deltaY), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });

    var pointers = {}, moved = 0, last = null;
    function spread() {
      var p = Object.keys(pointers).map(function (id) { return pointers[id]; });
      if (p.length < 2) return null;
      return { d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y), x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 };
    }
    port.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) return;
      pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
      moved = 0; last = spread();
    });
    port.addEventListener("pointermove", function (ev) {
      var p = pointers[ev.pointerId];
      if (!p) return;
      var dx = ev.clientX - p.x, dy = ev.clientY - p.y;
      p.x = ev.clientX; p.y = ev.clientY; moved += Math.abs(dx) + Math.abs(dy);
      var now = spread();
      if (now && last) {
        var r = port.getBoundingClientRect();
        zoomAt(now.d / last.d, now.x - r.left, now.y - r.top); last = now;
      } else if (!now) {
        if (moved > 4 && !port.hasPointerCapture(ev.pointerId)) port.setPointerCapture(ev.pointerId);
        x += dx; y += dy; apply();
      }
    });
    function up(ev) { delete pointers[ev.pointerId]; last = spread(); }
    port.addEventListener("pointerup", up);
    port.addEventListener("pointercancel", up);
    // A drag that ends on a node is not a click on its link.
    port.addEventListener("click", function (ev) { if (moved > 4) { ev.preventDefault(); moved = 0; } }, true);

    port.addEventListener("keydown", function (ev) {
      var node = ev.target.closest && ev.target.closest(".argmap-node");
      var keys = {
        "+": function () { centre(STEP); }, "=": function () { centre(STEP); }, "-": function () { centre(1 / STEP); },
        "0": reset, "f": fit, "w": width, "Escape": function () { show(null); },
        "ArrowLeft": function () { x += PAN; apply(); }, "ArrowRight": function () { x -= PAN; apply(); },
        "ArrowUp": function () { y += PAN; apply(); }, "ArrowDown": function () { y -= PAN; apply(); },
        "n": function () { if (node) show(nodeId(node)); }
      };
      if (!keys[ev.key] || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      keys[ev.key]();
    });
    function nodeId(el) {
      var ids = Array.prototype.filter.call(el.classList, function (c) { return nodes.indexOf(c) >= 0; });
      return ids.length ? ids[0] : null;
    }
    reset();
  }

  document.querySelectorAll("figure.mapview").forEach(setup);
})();
