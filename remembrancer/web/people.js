"use strict";
// The people as a relationship graph: a small hand-written force layout drawn in SVG. At most EVERYONE people
// at once, or one person and their closest ties; relations filtered by kind; names that would overlap are
// left to the circles' tooltips, so what is written can be read at any size of store.

const { h } = R;
const SVG = "http://www.w3.org/2000/svg";
const NARROW = matchMedia("(max-width: 40rem)").matches;  // a phone: half as many, so the names still fit
const EVERYONE = NARROW ? 25 : 50;  // the most mentioned, without a focus
const AROUND = NARROW ? 15 : 30;  // a person's ties shown around them
let shown = null;  // {graph, nodes, edges}

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function layout(nodes, edges, width, height, centre) {
  // Fruchterman-Reingold: all repel, relations pull, a pull to the centre keeps loners near; the focus stays
  // in the middle; then fit to the box.
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length, r = 100 + 5 * i;  // deterministic spiral start
    n.x = n === centre ? 0 : r * Math.cos(a);
    n.y = n === centre ? 0 : r * Math.sin(a);
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
      if (n === centre) continue;
      const d = Math.hypot(n.dx, n.dy) || 1, move = Math.min(d, heat);
      n.x += (n.dx / d) * move;
      n.y += (n.dy / d) * move;
    }
  }
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - Math.min(120, width * 0.25)) / Math.max(x1 - x0, 1), (height - 80) / Math.max(y1 - y0, 1), 1.5);
  for (const n of nodes) {
    n.x = width / 2 + (n.x - (x0 + x1) / 2) * scale;
    n.y = height / 2 - 8 + (n.y - (y0 + y1) / 2) * scale;
  }
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function declutter(el, labels) {
  // Keep a name only where it overlaps no name kept before it (the focus first, then the most mentioned)
  // and stays in the picture; the others are on their circle's tooltip.
  const box = el.viewBox.baseVal, kept = [];
  for (const label of labels) {
    label.classList.remove("hidden");
    const b = label.getBBox(), pad = { x: b.x - 3, y: b.y - 1, width: b.width + 6, height: b.height + 2 };
    const inside = b.x >= 0 && b.y >= 0 && b.x + b.width <= box.width && b.y + b.height <= box.height;
    if (!inside || kept.some((k) => overlaps(k, pad))) label.classList.add("hidden");
    else kept.push(pad);
  }
}

function draw(graph) {
  const el = R.$("#graph"), width = el.clientWidth || 900, height = el.clientHeight || 540;
  el.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const byName = new Map(graph.people.map((p) => [p.name, { ...p }]));
  const edges = new Map();
  const key = (a, b) => [a, b].sort().join("\u0000");
  for (const r of graph.relations) {  // a is the <relation> of b; "perhaps" when read less surely than a fact
    const a = byName.get(r.a), b = byName.get(r.b), k = key(r.a, r.b);
    if (!a || !b) continue;
    const word = (r.perhaps ? "perhaps " : "") + r.relation, says = `${r.a} is ${r.perhaps ? "perhaps " : ""}the ${r.relation} of ${r.b}`;
    const e = edges.get(k);
    if (e && e.label) {
      e.label += ", " + word;
      e.says += "; " + says;
      e.groups.add(r.group);
      continue;
    }
    edges.set(k, { a, b, pull: 1, label: word, says, groups: new Set([r.group]) });
  }
  for (const t of graph.together) {
    const a = byName.get(t.a), b = byName.get(t.b), k = key(t.a, t.b);
    if (!a || !b || edges.has(k)) continue;
    edges.set(k, { a, b, pull: Math.min(1, 0.15 * t.passages), passages: t.passages, groups: new Set(["together"]),
                   says: `${t.a} and ${t.b}: together in ${t.passages} ${t.passages === 1 ? "passage" : "passages"}` });
  }
  const nodes = [...byName.values()], centre = byName.get(graph.focus) || null;
  layout(nodes, [...edges.values()], width, height, centre);
  const most = Math.max(1, ...nodes.map((n) => n.mentions));
  const lines = [], circles = [], labels = [], names = [];
  for (const e of edges.values()) {
    const groups = [...e.groups].join(" ");
    const line = svg("line", { x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y, class: e.label ? "relation" : "together",
                               "data-groups": groups, "stroke-width": e.label ? 1.6 : Math.min(4, 0.6 + 0.5 * e.passages) });
    line.append(svg("title", {}, e.says));
    lines.push(line);
    if (e.label) labels.push(svg("text", { class: "edge", "data-groups": groups, x: (e.a.x + e.b.x) / 2, y: (e.a.y + e.b.y) / 2 - 4,
                                          "text-anchor": "middle" }, e.label));
  }
  for (const n of nodes.sort((a, b) => (b === centre) - (a === centre) || b.mentions - a.mentions)) {
    const r = 6 + 16 * Math.sqrt(n.mentions / most);
    const link = svg("a", { href: "/person/" + encodeURIComponent(n.name), class: "node" });
    // A click shows their ties; on the one shown around, it opens their page.
    link.addEventListener("click", (event) => {
      if (n !== centre) { event.preventDefault(); show(n.name); }
    });
    const circle = svg("circle", { cx: n.x, cy: n.y, r, class: [n.owner ? "owner" : "", n === centre ? "focus" : ""].join(" ").trim() });
    circle.append(svg("title", {}, `${n.name}: ${R.plural(n.mentions, "mention")}`));
    const name = svg("text", { class: "name", x: n.x, y: n.y + r + 14, "text-anchor": "middle" }, n.name);
    link.append(circle);
    circles.push(link);
    names.push([name, link]);
  }
  el.replaceChildren(...lines, ...circles.reverse(), ...names.map(([t]) => t), ...labels);
  declutter(el, names.map(([t]) => t).concat(labels));
  shown = { graph, edges };
  filter();
}

function filter() {
  // Show only the kinds of relation ticked; a line of several kinds shows if any is ticked.
  const on = new Set([...document.querySelectorAll("#groups input:checked")].map((i) => i.value));
  for (const el of document.querySelectorAll("#graph [data-groups]")) {
    el.style.display = el.dataset.groups.split(" ").some((g) => on.has(g)) ? "" : "none";
  }
}

async function show(focus) {
  const status = R.$("#status");
  try {
    const params = focus ? { focus, limit: AROUND + 1 } : { limit: EVERYONE };
    const graph = await R.api("/api/graph?" + new URLSearchParams(params));
    const url = new URL(location.href);
    if (graph.focus) url.searchParams.set("focus", graph.focus); else url.searchParams.delete("focus");
    history.replaceState(null, "", url);
    R.$("#focus").value = graph.focus || "";
    const open = R.$("#open");
    open.hidden = !graph.focus;
    if (graph.focus) {
      open.href = "/person/" + encodeURIComponent(graph.focus);
      open.textContent = `Open ${graph.focus}'s page`;
    }
    R.$("#graph").hidden = !graph.people.length;
    if (graph.people.length) draw(graph);
    R.say(status, graph.focus ? `${graph.focus} and the ${graph.people.length - 1} people most tied to them, of ${graph.total}.`
      : graph.total > graph.people.length ? `The ${graph.people.length} most mentioned of ${graph.total}: pick someone to see their ties.` : "");
    return graph;
  } catch (error) {
    R.fail(status, error);
    return null;
  }
}

async function load() {
  const status = R.$("#status");
  try {
    const everyone = await R.api("/api/people?kind=all");
    const people = everyone.filter((p) => p.kind === "person"), others = everyone.filter((p) => p.kind !== "person");
    R.list(R.$("#people"), people, (p) => h("div", { class: "card" },
      R.personLink(p.name),
      p.aliases.filter((a) => a !== p.name).length ? h("span", { class: "hint" }, "  also " + p.aliases.filter((a) => a !== p.name).join(", ")) : null,
      h("span", { class: "hint" }, `  · ${R.plural(p.mentions, "mention")}` + (p.first_at ? ` · ${R.day(p.first_at)} to ${R.day(p.last_at)}` : ""))),
      "Nobody yet: write about someone and they will appear here.");
    R.$("#others-head").hidden = !others.length;
    R.$("#others").replaceChildren(...others.map((p) => h("a", { class: "chip", href: "/person/" + encodeURIComponent(p.name) }, `${p.name} (${p.kind})`)));
    R.$("#names").replaceChildren(...people.map((p) => h("option", { value: p.name })));
    const asked = new URLSearchParams(location.search).get("focus");
    const graph = await show(asked);
    // Too many for one picture: the owner and their ties, else the most mentioned and theirs.
    if (!asked && graph && graph.total > EVERYONE) await show((graph.people.find((p) => p.owner) || graph.people[0]).name);
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#focus-form").onsubmit = (event) => { event.preventDefault(); show(R.$("#focus").value.trim() || null); };
  R.$("#everyone").onclick = () => show(null);
  R.$("#groups").onchange = filter;
  load();
});
