// What the supported browsers (browserslist in package.json) lack and this code or its libraries call: imported
// first by each worker, and bundled by scripts/build-polyfills.mjs into public/compat/polyfills.js, which the
// application's pages load only where a feature is missing (public/compat/load-polyfills.js tests the same list). Chromium 86–97 (360安全浏览器 13, QQ浏览器, Windows 7's Chrome 109 has
// them all) miss structuredClone (rjsf clones the form data on every change), Object.hasOwn, Array.prototype.at and
// AbortSignal.prototype.throwIfAborted. Each core-js module defines its feature only where it is missing.
// tests/compat/static-check.mjs fails the build when the built code uses anything else beyond the targets.
import 'core-js/modules/web.structured-clone.js';
import 'core-js/modules/es.object.has-own.js';
import 'core-js/modules/es.array.at.js';
import './throwIfAborted';
