// The zip itself, from a layout (layout.ts): folders first, then the files in the layout's order, every
// entry stored and dated by China's clock (zipWriter.ts). Pure TypeScript with no DOM: it runs in a Web
// Worker (and under Node for the tests).
//
// Each file is read once, a slice at a time, for its CRC-32 (digest.ts); createPackage hands over the
// digests it already has from its SHA-256 pass, so those files are not read again. The zip is then a Blob
// of header buffers and the files' own Blobs: whatever the video's size, memory stays at one slice.
import { chinaWallClock } from '../draft/chinaTime';
import { digestBlob, type Digest } from './digest';
import { asPackageError, cancelled } from './errors';
import type { PackageLayout } from './layout';
import { writeZip } from './zipWriter';

export interface BuildOptions {
  /** The build time (ISO 8601), written into every entry as China's local time. */
  now: string;
  /** Digests already computed, by Blob: those files are not read again. */
  digests?: ReadonlyMap<Blob, Digest>;
  /** The fraction done, 0 to 1, and the entry being read. Called at most every 0.5 % and at the end. */
  onProgress?: (fraction: number, path: string | null) => void;
  /** Aborting rejects the build with a PackageError whose code is 'cancelled'. */
  signal?: AbortSignal;
}

export async function buildPackage(layout: Pick<PackageLayout, 'folders' | 'entries'>, options: BuildOptions): Promise<Blob> {
  const { signal, onProgress, digests } = options;
  try {
    if (signal?.aborted === true) throw cancelled(signal.reason);
    const toRead = layout.entries.filter(({ data }) => digests?.get(data) === undefined);
    const totalWork = Math.max(1, toRead.reduce((sum, { data }) => sum + data.size, 0));
    let doneWork = 0;
    let reported = -1;
    const crcs = new Map<Blob, number>();
    for (const { path, data } of toRead) {
      const digest = await digestBlob(data, {
        ...(signal === undefined ? {} : { signal }),
        onProgress: (done) => {
          const fraction = Math.min((doneWork + done) / totalWork, 0.999);
          if (fraction - reported < 0.005) return;
          reported = fraction;
          onProgress?.(fraction, path);
        },
      });
      doneWork += data.size;
      crcs.set(data, digest.crc32);
    }
    const crcOf = (data: Blob) => digests?.get(data)?.crc32 ?? crcs.get(data) ?? 0;
    const zip = await writeZip(
      [
        ...layout.folders.map((folder) => ({ path: `${folder}/` })),
        ...layout.entries.map(({ path, data }) => ({ path, data, crc32: crcOf(data) })),
      ],
      // A zip's DOS date and time (APPNOTE 4.4.6) have no time zone: unzip tools show them as local time.
      chinaWallClock(options.now),
    );
    onProgress?.(1, null);
    return zip;
  } catch (error) {
    throw asPackageError(error, signal);
  }
}
