// `npm test`: unit tests, then both builds (root and sub-path), the static compat check of both, then browser tests
// against the built sites: the Playwright suite in the system Chromium, then the compat tests in Chromium 86,
// Chromium 109 (from npm packages) and Firefox ESR (Debian's firefox-esr).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { chromiumPath } from './chromium.mjs';

const chromium = chromiumPath();
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`Firefox ESR not found at ${firefox}: install it with \`apt-get install -y firefox-esr\` (Debian) or set FIREFOX_PATH (the compat tests run in it).`);
  process.exit(1);
}

for (const [tool, pkg] of [['pdftotext', 'poppler-utils'], ['unzip', 'unzip']]) {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
  } catch {
    console.error(`${tool} not found: install it with \`apt-get install -y ${pkg}\` (the tests read the PDFs and the package back with it).`);
    process.exit(1);
  }
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
function run(script, ...args) {
  console.log(`\n> npm run ${script}${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`);
  execFileSync('npm', ['run', script, ...(args.length > 0 ? ['--', ...args] : [])], { stdio: 'inherit', env });
}

try {
  run('test:unit');
  run('build');
  run('build:sub');
  run('test:static');
  run('test:static', 'dist-sub');
  run('test:e2e');
  run('test:compat');
} catch {
  process.exit(1);
}
