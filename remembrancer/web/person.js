"use strict";
// One person's page: what they like, do and plan (about); what is known of them (relations, life events, name,
// what the name is), each put right in
// place and kept as what you said (each can be undone); predicted recall; cues with the passages behind them;
// feelings; and every mention by time, the names in it linked to their people.

const { h } = R;
let person = null;  // the page shown
const WIDE = "(min-width: 50rem)";  // the mentions sit beside the facts; narrower, below them and folded

function path(name, tail) { return `/api/people/${encodeURIComponent(name)}${tail || ""}`; }

function here() { return decodeURIComponent(location.pathname.slice("/person/".length)); }

function button(label, onclick, attrs) {
  return h("button", { type: "button", class: "quiet small", onclick, ...attrs }, label);
}

function fill(el, ...children) { el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false)); }

function yours(id) { return id ? h("span", { class: "chip said", title: `Correction ${id}` }, "you said") : null; }

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

// -- corrections: each a POST, then the page as it is now, with what was said and its undo ---------------------
function after(r) {
  // Whose page to show after a correction: this one, under its new name after a rename or a join.
  if (r.correction && r.correction.kind === "rename") return r.person.name;
  return (r.correction && r.correction.kind !== "merge") ? person.name : r.name || person.name;
}

const SAID = ["#said-now", "#corrected", "#relate-said", "#life-said", "#said-undone"];  // where what was said (or went wrong) shows
let asked = 0;  // the correction or undo asked last: only it says how it went (an earlier one may end after it)

async function correct(url, json, name, where, form) {
  // What was said, and an error, show beside the control that said it (on a phone the top is far away). A form
  // whose words were taken is emptied, so that what stays in one is only what was not taken.
  const status = R.$(where || "#said-now"), mine = ++asked;
  for (const el of SAID) R.say(R.$(el), "");
  try {
    const r = await R.api(url, { method: "POST", json });
    if (form) R.$(form).reset();
    await load((name || after)(r));
    if (r.correction && mine === asked) told(r.correction, where);
    return r;
  } catch (error) {
    if (mine === asked) R.fail(status, error);
    return null;
  }
}

function told(c, where) {
  const el = R.$(where || "#said-now");
  el.className = "status ok";
  el.replaceChildren(`You said: ${c.said}. `, button("Undo", () => undo(c, where)));
  el.scrollIntoView({ block: "nearest" });  // the page was drawn again: what was said may have moved out of sight
}

async function undo(c, where) {
  const status = R.$(where || "#said-now"), mine = ++asked;
  for (const el of SAID) R.say(R.$(el), "");
  try {
    const r = await R.api(`/api/corrections/${c.id}/undo`, { method: "POST" });
    // The page stays, unless the undo took its name away (a rename, a join): then the person as read.
    if (!(await load(person.name, true))) await load(r.person || c.a);
    if (mine === asked) R.say(status, `Undone: ${r.said}.`, "ok");
  } catch (error) { if (mine === asked) R.fail(status, error); }
}

// -- relations ------------------------------------------------------------------------------------------
function relationCard(p, r) {
  const [subject, object] = r.is ? [p.name, r.other] : [r.other, p.name];
  // Said to the owner as "you": "Joan is your grandmother", "You are Rhys's wife".
  const other = R.personLink(r.other);
  const words = r.other_owner ? (r.is ? `${p.name} is your ${r.relation}` : `You are ${p.name}'s ${r.relation}`)
    : p.owner ? (r.is ? ["You are ", other, `'s ${r.relation}`] : [other, ` is your ${r.relation}`])
    : r.is ? [p.name, ` is the ${r.relation} of `, other] : [other, ` is the ${r.relation} of ${p.name}`];
  const card = h("div", { class: "card relation" });
  const show = () => fill(card, 
    h("div", {}, r.perhaps ? "perhaps " : "", words, " ", yours(r.said)),  // read less surely than a fact: said so
    h("div", { class: "actions" },
      button("Change", edit, { "aria-label": `Change: ${subject} is the ${r.relation} of ${object}` }),
      button("Remove", () => correct(path(subject, "/unrelate"), { relation: r.relation, other: object }, null, "#relate-said"),
        { "aria-label": `Remove: ${subject} is the ${r.relation} of ${object}` })),
    evidence(r.evidence));
  const edit = () => {
    const input = h("input", { type: "text", value: r.relation, size: 12, required: true, "aria-label": "Relation" });
    card.replaceChildren(h("form", { class: "row", onsubmit: (event) => {
      event.preventDefault();
      const relation = input.value.trim();
      if (relation && relation !== r.relation) correct(path(subject, "/relate"), { relation, other: object, instead: r.relation }, null, "#relate-said");
      else show();
    } }, `${subject} is the `, input, ` of ${object}`, h("button", { type: "submit" }, "Save"), button("Cancel", show)));
    input.focus();
    input.select();
  };
  show();
  return card;
}

// -- life events ------------------------------------------------------------------------------------------
function eventCard(p, e) {
  const card = h("div", { class: "card event" });
  const when = e.when || R.day(e.at);
  const flags = `${e.agent ? "(by them, to another) " : ""}${e.negated ? "(not said as a fact) " : ""}`;
  const show = () => fill(card, 
    h("div", {}, h("strong", {}, e.perhaps ? `perhaps ${e.kind}` : e.kind), " ", flags, e.text ? `“${e.text}”` : "", h("span", { class: "hint" }, `  ${when}`), " ", yours(e.said)),
    h("div", { class: "actions" },
      e.id ? button("Not true", () => correct(path(p.name, "/events/untrue"), { kind: e.kind, event: e.id }, null, "#life-said"),
        { "aria-label": `Not true: ${e.kind} ${when}` }) : null,
      e.id ? button("Date", edit, { "aria-label": `Date: ${e.kind} ${when}` }) : null,
      !e.id && e.said ? button("Undo", () => undo({ id: e.said }, "#life-said"), { "aria-label": `Undo: ${e.kind} ${when}` }) : null));
  const edit = () => {
    const input = h("input", { type: "text", value: e.at ? e.at.slice(0, 10) : "", size: 14, required: true, "aria-label": "When",
                               placeholder: "2019-03-04, March 2019, 2019" });
    card.replaceChildren(h("form", { class: "row", onsubmit: (event) => {
      event.preventDefault();
      correct(path(p.name, "/events/date"), { kind: e.kind, event: e.id, date: input.value.trim() }, null, "#life-said");
    } }, h("strong", {}, e.kind), " on ", input, h("button", { type: "submit" }, "Save"), button("Cancel", show)));
    input.focus();
    input.select();
  };
  show();
  return card;
}

// -- the rest of the page -----------------------------------------------------------------------------------
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
  if (s.died) parts.push(h("div", { class: "hint" }, `Died ${s.died}`));
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
    h("div", {}, `Written about ${words} (valence ${f.valence >= 0 ? "+" : ""}${f.valence.toFixed(2)}, ${R.plural(f.passages, "passage")})`),
    h("div", { class: "bars" }, top.map(([k, v]) => h("div", {}, h("span", {}, k),
      h("span", { class: "meter" }, h("span", { style: `width:${Math.round((v / most) * 100)}%` })), h("span", {}, v.toFixed(2))))));
}

function linked(el, text, spans, own) {
  // A passage's words with each name a link to its person's page (offsets count characters, not UTF-16 units).
  const chars = Array.from(text), parts = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > chars.length) continue;
    parts.push(chars.slice(at, s.start).join(""));
    const words = chars.slice(s.start, s.end).join("");
    parts.push(s.name === own ? h("strong", {}, words)
      : h("a", { href: "/person/" + encodeURIComponent(s.name), class: "name", title: s.name }, words));
    at = s.end;
  }
  parts.push(chars.slice(at).join(""));
  el.replaceChildren(...parts);
}

async function showTimeline(items, passages, own) {
  // Every passage that mentions them, by the time it speaks of (else when it was written).
  const el = R.$("#timeline");
  const timed = new Set(items.filter((i) => i.passage).map((i) => i.passage.passage));
  const all = items.concat(passages.filter((p) => !timed.has(p.passage))
    .map((p) => ({ at: p.at, until: null, what: "written", kind: "entry", passage: p })));
  const moments = R.moments(all).sort((a, b) => (a.at || "9999").localeCompare(b.at || "9999"));
  R.$("#mention-count").textContent = `(${moments.length})`;
  if (!moments.length) return el.replaceChildren(h("p", { class: "empty" }, "No mentions."));
  const out = [], texts = [];
  let year = null;
  for (const m of moments) {
    const y = m.at ? m.at.slice(0, 4) : "undated";
    if (y !== year) { out.push(h("div", { class: "year" }, y)); year = y; }
    const card = R.moment(m);
    if (m.passage) texts.push([m.passage, card.querySelector(".text")]);
    out.push(card);
  }
  el.replaceChildren(...out);
  const ids = [...new Set(texts.map(([p]) => p.passage))].slice(0, 1000);
  if (!ids.length) return;
  const names = await R.api("/api/names?passages=" + ids.join(",")).catch(() => ({}));
  for (const [p, text] of texts) if (names[p.passage] && text) linked(text, p.text, names[p.passage], own);
}

function showSaid(p) {
  R.list(R.$("#said"), p.said, (c) => h("div", { class: "card said" },
    h("div", {}, c.said, c.holds ? "" : h("span", { class: "hint" }, " (not found now)")),
    h("div", { class: "actions" }, h("span", { class: "hint" }, R.day(c.at)), button("Undo", () => undo(c, "#said-undone"), { "aria-label": `Undo: ${c.said}` }))),
  "Nothing yet: what you put right here is kept, and shown here.");
}

function showCorrect(p) {
  // The controls that depend on who this is; what they do is bound once, in `bind`.
  const others = p.aliases.filter((a) => a !== p.name);
  R.$("#split").replaceChildren(...(others.length ? [h("span", { class: "hint" }, "Not the same person: "),
    ...others.map((a) => h("button", { type: "button", class: "quiet", title: `${a} is someone else`,
      onclick: () => correct(path(p.name, "/split"), { alias: a }, (r) => r.person.name, "#corrected") }, a))] : []));
  const hidden = p.strength && p.strength.hidden;
  R.$("#hide").textContent = hidden ? "Bring back in reviews again" : "Never bring back in reviews (nothing is deleted)";
  R.$("#kind-select").value = p.kind;
  R.$("#kind-select").disabled = p.owner;
  R.$("#relate .who").textContent = p.name;
  R.$("#died").hidden = p.owner;
  R.$("#rename-open").hidden = false;
}

function bind() {
  // Every form and control of the page, acting on the person shown (nothing before they are).
  const on = (selector, event, act) => R.$(selector).addEventListener(event, (e) => {
    if (event === "submit") e.preventDefault();
    if (person) act(person);
  });
  const value = (selector) => R.$(selector).value.trim();
  on("#merge", "submit", (p) => correct(path(p.name, "/merge"), { other: value("#other") }, null, "#corrected", "#merge"));
  on("#hide", "click", (p) => correct(path(p.name, "/hide"), { hidden: !(p.strength && p.strength.hidden) }, () => p.name, "#corrected"));
  on("#kind-select", "change", (p) => correct(path(p.name, "/kind"), { kind: R.$("#kind-select").value }, null, "#corrected"));
  on("#relate", "submit", (p) => correct(path(p.name, "/relate"), { relation: value("#relation"), other: value("#relate-other") },
    null, "#relate-said", "#relate"));
  on("#born", "submit", (p) => correct(path(p.name, "/born"), { date: value("#born-date") }, null, "#life-said", "#born"));
  on("#died", "submit", (p) => correct(path(p.name, "/died"), { date: value("#died-date") }, null, "#life-said", "#died"));
  on("#rename", "submit", (p) => correct(path(p.name, "/rename"), { new: value("#new-name") }));
  on("#rename-open", "click", (p) => {
    R.$("#rename").hidden = false;
    R.$("#new-name").value = p.name;
    R.$("#new-name").focus();
  });
  R.$("#rename-cancel").onclick = () => { R.$("#rename").hidden = true; };
}

async function names() {
  const people = await R.api("/api/people?kind=all").catch(() => []);
  R.$("#names").replaceChildren(...people.map((p) => h("option", { value: p.name })));
}

async function load(name, quiet) {
  // Show `name`'s page (the address follows a new name); false if there is no one by that name.
  const status = R.$("#status");
  const q = encodeURIComponent(name);
  let p;
  try {
    p = await R.api(`/api/people/${q}`);
  } catch (error) {
    if (quiet) return false;
    R.$("#name").textContent = name;
    R.$(".person").hidden = true;
    R.fail(status, error);
    return false;
  }
  person = p;
  if (here() !== p.name) history.replaceState(null, "", "/person/" + encodeURIComponent(p.name));
  document.title = `${p.name} · remembrancer`;
  R.say(status, "");
  R.$(".person").hidden = false;
  R.$("#rename").hidden = true;
  R.$("#name").textContent = p.name + (p.owner ? " (you)" : "");
  R.$("#kind").textContent = p.kind === "person" ? "" : p.kind;
  R.$("#kind").hidden = p.kind === "person";
  R.$("#aliases").replaceChildren(...p.aliases.filter((a) => a !== p.name).map((a) => h("span", { class: "chip" }, a)),
    h("span", { class: "hint" }, R.plural(p.mentions, "mention")));
  R.list(R.$("#about"), p.about || [], (f) => h("div", { class: "card" },
    h("strong", {}, f.statement),
    h("span", { class: "hint" }, `  ${[f.first_at && R.day(f.first_at), f.last_at && f.last_at !== f.first_at && R.day(f.last_at)].filter(Boolean).join(" – ")}`
      + (f.said > 1 ? ` · said ${f.said} times` : "")),
    f.evidence.length ? h("div", { class: "why" }, "“", quote(f.evidence[0].text, f.what.split(" ").pop()), "”") : null,
    evidence(f.evidence.slice(1), `and ${f.evidence.length - 1} more`)), "Nothing read yet about what they like, do or plan.");
  R.list(R.$("#relations"), p.relations, (r) => relationCard(p, r), "No relations read yet: add one below.");
  R.list(R.$("#events"), p.events, (e) => eventCard(p, e), "No life events read.");
  R.list(R.$("#cues"), p.cues, (c) => h("div", { class: "card cue" },
    h("a", { class: "chip", href: "/search?" + new URLSearchParams({ q: c.cue, mode: "recall" }) }, c.cue),
    h("span", { class: "hint" }, `  weight ${Number(c.weight).toFixed(2)}`),
    c.evidence.length ? h("div", { class: "why" }, "why: “", quote(c.evidence[0].text, c.cue), "” ", R.day(c.evidence[0].at)) : null,
    evidence(c.evidence.slice(1), `and ${c.evidence.length - 1} more`)), "No cues read yet.");
  showFeelings(p.feelings);
  if (p.strength) showStrength(p.strength);
  showSaid(p);
  showCorrect(p);
  await showTimeline(await R.api(`/api/timeline?person=${q}`).catch(() => []), p.passages, p.name);
  return true;
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#mentions").open = matchMedia(WIDE).matches;  // on a phone the corrections come first, the mentions folded
  bind();
  load(here());
  names();
});
