// `npm start`: refuse a taken port first, build only when dist/ is older than what it is built from, serve.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { requireFreePort } from './port.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 4321);
const host = process.env.HOST || '127.0.0.1';

/** What the site is built from; public/fonts and src/generated are made from these by the build itself. */
const INPUTS = ['src', 'schemas', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['generated', 'fonts']);

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (!SKIP.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

await requireFreePort(port, host);
// build-sw.mjs writes dist/sw.js last: its time is when the last complete build ended.
const built = fs.statSync(path.join(root, 'dist/sw.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...INPUTS.map((entry) => newestMtime(path.join(root, entry))));
if (process.env.BASE_PATH === undefined && built > changed) {
  console.log('dist/ is up to date with the sources: not rebuilding (delete dist/ to force a build).');
} else {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
await import('./serve.mjs');
