// Reading a zip the reviewer picked, through @zip.js/zip.js: the central directory first, each entry's bytes only
// when asked for, from slices of the Blob, so a package is never loaded whole. The one module that touches the
// library (kept small so that other readers can share it).
//
// Names: an entry written with the UTF-8 flag is UTF-8; otherwise the Info-ZIP Unicode Path field (0x7075) wins
// when its CRC matches (zip.js checks it); otherwise valid UTF-8 is UTF-8 (macOS, Java) and the rest is GBK, as
// Chinese Windows writes it. Workers are off: zip.js would start blob: workers, which the site's CSP forbids.
import { BlobReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';

export interface ZipItem {
  /** The entry's name as stored, "/"-separated (never rewritten: checks look at it as it is). */
  name: string;
  directory: boolean;
  encrypted: boolean;
  /** Declared sizes from the central directory. */
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated, anything else unsupported here. */
  method: number;
  /** Offset of the local file header. */
  localHeaderOffset: number;
}

export interface OpenedZip {
  items: ZipItem[];
  /** zip.js's own notes on odd structure (data before or after the archive, unsorted entries …). */
  warnings: string[];
  entry(item: ZipItem): FileEntry | undefined;
  close(): Promise<void>;
}

/** A zip that cannot be read at all (not a zip, truncated, encrypted directory …). */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
}

/** The entry's content does not match what the directory declares (size or CRC-32), or it cannot be inflated. */
export class EntryReadError extends Error {
  override readonly name = 'EntryReadError';
  readonly kind: 'too-large' | 'damaged' | 'unsupported';
  constructor(kind: EntryReadError['kind'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

function decodeName(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding.toLowerCase() === 'utf-8') return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return gbk.decode(bytes);
  }
}

const READER_OPTIONS = {
  useWebWorkers: false,
  // Checks are ours, in Chinese and per entry: zip.js must list every name, even unsafe ones, never throw.
  filenameValidation: 'tolerant',
  strictness: 'balanced',
  decodeText: decodeName,
} as const;

export async function openZip(blob: Blob): Promise<OpenedZip> {
  const reader = new ZipReader(new BlobReader(blob), READER_OPTIONS);
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch (error) {
    await reader.close().catch(() => undefined);
    throw new ZipReadError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const byItem = new Map<ZipItem, FileEntry>();
  const items = entries.map((entry) => {
    const item: ZipItem = {
      name: entry.filename,
      directory: entry.directory,
      encrypted: entry.encrypted,
      compressedSize: Number(entry.compressedSize),
      size: Number(entry.uncompressedSize),
      method: entry.compressionMethod,
      localHeaderOffset: Number(entry.offset),
    };
    if (!entry.directory) byItem.set(item, entry as FileEntry);
    return item;
  });
  return {
    items,
    warnings: (reader.warnings ?? []).map((w) => w.reason),
    entry: (item) => byItem.get(item),
    close: () => reader.close(),
  };
}

export interface ReadOptions {
  /** Refuse beyond this many bytes of output, whatever the directory says (a bomb stops here). */
  maxBytes: number;
  signal?: AbortSignal;
}

/**
 * Streams one entry's uncompressed bytes to `onChunk`, stopping at the declared size (and `maxBytes`): an entry
 * that inflates to more than its directory says is damaged or hostile, and is never read further. The CRC-32 is
 * checked at the end.
 */
export async function streamEntry(zip: OpenedZip, item: ZipItem, onChunk: (chunk: Uint8Array) => void, options: ReadOptions): Promise<number> {
  const entry = zip.entry(item);
  if (entry === undefined) throw new EntryReadError('unsupported', `${item.name} is a folder`);
  if (item.encrypted) throw new EntryReadError('unsupported', `${item.name} is encrypted`);
  if (item.method !== 0 && item.method !== 8) throw new EntryReadError('unsupported', `${item.name} uses compression method ${item.method}`);
  const limit = Math.min(item.size, options.maxBytes);
  if (item.size > options.maxBytes) throw new EntryReadError('too-large', `${item.name} declares ${item.size} bytes`);
  let written = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      written += chunk.length;
      if (written > limit) throw new EntryReadError('too-large', `${item.name} inflates beyond ${limit} bytes`);
      onChunk(chunk);
    },
  });
  try {
    await entry.getData(sink, { checkSignature: true, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  } catch (error) {
    if (error instanceof EntryReadError) throw error;
    if (options.signal?.aborted === true) throw error;
    // A stream aborted by our own write() surfaces as zip.js's error with ours as the cause.
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof EntryReadError) throw cause;
    throw new EntryReadError('damaged', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (written !== item.size) throw new EntryReadError('damaged', `${item.name}: ${written} bytes instead of ${item.size}`);
  return written;
}

/** The entry's text (UTF-8, a byte order mark dropped), at most `maxBytes` long. */
export async function readEntryText(zip: OpenedZip, item: ZipItem, options: ReadOptions): Promise<string> {
  const chunks: Uint8Array[] = [];
  await streamEntry(zip, item, (chunk) => chunks.push(chunk.slice()), options);
  return new TextDecoder('utf-8').decode(await new Blob(chunks as BlobPart[]).arrayBuffer()).replace(/^\uFEFF/, '');
}

/** 4.3.7: the local header is 30 bytes, then the name and the extra field, then the data. */
async function dataOffset(blob: Blob, item: ZipItem): Promise<number> {
  const header = new DataView(await blob.slice(item.localHeaderOffset, item.localHeaderOffset + 30).arrayBuffer());
  if (header.byteLength < 30 || header.getUint32(0, true) !== 0x04034b50) throw new EntryReadError('damaged', `${item.name}: no local header`);
  return item.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

/**
 * The entry as a Blob to show or keep: a stored entry (video, photos, PDFs) is a slice of the package itself, no
 * copy; a deflated one is inflated into a new Blob, within `maxBytes`.
 */
export async function entryBlob(zip: OpenedZip, blob: Blob, item: ZipItem, type: string, options: ReadOptions): Promise<Blob> {
  if (item.method === 0 && !item.encrypted) {
    const start = await dataOffset(blob, item);
    if (start + item.size > blob.size) throw new EntryReadError('damaged', `${item.name} runs past the end of the file`);
    return blob.slice(start, start + item.size, type);
  }
  const entry = zip.entry(item);
  if (entry === undefined) throw new EntryReadError('unsupported', `${item.name} is a folder`);
  if (item.size > options.maxBytes) throw new EntryReadError('too-large', `${item.name} declares ${item.size} bytes`);
  const chunks: Uint8Array[] = [];
  await streamEntry(zip, item, (chunk) => chunks.push(chunk.slice()), options);
  return new Blob(chunks as BlobPart[], { type });
}
