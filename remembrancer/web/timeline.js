"use strict";
// The timeline: by when things happened (the times passages speak of), not when they were written down.

const { h } = R;
const PAGE = 200;  // items fetched at a time; "Show later" fetches on from the last one shown

let seen = new Set(), passages = new Set(), year = null, shown = 0;  // passages: those shown, each once

function rawKey(i) { return [i.passage ? i.passage.passage : "", i.at, i.until, i.what, i.kind].join("|"); }

async function more(params, el, status) {
  const page = await R.api("/api/timeline?" + params + "&limit=" + PAGE);
  const items = page.filter((i) => !seen.has(rawKey(i)));
  items.forEach((i) => seen.add(rawKey(i)));
  const moments = R.moments(items).filter((m) => !m.passage || !passages.has(m.passage.passage)), out = [];
  moments.forEach((m) => m.passage && passages.add(m.passage.passage));
  for (const m of moments) {
    const y = m.at.slice(0, 4);
    if (y !== year) { out.push(h("div", { class: "year" }, y)); year = y; }
    out.push(R.moment(m));
  }
  shown += moments.length;
  if (items.length && page.length === PAGE) {  // a full page: there may be more after it
    const next = new URLSearchParams(params);
    next.set("from", items[items.length - 1].at.slice(0, 10));
    const button = h("button", { class: "quiet", id: "more", onclick: async () => {
      button.disabled = true;
      try { await more(next, el, status); button.parentNode.remove(); } catch (error) { button.disabled = false; R.fail(status, error); }
    } }, "Show later moments");
    out.push(h("div", { class: "row" }, button));
  }
  el.append(...out);
  R.say(status, shown ? `${shown} ${shown === 1 ? "moment" : "moments"}` : "");
}

async function load(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  for (const k of ["from", "to", "person"]) if (R.$("#" + k).value.trim()) params.set(k, R.$("#" + k).value.trim());
  history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
  const status = R.$("#status"), el = R.$("#timeline");
  seen = new Set(); passages = new Set(); year = null; shown = 0;
  el.replaceChildren();
  try {
    await more(params, el, status);
    if (!shown) el.replaceChildren(h("p", { class: "empty" }, "Nothing in that time."));
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const params = new URLSearchParams(location.search);
  for (const k of ["from", "to", "person"]) R.$("#" + k).value = params.get(k) || "";
  R.$("#filter").addEventListener("submit", load);
  load();
});
