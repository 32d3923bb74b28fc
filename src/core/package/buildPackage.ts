// The zip itself, built with jszip from a layout (layout.ts). Pure TypeScript with no DOM: it runs in a Web
// Worker (and under Node for the tests). Names are written as zipNames.ts explains; dates are China's.
//
// Why `streamFiles: false`: with `streamFiles: true` jszip writes each entry's CRC and sizes in a data
// descriptor after the data (APPNOTE 4.3.9, general purpose bit 3). Info-ZIP unzip 6.0 as Debian and Ubuntu
// ship it (with the CVE-2019-13232 "overlapped components" check) refuses an archive in which an entry has
// a data descriptor, a name that is not UTF-8 (our GBK names) and a 0x7075 field: "invalid zip file with
// overlapped components (possible zip bomb)". Measured with unzip 6.0-28 on hand-made archives: any two
// of the three pass, all three fail. Without data descriptors the CRC and sizes are in the local header,
// which every reader handles. It costs no memory here, see below.
//
// Memory, for a package with a 1 GB video:
//   - Each file is read whole, once, when its turn comes (readEntry; jszip itself would read every Blob
//     as soon as it is added and keep them all). The next file is read only after jszip has written the
//     previous one out, so one file is in memory at a time: the video's ~1 GB of worker heap is the peak.
//     Avoiding even that would mean writing STORE entries without jszip, with the Blob itself as a part of
//     the output.
//   - jszip cuts the bytes into 16 KB views of that same buffer and, without streamFiles, keeps the views
//     until the entry is complete: no copy. Deflated text is small.
//   - The output is never one buffer: chunks are gathered into Blobs of at most 8 MB (and at the end of
//     each entry, so no view keeps a finished file's buffer alive), and the result is a Blob made of those
//     parts. Browsers keep Blob data outside the JavaScript heap (Chrome moves it to disk beyond its memory
//     quota). generateAsync({ type: 'blob' }) would instead join every chunk into one Uint8Array the size of
//     the package and copy that into a Blob: twice the package in memory.
//   - setLanguageEncodingFlag reads only the central directory and 30 bytes per UTF-8 entry; its result is
//     slices of the parts, not a copy.
import JSZip from 'jszip';
import { chinaWallClock } from '../draft/chinaTime';
import { asPackageError, cancelled, PackageError } from './errors';
import { estimatePackageSize, type PackageEntry, type PackageLayout } from './layout';
import { createNameEncoder, setLanguageEncodingFlag } from './zipNames';

/** jszip writes no Zip64 records (APPNOTE 4.3.14): sizes and offsets must fit in 32 bits, entries in 16. */
export const MAX_PACKAGE_BYTES = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Output chunks are gathered into Blobs of at most this size. */
const PART_BYTES = 8 * 1024 * 1024;

export interface BuildOptions {
  /** The build time (ISO 8601), written into every entry as China's local time. */
  now: string;
  /** The fraction done, 0 to 1, and the entry being worked on. Called at most every 0.5 % and at the end. */
  onProgress?: (fraction: number, path: string | null) => void;
  /** Aborting rejects the build with a PackageError whose code is 'cancelled'. */
  signal?: AbortSignal;
}

/**
 * One file's bytes as handed to jszip. jszip's DataWorker takes them 16 KB at a time with subarray(),
 * which reports how far it has got: the progress of the CRC and compression pass, which emits nothing
 * until the entry is complete. Views it makes are plain Uint8Arrays.
 */
class WatchedBytes extends Uint8Array {
  static get [Symbol.species](): Uint8ArrayConstructor {
    return Uint8Array;
  }

  onTaken: (end: number) => void = () => undefined;

  override subarray(begin?: number, end?: number): Uint8Array<ArrayBuffer> {
    const view = super.subarray(begin, end);
    this.onTaken(view.byteOffset - this.byteOffset + view.length);
    return view;
  }
}

/** The whole of `blob`, read through its stream so that progress and cancelling work during the read. */
async function readEntry(blob: Blob, onRead: (bytes: number) => void, signal?: AbortSignal): Promise<WatchedBytes> {
  const bytes = new WatchedBytes(blob.size);
  const reader = blob.stream().getReader();
  let at = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      signal?.throwIfAborted();
      if (at + chunk.value.length > bytes.length) throw new Error('The file grew while it was being read');
      bytes.set(chunk.value, at);
      at += chunk.value.length;
      onRead(at);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  if (at !== bytes.length) throw new Error('The file is shorter than its size');
  return bytes;
}

export async function buildPackage(layout: Pick<PackageLayout, 'folders' | 'entries'>, options: BuildOptions): Promise<Blob> {
  const { signal, onProgress } = options;
  if (signal?.aborted === true) throw cancelled(signal.reason);
  if (estimatePackageSize(layout) > MAX_PACKAGE_BYTES || layout.entries.length + layout.folders.length > MAX_ENTRIES) {
    throw new PackageError('too-large', '材料合计超过 4 GB，无法打成一个压缩包。请压缩视频或删去部分附件后重试。');
  }

  // A zip's DOS date and time (APPNOTE 4.4.6) have no time zone: unzip tools show them as local time.
  // jszip fills them from the UTC getters (getUTCHours …), so a Date shifted to China's wall clock makes
  // Chinese Windows show the real build time, whatever zone this machine is in.
  const date = chinaWallClock(options.now);
  const zip = new JSZip();
  const folders = new Set<string>();
  const addFolders = (path: string) => {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      if (folders.has(folder)) continue;
      folders.add(folder);
      // Folder entries made here rather than by jszip's createFolders, which would date them with the clock.
      zip.file(`${folder}/`, null, { dir: true, date, createFolders: false });
    }
  };
  // Each file's data is a promise resolved when its turn comes (start). jszip writes the entries in the
  // order they were added (a for…in over its files, whose keys are never integers here), one at a time.
  const files: { entry: PackageEntry; start: () => void }[] = [];
  const order = new Map<string, number>();
  for (const folder of layout.folders) addFolders(`${folder}/`);

  // Progress counts each byte twice: read into memory, then taken by jszip for its CRC (and DEFLATE).
  const totalWork = Math.max(1, 2 * layout.entries.reduce((sum, { data }) => sum + data.size, 0));
  let doneWork = 0;
  let reported = -1;
  let current: string | null = null;
  const progress = (work: number) => {
    const fraction = Math.min((doneWork + work) / totalWork, 0.999);
    if (fraction - reported < 0.005) return;
    reported = fraction;
    onProgress?.(fraction, current);
  };

  let fail: (error: unknown) => void = () => undefined;
  for (const entry of layout.entries) {
    addFolders(entry.path);
    let resolve: (bytes: Uint8Array) => void = () => undefined;
    const data = new Promise<Uint8Array>((r) => {
      resolve = r;
    });
    const start = () => {
      current = entry.path;
      const size = entry.data.size;
      readEntry(entry.data, (read) => progress(read), signal).then((bytes) => {
        doneWork += size;
        bytes.onTaken = (taken) => progress(taken);
        resolve(bytes);
      }, (error: unknown) => fail(error));
    };
    order.set(entry.path, files.length);
    files.push({ entry, start });
    zip.file(entry.path, data, { date, binary: true, createFolders: false, compression: entry.compress ? 'DEFLATE' : 'STORE' });
  }

  const names = createNameEncoder();
  const stream = zip.generateInternalStream({
    type: 'uint8array',
    streamFiles: false,
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
    encodeFileName: names.encodeFileName,
  });

  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const onAbort = () => fail(cancelled(signal?.reason));
    const settle = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
    };
    fail = (error) => {
      if (settled) return;
      settle();
      stream.pause();
      parts.length = 0;
      pending = [];
      reject(asPackageError(error, signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let lastEmitted: string | null = null;
    stream
      .on('data', (chunk, metadata) => {
        if (settled) return;
        if (metadata.currentFile !== lastEmitted) {
          lastEmitted = metadata.currentFile;
          const index = lastEmitted === null ? undefined : order.get(lastEmitted);
          if (index !== undefined) {
            // jszip has read and checked this file and now writes it out, all in this same task. Once it has
            // (a microtask later), its buffer is let go and the next file is read.
            const finished = files[index];
            queueMicrotask(() => {
              if (settled || finished === undefined) return;
              flush();
              doneWork += finished.entry.data.size;
              zip.remove(finished.entry.path);
              files[index + 1]?.start();
            });
          }
        }
        // A view of the same bytes, typed as a BlobPart (jszip's chunks are never on a SharedArrayBuffer).
        pending.push(chunk.buffer instanceof ArrayBuffer ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length) : chunk.slice());
        pendingBytes += chunk.length;
        if (pendingBytes >= PART_BYTES) flush();
      })
      .on('error', (error) => fail(error))
      .on('end', () => {
        if (settled) return;
        settle();
        resolve();
      })
      .resume();
    files[0]?.start();
  });
  flush();
  const zipped = new Blob(parts, { type: 'application/zip' });
  const result = await setLanguageEncodingFlag(zipped, names.utf8Names);
  onProgress?.(1, null);
  return result;
}
