/*
 * dealgraph viewer: draws the graph embedded in #graph-data on a canvas.
 * Part of dealgraph; licensed MIT OR Apache-2.0, like the rest of the project.
 * Self-contained on purpose: no libraries, no network access at view time.
 * Force layout (Barnes–Hut repulsion, springs, gravity), drag, zoom/pan, hover
 * tooltips, search, click-to-highlight and a legend that toggles relations.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = data.nodes, edges = data.edges;
  var typeColour = {}, relColour = {}, hiddenRel = {};
  data.types.forEach(function (t) { typeColour[t.name] = t.colour; });
  data.relations.forEach(function (r) { relColour[r.name] = r.colour; });

  var canvas = document.getElementById('graph'), ctx = canvas.getContext('2d');
  var tooltip = document.getElementById('tooltip');
  var W = 0, H = 0, dpr = 1;
  var view = { x: 0, y: 0, k: 1 };          // screen = world * k + (x, y)
  var selected = null, hover = null, lit = null, userMoved = false, dirty = true;

  // ---- graph bookkeeping -------------------------------------------------
  var adj = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { adj[e.s].push(i); if (e.t !== e.s) { adj[e.t].push(i); } });
  var bundles = {};
  edges.forEach(function (e) {
    var key = Math.min(e.s, e.t) + ':' + Math.max(e.s, e.t);
    (bundles[key] = bundles[key] || []).push(e);
  });
  Object.keys(bundles).forEach(function (k) {
    bundles[k].forEach(function (e, i, all) { e.offset = (i - (all.length - 1) / 2) * 22; });
  });
  var byDegree = nodes.map(function (n) { return n.degree; }).sort(function (a, b) { return b - a; });
  var labelDegree = nodes.length <= 60 ? 0 : Math.max(1, byDegree[Math.min(39, byDegree.length - 1)]);

  // Start on a sunflower spiral, in id order: the same picture on every load.
  nodes.forEach(function (n, i) {
    var r = 14 * Math.sqrt(i + 0.5), a = i * 2.399963229728653;
    n.x = r * Math.cos(a); n.y = r * Math.sin(a); n.vx = 0; n.vy = 0;
    n.r = Math.min(16, 5 + 2.2 * Math.sqrt(n.degree));
  });

  // ---- simulation ----------------------------------------------------------
  var alpha = 1, alphaTarget = 0, alphaMin = 0.002, alphaDecay = 1 - Math.pow(alphaMin, 1 / 300);
  var CHARGE = -200, LINK = 85, GRAVITY = 0.035, THETA2 = 0.81;

  function quad(x0, y0, size) { return { x0: x0, y0: y0, size: size, mass: 0, cx: 0, cy: 0, kids: null, items: null }; }
  function insert(q, n, depth) {
    q.cx = (q.cx * q.mass + n.x) / (q.mass + 1); q.cy = (q.cy * q.mass + n.y) / (q.mass + 1); q.mass += 1;
    if (!q.kids) {
      if (!q.items || depth > 24) { (q.items = q.items || []).push(n); return; }
      q.kids = [null, null, null, null];
      var old = q.items; q.items = null;
      old.forEach(function (o) { put(q, o, depth); });
    }
    put(q, n, depth);
  }
  function put(q, n, depth) {
    var h = q.size / 2, i = (n.x >= q.x0 + h ? 1 : 0) + (n.y >= q.y0 + h ? 2 : 0);
    if (!q.kids[i]) { q.kids[i] = quad(q.x0 + (i & 1 ? h : 0), q.y0 + (i & 2 ? h : 0), h); }
    insert(q.kids[i], n, depth + 1);
  }
  function repel(q, n, a) {
    if (!q || q.mass === 0) { return; }
    var dx = q.cx - n.x, dy = q.cy - n.y, d2 = dx * dx + dy * dy;
    if (q.kids && q.size * q.size < THETA2 * d2) { push(n, dx, dy, d2, q.mass, a); return; }
    if (q.kids) { q.kids.forEach(function (k) { repel(k, n, a); }); return; }
    q.items.forEach(function (o) {
      if (o === n) { return; }
      var ex = o.x - n.x, ey = o.y - n.y;
      if (ex === 0 && ey === 0) { ex = (n.index - o.index) * 0.01 || 0.01; }
      push(n, ex, ey, ex * ex + ey * ey, 1, a);
    });
  }
  function push(n, dx, dy, d2, mass, a) {
    if (d2 < 1) { d2 = 1; }
    var f = CHARGE * mass * a / d2;
    n.vx += dx * f; n.vy += dy * f;
  }
  function tick() {
    alpha += (alphaTarget - alpha) * alphaDecay;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n, i) { n.index = i; x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y); });
    var root = quad(x0, y0, Math.max(x1 - x0, y1 - y0) + 1);
    nodes.forEach(function (n) { insert(root, n, 0); });
    nodes.forEach(function (n) { repel(root, n, alpha); n.vx -= n.x * GRAVITY * alpha; n.vy -= n.y * GRAVITY * alpha; });
    edges.forEach(function (e) {
      var s = nodes[e.s], t = nodes[e.t];
      if (s === t) { return; }
      var dx = t.x + t.vx - s.x - s.vx, dy = t.y + t.vy - s.y - s.vy, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var k = (d - LINK - s.r - t.r) / d * alpha / Math.min(adj[e.s].length, adj[e.t].length) * 0.9;
      var bs = adj[e.s].length / (adj[e.s].length + adj[e.t].length);
      t.vx -= dx * k * bs; t.vy -= dy * k * bs; s.vx += dx * k * (1 - bs); s.vy += dy * k * (1 - bs);
    });
    nodes.forEach(function (n) {
      if (n.fx != null) { n.x = n.fx; n.y = n.fy; n.vx = n.vy = 0; return; }
      n.vx *= 0.6; n.vy *= 0.6; n.x += n.vx; n.y += n.vy;
    });
    if (nodes.length <= 600) { collide(); }
    dirty = true;
  }
  // Keep label boxes (node plus label below it) from overlapping: push pairs apart along
  // the axis of least overlap. Quadratic, so only for graphs of modest size.
  function collide() {
    for (var i = 0; i < nodes.length; i++) {
      var a = nodes[i];
      for (var j = i + 1; j < nodes.length; j++) {
        var b = nodes[j], dx = b.x - a.x, dy = b.y - a.y;
        var ox = a.hw + b.hw + 8 - Math.abs(dx), oy = a.hh + b.hh + 4 - Math.abs(dy);
        if (ox <= 0 || oy <= 0) { continue; }
        var wa = a.fx != null ? 0 : (b.fx != null ? 1 : 0.5), wb = 1 - wa, m;
        if (ox < oy) { m = (dx > 0 || (dx === 0 && i < j) ? 1 : -1) * ox * 0.5; a.x -= m * wa; b.x += m * wb; }
        else { m = (dy > 0 ? 1 : -1) * oy * 0.5; a.y -= m * wa; b.y += m * wb; }
      }
    }
  }

  // ---- view ---------------------------------------------------------------
  function resize() {
    dpr = window.devicePixelRatio || 1; W = window.innerWidth; H = window.innerHeight;
    canvas.width = W * dpr; canvas.height = H * dpr; canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    dirty = true;
  }
  function fit() {
    if (!nodes.length) { return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x - n.hw); y0 = Math.min(y0, n.y - n.r); x1 = Math.max(x1, n.x + n.hw); y1 = Math.max(y1, n.y + n.r + 16); });
    var left = W > 800 ? 330 : 20, pad = 40;
    var k = Math.min((W - left - pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 2.5);
    view.k = k; view.x = left + (W - left - pad - (x1 - x0) * k) / 2 - x0 * k; view.y = pad + (H - 2 * pad - (y1 - y0) * k) / 2 - y0 * k;
    dirty = true;
  }
  function toWorld(sx, sy) { return { x: (sx - view.x) / view.k, y: (sy - view.y) / view.k }; }
  function visible(e) { return !hiddenRel[e.relation]; }
  function control(e) {
    var s = nodes[e.s], t = nodes[e.t];
    var a = nodes[Math.min(e.s, e.t)], b = nodes[Math.max(e.s, e.t)];
    var vx = b.x - a.x, vy = b.y - a.y, l = Math.sqrt(vx * vx + vy * vy) || 1;
    return { x: (s.x + t.x) / 2 - vy / l * e.offset * 2, y: (s.y + t.y) / 2 + vx / l * e.offset * 2 };
  }
  function towards(p, q, by) { var dx = q.x - p.x, dy = q.y - p.y, l = Math.sqrt(dx * dx + dy * dy) || 1; return { x: p.x + dx / l * by, y: p.y + dy / l * by }; }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, W, H);
    ctx.translate(view.x, view.y); ctx.scale(view.k, view.k);
    var px = 1 / view.k, lw = Math.max(px, 0.6), faint = edges.length > 1500 ? 0.45 : 0.9;
    var vx0 = -view.x * px, vy0 = -view.y * px, vx1 = vx0 + W * px, vy1 = vy0 + H * px;
    function inView(n, pad) { return n.x > vx0 - pad && n.x < vx1 + pad && n.y > vy0 - pad && n.y < vy1 + pad; }
    edges.forEach(function (e) {
      if (!visible(e)) { return; }
      var s = nodes[e.s], t = nodes[e.t], on = !lit || (lit.edges[e.index]);
      ctx.globalAlpha = on ? (lit ? 0.95 : faint) : 0.08;
      ctx.strokeStyle = relColour[e.relation] || '#999';
      ctx.lineWidth = (lit && on ? 2.6 : 1.6) * lw;
      ctx.setLineDash(e.tentative ? [7 * lw, 5 * lw] : []);
      ctx.beginPath();
      if (s === t) {
        ctx.moveTo(s.x - s.r * 0.6, s.y - s.r * 0.8);
        ctx.bezierCurveTo(s.x - 22, s.y - 34, s.x + 22, s.y - 34, s.x + s.r * 0.6, s.y - s.r * 0.8);
        ctx.stroke(); return;
      }
      var c = control(e), a = towards(s, c, s.r + 1), b = towards(t, c, t.r + 2);
      ctx.moveTo(a.x, a.y); ctx.quadraticCurveTo(c.x, c.y, b.x, b.y); ctx.stroke();
      if (e.directed) {
        var u = towards(b, c, 1), ux = b.x - u.x, uy = b.y - u.y;
        var h = Math.min(9 * lw, 0.35 * Math.sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)));
        ctx.setLineDash([]); ctx.fillStyle = ctx.strokeStyle; ctx.beginPath();
        ctx.moveTo(b.x, b.y);
        ctx.lineTo(b.x - ux * h - uy * h * 0.45, b.y - uy * h + ux * h * 0.45);
        ctx.lineTo(b.x - ux * h + uy * h * 0.45, b.y - uy * h - ux * h * 0.45);
        ctx.closePath(); ctx.fill();
      }
    });
    ctx.setLineDash([]);
    nodes.forEach(function (n, i) {
      var on = !lit || lit.nodes[i], r = Math.max(n.r, 2.2 * px);
      ctx.globalAlpha = on ? 1 : 0.15;
      ctx.fillStyle = typeColour[n.type] || '#bcbd22';
      ctx.beginPath();
      if (n.type === 'Deal') { r += 2; ctx.moveTo(n.x, n.y - r); ctx.lineTo(n.x + r, n.y); ctx.lineTo(n.x, n.y + r); ctx.lineTo(n.x - r, n.y); ctx.closePath(); }
      else { ctx.arc(n.x, n.y, r, 0, 2 * Math.PI); }
      ctx.fill();
      if (n === selected || n === hover || n.r * view.k > 4) {
        ctx.lineWidth = (n === selected || n === hover ? 3 : 1.5) * px; ctx.strokeStyle = n === selected ? '#111' : '#fff'; ctx.stroke();
      }
    });
    // Labels: selected and hovered first, then by degree; one that would overlap an
    // already placed label is left out (hover shows it).
    ctx.font = (12 * px) + 'px "DejaVu Sans", "Noto Sans", Arial, sans-serif';
    ctx.textAlign = 'center'; ctx.textBaseline = 'top'; ctx.lineJoin = 'round';
    ctx.globalAlpha = 1; ctx.lineWidth = 3 * px; ctx.strokeStyle = '#fff'; ctx.fillStyle = '#222';
    var placed = [], first = [hover, selected].filter(Boolean);
    first.concat(labelOrder).forEach(function (n) {
      var i = n.index, want = n === hover || n === selected || (lit ? lit.nodes[i] : (n.degree >= labelDegree || view.k > 1.4));
      if (!want || n.labelled === placed || !inView(n, 200 * px)) { return; }
      n.labelled = placed;
      var w = n.tw * px, y = n.y + n.r + 3 * px, box = [n.x - w / 2 - 2 * px, y, n.x + w / 2 + 2 * px, y + 14 * px];
      for (var k = 0; k < placed.length; k++) {
        var q = placed[k];
        if (box[0] < q[2] && q[0] < box[2] && box[1] < q[3] && q[1] < box[3]) { return; }
      }
      placed.push(box);
      ctx.strokeText(n.short, n.x, y); ctx.fillText(n.short, n.x, y);
    });
  }
  ctx.font = '12px "DejaVu Sans", "Noto Sans", Arial, sans-serif';
  nodes.forEach(function (n) {
    var cs = Array.from(n.label); n.short = cs.length > 32 ? cs.slice(0, 31).join('') + '\u2026' : n.label;
    n.tw = ctx.measureText(n.short).width;
    n.hw = n.degree >= labelDegree ? Math.max(n.r, n.tw / 2) : n.r;
    n.hh = n.degree >= labelDegree ? n.r + 9 : n.r;
  });
  edges.forEach(function (e, i) { e.index = i; });
  nodes.forEach(function (n, i) { n.index = i; });
  var labelOrder = nodes.slice().sort(function (a, b) { return b.degree - a.degree || a.index - b.index; });

  // ---- picking, tooltip, selection -----------------------------------------
  function nodeAt(p) {
    for (var i = nodes.length - 1; i >= 0; i--) {
      var n = nodes[i], dx = p.x - n.x, dy = p.y - n.y, r = n.r + 3 / view.k;
      if (dx * dx + dy * dy <= r * r) { return n; }
    }
    return null;
  }
  function edgeAt(p) {
    var best = null, bestD = 6 / view.k;
    edges.forEach(function (e) {
      if (!visible(e) || e.s === e.t) { return; }
      var s = nodes[e.s], t = nodes[e.t], c = control(e), prev = s;
      for (var k = 1; k <= 8; k++) {
        var u = k / 8, q = { x: (1 - u) * (1 - u) * s.x + 2 * u * (1 - u) * c.x + u * u * t.x, y: (1 - u) * (1 - u) * s.y + 2 * u * (1 - u) * c.y + u * u * t.y };
        var d = segDist(p, prev, q); if (d < bestD) { bestD = d; best = e; }
        prev = q;
      }
    });
    return best;
  }
  function segDist(p, a, b) {
    var dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy, u = l2 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2 : 0;
    u = Math.max(0, Math.min(1, u));
    var x = a.x + u * dx - p.x, y = a.y + u * dy - p.y; return Math.sqrt(x * x + y * y);
  }
  function row(box, text, cls) { var d = document.createElement('div'); d.textContent = text; if (cls) { d.className = cls; } box.appendChild(d); }
  function dealRows(box, d) {
    if (d.amount) { row(box, 'amount: ' + d.amount); }
    if (d.first_date || d.last_date) { row(box, 'dates: ' + (d.first_date || '?') + (d.last_date && d.last_date !== d.first_date ? ' \u2013 ' + d.last_date : '')); }
    if (d.confidence != null) { row(box, 'confidence: ' + d.confidence); }
    if (d.n_sources != null) { row(box, 'sources: ' + d.n_sources); }
    if (d.evidence) { row(box, '\u201c' + d.evidence + '\u201d', 'evidence'); }
  }
  function showTip(obj, sx, sy) {
    tooltip.textContent = '';
    if (!obj) { tooltip.hidden = true; return; }
    if (obj.edge) {
      var e = obj.edge;
      row(tooltip, e.relation + (e.status ? ' (' + e.status + ')' : ''), 'title');
      row(tooltip, nodes[e.s].label + (e.directed ? ' \u2192 ' : ' \u2194 ') + nodes[e.t].label);
      if (e.role) { row(tooltip, 'role: ' + e.role); }
      dealRows(tooltip, e);
    } else {
      var n = obj.node;
      row(tooltip, n.label, 'title');
      row(tooltip, n.type + (n.wikidata ? ' \u00b7 ' + n.wikidata : ''));
      row(tooltip, 'relations: ' + n.degree + (n.n_documents != null ? ' \u00b7 documents: ' + n.n_documents : ''));
      if (n.deal) { row(tooltip, n.deal.relation + (n.deal.status ? ' (' + n.deal.status + ')' : '')); dealRows(tooltip, n.deal); }
    }
    tooltip.hidden = false;
    var x = Math.min(sx + 14, W - tooltip.offsetWidth - 8), y = Math.min(sy + 14, H - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(4, x) + 'px'; tooltip.style.top = Math.max(4, y) + 'px';
  }
  function select(n) {
    selected = n; lit = null;
    if (n) {
      lit = { nodes: {}, edges: {} }; lit.nodes[nodes.indexOf(n)] = true;
      adj[nodes.indexOf(n)].forEach(function (i) { var e = edges[i]; if (visible(e)) { lit.edges[i] = true; lit.nodes[e.s] = true; lit.nodes[e.t] = true; } });
    }
    dirty = true;
  }
  function centreOn(n) {
    view.k = Math.max(view.k, 1.5); view.x = (W > 800 ? (W + 310) / 2 : W / 2) - n.x * view.k; view.y = H / 2 - n.y * view.k;
    userMoved = true; dirty = true;
  }

  // ---- pointer, wheel, keys -------------------------------------------------
  var drag = null, pan = null, downAt = null;
  canvas.addEventListener('pointerdown', function (ev) {
    var p = toWorld(ev.offsetX, ev.offsetY), n = nodeAt(p);
    downAt = { x: ev.offsetX, y: ev.offsetY }; canvas.setPointerCapture(ev.pointerId);
    if (n) { drag = n; n.fx = n.x; n.fy = n.y; alphaTarget = 0.25; if (alpha < 0.25) { alpha = 0.25; } }
    else { pan = { x: ev.offsetX - view.x, y: ev.offsetY - view.y }; }
    showTip(null);
  });
  canvas.addEventListener('pointermove', function (ev) {
    var p = toWorld(ev.offsetX, ev.offsetY);
    if (drag) { drag.fx = p.x; drag.fy = p.y; dirty = true; return; }
    if (pan) { view.x = ev.offsetX - pan.x; view.y = ev.offsetY - pan.y; userMoved = true; dirty = true; return; }
    var n = nodeAt(p), e = n ? null : edgeAt(p);
    if (n !== hover) { hover = n; dirty = true; }
    canvas.style.cursor = n ? 'pointer' : (e ? 'help' : 'grab');
    showTip(n ? { node: n } : (e ? { edge: e } : null), ev.offsetX, ev.offsetY);
  });
  canvas.addEventListener('pointerup', function (ev) {
    var click = downAt && Math.abs(ev.offsetX - downAt.x) + Math.abs(ev.offsetY - downAt.y) < 4;
    if (drag) { if (click) { select(drag === selected ? null : drag); } drag.fx = drag.fy = null; drag = null; alphaTarget = 0; }
    else if (pan && click) { select(null); }
    pan = null; downAt = null;
  });
  canvas.addEventListener('pointerleave', function () { showTip(null); hover = null; dirty = true; });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var k = Math.max(0.03, Math.min(10, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = ev.offsetX - (ev.offsetX - view.x) * k / view.k; view.y = ev.offsetY - (ev.offsetY - view.y) * k / view.k;
    view.k = k; userMoved = true; dirty = true;
  }, { passive: false });
  window.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { select(null); } });
  window.addEventListener('resize', function () { resize(); if (!userMoved) { fit(); } });

  // ---- panel: summary, search, legend ----------------------------------------
  document.getElementById('summary').textContent = nodes.length + ' nodes \u00b7 ' + edges.length + ' edges' + (data.description ? ' \u00b7 ' + data.description : '');
  var names = document.getElementById('names');
  nodes.slice().sort(function (a, b) { return b.degree - a.degree; }).slice(0, 5000).forEach(function (n) {
    var o = document.createElement('option'); o.value = n.label; names.appendChild(o);
  });
  var search = document.getElementById('search'), msg = document.getElementById('search-msg');
  function find(q) {
    q = q.trim().toLowerCase(); if (!q) { return null; }
    var best = null, rank = 9;
    nodes.forEach(function (n) {
      var l = n.label.toLowerCase(), r = l === q || n.id.toLowerCase() === q ? 0 : l.indexOf(q) === 0 ? 1 : l.indexOf(q) > 0 ? 2 : 9;
      if (r < rank || (r === rank && best && n.degree > best.degree)) { best = n; rank = r; }
    });
    return rank < 9 ? best : null;
  }
  function runSearch() {
    var n = find(search.value);
    msg.textContent = search.value.trim() && !n ? 'no entity matches \u201c' + search.value.trim() + '\u201d' : '';
    if (n) { select(n); centreOn(n); }
  }
  search.addEventListener('change', runSearch);
  search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { runSearch(); } });
  document.getElementById('fit').addEventListener('click', function () { userMoved = false; fit(); });

  var legend = document.getElementById('legend');
  function legendRow(swatch, text, onClick) {
    var d = document.createElement('div'); d.className = 'row'; d.appendChild(swatch);
    var s = document.createElement('span'); s.textContent = text; d.appendChild(s);
    if (onClick) { d.classList.add('toggle'); d.title = 'click to hide or show'; d.addEventListener('click', function () { onClick(d); }); }
    legend.appendChild(d);
  }
  function heading(text) { var h = document.createElement('div'); h.className = 'heading'; h.textContent = text; legend.appendChild(h); }
  heading('Nodes');
  data.types.forEach(function (t) {
    var sw = document.createElement('span'); sw.className = t.name === 'Deal' ? 'sw diamond' : 'sw dot'; sw.style.background = t.colour;
    legendRow(sw, t.name + ' (' + t.count + ')');
  });
  heading('Relations');
  data.relations.forEach(function (r) {
    var sw = document.createElement('span'); sw.className = 'sw line'; sw.style.borderTopColor = r.colour;
    legendRow(sw, r.name + (r.directed ? ' \u2192' : ' \u2194') + ' (' + r.count + ')', function (el) {
      hiddenRel[r.name] = !hiddenRel[r.name]; el.classList.toggle('off', !!hiddenRel[r.name]); select(selected);
    });
  });
  if (edges.some(function (e) { return e.tentative; })) {
    var sw = document.createElement('span'); sw.className = 'sw line dashed'; legendRow(sw, 'pursuing / abandoned');
  }

  // ---- a small read-only handle for tests (tests/interop/check_html.mjs) --------
  function toScreen(p) { return { x: p.x * view.k + view.x, y: p.y * view.k + view.y }; }
  window.dealgraphViewer = {
    counts: function () { return { nodes: nodes.length, edges: edges.length }; },
    selected: function () { return selected ? selected.label : null; },
    zoom: function () { return view.k; },
    settled: function () { return alpha <= alphaMin; },
    nodeOnScreen: function (label) {
      for (var i = 0; i < nodes.length; i++) { if (nodes[i].label === label) { return toScreen(nodes[i]); } }
      return null;
    },
    edgeOnScreen: function (i) {
      var e = edges[i], s = nodes[e.s], t = nodes[e.t], c = control(e);
      return toScreen({ x: 0.25 * s.x + 0.5 * c.x + 0.25 * t.x, y: 0.25 * s.y + 0.5 * c.y + 0.25 * t.y });
    }
  };

  // ---- run -------------------------------------------------------------------
  resize();
  var t0 = Date.now();
  // Lay out before the first paint, bounded in time and (for frozen clocks, as under a
  // headless browser's virtual time) in work.
  var budget = Math.max(20, Math.floor(150000 / Math.max(nodes.length, 1)));
  while (alpha > 0.03 && Date.now() - t0 < 400 && budget-- > 0) { tick(); }
  fit();
  function frame() {
    if (alpha > alphaMin || alphaTarget > 0) { tick(); if (!userMoved && alpha <= alphaMin) { fit(); } }
    if (dirty) { draw(); dirty = false; }
    window.requestAnimationFrame(frame);
  }
  draw();
  window.requestAnimationFrame(frame);
}());
