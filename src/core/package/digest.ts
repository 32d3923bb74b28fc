// The CRC-32 (for the zip's headers, APPNOTE 4.4.7) and the SHA-256 (for 材料清单.txt and the draft file's
// manifest) of a Blob of any size, in one pass over it: each slice is read once and fed to both hashers.
// crypto.subtle.digest takes only a whole buffer and cannot stream, so both are hash-wasm's WebAssembly
// hashers (~400 MB/s for SHA-256 against ~110 MB/s for @noble/hashes in JavaScript). They run in the package
// worker, whose script is same-origin and carries no CSP of its own, so the pages' CSP needs no
// 'wasm-unsafe-eval'; and under Node for the tests.
import { crc32, createCRC32, createSHA256, type IHasher } from 'hash-wasm';

/** Read this much at a time: big enough that the reads and the hashers' calls cost little, small beside the heap. */
const SLICE_BYTES = 4 * 1024 * 1024;

export interface Digest {
  /** 64 lower-case hex digits. */
  sha256: string;
  /** Unsigned 32-bit. */
  crc32: number;
}

export interface DigestOptions {
  /** Called after each slice (at most 4 MiB) with the bytes done so far. */
  onProgress?: (bytesDone: number, total: number) => void;
  signal?: AbortSignal;
}

/** hash-wasm's hashers are cheap to reset and costly to create (a WebAssembly instance each): one pair, reused. */
let hashers: Promise<{ sha256: IHasher; crc32: IHasher }> | undefined;

function sharedHashers(): Promise<{ sha256: IHasher; crc32: IHasher }> {
  hashers ??= Promise.all([createSHA256(), createCRC32()]).then(([sha256, crc32]) => ({ sha256, crc32 }));
  return hashers;
}

/** One digest at a time uses the shared hashers; a second caller waits for the first to finish. */
let queue: Promise<unknown> = Promise.resolve();

async function digestNow(blob: Blob, { onProgress, signal }: DigestOptions, withCrc: boolean): Promise<Digest> {
  signal?.throwIfAborted();
  const { sha256, crc32: crc } = await sharedHashers();
  sha256.init();
  crc.init();
  const read = (at: number) => blob.slice(at, Math.min(blob.size, at + SLICE_BYTES)).arrayBuffer();
  // The next slice is being read while this one is hashed.
  let next = blob.size > 0 ? read(0) : null;
  for (let at = 0; next !== null; ) {
    const bytes = new Uint8Array(await next);
    signal?.throwIfAborted();
    if (bytes.length === 0) throw new Error('The file is shorter than its size');
    at += bytes.length;
    next = at < blob.size ? read(at) : null;
    sha256.update(bytes);
    if (withCrc) crc.update(bytes);
    onProgress?.(at, blob.size);
  }
  return { sha256: sha256.digest('hex'), crc32: Number.parseInt(crc.digest('hex'), 16) >>> 0 };
}

function queued<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work);
  queue = result.catch(() => undefined);
  return result;
}

/** CRC-32 and SHA-256 of `blob`, read once, a slice at a time. Rejects with the signal's reason when aborted. */
export function digestBlob(blob: Blob, options: DigestOptions = {}): Promise<Digest> {
  return queued(() => digestNow(blob, options, true));
}

/**
 * WebCrypto hashes a whole buffer natively (SHA extensions where the CPU has them: ~4× hash-wasm), so a Blob up
 * to this size is read whole; 64 MiB held at a time is little beside what a browser tab uses.
 */
const WHOLE_BYTES = 64 * 1024 * 1024;

/**
 * The SHA-256 alone, as fast as the platform allows: WebCrypto for a Blob up to 64 MiB, where it exists (secure
 * contexts, Node); otherwise hash-wasm streaming a slice at a time. For checking files against a list of
 * hashes (the review desk), where a CRC-32 adds nothing.
 */
export async function sha256Blob(blob: Blob, options: DigestOptions = {}): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined || blob.size > WHOLE_BYTES) return (await queued(() => digestNow(blob, options, false))).sha256;
  options.signal?.throwIfAborted();
  const bytes = await blob.arrayBuffer();
  if (bytes.byteLength !== blob.size) throw new Error('The file is shorter than its size');
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  options.signal?.throwIfAborted();
  options.onProgress?.(blob.size, blob.size);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The CRC-32 of a few bytes (a name, for the 0x7075 field). */
export async function crc32OfBytes(bytes: Uint8Array): Promise<number> {
  return Number.parseInt(await crc32(bytes), 16) >>> 0;
}
