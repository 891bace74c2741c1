"use strict";
// On this day: what happened on this day of the year, in other years; birthdays and anniversaries noted.

const { h } = R;

function ago(n) {
  if (n === 1) return "a year ago";
  return n > 0 ? `${n} years ago` : `in ${-n} years`;
}

async function load(event) {
  if (event) event.preventDefault();
  const day = R.$("#date").value;
  const status = R.$("#status");
  history.replaceState(null, "", day ? "?date=" + day : location.pathname);
  try {
    const items = await R.api("/api/on-this-day" + (day ? "?date=" + encodeURIComponent(day) : ""));
    const shown = new Date((day || new Date().toISOString().slice(0, 10)) + "T12:00:00");
    R.$("#title").textContent = "On this day, " + shown.toLocaleDateString(undefined, { day: "numeric", month: "long" });
    const byPassage = new Map();  // one card per passage, naming every time it speaks of
    for (const i of items) {
      const key = i.passage ? i.passage.passage : `${i.at}:${i.what}`;
      if (byPassage.has(key)) {
        const first = byPassage.get(key);
        if (i.kind !== "entry" && !first.what.includes(i.what)) first.what = first.kind === "entry" ? i.what : `${first.what}, ${i.what}`;
        if (i.kind !== "entry") first.kind = i.kind;
        first.note = first.note || i.note;
      } else byPassage.set(key, { ...i });
    }
    R.list(R.$("#items"), [...byPassage.values()], (i) => R.passage(i.passage || { at: i.at, text: i.what },
      h("div", {}, i.note ? h("div", { class: "note" }, i.note) : null,
        h("div", { class: "when" }, `${ago(i.years_ago)}` + (i.kind === "entry" ? "" : `  ·  “${i.what}”`)))),
      "Nothing written down happened on this day in other years.");
    R.say(status, "");
  } catch (error) {
    R.fail(status, error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#date").value = new URLSearchParams(location.search).get("date") || "";
  R.$("#pick").addEventListener("submit", load);
  load();
});
