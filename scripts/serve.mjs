// Serves a built site with `astro preview` on a fixed port, and refuses to start if the port is taken
// (astro preview would otherwise move silently to the next port and tests would hit another server).
import { spawn } from 'node:child_process';
import process from 'node:process';
import { requireFreePort } from './port.mjs';

const port = Number(process.env.PORT || 4321);
const host = process.env.HOST || '127.0.0.1';
const outDir = process.env.OUT_DIR || 'dist';
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
// Host names besides localhost and IP addresses that may reach the server (comma-separated), e.g. a test's
// non-localhost name mapped to 127.0.0.1 to try the site outside a secure context.
const allowedHosts = process.env.ALLOWED_HOSTS ? ['--allowed-hosts', process.env.ALLOWED_HOSTS] : [];

await requireFreePort(port, host);

console.log(`Site: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`);
const child = spawn(
  process.execPath,
  ['node_modules/astro/astro.js', 'preview', '--port', String(port), '--host', host, '--outDir', outDir, ...allowedHosts],
  { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
