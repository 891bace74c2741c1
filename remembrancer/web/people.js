"use strict";
// The people as a relationship graph: a small hand-written force layout drawn in SVG.

const { h } = R;
const SVG = "http://www.w3.org/2000/svg";
const GRAPH_PEOPLE = 40;  // the most mentioned; their pages give the relations

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function layout(nodes, edges, width, height) {
  // Fruchterman-Reingold: all repel, relations pull, a pull to the centre keeps loners near; then fit to the box.
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length, r = 100 + 5 * i;  // deterministic spiral start
    n.x = r * Math.cos(a);
    n.y = r * Math.sin(a);
  });
  const k = 90;
  for (let step = 0, heat = 60; step < 500; step++, heat = Math.max(1, heat * 0.99)) {
    for (const n of nodes) { n.dx = -n.x * 0.15; n.dy = -n.y * 0.15; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01, f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const dx = e.a.x - e.b.x, dy = e.a.y - e.b.y, d = Math.hypot(dx, dy) || 0.01, f = (d - 2.2 * k) * 0.8 * e.pull;
      e.a.dx -= (dx / d) * f; e.a.dy -= (dy / d) * f; e.b.dx += (dx / d) * f; e.b.dy += (dy / d) * f;
    }
    for (const n of nodes) {
      const d = Math.hypot(n.dx, n.dy) || 1, move = Math.min(d, heat);
      n.x += (n.dx / d) * move;
      n.y += (n.dy / d) * move;
    }
  }
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 120) / Math.max(x1 - x0, 1), (height - 80) / Math.max(y1 - y0, 1), 1.5);
  for (const n of nodes) {
    n.x = width / 2 + (n.x - (x0 + x1) / 2) * scale;
    n.y = height / 2 - 8 + (n.y - (y0 + y1) / 2) * scale;
  }
}

function draw(nodes, edges) {
  const el = R.$("#graph"), width = el.clientWidth || 900, height = el.clientHeight || 540;
  el.setAttribute("viewBox", `0 0 ${width} ${height}`);
  layout(nodes, edges, width, height);
  const most = Math.max(1, ...nodes.map((n) => n.mentions));
  const parts = [], labels = [];
  for (const e of edges) {
    const line = svg("line", { x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y, class: e.label ? "relation" : "together",
                               "stroke-width": e.label ? 1.6 : Math.min(4, 0.6 + 0.5 * e.passages) });
    line.append(svg("title", {}, e.says));
    parts.push(line);
    if (e.label) labels.push(svg("text", { class: "edge", x: (e.a.x + e.b.x) / 2, y: (e.a.y + e.b.y) / 2 - 4, "text-anchor": "middle" }, e.label));
  }
  for (const n of nodes) {
    const r = 6 + 16 * Math.sqrt(n.mentions / most);
    const link = svg("a", { href: "/person/" + encodeURIComponent(n.name) });
    const circle = svg("circle", { cx: n.x, cy: n.y, r, class: n.owner ? "owner" : "" });
    circle.append(svg("title", {}, `${n.name}: ${n.mentions} mentions`));
    link.append(circle, svg("text", { class: "name", x: n.x, y: n.y + r + 14, "text-anchor": "middle" }, n.name));
    parts.push(link);
  }
  el.replaceChildren(...parts, ...labels);
}

async function load() {
  const status = R.$("#status");
  try {
    const [people, graph] = await Promise.all([R.api("/api/people"), R.api(`/api/graph?limit=${GRAPH_PEOPLE}`)]);
    R.list(R.$("#people"), people, (p) => h("div", { class: "card" },
      R.personLink(p.name),
      p.aliases.filter((a) => a !== p.name).length ? h("span", { class: "hint" }, "  also " + p.aliases.filter((a) => a !== p.name).join(", ")) : null,
      h("span", { class: "hint" }, `  · ${p.mentions} ${p.mentions === 1 ? "mention" : "mentions"}` + (p.first_at ? ` · ${R.day(p.first_at)} to ${R.day(p.last_at)}` : ""))),
      "Nobody yet: write about someone and they will appear here.");
    const byName = new Map(graph.people.map((p) => [p.name, { ...p }]));
    const edges = new Map();
    const key = (a, b) => [a, b].sort().join("\u0000");
    for (const r of graph.relations) {  // a is the <relation> of b
      const a = byName.get(r.a), b = byName.get(r.b), k = key(r.a, r.b);
      if (!a || !b) continue;
      const e = edges.get(k);
      if (e && e.label) { e.label += ", " + r.relation; e.says += `; ${r.a} is the ${r.relation} of ${r.b}`; continue; }
      edges.set(k, { a, b, pull: 1, label: r.relation, says: `${r.a} is the ${r.relation} of ${r.b}` });
    }
    for (const t of graph.together) {
      const a = byName.get(t.a), b = byName.get(t.b), k = key(t.a, t.b);
      if (!a || !b || edges.has(k)) continue;
      edges.set(k, { a, b, pull: Math.min(1, 0.15 * t.passages), passages: t.passages,
                     says: `${t.a} and ${t.b}: together in ${t.passages} ${t.passages === 1 ? "passage" : "passages"}` });
    }
    R.$("#graph").hidden = !byName.size;
    if (byName.size) draw([...byName.values()], [...edges.values()]);
    R.say(status, people.length > GRAPH_PEOPLE ? `The graph shows the ${GRAPH_PEOPLE} most mentioned.` : "");
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", load);
