// SHA-256 of a Blob of any size, read through Blob.stream() one chunk at a time, so a 1 GB video is never
// held whole. crypto.subtle.digest takes only a whole buffer, so the hashing is @noble/hashes' incremental
// SHA-256 (audited, no dependencies, plain JavaScript: runs in Node, in a page and in a Web Worker).
import { sha256 } from '@noble/hashes/sha2.js';

const SLICE_BYTES = 1024 * 1024;

export interface HashOptions {
  /** Called after each chunk (at most 1 MB) with the bytes hashed so far. */
  onProgress?: (bytesDone: number, total: number) => void;
  signal?: AbortSignal;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The SHA-256 of `blob` as 64 lower-case hex digits. Rejects with the signal's reason when aborted. */
export async function sha256OfBlob(blob: Blob, options: HashOptions = {}): Promise<string> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  let done = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      // A stream may hand over a whole in-memory Blob as one chunk (Node does): hashed a slice at a time, so
      // progress and cancelling keep their pace whatever the chunk size.
      for (let at = 0; at < chunk.value.length; at += SLICE_BYTES) {
        signal?.throwIfAborted();
        const slice = chunk.value.subarray(at, at + SLICE_BYTES);
        hash.update(slice);
        done += slice.length;
        onProgress?.(done, blob.size);
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  return toHex(hash.digest());
}
