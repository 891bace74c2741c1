"use strict";
// A review session: an item, "show what was written", then how well it came back (keys 1-4); FSRS plans the next time.

const { h } = R;
const RATINGS = [["again", "I'd forgotten"], ["hard", "It came back slowly"], ["good", "I remembered"], ["easy", "Of course I remember"]];
let current = null;
let reviewed = 0;

function now() { return new URLSearchParams(location.search).get("now"); }

function withNow(path) {
  const n = now();
  return n ? path + (path.includes("?") ? "&" : "?") + "now=" + encodeURIComponent(n) : path;
}

async function next() {
  const el = R.$("#item");
  try {
    current = await R.api(withNow("/api/review"));
    if (!current) {
      el.replaceChildren(h("div", { class: "card" }, h("p", {}, reviewed ? `That is all for now: ${reviewed} brought back.` : "Nothing to review now."),
        h("p", { class: "hint" }, "Come back when something starts to fade.")));
      return;
    }
    const passage = current.passage ? R.passage(current.passage) : null;
    if (passage) passage.hidden = true;
    const show = h("button", { class: "quiet", id: "show", onclick: () => { if (passage) passage.hidden = false; show.remove(); } }, "Show what was written");
    el.replaceChildren(h("div", { class: "card", id: "card" },
      h("p", { class: "hint" }, current.person ? R.personLink(current.person) : null, `  recall now ${R.pct(current.recall)}`),
      h("h2", { id: "prompt" }, current.prompt),
      h("p", {}, current.line),
      passage ? show : null,
      passage,
      h("div", { class: "ratings" }, RATINGS.map(([rating, words], i) =>
        h("button", { class: i === 2 ? null : "quiet", "data-rating": rating, onclick: () => answer(rating) },
          `${i + 1} ${rating}`, h("small", {}, words))))));
  } catch (error) {
    R.fail(R.$("#status"), error);
  }
}

async function answer(rating) {
  if (!current) return;
  const status = R.$("#status");
  try {
    const r = await R.api("/api/review", { method: "POST", json: { item: current.item, rating, now: now() } });
    reviewed += 1;
    R.say(status, `${r.answer[0].toUpperCase() + r.answer.slice(1)}: next time ${R.day(r.next_review)} (in ${r.interval_days} days).`, "ok");
    current = null;
    await Promise.all([next(), fading()]);
  } catch (error) {
    R.fail(status, error);
  }
}

async function fading() {
  try {
    const items = await R.api(withNow("/api/fading?limit=8"));
    R.list(R.$("#fading"), items, (i) => h("div", { class: "card" },
      h("div", {}, i.person ? R.personLink(i.person) : null, h("span", { class: "hint" }, `  recall ${R.pct(i.recall)}`)),
      h("div", { class: "why" }, i.line)), "Nothing is fading.");
  } catch (error) {
    R.fail(R.$("#status"), error);
  }
}

document.addEventListener("keydown", (e) => {
  if (!current || e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA/.test(document.activeElement.tagName)) return;
  const n = Number(e.key);
  if (n >= 1 && n <= 4) answer(RATINGS[n - 1][0]);
});
document.addEventListener("DOMContentLoaded", () => { next(); fading(); });
