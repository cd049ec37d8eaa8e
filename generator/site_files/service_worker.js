// The site's service worker (generator/site_files/offline.py fills in the list and version).
// It keeps this site's own files for use without a network: the pages and pictures listed
// below when it is installed, and each page and file of this site when it is first used. It
// never touches another host, keeps no address's "#" part (where programmes and diaries live),
// and a new build (a new version) replaces the old cache whole. Pages come from the network
// when there is one, so they are never stale online; everything else from the cache first.
"use strict";

const PRECACHE = /*PRECACHE*/[];
const VERSION = "/*VERSION*/";
const PREFIX = "/*PREFIX*/";
const CACHE = `${PREFIX}${VERSION}`;
const SCOPE = new URL(self.registration.scope);

// Only GET requests for this site's own files, inside the worker's folder (not the live
// reload of `mkdocs serve`).
function ours(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname) && !url.pathname.includes("/livereload/");
}
function bare(address) {
  const url = new URL(address, SCOPE);
  url.hash = "";
  return url;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a file that cannot be fetched is left out, not the whole list.
    await Promise.all(PRECACHE.map(async (path) => {
      try {
        const response = await fetch(bare(path), { cache: "no-cache" });
        if (response.ok) await cache.put(bare(path), response);
      } catch {
        // kept on first use instead
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function fromNetwork(request, url) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(CACHE);
    await cache.put(url, response.clone());
  }
  return response;
}

async function respond(request) {
  const url = bare(request.url);
  const cache = await caches.open(CACHE);
  if (request.mode === "navigate") {
    try {
      return await fromNetwork(request, url);
    } catch (error) {
      const kept = (await cache.match(url, { ignoreSearch: true }))
        || (url.pathname.endsWith("/") ? null : await cache.match(`${url.href}/`, { ignoreSearch: true }));
      if (kept) return kept;
      throw error;
    }
  }
  const kept = await cache.match(url, { ignoreSearch: false });
  return kept || fromNetwork(request, url);
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !ours(url)) return; // the browser's own way
  event.respondWith(respond(event.request));
});

// A page asks the worker to keep the files it loaded before the worker was in charge (the
// theme's scripts and styles on the first visit). Only this site's addresses are kept.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const address of data.urls.slice(0, 500)) {
      let url;
      try {
        url = bare(String(address));
      } catch {
        continue;
      }
      if (!ours(url) || (await cache.match(url))) continue;
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      } catch {
        // offline: kept next time
      }
    }
    if (event.source) event.source.postMessage({ type: "kept", version: VERSION });
  })());
});
