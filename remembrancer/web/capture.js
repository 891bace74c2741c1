"use strict";
// The capture box: write, then Ctrl/Cmd+Enter (or the button) stores it exactly as written.

async function save(event) {
  if (event) event.preventDefault();
  const text = R.$("#text"), at = R.$("#at"), status = R.$("#saved"), button = R.$("#save");
  if (!text.value.trim()) return R.say(status, "Nothing to remember yet: write something first.", "error");
  button.disabled = true;
  try {
    const r = await R.api("/api/add", { method: "POST", json: { text: text.value, at: at.value.trim() || null } });
    R.say(status, r.new ? `Remembered as entry ${r.entry} (${r.words} words).` : `Already remembered as entry ${r.entry}; kept once.`, "ok");
    text.value = "";
    at.value = "";
    refresh();
  } catch (error) {
    R.fail(status, error);  // the text stays in the box
  } finally {
    button.disabled = false;
    text.focus();
  }
}

function upload(event) {
  event.preventDefault();
  const file = R.$("#file").files[0], status = R.$("#imported"), bar = R.$("#progress");
  if (!file) return;
  const form = new FormData();
  form.append("format", R.$("#format").value);
  form.append("file", file);
  // XMLHttpRequest, not fetch: it reports how much of the upload has gone.
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/import");
  xhr.setRequestHeader("X-Remembrancer", "1");
  bar.hidden = false;
  bar.value = 0;
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) { bar.value = e.loaded / e.total; R.say(status, `Uploading… ${R.pct(e.loaded / e.total)}`); }
  };
  xhr.onerror = () => R.say(status, "The upload did not reach the server. Is it still running?", "error");
  xhr.onload = () => {
    let data = null;
    try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
    if (xhr.status !== 202 || !data) {
      bar.hidden = true;
      return R.say(status, R.line((data && data.error) || `The server answered ${xhr.status}`, data && data.remedy), "error");
    }
    follow(data.job, status, bar);
  };
  xhr.send(form);
}

function clock(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

// One bar for the whole import: storing, then understanding (people, times, meaning), with the time left.
async function follow(job, status, bar) {
  try {
    const j = await R.api("/api/import/" + encodeURIComponent(job));
    const p = j.progress || {};
    bar.value = (p.percent || 0) / 100;
    if (j.state === "failed") {
      bar.hidden = true;
      return R.say(status, R.line(j.error, j.remedy), "error");
    }
    if (j.state === "storing" || p.stage === "understanding") {
      const left = p.seconds_left !== null && p.seconds_left !== undefined ? ` · about ${clock(p.seconds_left)} left` : "";
      R.say(status, j.state === "storing" ? `Storing… ${j.done} of ${j.total} entries`
        : `Understanding… ${Math.round(p.percent)}%${left}`);
      return setTimeout(() => follow(job, status, bar), j.state === "storing" ? 300 : 1000);
    }
    bar.hidden = true;
    const r = j.result;
    const items = r.items ? ` (${r.items.new} of ${r.items.items} items new)` : "";
    R.say(status, `Imported ${r.entries} entries, ${r.words} words` + (r.duplicates ? ` (${r.duplicates} already kept)` : "") + items + ".", "ok");
    refresh();
  } catch (error) {
    R.fail(status, error);
  }
}

async function refresh() {
  try {
    const [s, st] = await Promise.all([R.api("/api/stats"), R.api("/api/status")]);
    const pending = Math.max(0, ...Object.values(st.pending));
    R.$("#stats").textContent = `${s.entries} entries, ${s.words} words` +
      (s.first_at ? `, from ${R.day(s.first_at)} to ${R.day(s.last_at)}` : "") +
      (s.people !== undefined ? `, ${s.people} people` : "") +
      (pending ? ` · reading ${pending} new ${pending === 1 ? "entry" : "entries"}…` : "");
    if (pending) setTimeout(refresh, 1500);
  } catch (error) {
    R.fail(R.$("#stats"), error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#capture").addEventListener("submit", save);
  R.$("#import").addEventListener("submit", upload);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && document.activeElement &&
        R.$("#capture").contains(document.activeElement)) save(e);
  });
  refresh();
});
