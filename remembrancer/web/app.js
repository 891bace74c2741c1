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
    const response = await fetch(path, options);
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

  fail(el, error) { R.say(el, error.message + (error.remedy ? " " + error.remedy : ""), "error"); },

  personLink(name) { return R.h("a", { href: "/person/" + encodeURIComponent(name), class: "chip" }, name); },

  day(at) { return at ? at.slice(0, 10) : "undated"; },

  passage(p, extra) {
    const head = [R.day(p.at), p.speaker].filter(Boolean).join(" · ");
    return R.h("div", { class: "card passage" },
      R.h("div", { class: "head" }, head, p.score !== undefined ? `  ·  score ${Number(p.score).toFixed(2)}` : ""),
      extra || null,
      R.h("div", { class: "text" }, p.text));
  },

  list(el, items, render, emptyText) {
    el.replaceChildren(...(items.length ? items.map(render) : [R.h("p", { class: "empty" }, emptyText)]));
  },

  pct(x) { return x === null || x === undefined ? "–" : Math.round(x * 100) + "%"; },

  nav() {
    const pages = [["/", "Write"], ["/search", "Search & ask"], ["/people", "People"], ["/timeline", "Timeline"],
                   ["/today", "On this day"], ["/review", "Review"]];
    const here = location.pathname.startsWith("/person/") ? "/people" : location.pathname;
    const links = pages.map(([href, label]) => R.h("a", { href, class: href === here ? "here" : null }, label));
    document.body.prepend(R.h("header", { class: "nav" }, R.h("span", { class: "brand" }, "remembrancer"), links,
      R.h("a", { href: "/docs" }, "API")));
  },
};

document.addEventListener("DOMContentLoaded", R.nav);
