// Registers the service worker (service-worker.js at the site's root, written by
// hooks/offline.py) once the page has loaded, so pages read once open without network.
(() => {
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  const worker = new URL("../../service-worker.js", document.currentScript.src);
  const register = () => navigator.serviceWorker.register(worker.href).catch(() => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
})();
