"use strict";
// One person's page: names, relations, cues with the passages behind them, feelings, a timeline, predicted recall.

const { h } = R;

function evidence(list, label) {
  if (!list || !list.length) return null;
  return h("details", {}, h("summary", { class: "hint" }, label || `why (${list.length})`), list.map((p) => R.passage(p)));
}

function quote(text, word) {
  // The sentence of a passage that holds the cue: the why, in the owner's own words.
  const sentences = text.match(/[^.!?]+[.!?]*/g) || [text];
  const hit = sentences.find((s) => s.toLowerCase().includes(word.toLowerCase())) || sentences[0];
  const s = hit.trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

function relationLine(name, r) {
  const line = r.is ? [name, ` is the ${r.relation} of `, R.personLink(r.other)] : [R.personLink(r.other), ` is the ${r.relation} of ${name}`];
  return r.perhaps ? ["perhaps ", ...line] : line;  // read less surely than a fact: said so, with its passage
}

function showStrength(s) {
  const el = R.$("#strength");
  const parts = [
    h("div", {}, `Predicted recall: ${R.pct(s.recall)}`),
    h("div", { class: "meter", title: `ACT-R ${R.pct(s.actr)}` + (s.fsrs !== null ? `, FSRS ${R.pct(s.fsrs)}` : "") },
      h("span", { style: `width:${Math.round((s.recall || 0) * 100)}%` })),
    h("div", { class: "hint" }, s.next_review ? `Next review ${R.day(s.next_review)}` : "Next review: when it fades (never reviewed yet)",
      s.last_review ? ` · last reviewed ${R.day(s.last_review)}` : ""),
  ];
  if (s.importance && s.importance.total !== undefined) parts.push(h("div", { class: "hint" }, `Importance ${Number(s.importance.total).toFixed(2)}`));
  if (s.died) parts.push(h("div", { class: "hint" }, `Died ${R.day(s.died)}`));
  if (s.hidden) parts.push(h("div", { class: "hint" }, "Not brought back in reviews (you asked)."));
  el.replaceChildren(...parts);
}

function showFeelings(f) {
  const el = R.$("#feelings");
  if (f.valence === null) return el.replaceChildren(h("span", { class: "empty" }, "No feelings read yet."));
  const words = f.valence > 0.2 ? "mostly warm" : f.valence < -0.2 ? "mostly painful" : "mixed";
  const top = Object.entries(f.emotions).slice(0, 6);
  const most = Math.max(0.0001, ...top.map(([, v]) => v));
  el.replaceChildren(
    h("div", {}, `Written about ${words} (valence ${f.valence >= 0 ? "+" : ""}${f.valence.toFixed(2)}, ${f.passages} passages)`),
    h("div", { class: "bars" }, top.map(([k, v]) => h("div", {}, h("span", {}, k),
      h("span", { class: "meter" }, h("span", { style: `width:${Math.round((v / most) * 100)}%` })), h("span", {}, v.toFixed(2))))));
}

function showTimeline(items, passages) {
  // Every passage that mentions them, by the time it speaks of (else when it was written).
  const el = R.$("#timeline");
  const timed = new Set(items.filter((i) => i.passage).map((i) => i.passage.passage));
  const all = items.concat(passages.filter((p) => !timed.has(p.passage))
    .map((p) => ({ at: p.at, until: null, what: "written", kind: "entry", passage: p })));
  const moments = R.moments(all).sort((a, b) => (a.at || "9999").localeCompare(b.at || "9999"));
  if (!moments.length) return el.replaceChildren(h("p", { class: "empty" }, "No mentions."));
  const out = [];
  let year = null;
  for (const m of moments) {
    const y = m.at ? m.at.slice(0, 4) : "undated";
    if (y !== year) { out.push(h("div", { class: "year" }, y)); year = y; }
    out.push(R.moment(m));
  }
  el.replaceChildren(...out);
}

// The owner's corrections: two names are one person, a name is someone else, never bring them back.
// Each is kept across re-extraction; the page reloads on the person's (possibly new) name.
function showCorrect(p) {
  const status = R.$("#corrected");
  const q = encodeURIComponent(p.name);
  const act = async (path, json, goTo) => {
    try {
      const r = await R.api(path, { method: "POST", json });
      location.assign("/person/" + encodeURIComponent(goTo(r)));
    } catch (error) { R.fail(status, error); }
  };
  R.$("#merge").onsubmit = (event) => {
    event.preventDefault();
    act(`/api/people/${q}/merge`, { other: R.$("#other").value.trim() }, (r) => r.name);
  };
  const others = p.aliases.filter((a) => a !== p.name);
  R.$("#split").replaceChildren(...(others.length ? [h("span", { class: "hint" }, "Not the same person: "),
    ...others.map((a) => h("button", { type: "button", class: "quiet", title: `${a} is someone else`,
      onclick: () => act(`/api/people/${q}/split`, { alias: a }, (r) => r.person ? r.person.name : r.split.name) }, a))] : []));
  const hidden = p.strength && p.strength.hidden;
  const hide = R.$("#hide");
  hide.textContent = hidden ? "Bring back in reviews again" : "Never bring back in reviews (nothing is deleted)";
  hide.onclick = () => act(`/api/people/${q}/hide`, { hidden: !hidden }, () => p.name);
}

async function load() {
  const name = decodeURIComponent(location.pathname.slice("/person/".length));
  const status = R.$("#status");
  const q = encodeURIComponent(name);
  try {
    const p = await R.api(`/api/people/${q}`);
    document.title = `${p.name} · remembrancer`;
    R.$("#name").textContent = p.name + (p.owner ? " (you)" : "");
    R.$("#aliases").replaceChildren(...p.aliases.filter((a) => a !== p.name).map((a) => h("span", { class: "chip" }, a)),
      h("span", { class: "hint" }, `${p.mentions} mentions`));
    R.list(R.$("#relations"), p.relations, (r) => h("div", { class: "card" }, relationLine(p.name, r), evidence(r.evidence)),
      "No relations read yet.");
    R.list(R.$("#cues"), p.cues, (c) => h("div", { class: "card cue" },
      h("a", { class: "chip", href: "/search?" + new URLSearchParams({ q: c.cue, mode: "recall" }) }, c.cue),
      h("span", { class: "hint" }, `  weight ${Number(c.weight).toFixed(2)}`),
      c.evidence.length ? h("div", { class: "why" }, "why: “", quote(c.evidence[0].text, c.cue), "” ", R.day(c.evidence[0].at)) : null,
      evidence(c.evidence.slice(1), `and ${c.evidence.length - 1} more`)), "No cues read yet.");
    R.list(R.$("#events"), p.events, (e) => h("div", { class: "card" },
      h("strong", {}, e.perhaps ? `perhaps ${e.kind}` : e.kind), ` ${e.agent ? "(by them, to another) " : ""}${e.negated ? "(not) " : ""}${e.text}`, h("span", { class: "hint" }, e.at ? `  ${R.day(e.at)}` : "")),
      "No events read.");
    showFeelings(p.feelings);
    if (p.strength) showStrength(p.strength);
    showCorrect(p);
    showTimeline(await R.api(`/api/timeline?person=${q}`).catch(() => []), p.passages);
  } catch (error) {
    R.$("#name").textContent = name;
    R.$(".grid2").hidden = true;
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", load);
