// Page helpers that work the same with puppeteer-core 5.3 (Chromium 86), 19 (Chromium 109) and 24 (Firefox over
// WebDriver BiDi): only goto/reload, evaluate, waitForFunction and uploadFile, which all three have. Elements are
// found the way a user finds them: by their visible text or their label.
import assert from 'node:assert/strict';

export const TIMEOUT = 90_000;

/**
 * Runs before the site's own scripts: records page errors and keeps the bytes of each download the site starts
 * itself (src/io/download.ts clicks a transient link to a blob: URL, revoked soon after), without a save dialog.
 */
export function recordDownloadsScript() {
  window.__compat = { errors: [], downloads: [] };
  // The form control whose label (or aria-label) reads `label` (white space and a required mark aside). Here, not
  // in page.evaluate, because the site's CSP forbids new Function in the page.
  window.__compat.byLabel = (label) => {
    for (const el of document.querySelectorAll('input, textarea, select')) {
      const names = [el.getAttribute('aria-label'), ...Array.from(el.labels || [], (l) => l.textContent)];
      if (names.some((n) => n && n.replace(/\s+/g, '').replace(/[*＊]$/, '') === label)) return el;
    }
    return null;
  };
  window.addEventListener('error', (e) => window.__compat.errors.push(String(e.message || e.error)));
  window.addEventListener('unhandledrejection', (e) => window.__compat.errors.push(String(e.reason && e.reason.message || e.reason)));
  // The Blob behind each blob: URL, read directly: the site's CSP (connect-src 'self') forbids fetching blob: URLs.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  window.__compat.bytesOf = async (url) => Array.from(new Uint8Array(await blobs.get(url).arrayBuffer()));
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && this.href.startsWith('blob:')) {
      const record = { name: this.download, bytes: null };
      window.__compat.downloads.push(record);
      window.__compat.bytesOf(this.href).then((bytes) => {
        record.bytes = bytes;
      });
      return undefined;
    }
    return click.call(this);
  };
}

export async function newPage(browser) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(recordDownloadsScript);
  return page;
}

/** Waits until `fn(...args)` is truthy in the page; the message says what was awaited. */
export async function waitFor(page, what, fn, ...args) {
  try {
    return await page.waitForFunction(fn, { timeout: TIMEOUT, polling: 250 }, ...args);
  } catch (error) {
    const text = await page.evaluate(() => document.body && document.body.innerText.slice(0, 600)).catch(() => '(no page)');
    throw new Error(`timed out waiting for ${what}; page ${page.url()} shows:\n${text}\n(${error.message})`);
  }
}

export async function valueOf(page, label) {
  return page.evaluate((l) => {
    const el = window.__compat.byLabel(l);
    return el ? el.value : null;
  }, label);
}

/** Waits for the control labelled `label` to hold `value`. */
export async function waitForValue(page, label, value) {
  await waitFor(page, `「${label}」 = ${value}`, (l, v) => {
    const el = window.__compat.byLabel(l);
    return el !== null && el.value === v;
  }, label, value);
}

/** Picks `file` in the file control labelled `label`; resolves after the navigation it may cause when `navigates`. */
export async function pickFile(page, label, file, { navigates = false } = {}) {
  const handle = await page.evaluateHandle((l) => window.__compat.byLabel(l), label);
  const input = handle.asElement();
  assert.ok(input, `no file control labelled 「${label}」 on ${page.url()}`);
  if (navigates) await Promise.all([page.waitForNavigation({ timeout: TIMEOUT }), input.uploadFile(file)]);
  else await input.uploadFile(file);
}

/** Types `text` into the control labelled `label` as a person would, at its end or (`replace`) over its value. */
export async function typeInto(page, label, text, { replace = false } = {}) {
  const handle = await page.evaluateHandle((l) => window.__compat.byLabel(l), label);
  const input = handle.asElement();
  assert.ok(input, `no control labelled 「${label}」`);
  await input.focus();
  await page.evaluate((el, all) => el.setSelectionRange(all ? 0 : el.value.length, el.value.length), input, replace);
  await page.keyboard.type(text);
}

/** Clicks the button (or link) whose text is exactly `text`, once it is there and enabled. */
export async function clickText(page, text) {
  await waitFor(page, `a button 「${text}」`, (t) =>
    Array.from(document.querySelectorAll('button, a')).some((b) => b.textContent.trim() === t && !b.disabled), text);
  await page.evaluate((t) => Array.from(document.querySelectorAll('button, a')).find((b) => b.textContent.trim() === t && !b.disabled).click(), text);
}

/** The bytes behind the download link whose text matches `pattern` (waits for it), and its file name. */
export async function linkedFile(page, pattern) {
  await waitFor(page, `a link ${pattern}`, (source) => Array.from(document.querySelectorAll('a[download]')).some((a) => new RegExp(source).test(a.textContent.trim())), pattern.source);
  const { name, bytes } = await page.evaluate(async (source) => {
    const a = Array.from(document.querySelectorAll('a[download]')).find((x) => new RegExp(source).test(x.textContent.trim()));
    return { name: a.download, bytes: await window.__compat.bytesOf(a.href) };
  }, pattern.source);
  return { name, bytes: Buffer.from(bytes) };
}

/** The next download the site starts itself (after `index` earlier ones). */
export async function startedDownload(page, index) {
  await waitFor(page, `download #${index + 1}`, (i) => window.__compat.downloads[i] && window.__compat.downloads[i].bytes !== null, index);
  const { name, bytes } = await page.evaluate((i) => window.__compat.downloads[i], index);
  return { name, bytes: Buffer.from(bytes) };
}

export async function pageErrors(page) {
  return page.evaluate(() => window.__compat.errors);
}

export async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}
