import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OfBlob } from '../../src/core/package/sha256';

/** Deterministic bytes that no two offsets repeat in step. */
function bytes(length: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
  return data;
}

const nodeSha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('streaming SHA-256', () => {
  it('gives the known digests of "" and "abc" (FIPS 180-2 examples)', async () => {
    expect(await sha256OfBlob(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256OfBlob(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches Node’s own SHA-256 for a Blob of many chunks and parts', async () => {
    const data = bytes(3 * 1024 * 1024 + 17);
    const blob = new Blob([data.subarray(0, 1000), data.subarray(1000, 70_000), data.subarray(70_000)]);
    expect(await sha256OfBlob(blob)).toBe(nodeSha256(data));
  });

  it('reports progress chunk by chunk up to the Blob’s size', async () => {
    const data = bytes(5 * 1024 * 1024 + 3);
    const seen: number[] = [];
    await sha256OfBlob(new Blob([data]), { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('stops with the signal’s reason when aborted', async () => {
    const controller = new AbortController();
    const data = bytes(5 * 1024 * 1024);
    const hashing = sha256OfBlob(new Blob([data]), { signal: controller.signal, onProgress: () => controller.abort(new Error('stop')) });
    await expect(hashing).rejects.toThrow('stop');
  });

  // The figure is printed, never asserted: a shared machine, or coverage instrumentation, can be slow.
  it('hashes 64 MB correctly, printing the throughput', { timeout: 120_000 }, async () => {
    const chunk = bytes(1024 * 1024);
    const blob = new Blob(Array.from({ length: 64 }, () => chunk));
    const start = performance.now();
    const digest = await sha256OfBlob(blob);
    const seconds = (performance.now() - start) / 1000;
    console.info(`SHA-256 (@noble/hashes over Blob.stream()): ${(64 / seconds).toFixed(0)} MB/s`);
    expect(digest).toBe(createHash('sha256').update(new Uint8Array(await blob.arrayBuffer())).digest('hex'));
  });
});
