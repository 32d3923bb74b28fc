// Fetching the bundled font's manifest and chunks from the site itself (same origin, under the site's base path),
// only when a PDF is generated. Works on the page and in a Web Worker: it uses fetch, the Cache API and
// `location` from globalThis, nothing of the DOM.
//
// Caching, so that a second PDF fetches nothing:
// - in memory for the life of the page (or worker): the manifest per URL, each chunk per URL;
// - in the Cache API ('lmcx-fonts-v1'): chunks are content-addressed (their file name carries their hash), so a
//   cached chunk is used without asking the server. The manifest is revalidated once per page life
//   (`cache: 'no-cache'`, normally a 304) and read from the Cache API when the network fails, or first of all
//   with `{ manifest: 'cache-first' }`. When a fresh manifest arrives, cached chunks it no longer lists are deleted.
// Without the Cache API (insecure origins, some private modes) everything still works from the network and the
// browser's HTTP cache.

import { UserError } from '../../core/errors';
import { createFontResolver, planFonts, type DocumentText, type ExtraFont, type FontPlan, type FontResolver } from '../../core/pdf/fonts/coverage';
import { validateFontManifest, type FontChunk, type FontManifest } from '../../core/pdf/fonts/manifest';

export const FONT_CACHE_NAME = 'lmcx-fonts-v1';

/** The bundled font's folder under the site's base path, e.g. `/some/sub/fonts/noto-serif-sc/`. */
export function bundledFontBase(basePath: string = import.meta.env.BASE_URL): string {
  return `${basePath.replace(/\/?$/, '/')}fonts/noto-serif-sc/`;
}

export type FontLoadErrorCode = 'cross-origin' | 'network' | 'http' | 'integrity' | 'manifest';

export class FontLoadError extends UserError<FontLoadErrorCode> {
  override readonly name = 'FontLoadError';
  readonly url: string;
  readonly status: number | undefined;
  constructor(code: FontLoadErrorCode, url: string, message: string, status?: number) {
    super(code, message);
    this.url = url;
    this.status = status;
  }
}

export interface FontLoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly filesDone: number;
  readonly filesTotal: number;
}

/** What the loader uses from its surroundings; tests pass their own. */
export interface FontIoEnvironment {
  readonly fetch: typeof fetch;
  /** Undefined where the Cache API is missing. */
  readonly caches: CacheStorage | undefined;
  /** The page's (or worker's) URL: relative base URLs resolve against it and must stay on its origin. */
  readonly location: string;
  /** SHA-256 for checking chunk files against the hash in their name; undefined skips the check. */
  readonly subtle: SubtleCrypto | undefined;
}

export function defaultEnvironment(): FontIoEnvironment {
  const scope: typeof globalThis = globalThis;
  return {
    fetch: scope.fetch.bind(scope),
    caches: 'caches' in scope ? scope.caches : undefined,
    location: scope.location.href,
    subtle: scope.crypto?.subtle,
  };
}

export interface LoadOptions {
  readonly env?: FontIoEnvironment;
}

export interface LoadManifestOptions extends LoadOptions {
  /** 'network-first' (default): revalidate once per page life; 'cache-first': use the Cache API copy if any. */
  readonly manifest?: 'network-first' | 'cache-first';
  /** Forget the in-memory copy and ask again (after a chunk it lists turned out to be gone). */
  readonly reload?: boolean;
}

const manifestMemory = new Map<string, Promise<FontManifest>>();
const chunkMemory = new Map<string, Promise<ArrayBuffer>>();

/** Forgets what was loaded in this page (tests; not needed otherwise). */
export function clearFontMemory(): void {
  manifestMemory.clear();
  chunkMemory.clear();
}

/** The manifest of the bundled font at `baseUrl` (the folder, e.g. {@link bundledFontBase}()). */
export async function loadManifest(baseUrl: string | URL, options: LoadManifestOptions = {}): Promise<FontManifest> {
  const env = options.env ?? defaultEnvironment();
  const url = resolveSameOrigin('manifest.json', baseUrl, env);
  const key = url.href;
  if (options.reload === true) manifestMemory.delete(key);
  let promise = manifestMemory.get(key);
  if (promise === undefined) {
    promise = fetchManifest(url, options.manifest ?? 'network-first', env);
    manifestMemory.set(key, promise);
    promise.catch(() => manifestMemory.delete(key));
  }
  return promise;
}

async function fetchManifest(url: URL, policy: 'network-first' | 'cache-first', env: FontIoEnvironment): Promise<FontManifest> {
  const cache = await openCache(env);
  if (policy === 'cache-first' && cache !== undefined) {
    const cached = await cacheMatch(cache, url);
    if (cached !== undefined) {
      try {
        return validateFontManifest(await cached.json());
      } catch {
        // Fall through to the network.
      }
    }
  }
  let response: Response;
  try {
    response = await env.fetch(url.href, { mode: 'same-origin', credentials: 'same-origin', cache: 'no-cache' });
  } catch (error) {
    const cached = cache === undefined ? undefined : await cacheMatch(cache, url);
    if (cached !== undefined) return validateFontManifest(await cached.json());
    throw new FontLoadError('network', url.href, `无法下载字体清单（${describe(error)}），请检查网络后重试。`);
  }
  if (!response.ok) {
    throw new FontLoadError('http', url.href, `无法下载字体清单：服务器返回 ${response.status}。`, response.status);
  }
  const text = await response.text();
  let manifest: FontManifest;
  try {
    manifest = validateFontManifest(JSON.parse(text));
  } catch (error) {
    throw new FontLoadError('manifest', url.href, error instanceof Error ? error.message : '字体清单无法解析。');
  }
  if (cache !== undefined) {
    await cachePut(cache, url, new Response(text, { headers: { 'content-type': 'application/json' } }));
    await pruneCache(cache, url, manifest);
  }
  return manifest;
}

/** Deletes cached chunks of this folder that the manifest no longer lists (left by an earlier deploy). */
async function pruneCache(cache: Cache, manifestUrl: URL, manifest: FontManifest): Promise<void> {
  try {
    const folder = new URL('./', manifestUrl).href;
    const keep = new Set(manifest.chunks.map((chunk) => new URL(chunk.file, folder).href));
    keep.add(manifestUrl.href);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(folder) && !keep.has(request.url)) await cache.delete(request);
    }
  } catch {
    // Pruning is housekeeping only.
  }
}

/** A chunk to load: its file name, or its manifest entry (which gives its size for progress and checking). */
export type ChunkRef = string | Pick<FontChunk, 'file' | 'bytes'>;

/**
 * Loads chunk files from `baseUrl` (same origin only): memory, then the Cache API, then the network (verified
 * against the manifest's size, the TrueType signature and the hash in the name, then cached). Returns file ->
 * bytes. The buffers are shared with later calls: read them, do not transfer or modify them.
 */
export async function loadFontChunks(
  baseUrl: string | URL,
  files: readonly ChunkRef[],
  onProgress?: (progress: FontLoadProgress) => void,
  options: LoadOptions = {},
): Promise<Map<string, ArrayBuffer>> {
  const env = options.env ?? defaultEnvironment();
  const refs = files.map((ref) => (typeof ref === 'string' ? { file: ref, bytes: undefined } : ref));
  const loaded = new Map<string, number>();
  const totalBytes = refs.reduce((sum, ref) => sum + (ref.bytes ?? 0), 0);
  let filesDone = 0;
  const report = (): void => {
    if (onProgress === undefined) return;
    let loadedBytes = 0;
    for (const bytes of loaded.values()) loadedBytes += bytes;
    onProgress({ loadedBytes, totalBytes: Math.max(totalBytes, loadedBytes), filesDone, filesTotal: refs.length });
  };
  report();
  const cache = await openCache(env);
  const entries = await Promise.all(
    refs.map(async (ref): Promise<[string, ArrayBuffer]> => {
      const url = resolveSameOrigin(ref.file, baseUrl, env);
      let promise = chunkMemory.get(url.href);
      if (promise !== undefined) {
        const memo = await promise.catch(() => undefined);
        if (memo === undefined || memo.byteLength === 0) promise = undefined; // failed before, or detached
      }
      if (promise === undefined) {
        promise = loadChunk(url, ref.file, ref.bytes, cache, env, (bytes) => {
          loaded.set(ref.file, bytes);
          report();
        });
        chunkMemory.set(url.href, promise);
        promise.catch(() => chunkMemory.delete(url.href));
      }
      const buffer = await promise;
      loaded.set(ref.file, buffer.byteLength);
      filesDone += 1;
      report();
      return [ref.file, buffer];
    }),
  );
  return new Map(entries);
}

async function loadChunk(
  url: URL,
  file: string,
  expectedBytes: number | undefined,
  cache: Cache | undefined,
  env: FontIoEnvironment,
  onBytes: (bytes: number) => void,
): Promise<ArrayBuffer> {
  if (cache !== undefined) {
    const cached = await cacheMatch(cache, url);
    if (cached !== undefined) {
      const buffer = await cached.arrayBuffer();
      if (await verifyChunk(buffer, file, expectedBytes, env)) return buffer;
      await cache.delete(url.href).catch(() => false);
    }
  }
  let response: Response;
  try {
    response = await env.fetch(url.href, { mode: 'same-origin', credentials: 'same-origin' });
  } catch (error) {
    throw new FontLoadError('network', url.href, `无法下载字体文件 ${file}（${describe(error)}），请检查网络后重试。`);
  }
  if (!response.ok) {
    throw new FontLoadError('http', url.href, `无法下载字体文件 ${file}：服务器返回 ${response.status}。`, response.status);
  }
  const buffer = await readBody(response, onBytes);
  if (!(await verifyChunk(buffer, file, expectedBytes, env))) {
    throw new FontLoadError('integrity', url.href, `字体文件 ${file} 下载后校验不符，请重试。`);
  }
  if (cache !== undefined) {
    await cachePut(cache, url, new Response(buffer, { headers: { 'content-type': 'font/ttf' } })); // copies the bytes
  }
  return buffer;
}

async function readBody(response: Response, onBytes: (bytes: number) => void): Promise<ArrayBuffer> {
  if (response.body === null) {
    const buffer = await response.arrayBuffer();
    onBytes(buffer.byteLength);
    return buffer;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.byteLength;
    onBytes(length);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out.buffer;
}

/** Size as in the manifest, TrueType signature, and the SHA-256 prefix in `cNNN-<hash8>.ttf` when crypto is there. */
async function verifyChunk(buffer: ArrayBuffer, file: string, expectedBytes: number | undefined, env: FontIoEnvironment): Promise<boolean> {
  if (expectedBytes !== undefined && buffer.byteLength !== expectedBytes) return false;
  if (buffer.byteLength < 12 || new DataView(buffer).getUint32(0) !== 0x00010000) return false;
  const hash = /-([0-9a-f]{8})\.ttf$/.exec(file)?.[1];
  if (hash === undefined || env.subtle === undefined) return true;
  const digest = new Uint8Array(await env.subtle.digest('SHA-256', buffer));
  const hex = [...digest.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex === hash;
}

export interface BundledFonts {
  readonly manifest: FontManifest;
  readonly plan: FontPlan;
  readonly resolver: FontResolver;
  /** Chunk file -> bytes, for every chunk the plan needs. */
  readonly chunks: ReadonlyMap<string, ArrayBuffer>;
}

export interface LoadBundledFontsOptions extends LoadManifestOptions {
  readonly extraFonts?: readonly ExtraFont[];
  readonly onProgress?: (progress: FontLoadProgress) => void;
}

/**
 * Plans the fonts for a document's texts and loads the chunks it needs. Does not fail on unprintable characters:
 * the caller reads `plan.unprintable` and stops or substitutes. If a chunk is gone from the server (the site was
 * redeployed with a new font build while an old manifest was in use), reloads the manifest and tries once more.
 */
export async function loadBundledFonts(
  baseUrl: string | URL,
  texts: readonly DocumentText[],
  options: LoadBundledFontsOptions = {},
): Promise<BundledFonts> {
  const extraFonts = options.extraFonts ?? [];
  const attempt = async (reload: boolean): Promise<BundledFonts> => {
    const manifest = await loadManifest(baseUrl, { ...options, reload });
    const plan = planFonts(texts, manifest, extraFonts);
    const sizes = new Map(manifest.chunks.map((chunk) => [chunk.file, chunk.bytes]));
    const refs = plan.chunks.map((file) => ({ file, bytes: sizes.get(file) ?? 0 }));
    const loadOptions: LoadOptions = options.env === undefined ? {} : { env: options.env };
    const chunks = await loadFontChunks(baseUrl, refs, options.onProgress, loadOptions);
    return { manifest, plan, resolver: createFontResolver(manifest, extraFonts), chunks };
  };
  try {
    return await attempt(options.reload === true);
  } catch (error) {
    if (error instanceof FontLoadError && error.code === 'http' && error.status === 404) return attempt(true);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------

function resolveSameOrigin(file: string, baseUrl: string | URL, env: FontIoEnvironment): URL {
  const page = new URL(env.location);
  const folder = new URL(String(baseUrl).replace(/\/?$/, '/'), page);
  const url = new URL(file, folder);
  if (url.origin !== page.origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new FontLoadError('cross-origin', url.href, '字体只能从本网站加载。');
  }
  return url;
}

async function openCache(env: FontIoEnvironment): Promise<Cache | undefined> {
  if (env.caches === undefined) return undefined;
  try {
    return await env.caches.open(FONT_CACHE_NAME);
  } catch {
    return undefined; // e.g. storage disabled
  }
}

async function cacheMatch(cache: Cache, url: URL): Promise<Response | undefined> {
  try {
    return await cache.match(url.href);
  } catch {
    return undefined;
  }
}

async function cachePut(cache: Cache, url: URL, response: Response): Promise<void> {
  try {
    await cache.put(url.href, response);
  } catch {
    // Quota exceeded or storage disabled: the next PDF fetches again (or uses the HTTP cache).
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
