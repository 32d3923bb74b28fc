import { expect, test } from '@playwright/test';
import { SUB_PORT } from '../../playwright.config';
import { foreignRequests, recordRequests } from './helpers';

const origin = `http://127.0.0.1:${SUB_PORT}`;
const base = '/some/sub/';

test('a site built with BASE_PATH=/some/sub/ works when served from that sub-path', async ({ page, request }) => {
  const requests = recordRequests(page);
  const seen = new Set<string>();
  const queue = [`${origin}${base}`];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    // Styles really applied: the issuer mark or the site header are red.
    const headerColor = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColor, `${url} without its stylesheet`).not.toBe('rgba(0, 0, 0, 0)');
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
    );
    for (const ref of refs) {
      if (/^(mailto|tel|data|blob):/.test(ref) || ref.startsWith('#')) continue;
      const absolute = new URL(ref, url);
      expect(absolute.origin, ref).toBe(origin);
      expect(absolute.pathname.startsWith(base), `${ref} on ${url} leaves the sub-path`).toBe(true);
      const pageUrl = `${absolute.origin}${absolute.pathname}`;
      if (absolute.pathname.endsWith('/')) {
        if (!seen.has(pageUrl)) queue.push(pageUrl);
      } else {
        const asset = await request.get(absolute.href);
        expect(asset.status(), absolute.href).toBe(200);
      }
    }
  }
  expect([...seen].map((u) => new URL(u).pathname).sort()).toEqual(
    ['/some/sub/', '/some/sub/apply/', '/some/sub/attachment/1/', '/some/sub/attachment/2/', '/some/sub/desk/', '/some/sub/drafts/'],
  );
  expect(foreignRequests(requests, origin)).toEqual([]);
});
