// Driving the output view of /apply/ (#output, 生成PDF与材料包) for the PDF and package measurements: open the
// typical application, time a click on one of its buttons to the download link it produces, and split that
// time by the messages its Web Worker posts.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const FIXTURE = new URL('../tests/fixtures/typical-application.json', import.meta.url).pathname;
export const FIXTURE_STUDIO = JSON.parse(readFileSync(FIXTURE, 'utf8')).cover.studioName;

/** The three PDFs of the output view: the button that makes each and the file its download link names. */
export const PDFS = {
  form: { label: '申报表', button: '生成申报表PDF（A4）', file: '01-申报表.pdf' },
  formA3: { label: 'A3双面打印版', button: '生成申报表A3双面打印版', file: '01-申报表-A3双面打印.pdf' },
  materials: { label: '申报材料', button: '生成申报材料PDF', file: '02-申报材料.pdf' },
};

/** Font chunk files of the bundled font (src/io/fonts/bundled.ts), as the site serves them. */
export const FONT_CHUNK = /\/fonts\/noto-serif-sc\/[^/]+\.ttf$/;

/**
 * Installed before the page's scripts (context.addInitScript): wraps the Worker constructor so that every
 * message a worker posts to the page is noted with its arrival time (performance.now()) and the worker's
 * file name, before the page's own listener sees it. Only small fields are kept (no PDF bytes, no Blobs).
 * The PDF worker posts progress '正在载入字体……', then '正在排版……' once the fonts are loaded, then
 * { type: 'done', bytes, pages, fontBytes, ms }; the package worker posts progress with phase 'hash' or 'zip'.
 */
export function installOutputProbe() {
  const probe = { messages: [] };
  window.__benchOutput = probe;
  const Native = window.Worker;
  if (typeof Native !== 'function') return;
  class ObservedWorker extends Native {
    constructor(url, options) {
      super(url, options);
      const worker = String(url).split('/').pop().split('?')[0];
      this.addEventListener('message', (event) => {
        const d = event.data;
        if (!d || typeof d !== 'object') return;
        probe.messages.push({
          at: performance.now(),
          worker,
          id: d.id ?? null,
          type: d.type ?? null,
          text: typeof d.text === 'string' ? d.text : null,
          phase: d.phase ?? null,
          ms: typeof d.ms === 'number' ? d.ms : null,
          pages: typeof d.pages === 'number' ? d.pages : null,
          fontBytes: typeof d.fontBytes === 'number' ? d.fontBytes : null,
          bytes: d.bytes instanceof ArrayBuffer ? d.bytes.byteLength : null,
          zipBytes: d.zip instanceof Blob ? d.zip.size : null,
          message: typeof d.message === 'string' ? d.message : null,
        });
      });
    }
  }
  window.Worker = ObservedWorker;
}

/** Waits until 工作室名称 shows the fixture's value, i.e. the draft has been taken into the form. */
async function waitForFixture(page) {
  const field = page.getByLabel('工作室名称', { exact: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await field.inputValue({ timeout: 30_000 }).catch(() => '');
    if (value === FIXTURE_STUDIO) return;
    if (Date.now() > deadline) throw new Error(`工作室名称 shows “${value}” after 30 s, not “${FIXTURE_STUDIO}”`);
    await sleep(100);
  }
}

/**
 * /apply/ with the typical fixture imported through 导入草稿文件 (as tests/e2e/pdf.spec.ts does; the import makes
 * a new draft and opens /apply/?d=<id>). Resolves with the new draft's id.
 */
export async function openFixture(page, siteUrl) {
  await page.goto(new URL('apply/', siteUrl).href);
  await page.getByLabel('导入草稿文件').setInputFiles(FIXTURE);
  await page.waitForURL(/[?&]d=/, { timeout: 30_000 });
  await waitForFixture(page);
  return new URL(page.url()).searchParams.get('d');
}

/** /apply/?d=<id>: a draft stored earlier in this profile. */
export async function openDraft(page, siteUrl, id) {
  await page.goto(new URL(`apply/?d=${encodeURIComponent(id)}`, siteUrl).href);
  await waitForFixture(page);
}

/** Switches the application to a view by its hash and waits for that view's heading. */
export async function showView(page, hash, heading) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { level: 2, name: heading }).waitFor({ state: 'visible', timeout: 30_000 });
}

export async function showOutput(page) {
  await showView(page, 'output', '生成PDF与材料包');
}

/**
 * In the page: waits for the next click on the button whose text is `button` (capturing listener, so the
 * time is the click's dispatch, after Playwright's own checks) and then for a link matching `selector` whose
 * href differs from the one there before (a regenerated PDF replaces its link's object URL), and the frame
 * after it (rAF → setTimeout 0, the link painted). Rejects if an alert appears in `section` (the panel's
 * error) or after `timeout` ms. The result is read with `page.evaluate(() => window.__benchArmed)`.
 */
function armClickToLink({ button, selector, section, timeout }) {
  const before = document.querySelector(selector)?.getAttribute('href') ?? null;
  let clickAt = null;
  const onClick = (event) => {
    const b = event.target instanceof Element ? event.target.closest('button') : null;
    if (b && b.textContent.trim() === button && clickAt === null) clickAt = performance.now();
  };
  document.addEventListener('click', onClick, true);
  window.__benchArmed = new Promise((resolve, reject) => {
    let timer = null;
    let observer = null;
    const stop = () => {
      observer?.disconnect();
      clearTimeout(timer);
      document.removeEventListener('click', onClick, true);
    };
    const check = () => {
      if (clickAt === null) return;
      const link = document.querySelector(selector);
      if (link && link.getAttribute('href') !== before) {
        const linkAt = performance.now();
        stop();
        requestAnimationFrame(() => setTimeout(() => resolve({ clickAt, linkAt, frameAt: performance.now(), text: link.closest('p')?.textContent ?? '' }), 0));
        return;
      }
      const alert = document.querySelector(`[aria-labelledby="${section}"] [role=alert]`);
      if (alert) {
        stop();
        reject(new Error(`the page says: ${alert.textContent}`));
      }
    };
    observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    timer = setTimeout(() => {
      stop();
      reject(new Error(`no new download link within ${timeout / 1000} s`));
    }, timeout);
  });
  window.__benchArmed.catch(() => undefined); // read later by page.evaluate
}

/** Clicks `button` (exact name) and resolves with the in-page times of the click, the link and the frame after it. */
export async function clickToLink(page, { button, selector, section, timeout = 60_000 }) {
  await page.evaluate(armClickToLink, { button, selector, section, timeout });
  await page.getByRole('button', { name: button, exact: true }).click();
  const times = await page.evaluate(() => window.__benchArmed);
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 5_000 });
  return times;
}

/** The worker messages noted by installOutputProbe since in-page time `since`, from workers whose file starts with `prefix`. */
export async function workerMessages(page, prefix, since) {
  return page.evaluate(
    ({ prefix, since }) => window.__benchOutput.messages.filter((m) => m.at >= since && m.worker.startsWith(prefix)),
    { prefix, since },
  );
}

/**
 * One PDF generated from the output view, timed from the click on its button to its (new) download link,
 * split by the PDF worker's messages:
 *   startup: click → the worker's first message (React state, the job posted to the worker; the first time
 *            also the worker's scripts fetched and compiled),
 *   fonts:   → '正在排版……' (manifest and chunks: network, Cache API or the worker's memory),
 *   make:    → 'done' (layout with the real font metrics and drawing with jsPDF, makePdf),
 *   finish:  → the link in the DOM (the bytes to a Blob, object URL, React render),
 *   frame:   → the frame after it.
 */
export async function timePdf(page, kind) {
  const { button, file } = PDFS[kind];
  const t = await clickToLink(page, { button, selector: `a[download="${file}"]`, section: 'pdf-title' });
  const messages = await workerMessages(page, 'pdf.worker', t.clickAt);
  const first = messages[0];
  if (!first) throw new Error(`${file}: no message from the PDF worker was seen`);
  const own = messages.filter((m) => m.id === first.id);
  const layout = own.find((m) => m.type === 'progress' && m.text?.startsWith('正在排版'));
  const done = own.find((m) => m.type === 'done');
  if (!layout || !done) throw new Error(`${file}: the PDF worker's messages lack ${layout ? "'done'" : '正在排版'}`);
  return {
    total: t.frameAt - t.clickAt,
    toLink: t.linkAt - t.clickAt,
    startup: first.at - t.clickAt,
    fonts: layout.at - first.at,
    make: done.at - layout.at,
    finish: t.linkAt - done.at,
    workerMs: done.ms,
    pages: done.pages,
    bytes: done.bytes,
    fontBytesUsed: done.fontBytes,
    shown: t.text,
  };
}

/**
 * Notes every response of the page (its dedicated workers' requests included: Playwright reports them on the
 * page) whose URL matches `pattern`, with its body size. `since(mark)` sums what arrived after `mark()`.
 */
export function recordResponses(page, pattern) {
  const seen = [];
  page.on('response', (response) => {
    if (!pattern.test(response.url())) return;
    seen.push(
      response.body().then(
        (body) => ({ url: response.url(), status: response.status(), bytes: body.length }),
        () => ({ url: response.url(), status: response.status(), bytes: 0 }),
      ),
    );
  });
  return {
    mark: () => seen.length,
    async since(mark) {
      const got = await Promise.all(seen.slice(mark));
      return { files: got.length, bytes: got.reduce((sum, r) => sum + r.bytes, 0), list: got };
    },
  };
}
