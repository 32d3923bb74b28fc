/*
 * Loads polyfills.js (built from src/compat/polyfills.ts by scripts/build-polyfills.mjs) before the application's
 * modules, and only in a browser that lacks one of its features (Chromium before 100: 360安全浏览器 13, older QQ浏览器),
 * so that the others download nothing. A parser-blocking script that writes a parser-blocking script is the one
 * way to run before the islands' module imports. ES5, like the boot watchdog. Test here what polyfills.ts fills.
 */
(function () {
  var self = document.currentScript;
  if (!self) return; // IE: the application cannot run there at all, and the boot watchdog says so
  var missing =
    typeof window.structuredClone !== 'function' ||
    typeof Object.hasOwn !== 'function' ||
    typeof [].at !== 'function' ||
    (typeof AbortSignal === 'function' && typeof AbortSignal.prototype.throwIfAborted !== 'function');
  if (missing) document.write('<script src="' + self.src.replace(/load-polyfills\.js(?:[?#].*)?$/, 'polyfills.js') + '"><\/script>');
})();
