"use strict";
// One entry: read it whole; change its words (a chat: its turns) or when it happened; put it in the trash,
// bring it back, or erase it for good. Every earlier version is kept and shown below.

const { h } = R;
const ID = Number(location.pathname.split("/")[2]);
let current = null;

const say = (text, kind) => R.say(R.$("#status"), text, kind);
const stamp = (at) => (at ? at.replace("T", " ").slice(0, 16) : "");

async function load(message) {
  try {
    const [e, versions] = await Promise.all([R.api(`/api/entries/${ID}`), R.api(`/api/entries/${ID}/history`)]);
    current = e;
    show(e, versions);
    if (message) say(message, "ok");
  } catch (error) {
    for (const el of ["#about", "#read", "#actions", "#edit", "#trashed"]) R.$(el).hidden = true;
    R.fail(R.$("#status"), error);
  }
}

// The text with each passage marked, so that a link to one (#p12) lands on it.
function reading(e) {
  if (e.kind === "chat") {
    return e.passages.map((p) => h("div", { class: "turn", id: `p${p.passage}` },
      p.speaker ? h("strong", {}, p.speaker + ": ") : null, p.text));
  }
  const out = [];
  let at = 0;
  for (const p of [...e.passages].sort((a, b) => a.start - b.start)) {
    if (p.start > at) out.push(e.text.slice(at, p.start));
    out.push(h("span", { id: `p${p.passage}`, class: "segment" }, e.text.slice(p.start, p.end)));
    at = p.end;
  }
  if (at < e.text.length) out.push(e.text.slice(at));
  return out;
}

function version(v, chat) {
  const what = v.version === 1 ? "as first written" : "changed " + (v.changed.length ? v.changed.join(" and ") : "nothing");
  const when = v.current ? `since ${stamp(v.from)}` : `${stamp(v.from)} to ${stamp(v.until)}`;
  const words = chat && v.turns
    ? v.turns.map((t) => h("div", { class: "turn" }, t.speaker ? h("strong", {}, t.speaker + ": ") : null, t.text))
    : h("div", { class: "entry-text" }, v.text);
  return h("details", { class: "card version", open: v.current || null },
    h("summary", {}, `Version ${v.version}${v.current ? " (now)" : ""} · ${what} · ${when}`),
    h("div", { class: "hint" }, `happened ${R.day(v.at)}`), words);
}

function show(e, versions) {
  document.title = `Entry ${e.id} · remembrancer`;
  R.$("#title").textContent = `Entry ${e.id}` + (e.at ? ` · ${R.day(e.at)}` : "");
  R.$("#about").textContent = [e.author ? `by ${e.author}` : null, e.source ? `from ${e.source}` : null,
    `written down ${stamp(e.added)}`, e.versions ? R.plural(e.versions, "earlier version") : null].filter(Boolean).join(" · ");
  const trashed = Boolean(e.deleted);
  R.$("#trashed").hidden = !trashed;
  R.$("#trashed-when").textContent = trashed
    ? `In the trash since ${stamp(e.deleted)}: left out of search, people, the timeline and review until you bring it back.` : "";
  R.$("#purge-confirm").hidden = true;
  R.$("#actions").hidden = trashed;
  R.$("#edit").hidden = true;
  R.$("#read").hidden = false;
  R.$("#people").replaceChildren(...(trashed ? [] : e.people.map((name) => R.personLink(name))));
  R.$("#read").replaceChildren(...reading(e));
  R.$("#at").value = e.at || "";
  R.$("#versions").replaceChildren(...versions.slice().reverse().map((v) => version(v, e.kind === "chat")));
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) {
    target.classList.add("here");
    target.scrollIntoView({ block: "center" });
  }
}

function startEditing() {
  const e = current;
  const fields = e.kind === "chat"
    ? e.passages.map((p, i) => h("div", { class: "turn-edit", "data-ref": p.ref || "" },
        h("input", { type: "text", class: "speaker", value: p.speaker || "", "aria-label": `Turn ${i + 1}: who says it`, size: 12 }),
        h("textarea", { class: "turn-text", "aria-label": `Turn ${i + 1}: what they say`, rows: 2 }, p.text)))
    : [h("textarea", { id: "words", "aria-label": "The entry's words" }, e.text)];
  R.$("#fields").replaceChildren(...fields);
  R.$("#read").hidden = true;
  R.$("#actions").hidden = true;
  R.$("#edit").hidden = false;
  (R.$("#words") || R.$(".turn-text")).focus();
}

async function save(event) {
  event.preventDefault();
  const button = R.$("#save");
  const json = current.kind === "chat"
    ? { turns: [...document.querySelectorAll(".turn-edit")].map((el) => ({
        speaker: el.querySelector(".speaker").value.trim() || null,
        text: el.querySelector(".turn-text").value,
        ref: el.dataset.ref || null })) }
    : { text: R.$("#words").value };
  if (json.text !== undefined && !json.text.trim()) return say("The words are empty. To take the entry away, move it to the trash.", "error");
  button.disabled = true;
  try {
    const r = await R.api(`/api/entries/${ID}`, { method: "PUT", json });
    await load(r.changed ? `Saved: this is version ${r.version}; the words before are kept below.` : "Nothing changed.");
  } catch (error) {
    R.fail(R.$("#status"), error);  // the words stay in the boxes
  } finally {
    button.disabled = false;
  }
}

async function act(request, message) {
  try {
    await request();
    await load(message);
  } catch (error) {
    R.fail(R.$("#status"), error);
  }
}

async function erase() {
  try {
    const r = await R.api(`/api/entries/${ID}/purge`, { method: "POST", json: { confirm: true } });
    for (const el of ["#about", "#people", "#read", "#actions", "#edit", "#trashed"]) R.$(el).hidden = true;
    R.$("#versions").replaceChildren(h("p", { class: "empty" }, "Nothing is left of it here."));
    say(`Erased ${R.allOf(r.entry, r.versions)} for good. ${r.note}`, "ok");
  } catch (error) {
    R.fail(R.$("#status"), error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  R.$("#change").addEventListener("click", startEditing);
  R.$("#cancel").addEventListener("click", () => { R.$("#edit").hidden = true; R.$("#read").hidden = false; R.$("#actions").hidden = false; });
  R.$("#edit").addEventListener("submit", save);
  R.$("#edit").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save(e); });
  R.$("#redate").addEventListener("submit", (event) => {
    event.preventDefault();
    const at = R.$("#at").value.trim();
    if (!at) return say("Give a date, like 2023-05-08.", "error");
    act(() => R.api(`/api/entries/${ID}`, { method: "PUT", json: { at } }), "Re-dated: what it says of “yesterday” and “last week” is read again.");
  });
  R.$("#delete").addEventListener("click", () => act(() => R.api(`/api/entries/${ID}`, { method: "DELETE" }),
    "Moved to the trash. Nothing is lost: bring it back from here or from the Trash."));
  R.$("#restore").addEventListener("click", () => act(() => R.api(`/api/entries/${ID}/restore`, { method: "POST" }), "Brought back, whole."));
  R.$("#purge").addEventListener("click", () => {
    R.$("#purge-words").textContent = `Erase ${R.allOf(ID, current.versions + 1)} for good? This cannot be undone; backups and exports made before still hold it.`;
    R.$("#purge-confirm").hidden = false;
    R.$("#purge-no").focus();
  });
  R.$("#purge-no").addEventListener("click", () => { R.$("#purge-confirm").hidden = true; });
  R.$("#purge-yes").addEventListener("click", erase);
  load();
});
