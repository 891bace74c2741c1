// remembrancer: the few helpers every page shares. No libraries; every text goes in as text, never as HTML.
"use strict";

const R = {
  // Call the API. Changes carry the X-Remembrancer header (cross-site forms cannot send it).
  async api(path, { method = "GET", json, form } = {}) {
    const options = { method, headers: {}, credentials: "same-origin" };
    if (method !== "GET") options.headers["X-Remembrancer"] = "1";
    if (json !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(json);
    } else if (form !== undefined) {
      options.body = form;
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      const error = new Error("Cannot reach remembrancer");
      error.remedy = "Is `remembrancer serve` still running?";
      throw error;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((data && data.error) || `The server answered ${response.status}`);
      error.remedy = (data && data.remedy) || "";
      throw error;
    }
    return data;
  },

  // h("p", {class: "x"}, "text", child...) builds an element; strings become text nodes.
  h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "style") el.style.cssText = v;  // through CSSOM: the page's CSP forbids inline style attributes
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  },

  $(selector) { return document.querySelector(selector); },

  say(el, text, kind) {
    el.textContent = text;
    el.className = "status" + (kind ? " " + kind : "");
  },

  // One line: what went wrong, then what to do about it.
  line(error, remedy) { return error + (remedy ? (/[.!?:]$/.test(error) ? " " : ". ") + remedy : ""); },

  fail(el, error) { R.say(el, R.line(error.message, error.remedy), "error"); },

  personLink(name) { return R.h("a", { href: "/person/" + encodeURIComponent(name), class: "chip" }, name); },

  day(at) { return at ? at.slice(0, 10) : "undated"; },

  // The link from a passage to its entry, where it can be read whole, changed, re-dated or put in the trash.
  entryLink(p) {
    if (!p || !p.entry) return null;
    return R.h("a", { href: `/entry/${p.entry}#p${p.passage}`, class: "entry-link", title: "Read, edit or re-date the whole entry" },
      `entry ${p.entry}`);
  },

  passage(p, extra) {
    const head = [R.day(p.at), p.speaker].filter(Boolean).join(" · ");
    return R.h("div", { class: "card passage" },
      R.h("div", { class: "head" }, head, p.score !== undefined ? `  ·  score ${Number(p.score).toFixed(2)}` : "", R.entryLink(p)),
      extra || null,
      R.h("div", { class: "text" }, p.text));
  },

  // Timeline items (from /api/timeline or /api/on-this-day) as moments: one per passage, however many times
  // are read in it, at the first of them, naming every phrase that points somewhere ("Sunday", "today").
  moments(items) {
    const byKey = new Map();
    for (const i of items) {
      const key = i.passage ? "p" + i.passage.passage : i.what + "|" + i.at + "|" + (i.until || "");
      const m = byKey.get(key) || { ...i, phrases: [], kinds: new Set() };
      if (i.kind !== "entry") {
        const when = R.span(i.at, i.until);
        if (!m.phrases.some((p) => p.what === i.what && p.when === when)) m.phrases.push({ what: i.what, when });
      }
      m.kinds.add(i.kind);
      m.note = m.note || i.note;
      byKey.set(key, m);
    }
    return [...byKey.values()];
  },

  // "2022-08-01 to 2022-08-31" from an inclusive start and an exclusive end.
  span(at, until) {
    const first = R.day(at);
    if (!until) return first;
    const end = new Date(until.slice(0, 10) + "T12:00:00Z");
    end.setUTCDate(end.getUTCDate() - 1);
    const last = end.toISOString().slice(0, 10);
    return last > first ? `${first} to ${last}` : first;
  },

  moment(m, lead) {
    const first = R.span(m.at, m.until);
    const phrases = m.phrases.map((p) => p.when === first ? `“${p.what}”` : `“${p.what}” ${p.when}`).join(", ");
    const written = m.passage && R.day(m.passage.at) !== R.day(m.at) ? `written ${R.day(m.passage.at)}` : "";
    const p = m.passage || { text: m.what };
    const when = [lead, first, phrases, written, p.speaker].filter(Boolean).join("  ·  ");
    return R.h("div", { class: "card passage" },
      m.note ? R.h("div", { class: "note" }, m.note) : null,
      R.h("div", { class: "when" }, when, R.entryLink(m.passage)),
      R.h("div", { class: "text" }, p.text));
  },

  list(el, items, render, emptyText) {
    el.replaceChildren(...(items.length ? items.map(render) : [R.h("p", { class: "empty" }, emptyText)]));
  },

  // What to say of a text kept already: as an entry, one in the trash, or an earlier version of one.
  already(r) {
    if (r.version) return `Already remembered: it is version ${r.version} of entry ${r.entry}, since changed; not stored again.`;
    if (r.deleted) return `Already remembered as entry ${r.entry}, in the trash; not stored again (restore it from the Trash).`;
    return `Already remembered as entry ${r.entry}; kept once.`;
  },

  // "entry 12", or "entry 12 and all 3 of its versions".
  allOf(entry, versions) { return versions > 1 ? `entry ${entry} and all ${versions} of its versions` : `entry ${entry}`; },

  // "1 entry", "2 entries", "1 person", "3 people".
  plural(n, one, many) {
    return `${n} ${n === 1 ? one : many || (one.endsWith("y") ? one.slice(0, -1) + "ies" : one + "s")}`;
  },

  pct(x) { return x === null || x === undefined ? "–" : Math.round(x * 100) + "%"; },

  nav() {
    const pages = [["/", "Write"], ["/search", "Search & ask"], ["/people", "People"], ["/timeline", "Timeline"],
                   ["/today", "On this day"], ["/review", "Review"]];
    const here = location.pathname.startsWith("/person/") ? "/people" : location.pathname;
    const links = pages.map(([href, label]) => R.h("a", { href, class: href === here ? "here" : null }, label));
    document.body.prepend(R.h("header", { class: "nav" }, R.h("span", { class: "brand" }, "remembrancer"), links,
      R.h("a", { href: "/trash", class: here === "/trash" ? "here" : null }, "Trash"), R.h("a", { href: "/docs" }, "API")));
  },
};

document.addEventListener("DOMContentLoaded", R.nav);
