// The old engines the compat tests run on, all from the npm registry or Debian apt:
//   Chromium 86  — chrome-aws-lambda@5.3.1 (360安全浏览器 13's kernel), driven by puppeteer-core 5.3
//   Chromium 109 — @sparticuz/chromium@109.0.6 (Windows 7's last Chrome), driven by puppeteer-core 19
//   Firefox ESR  — Debian's firefox-esr, driven by puppeteer-core 24 over WebDriver BiDi
// The Chromium packages hold a brotli-compressed headless build (bin/chromium.br, with the SwiftShader libraries
// in swiftshader.tar.br); it is unpacked once into node_modules/.cache/compat-browsers/<package>@<version>/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const require = createRequire(import.meta.url);
const ROOT = new URL('../..', import.meta.url).pathname;
const CACHE = join(ROOT, 'node_modules/.cache/compat-browsers');
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Unpacks `pkg`'s headless Chromium into the cache (once per package version); returns the binary's path. */
function unpackChromium(pkg) {
  const pkgDir = join(ROOT, 'node_modules', pkg);
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const dir = join(CACHE, `${pkg.replace('/', '+')}@${version}`);
  const binary = join(dir, 'chromium');
  if (existsSync(join(dir, '.complete'))) return binary;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of readdirSync(join(pkgDir, 'bin'))) {
    if (!file.endsWith('.br') || file.startsWith('aws')) continue; // aws.tar.br: Amazon Linux's own libraries
    const bytes = brotliDecompressSync(readFileSync(join(pkgDir, 'bin', file)));
    const name = file.slice(0, -'.br'.length);
    if (name.endsWith('.tar')) {
      // The SwiftShader libraries (libEGL, libGLESv2, …) belong next to the binary.
      writeFileSync(join(partial, name), bytes);
      execFileSync('tar', ['-xf', name], { cwd: partial });
      rmSync(join(partial, name));
    } else {
      writeFileSync(join(partial, name), bytes);
      chmodSync(join(partial, name), 0o755);
    }
  }
  writeFileSync(join(partial, '.complete'), `${pkg}@${version}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return binary;
}

/** Host name for the non-secure-context test; Chromium maps it to 127.0.0.1. */
export const PLAIN_HTTP_HOST = 'shenbao.example';
const HOST_RULES = `--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`;

/** The engines, each with a launch() that resolves to a puppeteer Browser of the matching puppeteer-core. */
export const ENGINES = [
  {
    name: 'Chromium 86',
    version: /^HeadlessChrome\/86\./,
    // Lacks structuredClone, Object.hasOwn, Array.prototype.at and AbortSignal.prototype.throwIfAborted.
    needsPolyfills: true,
    mapsHosts: true,
    launch: () =>
      require('puppeteer-core-5').launch({
        executablePath: unpackChromium('chrome-aws-lambda'),
        pipe: true,
        headless: true,
        args: [...CHROMIUM_ARGS, HOST_RULES],
      }),
  },
  {
    name: 'Chromium 109',
    version: /^HeadlessChrome\/109\./,
    needsPolyfills: false,
    mapsHosts: true,
    launch: () =>
      require('puppeteer-core-19').launch({
        executablePath: unpackChromium('@sparticuz/chromium'),
        pipe: true,
        // The build is headless-only; the flag is passed by hand because puppeteer 19 warns about headless: true.
        headless: false,
        args: ['--headless', ...CHROMIUM_ARGS, HOST_RULES],
      }),
  },
  {
    name: 'Firefox ESR',
    version: /^firefox\/\d+/i,
    needsPolyfills: false,
    mapsHosts: false,
    launch: async () => {
      const { default: puppeteer } = await import('puppeteer-core-24');
      return puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        extraPrefsFirefox: {
          // No updates, telemetry or remote settings: the machine reaches no other host.
          'app.update.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          // Downloads land in the profile instead of asking.
          'browser.download.useDownloadDir': true,
          'browser.download.folderList': 2,
          'browser.download.dir': join(CACHE, 'firefox-downloads'),
        },
      });
    },
  },
];
