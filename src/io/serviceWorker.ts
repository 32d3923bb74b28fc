// The offline copy of the site (public worker script made by scripts/build-sw.mjs). Registered only from the
// pages that already run JavaScript: the notice pages stay script-free and are precached from here.

/**
 * Whether this page is a secure context (https, or localhost). Over plain http, as many union sites are served,
 * browsers offer no service worker (no offline copy) and no navigator.storage (no persist()); everything else works.
 */
export function isSecureSite(): boolean {
  return typeof window === 'undefined' || window.isSecureContext !== false;
}

/** The one sentence shown on a page served over plain http. */
export const PLAIN_HTTP_NOTE =
  '本网站通过 http（非 https）访问，浏览器因此不提供离线使用，也不承诺长期保留数据；填写、草稿、PDF 和材料包不受影响，请记得用“导出草稿文件”备份。';

/** Set when the user chose to switch to a new version: only then does a change of worker reload the page. */
let switching = false;

/**
 * Registers the service worker; `onUpdate` is called with a function that switches to the new version when
 * one is waiting (the page then reloads once).
 */
export function registerServiceWorker(onUpdate: (activate: () => void) => void): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !isSecureSite() || !('serviceWorker' in navigator)) return;
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
