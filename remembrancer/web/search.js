"use strict";
// One box, three ways in: ask (every signal), recall (a cue's people and things, with why), search (BM25 words).

const { h } = R;

// A time's window; an open end (null) is "before" or "from".
const windowOf = (t) => t.lo === null ? `before ${t.hi}` : t.hi === null ? `from ${t.lo}` : `${t.lo} to ${t.hi}`;

function showAsk(r) {
  const matched = [...r.people.map((p) => p.name ? R.personLink(p.name) : null),
                   ...r.times.map((t) => h("span", { class: "chip" }, `${t.text}: ${windowOf(t)}`))].filter(Boolean);
  return [
    (r.unknown || []).length ? h("p", { class: "hint" },
      `Not in your memories: ${r.unknown.join(", ")}${r.passages.length ? "; these are the nearest passages" : ""}.`) : null,
    matched.length ? h("div", { class: "chips" }, matched) : null,
    r.facts.length ? h("div", { class: "card" }, h("div", { class: "head hint" }, "What is known"),
      h("ul", {}, r.facts.slice(0, 8).map((f) => h("li", {}, f.fact)))) : null,
    passages(r.passages),
  ];
}

function showRecall(r) {
  const people = r.people.map((p) => h("div", { class: "card" },
    h("div", {}, R.personLink(p.name), p.aliases.length ? h("span", { class: "hint" }, "  also " + p.aliases.join(", ")) : null),
    p.why.map((w) => h("div", { class: "why" }, w)),
    p.evidence.map((e) => R.passage(e))));
  const things = r.things.length ? h("div", { class: "chips" }, r.things.slice(0, 15).map((t) => h("span", { class: "chip" }, t.name))) : null;
  return [
    h("h2", {}, `Who “${r.cue}” brings back`), people.length ? people : h("p", { class: "empty" }, "Nobody in particular."),
    things ? [h("h2", {}, "And what else"), things] : null,
    h("h2", {}, "Passages"), passages(r.passages),
  ];
}

function passages(list) {
  return list.length ? list.map((p) => R.passage(p)) : h("p", { class: "empty" }, "Nothing found.");
}

async function find(mode) {
  const q = R.$("#q").value.trim(), status = R.$("#status"), out = R.$("#results");
  if (!q) return;
  history.replaceState(null, "", `?${new URLSearchParams({ q, mode })}`);
  R.say(status, mode === "ask" ? "Thinking back…" : "Looking…");
  try {
    let nodes;
    if (mode === "ask") nodes = showAsk(await R.api("/api/ask?" + new URLSearchParams({ q })));
    else if (mode === "recall") nodes = showRecall(await R.api("/api/recall?" + new URLSearchParams({ cue: q })));
    else nodes = passages(await R.api("/api/search?" + new URLSearchParams({ q })));
    out.replaceChildren(...[nodes].flat(3).filter(Boolean));
    R.say(status, "");
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#find").addEventListener("submit", (e) => {
    e.preventDefault();
    find((e.submitter && e.submitter.value) || "ask");
  });
  const params = new URLSearchParams(location.search);
  if (params.get("q")) {
    R.$("#q").value = params.get("q");
    find(params.get("mode") || "ask");
  }
});
