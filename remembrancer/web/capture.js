"use strict";
// The capture box: write, then Ctrl/Cmd+Enter (or the button) stores it exactly as written.

async function save(event) {
  if (event) event.preventDefault();
  const text = R.$("#text"), at = R.$("#at"), status = R.$("#saved"), button = R.$("#save");
  if (!text.value.trim()) return R.say(status, "Nothing to remember yet: write something first.", "error");
  button.disabled = true;
  try {
    const r = await R.api("/api/add", { method: "POST", json: { text: text.value, at: at.value.trim() || null } });
    R.say(status, r.new ? `Remembered as entry ${r.entry} (${r.words} words).` : R.already(r), "ok");
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

// Several files at once: each is sent and stored in turn (a bad one is stored not at all, and the others still are).
async function upload(event) {
  event.preventDefault();
  const files = [...R.$("#file").files], status = R.$("#imported"), bar = R.$("#progress"), button = R.$("#upload");
  if (!files.length) return;
  button.disabled = true;
  const results = [], failed = [];
  for (const [n, file] of files.entries()) {
    const which = files.length > 1 ? `${file.name} (${n + 1} of ${files.length}): ` : "";
    try {
      results.push(await importOne(file, which, status, bar));
    } catch (error) {
      failed.push(R.line(error.message, error.remedy));
    }
  }
  bar.hidden = true;
  button.disabled = false;
  const entries = results.reduce((a, r) => a + r.entries, 0), words = results.reduce((a, r) => a + r.words, 0);
  const duplicates = results.reduce((a, r) => a + r.duplicates, 0);
  const counted = results.filter((r) => r.items);  // exports whose items are known: how many were new
  const fresh = counted.length ? ` (${counted.reduce((a, r) => a + r.items.new, 0)} of ${counted.reduce((a, r) => a + r.items.items, 0)} items new)` : "";
  const kept = (duplicates ? ` (${duplicates} already kept)` : "") + fresh;
  if (files.length === 1) {
    if (failed.length) return R.say(status, failed[0], "error");
    R.say(status, `Imported ${R.plural(entries, "entry")}, ${R.plural(words, "word")}${kept}.`, "ok");
  } else if (failed.length) {
    R.say(status, `Imported ${results.length} of ${files.length} files (${R.plural(entries, "entry")}, ${R.plural(words, "word")}${kept}). ` + failed.join(" "), "error");
  } else {
    R.say(status, `Imported ${R.plural(entries, "entry")}, ${R.plural(words, "word")} from ${files.length} files${kept}.`, "ok");
  }
  refresh();
}

// One file: sent with the upload's progress (XMLHttpRequest, not fetch: it reports how much has gone), then
// followed while it is stored; resolves with the import's result, or rejects with its error and remedy.
function importOne(file, which, status, bar) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("format", R.$("#format").value);
    if (R.$("#me").value.trim()) form.append("me", R.$("#me").value.trim());  // in chats, the speaker who is you
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/import");
    xhr.setRequestHeader("X-Remembrancer", "1");
    bar.hidden = false;
    bar.value = 0;
    const fail = (message, remedy) => { const e = new Error(message); e.remedy = remedy || ""; reject(e); };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) { bar.value = e.loaded / e.total; R.say(status, `${which}Uploading… ${R.pct(e.loaded / e.total)}`); }
    };
    xhr.onerror = () => fail(`${file.name} did not reach the server`, "Is it still running?");
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status !== 202 || !data) return fail((data && data.error) || `The server answered ${xhr.status}`, data && data.remedy);
      follow(data.job, which, status, bar).then(resolve, reject);
    };
    xhr.send(form);
  });
}

function clock(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

// One bar for the whole import of a file: storing, then understanding (people, times, meaning), with the time left.
async function follow(job, which, status, bar) {
  for (;;) {
    const j = await R.api("/api/import/" + encodeURIComponent(job));
    const p = j.progress || {};
    bar.value = (p.percent || 0) / 100;
    if (j.state === "failed") {
      const error = new Error(j.error);
      error.remedy = j.remedy;
      throw error;
    }
    if (j.state !== "storing" && p.stage !== "understanding") return j.result;
    const left = p.seconds_left !== null && p.seconds_left !== undefined ? ` · about ${clock(p.seconds_left)} left` : "";
    R.say(status, j.state === "storing" ? `${which}Storing… ${j.done} of ${R.plural(j.total, "entry")}`
      : `${which}Understanding… ${Math.round(p.percent)}%${left}`);
    await new Promise((wake) => setTimeout(wake, j.state === "storing" ? 300 : 1000));
  }
}

async function refresh() {
  try {
    const [s, st] = await Promise.all([R.api("/api/stats"), R.api("/api/status")]);
    const pending = Math.max(0, ...Object.values(st.pending));
    R.$("#stats").textContent = `${R.plural(s.entries, "entry")}, ${R.plural(s.words, "word")}` +
      (s.first_at ? `, from ${R.day(s.first_at)} to ${R.day(s.last_at)}` : "") +
      (s.people !== undefined ? `, ${R.plural(s.people, "person", "people")}` : "") +
      (s.trash ? ` · ${s.trash} in the trash` : "") +
      (pending ? ` · reading ${R.plural(pending, "new entry", "new entries")}…` : "");
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
