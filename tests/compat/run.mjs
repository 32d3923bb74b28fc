// `npm run test:compat`: the core flow in the old engines the supported browsers stand for (tests/compat/
// browsers.mjs), against the built dist/, served by scripts/serve.mjs on E2E_PORT+2 (COMPAT_PORT overrides).
// `--only=86,firefox` runs only the engines whose name contains one of those words. Exit code 1 on any failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { startServer } from '../../bench/server.mjs';
import { ENGINES, PLAIN_HTTP_HOST } from './browsers.mjs';
import { coreFlow, plainHttpFlow, watchdogFlow } from './flows.mjs';

process.chdir(new URL('../..', import.meta.url).pathname);
const port = Number(process.env.COMPAT_PORT || Number(process.env.E2E_PORT || 4410) + 2);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toLowerCase().split(',');
const engines = ENGINES.filter((e) => !only || only.some((w) => e.name.toLowerCase().includes(w)));

process.env.ALLOWED_HOSTS = PLAIN_HTTP_HOST;
// OUT_DIR: another build of the root site (e.g. one made without the polyfills, to see the tests fail).
const server = await startServer({ port, outDir: process.env.OUT_DIR || 'dist', base: '/' });
const origin = `http://127.0.0.1:${port}`;
const plainOrigin = `http://${PLAIN_HTTP_HOST}:${port}`;
const failures = [];

async function step(engine, name, fn) {
  const started = Date.now();
  try {
    const note = await fn();
    console.log(`  ✓ ${engine.name}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ''}`);
    return true;
  } catch (error) {
    console.log(`  ✗ ${engine.name}: ${name}\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
    failures.push(`${engine.name}: ${name}`);
    return false;
  }
}

try {
  for (const engine of engines) {
    const tmp = mkdtempSync(join(tmpdir(), 'lmcx-compat-'));
    let browser;
    const launched = await step(engine, 'launch', async () => {
      browser = await engine.launch();
      const version = await browser.version();
      if (!engine.version.test(version)) throw new Error(`expected ${engine.version}, got ${version}`);
      return version;
    });
    if (launched) {
      await step(engine, 'core flow: import, reload, 申报表 PDF, package, draft export/import', () => coreFlow({ browser, engine, origin, tmp }));
      if (engine.mapsHosts) {
        let saved;
        const plain = await step(engine, `plain http (${plainOrigin}): new draft, save, reload, draft file`, async () => {
          saved = await plainHttpFlow({ browser, plainOrigin, tmp });
        });
        if (plain) {
          await step(engine, 'main script blocked: the Chinese message with its links, the draft kept', async () =>
            `message after ${(await watchdogFlow({ browser, plainOrigin, saved })).toFixed(1)} s`);
        }
      }
    }
    await browser?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
} finally {
  await server.stop();
}

if (failures.length > 0) {
  console.log(`\ncompat: ${failures.length} failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\ncompat: all passed on ${engines.map((e) => e.name).join(', ')}`);
