// `npm test`: unit tests with the core's coverage bar, the unused-code lint, both builds (root and sub-path), the
// static compat check of both, then browser tests against the built sites: the Playwright suite in the system
// Chromium, then the compat tests in Chromium 86, Chromium 109 (from npm packages) and Firefox ESR (Debian's).
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

for (const [tool, pkg, args] of [['pdftotext', 'poppler-utils', ['-v']], ['unzip', 'unzip', ['-v']], ['7zz', '7zip', ['i']], ['python3', 'python3', ['-V']], ['qpdf', 'qpdf', ['--version']]]) {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
  } catch {
    console.error(`${tool} not found: install it with \`apt-get install -y ${pkg}\` (the tests read the PDFs and the package back with it, or check a PDF's structure).`);
    process.exit(1);
  }
}
try {
  execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
} catch {
  console.error('soffice not found: install it with `apt-get install -y libreoffice-writer-nogui` (the tests open the Word editions with it).');
  process.exit(1);
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
function run(script, ...args) {
  console.log(`\n> npm run ${[script, ...args].join(' ')}`);
  execFileSync('npm', ['run', script, ...args], { stdio: 'inherit', env });
}

try {
  run('test:unit', '--', '--coverage');
  run('lint:unused');
  run('build');
  run('build:sub');
  run('test:static');
  run('test:static', '--', 'dist-sub');
  run('test:e2e');
  run('test:compat');
} catch {
  process.exit(1);
}
