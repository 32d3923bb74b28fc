// Starts `node scripts/serve.mjs` (astro preview on a fixed port) for the benchmark and stops it again.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Serves `outDir` on 127.0.0.1:`port` and resolves once the base URL answers 200.
 * Rejects (after stopping what it started) if serve.mjs exits first, e.g. because the port is taken,
 * or if nothing answers within `timeoutMs`.
 */
export async function startServer({ port, outDir, base, timeoutMs = 60_000 }) {
  const url = `http://127.0.0.1:${port}${base}`;
  // Its own process group, so that stopping it also stops the astro child that serve.mjs spawns.
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.once('error', (error) => {
      exited = { code: null, signal: null, error };
      resolve(exited);
    });
  });

  async function stop() {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const done = await Promise.race([exitPromise, sleep(5000).then(() => null)]);
    if (!done) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exitPromise;
    }
  }

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      const how = exited.error ? exited.error.message : `exit code ${exited.code ?? exited.signal}`;
      throw new Error(`scripts/serve.mjs stopped before serving (${how}):\n${output.trim()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        return {
          url,
          origin: `http://127.0.0.1:${port}`,
          stop,
          /** Null while serving; { code, signal } (or { error }) once serve.mjs has exited. */
          exited: () => exited,
          /** The last 4,000 characters serve.mjs and astro wrote. */
          output: () => output,
        };
      }
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`nothing answered at ${url} within ${timeoutMs / 1000} s:\n${output.trim()}`);
}
