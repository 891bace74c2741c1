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
      const dx = e.a.x - e.b.x, dy = e.a.y - e.b.y, d = Math.hypot(dx, dy) || 0.01, f = (d - 2.2 * k) * 0.8;
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
  const parts = [];
  for (const e of edges) {
    const line = svg("line", { x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y });
    line.append(svg("title", {}, e.says));
    parts.push(line);
    parts.push(svg("text", { class: "edge", x: (e.a.x + e.b.x) / 2, y: (e.a.y + e.b.y) / 2 - 3, "text-anchor": "middle" }, e.label));
  }
  for (const n of nodes) {
    const r = 6 + 16 * Math.sqrt(n.mentions / most);
    const link = svg("a", { href: "/person/" + encodeURIComponent(n.name) });
    const circle = svg("circle", { cx: n.x, cy: n.y, r, class: n.owner ? "owner" : "" });
    circle.append(svg("title", {}, `${n.name}: ${n.mentions} mentions`));
    link.append(circle, svg("text", { class: "name", x: n.x, y: n.y + r + 14, "text-anchor": "middle" }, n.name));
    parts.push(link);
  }
  el.replaceChildren(...parts);
}

async function load() {
  const status = R.$("#status");
  try {
    const people = await R.api("/api/people");
    R.list(R.$("#people"), people, (p) => h("div", { class: "card" },
      R.personLink(p.name),
      p.aliases.filter((a) => a !== p.name).length ? h("span", { class: "hint" }, "  also " + p.aliases.filter((a) => a !== p.name).join(", ")) : null,
      h("span", { class: "hint" }, `  · ${p.mentions} mentions` + (p.first_at ? ` · ${R.day(p.first_at)} to ${R.day(p.last_at)}` : ""))),
      "Nobody yet: write about someone and they will appear here.");
    const top = people.slice(0, GRAPH_PEOPLE);
    const pages = await Promise.all(top.map((p) => R.api("/api/people/" + encodeURIComponent(p.name)).catch(() => null)));
    const byName = new Map();
    top.forEach((p, i) => byName.set(p.name, { name: p.name, mentions: p.mentions, owner: pages[i] && pages[i].owner }));
    const edges = new Map();
    for (const page of pages.filter(Boolean)) {
      for (const rel of page.relations) {
        const other = byName.get(rel.other), me = byName.get(page.name);
        if (!other || !me || other === me) continue;
        // "is": page.name is the <relation> of other.
        const [a, b] = rel.is ? [me, other] : [other, me];
        const key = [a.name, b.name].sort().join("\u0000");
        if (!edges.has(key)) edges.set(key, { a, b, label: rel.relation, says: `${a.name} is the ${rel.relation} of ${b.name}` });
      }
    }
    draw([...byName.values()], [...edges.values()]);
    R.say(status, people.length > GRAPH_PEOPLE ? `The graph shows the ${GRAPH_PEOPLE} most mentioned.` : "");
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", load);
