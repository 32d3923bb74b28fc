import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digestBlob } from '../../src/core/package/digest';

const sha256OfBlob = async (blob: Blob, options?: Parameters<typeof digestBlob>[1]) => (await digestBlob(blob, options)).sha256;

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

describe('CRC-32 and SHA-256 in one streaming pass', () => {
  it('gives the known digests of "" and "abc" (FIPS 180-2 examples)', async () => {
    expect(await sha256OfBlob(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256OfBlob(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the known CRC-32 of "123456789" (0xCBF43926, the check value of CRC-32/ISO-HDLC) and of nothing', async () => {
    expect((await digestBlob(new Blob(['123456789']))).crc32).toBe(0xcbf43926);
    expect((await digestBlob(new Blob([]))).crc32).toBe(0);
  });

  it('matches Node’s own SHA-256 and zlib’s CRC-32 for a Blob of many slices and parts', async () => {
    const data = bytes(9 * 1024 * 1024 + 17);
    const blob = new Blob([data.subarray(0, 1000), data.subarray(1000, 70_000), data.subarray(70_000)]);
    expect(await digestBlob(blob)).toEqual({ sha256: nodeSha256(data), crc32: crc32(data) });
  });

  it('gives each of several digests started at once its own result', async () => {
    const blobs = [bytes(5 * 1024 * 1024), bytes(3), new Uint8Array(0)].map((data) => ({ data, blob: new Blob([data]) }));
    const digests = await Promise.all(blobs.map(({ blob }) => digestBlob(blob)));
    expect(digests).toEqual(blobs.map(({ data }) => ({ sha256: nodeSha256(data), crc32: crc32(data) })));
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
    const { sha256 } = await digestBlob(blob);
    const seconds = (performance.now() - start) / 1000;
    expect(sha256).toBe(createHash('sha256').update(Buffer.concat(Array.from({ length: 64 }, () => chunk))).digest('hex'));
    console.info(`CRC-32 + SHA-256 (hash-wasm over Blob slices): ${(64 / seconds).toFixed(0)} MB/s`);
  });
});
