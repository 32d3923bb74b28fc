// The offline copy of the site (public worker script made by scripts/build-sw.mjs). Registered only from the
// pages that already run JavaScript: the notice pages stay script-free and are precached from here.

/** Set when the user chose to switch to a new version: only then does a change of worker reload the page. */
let switching = false;

/**
 * Registers the service worker; `onUpdate` is called with a function that switches to the new version when
 * one is waiting (the page then reloads once).
 */
export function registerServiceWorker(onUpdate: (activate: () => void) => void): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const offer = (worker: ServiceWorker) =>
    onUpdate(() => {
      switching = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  // The first install also changes the controller (clientsClaim); that must not reload a form being filled.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!switching) return;
    switching = false;
    window.location.reload();
  });
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          // A new version is ready while an older one controls this page: ask before switching.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    })
    .catch(() => undefined); // no offline copy (private mode, file://): the site still works online
}
