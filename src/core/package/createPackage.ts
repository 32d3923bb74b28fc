// The whole submission package from an application and its files, in the order the work must happen:
// lay the files out, read each once for its SHA-256 (材料清单.txt lists them) and its CRC-32 (the zip's
// headers), write the two text files, write the zip. Only the two text files are read again, for their CRC.
import { candidateTitle, printedRecommender } from '../application/facts';
import type { Application } from '../application/types';
import { buildPackage } from './buildPackage';
import { asPackageError } from './errors';
import { APPLICATION_JSON_NAME, packageLayout, withRootFiles, type LayoutOptions, type PackageInput, type PackageLayout, type SeparateFile } from './layout';
import { applicationJson, materialsList, type ListedFile } from './manifest';
import { digestBlob, type Digest } from './digest';

export interface PackageProgress {
  phase: 'hash' | 'zip';
  /** Of the whole job, 0 to 1. */
  fraction: number;
  /** The path (or, for a separate file, the name) being read. */
  path: string | null;
}

export interface CreatePackageOptions extends LayoutOptions {
  /** ISO 8601; the time written into the package. */
  now: string;
  onProgress?: (progress: PackageProgress) => void;
  signal?: AbortSignal;
}

export interface CreatedPackage {
  zip: Blob;
  zipName: string;
  layout: PackageLayout;
  /** What 材料清单.txt lists: paths relative to the root folder. */
  files: ListedFile[];
  /** Files to send beside the package, with their sizes and SHA-256. */
  separate: (SeparateFile & ListedFile)[];
}

export async function createPackage(
  application: Application,
  files: Pick<PackageInput, 'pdfs' | 'words' | 'attachments'>,
  options: CreatePackageOptions,
): Promise<CreatedPackage> {
  const { now, onProgress, signal } = options;
  try {
    const input: PackageInput = {
      studioName: candidateTitle(application),
      recommender: printedRecommender(application.cover),
      ...files,
    };
    const base = packageLayout(input, options.video === undefined ? {} : { video: options.video });
    const json = applicationJson(application, now);
    const jsonBlob = new Blob([json]);
    const toHash = [
      ...base.entries.map(({ path, data }) => ({ path: path.slice(base.rootFolder.length + 1), data })),
      { path: APPLICATION_JSON_NAME, data: jsonBlob },
      ...base.separate.map(({ name, data }) => ({ path: name, data })),
    ];
    const hashBytes = toHash.reduce((sum, { data }) => sum + data.size, 0);
    // What the zip pass reads: the two text files, small beside the rest (estimated before the list exists).
    const zipBytes = 2 * jsonBlob.size;
    const whole = Math.max(1, hashBytes + zipBytes);

    let reported = -1;
    let reportedPath: string | null = null;
    const report = (phase: PackageProgress['phase'], fraction: number, path: string | null) => {
      if (fraction - reported < 0.005 && path === reportedPath && fraction < 1) return;
      reported = fraction;
      reportedPath = path;
      onProgress?.({ phase, fraction, path });
    };

    const listed: ListedFile[] = [];
    const digests = new Map<Blob, Digest>();
    let hashed = 0;
    for (const { path, data } of toHash) {
      const digest = await digestBlob(data, {
        ...(signal === undefined ? {} : { signal }),
        onProgress: (done) => report('hash', (hashed + done) / whole, path),
      });
      hashed += data.size;
      digests.set(data, digest);
      listed.push({ path, size: data.size, sha256: digest.sha256 });
    }
    const inPackage = listed.slice(0, listed.length - base.separate.length);
    const separateListed = listed.slice(listed.length - base.separate.length);
    const list = materialsList({ application, files: inPackage, separate: separateListed, generatedAt: now });
    const layout = withRootFiles(base, { materialsList: list, applicationJson: json });

    const zip = await buildPackage(layout, {
      now,
      digests,
      ...(signal === undefined ? {} : { signal }),
      onProgress: (fraction, path) => report('zip', (hashBytes + fraction * zipBytes) / whole, path),
    });
    const separate = base.separate.map((file, i) => ({ ...file, ...(separateListed[i] ?? { path: file.name, size: file.data.size, sha256: '' }) }));
    return { zip, zipName: layout.zipName, layout, files: inPackage, separate };
  } catch (error) {
    throw asPackageError(error, signal);
  }
}
