import { existsSync } from 'node:fs';

// Playwright cannot download browsers here; the system Chromium is used (CHROMIUM_PATH overrides).
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function chromiumIsInstalled(): boolean {
  return existsSync(chromiumExecutable());
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
