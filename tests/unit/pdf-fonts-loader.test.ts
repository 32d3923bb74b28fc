// The browser-side loaders with a fake network and an in-memory Cache API: same origin only, verified, cached so
// that a second PDF fetches nothing, and the user's 仿宋 through a stubbed queryLocalFonts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bundledFontBase,
  clearFontMemory,
  FONT_CACHE_NAME,
  FontLoadError,
  loadBundledFonts,
  loadFontChunks,
  loadManifest,
  type FontIoEnvironment,
  type FontLoadProgress,
} from '../../src/io/fonts/bundled';
import { isLocalFontAccessSupported, pickLocalFangSong, rankFangSong, readFontFile } from '../../src/io/fonts/localFonts';

const ORIGIN = 'https://lmcx.example.cn';
const BASE = '/sub/fonts/noto-serif-sc/';

/** A fake TrueType chunk: signature, padding, a marker; named with the first 8 hex digits of its SHA-256. */
function chunk(index: number, size: number): { file: string; body: Uint8Array } {
  const body = new Uint8Array(size);
  new DataView(body.buffer).setUint32(0, 0x00010000);
  body[size - 1] = index;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 8);
  return { file: `c${String(index).padStart(3, '0')}-${hash}.ttf`, body };
}
const C0 = chunk(0, 4000);
const C1 = chunk(1, 300);
const C2 = chunk(2, 500);
const MANIFEST = {
  family: 'Noto Serif SC',
  license: 'SIL Open Font License 1.1',
  source: '@expo-google-fonts/noto-serif-sc@0.4.3',
  chunks: [
    { file: C0.file, bytes: C0.body.length, ranges: [[0x20, 0x7e], 0x4e2d, 0x6587] },
    { file: C1.file, bytes: C1.body.length, ranges: [0x71ca] },
    { file: C2.file, bytes: C2.body.length, ranges: [0x73a5] },
  ],
};

class MemoryCache implements Cache {
  readonly entries = new Map<string, Response>();
  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    return this.entries.get(urlOf(request))?.clone();
  }
  async matchAll(): Promise<readonly Response[]> {
    return [...this.entries.values()].map((r) => r.clone());
  }
  async add(): Promise<void> {
    throw new Error('not used');
  }
  async addAll(): Promise<void> {
    throw new Error('not used');
  }
  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(urlOf(request), new Response(await response.arrayBuffer(), { headers: response.headers }));
  }
  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }
  async keys(): Promise<readonly Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

class MemoryCacheStorage implements CacheStorage {
  readonly caches = new Map<string, MemoryCache>();
  async open(name: string): Promise<Cache> {
    let cache = this.caches.get(name);
    if (cache === undefined) {
      cache = new MemoryCache();
      this.caches.set(name, cache);
    }
    return cache;
  }
  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }
  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }
  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }
  async match(): Promise<Response | undefined> {
    return undefined;
  }
}

function urlOf(request: RequestInfo | URL): string {
  return typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
}

interface FakeServer {
  env: FontIoEnvironment;
  requests: string[];
  files: Map<string, Uint8Array | string>;
  offline: boolean;
  storage: MemoryCacheStorage;
}

function server(options: { caches?: boolean } = {}): FakeServer {
  const files = new Map<string, Uint8Array | string>([
    [`${BASE}manifest.json`, JSON.stringify(MANIFEST)],
    [`${BASE}${C0.file}`, C0.body],
    [`${BASE}${C1.file}`, C1.body],
    [`${BASE}${C2.file}`, C2.body],
  ]);
  const storage = new MemoryCacheStorage();
  const state: FakeServer = {
    requests: [],
    files,
    offline: false,
    storage,
    env: {
      location: `${ORIGIN}/sub/apply/`,
      caches: options.caches === false ? undefined : storage,
      subtle: globalThis.crypto.subtle,
      fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const url = new URL(urlOf(input));
        state.requests.push(url.pathname);
        expect(init?.mode).toBe('same-origin');
        if (state.offline) throw new TypeError('Failed to fetch');
        if (url.origin !== ORIGIN) throw new TypeError('cross-origin request');
        const body = files.get(url.pathname);
        if (body === undefined) return new Response('not found', { status: 404 });
        return new Response(typeof body === 'string' ? body : body.slice());
      },
    },
  };
  return state;
}

beforeEach(() => clearFontMemory());

describe('loadManifest', () => {
  it('fetches and validates the manifest once per page life, and caches it', async () => {
    const s = server();
    const manifest = await loadManifest(BASE, { env: s.env });
    expect(manifest.chunks.map((c) => c.file)).toEqual([C0.file, C1.file, C2.file]);
    await loadManifest(BASE, { env: s.env });
    expect(s.requests).toEqual([`${BASE}manifest.json`]);
    expect(await s.storage.has(FONT_CACHE_NAME)).toBe(true);
  });

  it('uses the cached copy when offline, and first of all with cache-first', async () => {
    const s = server();
    await loadManifest(BASE, { env: s.env });
    clearFontMemory();
    s.offline = true;
    expect((await loadManifest(BASE, { env: s.env })).chunks).toHaveLength(3);
    clearFontMemory();
    s.offline = false;
    s.requests.length = 0;
    await loadManifest(BASE, { env: s.env, manifest: 'cache-first' });
    expect(s.requests).toEqual([]);
  });

  it('refuses another origin and an invalid manifest', async () => {
    const s = server();
    await expect(loadManifest('https://cdn.example.com/fonts/', { env: s.env })).rejects.toMatchObject({ code: 'cross-origin' });
    await expect(loadManifest('//cdn.example.com/fonts/', { env: s.env })).rejects.toBeInstanceOf(FontLoadError);
    s.files.set(`${BASE}manifest.json`, '{"family":"x"}');
    await expect(loadManifest(BASE, { env: s.env })).rejects.toMatchObject({ code: 'manifest' });
    expect(s.requests.every((p) => p.startsWith('/sub/'))).toBe(true);
  });
});

describe('loadFontChunks', () => {
  it('loads the chunks with progress, and a second PDF fetches nothing (memory, then Cache API)', async () => {
    const s = server();
    const progress: FontLoadProgress[] = [];
    const refs = MANIFEST.chunks.slice(0, 2);
    const fonts = await loadFontChunks(BASE, refs, (p) => progress.push(p), { env: s.env });
    expect([...fonts.keys()]).toEqual([C0.file, C1.file]);
    expect(new Uint8Array(fonts.get(C1.file) ?? new ArrayBuffer(0))).toEqual(C1.body);
    expect(progress.at(-1)).toEqual({ loadedBytes: 4300, totalBytes: 4300, filesDone: 2, filesTotal: 2 });
    expect(s.requests).toHaveLength(2);

    await loadFontChunks(BASE, refs, undefined, { env: s.env });
    expect(s.requests).toHaveLength(2); // memory

    clearFontMemory(); // a new page: the Cache API still has them
    s.offline = true;
    const again = await loadFontChunks(BASE, [C0.file, C1.file], undefined, { env: s.env });
    expect(again.get(C0.file)?.byteLength).toBe(4000);
    expect(s.requests).toHaveLength(2);
  });

  it('works without the Cache API (memory only)', async () => {
    const s = server({ caches: false });
    await loadFontChunks(BASE, [C2.file], undefined, { env: s.env });
    await loadFontChunks(BASE, [C2.file], undefined, { env: s.env });
    expect(s.requests).toEqual([`${BASE}${C2.file}`]);
  });

  it('refuses a file whose size or hash does not match, and does not cache it', async () => {
    const s = server();
    const tampered = C1.body.slice();
    tampered[10] = 7;
    s.files.set(`${BASE}${C1.file}`, tampered);
    await expect(loadFontChunks(BASE, [C1.file], undefined, { env: s.env })).rejects.toMatchObject({ code: 'integrity' });
    await expect(loadFontChunks(BASE, [{ file: C2.file, bytes: 499 }], undefined, { env: s.env })).rejects.toMatchObject({
      code: 'integrity',
    });
    const cache = s.storage.caches.get(FONT_CACHE_NAME);
    expect(cache?.entries.size ?? 0).toBe(0);
  });

  it('reports HTTP and network failures in Chinese', async () => {
    const s = server();
    const error = await loadFontChunks(BASE, ['c009-00000000.ttf'], undefined, { env: s.env }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http', status: 404 });
    expect(error instanceof Error ? error.message : '').toContain('服务器返回 404');
    s.offline = true;
    await expect(loadFontChunks(BASE, [C2.file], undefined, { env: s.env })).rejects.toMatchObject({ code: 'network' });
  });

  it('prunes cached chunks that a new manifest no longer lists', async () => {
    const s = server();
    await loadFontChunks(BASE, [C0.file, C1.file], undefined, { env: s.env });
    const cache = s.storage.caches.get(FONT_CACHE_NAME);
    expect(cache?.entries.size).toBe(2);
    s.files.set(`${BASE}manifest.json`, JSON.stringify({ ...MANIFEST, chunks: MANIFEST.chunks.filter((c) => c.file !== C1.file) }));
    await loadManifest(BASE, { env: s.env });
    expect([...(cache?.entries.keys() ?? [])]).toEqual([`${ORIGIN}${BASE}${C0.file}`, `${ORIGIN}${BASE}manifest.json`]);
  });
});

describe('loadBundledFonts', () => {
  it('plans and loads only the chunks the texts need', async () => {
    const s = server();
    const texts = [
      { path: 'leader.name', label: '领衔人 姓名', text: '中文 Abc' },
      { path: 'team.members.0.name', label: '成员1 姓名', text: '燊𠮷' },
    ];
    const fonts = await loadBundledFonts(BASE, texts, { env: s.env });
    expect(fonts.plan.chunks).toEqual([C0.file, C1.file]);
    expect([...fonts.chunks.keys()]).toEqual([C0.file, C1.file]);
    expect(fonts.plan.unprintable.map((u) => u.char)).toEqual(['𠮷']);
    expect(fonts.resolver.fontFor(0x71ca)).toBe(C1.file);
    expect(s.requests).not.toContain(`${BASE}${C2.file}`);
  });

  it('reloads the manifest once when a chunk it lists is gone after a redeploy', async () => {
    const s = server();
    const stale = chunk(1, 301);
    s.files.set(`${BASE}manifest.json`, JSON.stringify({ ...MANIFEST, chunks: [MANIFEST.chunks[0], { file: stale.file, bytes: 301, ranges: [0x71ca] }] }));
    await loadManifest(BASE, { env: s.env });
    s.files.set(`${BASE}manifest.json`, JSON.stringify(MANIFEST));
    const fonts = await loadBundledFonts(BASE, [{ path: 'a', label: 'A', text: '燊' }], { env: s.env });
    expect(fonts.plan.chunks).toEqual([C1.file]);
    expect(s.requests.filter((p) => p.endsWith('manifest.json'))).toHaveLength(2);
  });

  it('derives the folder from the base path', () => {
    expect(bundledFontBase('/')).toBe('/fonts/noto-serif-sc/');
    expect(bundledFontBase('/some/sub')).toBe('/some/sub/fonts/noto-serif-sc/');
  });
});

// ---------------------------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
let fangsongBytes: Uint8Array;
beforeAll(async () => {
  const font = readFileSync(
    path.join(path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')), '400Regular/NotoSerifSC_400Regular.ttf'),
  );
  fangsongBytes = new Uint8Array(
    await subsetFont(font, '南昌市总工会劳模创新工作室申报表年月日仿宋', { targetFormat: 'sfnt', noLayoutClosure: true }),
  );
});

function localFont(postscriptName: string, fullName: string, bytes: Uint8Array, family = fullName) {
  return { postscriptName, fullName, family, style: 'Regular', blob: async () => new Blob([bytes.slice()]) };
}

describe('the user’s 仿宋', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('ranks FangSong first, then FangSong_GB2312, STFangsong, then other 仿宋 faces', () => {
    const fonts = [
      { postscriptName: 'FZFSK--GBK1-0', fullName: '方正仿宋_GBK', family: '方正仿宋_GBK', style: 'Regular' },
      { postscriptName: 'SimSun', fullName: '宋体', family: '宋体', style: 'Regular' },
      { postscriptName: 'STFangsong', fullName: '华文仿宋', family: 'STFangsong', style: 'Regular' },
      { postscriptName: 'FangSong', fullName: 'FangSong', family: 'FangSong', style: 'Regular' },
      { postscriptName: 'FangSong_GB2312', fullName: '仿宋_GB2312', family: '仿宋_GB2312', style: 'Regular' },
    ];
    expect(rankFangSong(fonts).map((f) => f.postscriptName)).toEqual(['FangSong', 'FangSong_GB2312', 'STFangsong', 'FZFSK--GBK1-0']);
  });

  it('says when the browser has no queryLocalFonts', async () => {
    expect(isLocalFontAccessSupported()).toBe(false);
    const result = await pickLocalFangSong();
    expect(result).toMatchObject({ ok: false, code: 'unsupported' });
    if (!result.ok) expect(result.message).toContain('simfang.ttf');
  });

  it('says when permission is refused', async () => {
    vi.stubGlobal('queryLocalFonts', async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    expect(isLocalFontAccessSupported()).toBe(true);
    expect(await pickLocalFangSong()).toMatchObject({ ok: false, code: 'permission-denied' });
  });

  it('says when no 仿宋 is installed', async () => {
    vi.stubGlobal('queryLocalFonts', async () => [localFont('SimSun', '宋体', fangsongBytes)]);
    expect(await pickLocalFangSong()).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('skips an unusable 仿宋 and takes the next usable one', async () => {
    const cff = new Uint8Array(64);
    cff.set([0x4f, 0x54, 0x54, 0x4f]);
    vi.stubGlobal('queryLocalFonts', async () => [
      localFont('STFangsong', '华文仿宋', fangsongBytes),
      localFont('FangSong', '仿宋', cff),
    ]);
    const result = await pickLocalFangSong();
    expect(result.ok && result.font.name).toBe('User-NotoSerifSC-Regular');
    expect(result.ok && result.source).toBe('system');
  });

  it('explains why the only 仿宋 cannot be used', async () => {
    const cff = new Uint8Array(64);
    cff.set([0x4f, 0x54, 0x54, 0x4f]);
    vi.stubGlobal('queryLocalFonts', async () => [localFont('FangSong', '仿宋', cff)]);
    const result = await pickLocalFangSong();
    expect(result).toMatchObject({ ok: false, code: 'cff' });
    if (!result.ok) expect(result.message).toMatch(/^本机的“仿宋”不能使用：/);
  });

  it('reads a picked .ttf file', async () => {
    const ok = await readFontFile(new Blob([fangsongBytes.slice()]));
    expect(ok.ok && ok.font.covers('仿'.codePointAt(0) ?? 0)).toBe(true);
    expect(await readFontFile(new Blob(['not a font']))).toMatchObject({ ok: false, code: 'not-a-font' });
  });
});
