"use strict";
// The timeline: by when things happened (the times passages speak of), not when they were written down.

const { h } = R;

async function load(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  for (const k of ["from", "to", "person"]) if (R.$("#" + k).value.trim()) params.set(k, R.$("#" + k).value.trim());
  history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
  const status = R.$("#status"), el = R.$("#timeline");
  try {
    const items = R.moments(await R.api("/api/timeline?" + params));
    const out = [];
    let year = null;
    for (const m of items) {
      const y = m.at.slice(0, 4);
      if (y !== year) { out.push(h("div", { class: "year" }, y)); year = y; }
      out.push(R.moment(m));
    }
    el.replaceChildren(...(out.length ? out : [h("p", { class: "empty" }, "Nothing in that time.")]));
    R.say(status, items.length ? `${items.length} ${items.length === 1 ? "moment" : "moments"}` : "");
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
