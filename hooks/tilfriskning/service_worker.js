// Tilfriskning's service worker: pages read once open without network (see offline.py).
// hooks/offline.py writes it as service-worker.js at the site's root, with SETTINGS in front:
// this build's version, the cache's name, what to save up front, and the notice's markers.
//   pages and other files: network first (never an old page when the network answers),
//     and a copy saved; without network the copy, and a page says it is a copy, from when;
//   files with a version in their name (bundle.a5f9d56c.min.js): the saved copy first;
//   a new build: a new cache with fresh copies of the same pages, the old one deleted.
"use strict";

const SCOPE = self.registration.scope;
const SAVED_AT = "x-tilfriskning-lagret";
const VERSIONED = /\.[0-9a-f]{8}\.min\.(?:js|css)$/;
const NOT_SAVED = "503.html";

const isPage = (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html");
const pageKey = (href) => {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  return url.href;
};

async function save(cache, key, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  const body = await response.blob();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

async function fetchAndSave(cache, href) {
  const response = await fetch(href, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  await save(cache, href, response);
}

// Pages saved by an earlier version, and pages open now: saved again, fresh, in the new cache.
async function pagesToKeep() {
  const pages = new Set();
  for (const name of await caches.keys()) {
    if (name === SETTINGS.cache || !name.startsWith(SETTINGS.cachePrefix)) continue;
    for (const request of await (await caches.open(name)).keys()) {
      if (isPage(new URL(request.url))) pages.add(request.url);
    }
  }
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    if (client.url.startsWith(SCOPE) && isPage(new URL(client.url))) pages.add(pageKey(client.url));
  }
  return pages;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SETTINGS.cache);
      // all or nothing: if one file can't be fetched, this version is not installed
      await Promise.all(SETTINGS.precache.map((path) => fetchAndSave(cache, new URL(path, SCOPE).href)));
      const saved = new Set((await cache.keys()).map((request) => request.url));
      const more = [...(await pagesToKeep())].filter((href) => !saved.has(href));
      await Promise.allSettled(more.map((href) => fetchAndSave(cache, href)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SETTINGS.cachePrefix) && name !== SETTINGS.cache) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function dateText(date) {
  try {
    return new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

// The saved copy of a page, with its notice shown: "... lagret på denne enheten 3. desember 2026".
async function asCopy(saved) {
  const when = new Date(saved.headers.get(SAVED_AT) || Date.now());
  const slot = SETTINGS.notice.slot.replace("></time>", ` datetime="${when.toISOString()}">${dateText(when)}</time>`);
  const text = (await saved.text()).replace(SETTINGS.notice.hidden, SETTINGS.notice.shown).replace(SETTINGS.notice.slot, slot);
  const headers = new Headers(saved.headers);
  headers.delete("content-length");
  return new Response(text, { status: 200, headers });
}

async function networkFirst(event, url) {
  const cache = await caches.open(SETTINGS.cache);
  const page = isPage(url);
  const key = page ? pageKey(url.href) : event.request.url;
  try {
    const response = await fetch(event.request, { cache: "no-cache" });
    if (response.ok && response.type === "basic") event.waitUntil(save(cache, key, response.clone()));
    return response;
  } catch (error) {
    // the search worker is asked for as search_nb.js?engine=…: saved up front without the query
    const saved = (await cache.match(key)) || (page ? undefined : await cache.match(key, { ignoreSearch: true }));
    if (saved) return page ? asCopy(saved) : saved;
    const fallback = page || event.request.mode === "navigate" ? await cache.match(new URL(NOT_SAVED, SCOPE).href) : null;
    if (fallback) return new Response(fallback.body, { status: 503, headers: fallback.headers });
    throw error;
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(SETTINGS.cache);
  const saved = await cache.match(event.request);
  if (saved) return saved;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") event.waitUntil(save(cache, event.request.url, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.href.startsWith(SCOPE) || url.href === new URL("service-worker.js", SCOPE).href) {
    return; // the browser's own handling
  }
  event.respondWith(VERSIONED.test(url.pathname) ? cacheFirst(event) : networkFirst(event, url));
});
