// Offline use: registers the site's service worker (sw.js at the site's root, made by
// generator/site_files/offline.py) and asks it to keep the files this page loaded before the
// worker was in charge. Sends nothing anywhere: the worker only fetches this site's own files.
// When the worker has kept them, <html data-offline="ready"> (the tests wait for it).
// `window.clinicKeepOffline(urls)` asks it to keep more (the builder's patient view: the
// programme's exercise pages and pictures); ready again once they are kept.
"use strict";

(() => {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const config = document.getElementById("__config");
  const base = config ? JSON.parse(config.textContent).base : ".";
  const root = new URL(`${base}/`, window.location.href);
  const loaded = () => [window.location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)]
    .map((address) => new URL(address, window.location.href))
    .filter((url) => url.origin === root.origin && url.pathname.startsWith(root.pathname))
    .map((url) => { url.hash = ""; return url.href; });
  let pending = 0; // requests to keep files not yet answered
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (!event.data || event.data.type !== "kept") return;
    pending -= 1;
    if (pending === 0) document.documentElement.dataset.offline = "ready";
  });
  // Registered once the page has loaded (not to compete with it for the network).
  const registered = new Promise((resolve) => window.addEventListener("load", resolve))
    .then(() => navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }))
    .then(() => navigator.serviceWorker.ready)
    .catch((error) => {
      if (window.console) console.warn("Offline use is not available:", error);
      return null;
    });
  const keep = async (urls) => {
    const registration = await registered;
    if (!registration) return;
    pending += 1;
    delete document.documentElement.dataset.offline;
    registration.active.postMessage({ type: "keep", urls });
  };
  window.clinicKeepOffline = (urls) => keep(urls.map((address) => new URL(address, root).href));
  window.addEventListener("load", () => keep(loaded()));
})();
