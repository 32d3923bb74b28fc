// The system Chromium that the tests, the bench and the page-image script drive: Playwright cannot download
// browsers here. CHROMIUM_PATH overrides the path. Without the background-networking flags Chromium keeps
// trying to reach Google's hosts, which this closed network refuses.

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
