"use strict";
// The trash: entries left out of everything until brought back; each can be restored or erased for good.

const { h } = R;

function item(t) {
  const status = h("div", { class: "status", role: "status" });
  const confirm = h("div", { class: "confirm", hidden: true },
    h("p", {}, `Erase ${R.allOf(t.entry, t.versions + 1)} for good? This cannot be undone.`),
    h("div", { class: "row" },
      h("button", { type: "button", class: "danger", "data-action": "purge-yes", onclick: () => erase(t, card, status) }, "Yes, erase it for good"),
      h("button", { type: "button", class: "quiet", "data-action": "keep", onclick: () => { confirm.hidden = true; } }, "Keep it")));
  const card = h("div", { class: "card trashed-entry", id: `entry-${t.entry}` },
    h("div", { class: "head hint" }, h("a", { href: `/entry/${t.entry}` }, `Entry ${t.entry}`),
      ` · happened ${R.day(t.at)} · in the trash since ${t.deleted.replace("T", " ").slice(0, 16)}`,
      t.versions ? ` · ${R.plural(t.versions, "earlier version")}` : ""),
    h("div", { class: "text preview" }, t.preview),
    h("div", { class: "row" },
      h("button", { type: "button", "data-action": "restore", onclick: () => restore(t, card, status) }, "Bring it back"),
      h("button", { type: "button", class: "quiet danger", "data-action": "purge", onclick: () => { confirm.hidden = false; } }, "Erase for good…")),
    confirm, status);
  return card;
}

async function restore(t, card, status) {
  try {
    await R.api(`/api/entries/${t.entry}/restore`, { method: "POST" });
    card.replaceChildren(h("p", {}, "Brought back: ", h("a", { href: `/entry/${t.entry}` }, `entry ${t.entry}`), "."));
  } catch (error) {
    R.fail(status, error);
  }
}

async function erase(t, card, status) {
  try {
    const r = await R.api(`/api/entries/${t.entry}/purge`, { method: "POST", json: { confirm: true } });
    card.replaceChildren(h("p", {}, `Erased ${R.allOf(r.entry, r.versions)} for good. ${r.note}`));
  } catch (error) {
    R.fail(status, error);
  }
}

async function load() {
  try {
    const items = await R.api("/api/trash");
    R.list(R.$("#trash"), items, item, "The trash is empty.");
  } catch (error) {
    R.fail(R.$("#status"), error);
  }
}

document.addEventListener("DOMContentLoaded", load);
