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
    R.list(R.$("#items"), R.moments(items), (m) => R.moment(m, ago(m.years_ago)),
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
