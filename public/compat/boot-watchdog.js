/*
 * Boot watchdog of the pages that run the application (src/layouts/Base.astro, `app`). A classic script in ES5,
 * so that it runs where the application cannot: IE 兼容模式, browsers too old to parse the modules, a blocked file.
 * The application has started when every island has hydrated (Astro removes its `ssr` attribute) and no loading
 * line marked `data-booting` is left (the workspace opened a draft, the drafts page read its list). Until then,
 * after a few seconds, or soon after a script fails to load, it shows the message #boot-failed that Base.astro
 * rendered; it hides it again if the application starts after all. It changes nothing stored.
 */
(function () {
  var box = document.getElementById('boot-failed');
  if (!box) return;
  var SHOW_AFTER_MS = 6000;
  var AFTER_ERROR_MS = 1500;

  function started() {
    var islands = document.getElementsByTagName('astro-island');
    for (var i = 0; i < islands.length; i++) {
      if (islands[i].hasAttribute('ssr')) return false;
    }
    return !document.querySelector('[data-booting]');
  }

  function update() {
    var failed = !started();
    if (failed) box.removeAttribute('hidden');
    else box.setAttribute('hidden', '');
    // IE before 11 ignores the hidden attribute.
    box.style.display = failed ? 'block' : 'none';
  }

  var watching = false;
  function watch() {
    if (watching) return;
    watching = true;
    update();
    // Keep looking: a slow machine may still start it, and then the message goes away.
    setInterval(update, 1000);
  }
  setTimeout(watch, SHOW_AFTER_MS);

  // A script that fails to load (blocked, missing) or to run, or an island whose module import fails, reports
  // here: look sooner. (Images that fail to load do not count.)
  function soon(event) {
    var target = event && event.target;
    if (target && target !== window && target.tagName !== 'SCRIPT') return;
    setTimeout(watch, AFTER_ERROR_MS);
  }
  if (window.addEventListener) {
    window.addEventListener('error', soon, true);
    window.addEventListener('unhandledrejection', soon);
  }
})();
