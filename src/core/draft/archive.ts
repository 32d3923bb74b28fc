// The export file of one draft and its reader. A zip holding
//   manifest.json             what the file is: format, version, the draft's meta, each attachment's checksum
//   application.json          the data in the contract's shape, so it also imports as a plain application
//   attachments/<id>/<name>   the files' bytes
// Reading accepts such a zip, a submission package (its application.json becomes the draft's data), or a plain
// JSON (an application.json or a stored draft record) and always makes a new draft of it, so importing never
// overwrites an existing one.
//
// Both ways go through the package's zip code: the writer (every entry stored, CRC-32 and SHA-256 from one
// pass over each file, the zip a Blob of headers and the files' own Blobs) and the reader (central directory
// first, then each entry through Blob slices). A draft with a 2 GB video is exported and imported without
// the video being loaded into memory. Files written by jszip before (deflated text) still import.
import { DEFAULT_MAX_BYTES, findForbiddenKey, isObject, type JsonObject } from '../application/importJson';
import { ATTACHMENT_RULES } from '../attachments/rules';
import { digestBlob } from '../package/digest';
import { PACKAGE_FORMAT_VERSION } from '../package/manifest';
import { openZip, ZipReadError, type ZipArchive } from '../package/zipReader';
import { writeZip } from '../package/zipWriter';
import { chinaWallClock } from './chinaTime';
import { damaged, entryTooLarge, forbiddenKey, newerVersion, notADraft, tooLarge, type DraftSource } from './messages';
import { portableFileName } from './names';
import { refuseHugeFields, restoreAttachmentMeta, restoreDraft, restoreFormatVersion } from './restore';
import { APPLICATION_JSON_FORMAT, DRAFT_FORMAT_VERSION, type AttachmentMeta, type Draft, type DraftAttachment, type DraftMeta } from './types';
import { newId as randomId } from './newId';

export const DRAFT_ARCHIVE_FORMAT = 'nanchang-lmcx-draft';
/** The most a draft can hold: every category full, plus its two JSON files. Only a wrong choice of file is bigger. */
export const DEFAULT_MAX_DRAFT_FILE_BYTES =
  Object.values(ATTACHMENT_RULES).reduce((sum, { maxBytes, maxFiles }) => sum + maxBytes * maxFiles, 0) + 2 * DEFAULT_MAX_BYTES;

/**
 * What a draft file's application.json may inflate to. Above the plain-JSON limit: the 申报材料 alone may hold
 * 10 × 50,000 characters (1.5 MB of UTF-8), and an over-long field must be read to be named (cleanText.ts
 * refuses it by name); still bounded, so a zip bomb stops here.
 */
const MAX_APPLICATION_ENTRY_BYTES = 256 * 1024 * 1024;

const MANIFEST_PATH = 'manifest.json';
const APPLICATION_PATH = 'application.json';
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", APPNOTE 4.3.7 local file header

type ManifestAttachment = Omit<AttachmentMeta, 'draftId'> & { path: string; sha256: string };

interface Manifest {
  format: typeof DRAFT_ARCHIVE_FORMAT;
  formatVersion: number;
  exportedAt: string;
  draft: Omit<DraftMeta, 'deletedAt'>;
  attachments: ManifestAttachment[];
}

export interface DraftFileContents {
  draft: Draft;
  attachments: DraftAttachment[];
  /** Fields this version does not know, left out of the draft (named as 「封面」中的“x”). */
  dropped: string[];
  /** The file was a submission package (申报材料包): only its application data is imported. */
  fromPackage: boolean;
}

export interface ReadDraftOptions {
  maxBytes?: number;
  /** The import time (ISO 8601), used for a version 0 file's dates and title; the clock by default. */
  now?: string;
  /** Ids for the new draft and its attachments; randomId by default. */
  newId?: () => string;
  signal?: AbortSignal;
}

function manifestAttachment(meta: AttachmentMeta, path: string, sha256: string): ManifestAttachment {
  const { id, category, name, type, size, caption, order, addedAt } = meta;
  return { id, category, name, type, size, ...(caption === undefined ? {} : { caption }), order, addedAt, path, sha256 };
}

export interface BuildDraftOptions {
  signal?: AbortSignal;
  /** Bytes of the attachments read so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

export async function buildDraftArchive(draft: Draft, attachments: readonly DraftAttachment[], now: string, options: BuildDraftOptions = {}): Promise<Blob> {
  const { signal, onProgress } = options;
  const total = attachments.reduce((sum, { data }) => sum + data.size, 0);
  let done = 0;
  const files: { path: string; data: Blob; crc32: number }[] = [];
  const entries: ManifestAttachment[] = [];
  for (const { meta, data } of attachments) {
    const digest = await digestBlob(data, { ...(signal === undefined ? {} : { signal }), onProgress: (bytes) => onProgress?.(done + bytes, total) });
    done += data.size;
    const path = `attachments/${portableFileName(meta.id, 'attachment')}/${portableFileName(meta.name, 'attachment')}`;
    files.push({ path, data, crc32: digest.crc32 });
    entries.push(manifestAttachment(meta, path, digest.sha256));
  }
  const { id, title, createdAt, updatedAt } = draft;
  const manifest: Manifest = {
    format: DRAFT_ARCHIVE_FORMAT,
    formatVersion: DRAFT_FORMAT_VERSION,
    exportedAt: now,
    draft: { id, title, formatVersion: DRAFT_FORMAT_VERSION, createdAt, updatedAt },
    attachments: entries,
  };
  const json = async (path: string, value: unknown) => {
    const data = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
    return { path, data, crc32: (await digestBlob(data)).crc32 };
  };
  // No folder entries: unzip tools create folders anyway. Dated by the clock in China (zipWriter.ts).
  return writeZip([await json(MANIFEST_PATH, manifest), await json(APPLICATION_PATH, draft.data), ...files], chinaWallClock(now));
}

async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, ZIP_SIGNATURE.length).arrayBuffer());
  return ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
}

/** A draft made from an imported one: a new id, and never in the recycle bin. */
function asImported({ title, formatVersion, createdAt, updatedAt, data }: Draft, id: string): Draft {
  return { id, title, formatVersion, createdAt, updatedAt, data };
}

function parseJson(text: string, what: string, source: DraftSource): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw damaged(source, `${what}不是完整的 JSON 数据`, error);
  }
}

function isPackageJson(value: unknown): value is JsonObject {
  return isObject(value) && value['format'] === APPLICATION_JSON_FORMAT && Object.hasOwn(value, 'data');
}

/** The application.json of a submission package carries the data in an envelope: a draft is made of `data`. */
function unwrapPackageJson(value: unknown, source: DraftSource): unknown {
  if (!isPackageJson(value)) return value;
  const version = value['formatVersion'];
  if (typeof version === 'number' && version > PACKAGE_FORMAT_VERSION) throw newerVersion(source, version);
  return value['data'];
}

async function readJsonFile(file: Blob, source: DraftSource, now: string, newId: () => string): Promise<DraftFileContents> {
  // A plain JSON is text only: the importer's limit for application.json applies.
  if (file.size > DEFAULT_MAX_BYTES) throw tooLarge(source, file.size, DEFAULT_MAX_BYTES);
  const text = await file.text();
  if (!/^\uFEFF?\s*[{[]/.test(text)) throw notADraft(source);
  const id = newId();
  const dropped: string[] = [];
  const draft = restoreDraft(unwrapPackageJson(parseJson(text, '文件内容', source), source), now, { newId: () => id, source, onDropped: (f) => dropped.push(...f) });
  return { draft: asImported(draft, id), attachments: [], dropped, fromPackage: false };
}

/** A submission package holds {推荐单位}-{工作室名称}-申报材料/application.json: a draft is made of its data. */
async function readPackage(zip: ZipArchive, source: DraftSource, now: string, newId: () => string): Promise<DraftFileContents | undefined> {
  const [entry, ...more] = zip.entries.filter(({ name, directory }) => !directory && /^[^/]+\/application\.json$/.test(name));
  if (entry === undefined || more.length > 0) return undefined;
  const text = (await readText(zip, entry.name, source, MAX_APPLICATION_ENTRY_BYTES)) ?? '';
  refuseHugeFields(text, source, 'data');
  const value = parseJson(text, '申报表数据 application.json ', source);
  if (!isPackageJson(value)) return undefined;
  const id = newId();
  const dropped: string[] = [];
  const draft = restoreDraft(unwrapPackageJson(value, source), now, { newId: () => id, source, onDropped: (f) => dropped.push(...f) });
  return { draft: asImported(draft, id), attachments: [], dropped, fromPackage: true };
}

/** A refusal of the zip reader as the DraftError that names the file. */
function asDraftError(error: unknown, source: DraftSource): unknown {
  if (!(error instanceof ZipReadError)) return error;
  return error.code === 'too-large' ? entryTooLarge(source, error.message, error) : damaged(source, error.message, error);
}

/** The entry's text, or undefined when the zip has no such entry; held to the importer's limit unless given another. */
async function readText(zip: ZipArchive, path: string, source: DraftSource, maxBytes = DEFAULT_MAX_BYTES): Promise<string | undefined> {
  const entry = zip.get(path);
  if (entry === undefined) return undefined;
  try {
    return await zip.text(entry, maxBytes);
  } catch (error) {
    throw asDraftError(error, source);
  }
}

async function readManifest(zip: ZipArchive, source: DraftSource): Promise<{ draft: JsonObject; attachments: unknown[] }> {
  const text = await readText(zip, MANIFEST_PATH, source);
  if (text === undefined) throw notADraft(source);
  const manifest = parseJson(text, '草稿清单 manifest.json ', source);
  if (!isObject(manifest) || manifest['format'] !== DRAFT_ARCHIVE_FORMAT) throw notADraft(source);
  const forbidden = findForbiddenKey(manifest);
  if (forbidden !== undefined) throw forbiddenKey(source, forbidden);
  // Checked before anything else is read: a newer format may lay out the rest differently.
  restoreFormatVersion(manifest['formatVersion'], source);
  const { draft, attachments } = manifest;
  if (!isObject(draft) || !Array.isArray(attachments)) throw damaged(source, '草稿清单 manifest.json 不完整');
  return { draft, attachments };
}

async function readAttachment(zip: ZipArchive, entry: unknown, draftId: string, source: DraftSource, signal?: AbortSignal): Promise<DraftAttachment> {
  if (!isObject(entry)) throw damaged(source, '草稿清单中有无效的附件记录');
  const meta = restoreAttachmentMeta(entry, draftId, source);
  const { path, sha256 } = entry;
  if (typeof path !== 'string' || typeof sha256 !== 'string') throw damaged(source, `附件“${meta.name}”的记录不完整`);
  const zipEntry = zip.get(path);
  if (zipEntry === undefined || zipEntry.directory) throw damaged(source, `缺少附件“${meta.name}”`);
  let read: { data: Blob; sha256: string };
  try {
    // No attachment of its category can be larger (src/core/attachments/rules.ts): more is a damaged or forged file.
    read = await zip.read(zipEntry, { maxBytes: ATTACHMENT_RULES[meta.category].maxBytes, ...(signal === undefined ? {} : { signal }) });
  } catch (error) {
    throw asDraftError(error, source);
  }
  if (read.data.size !== meta.size || read.sha256 !== sha256.toLowerCase()) throw damaged(source, `附件“${meta.name}”的内容与记录不符`);
  // A Blob of the slice: the type set, nothing copied.
  return { meta, data: new Blob([read.data], { type: meta.type }) };
}

async function readArchive(file: Blob, source: DraftSource, now: string, newId: () => string, signal?: AbortSignal): Promise<DraftFileContents> {
  let zip: ZipArchive;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw asDraftError(error, source);
  }
  if (zip.get(MANIFEST_PATH) === undefined) {
    const fromPackage = await readPackage(zip, source, now, newId);
    if (fromPackage) return fromPackage;
  }
  const manifest = await readManifest(zip, source);
  const applicationText = await readText(zip, APPLICATION_PATH, source, MAX_APPLICATION_ENTRY_BYTES);
  if (applicationText === undefined) throw damaged(source, '缺少申报表数据 application.json');
  refuseHugeFields(applicationText, source);
  const data = parseJson(applicationText, '申报表数据 application.json ', source);
  const id = newId();
  const dropped: string[] = [];
  const draft = asImported(restoreDraft({ ...manifest.draft, data }, now, { source, onDropped: (f) => dropped.push(...f) }), id);
  const attachments: DraftAttachment[] = [];
  for (const entry of manifest.attachments) {
    const { meta, data: bytes } = await readAttachment(zip, entry, id, source, signal);
    attachments.push({ meta: { ...meta, id: newId() }, data: bytes });
  }
  return { draft, attachments, dropped, fromPackage: false };
}

/** Reads a file chosen for import; throws DraftError, whose message names the file and says what to do. */
export async function readDraftFile(file: Blob, name: string, options: ReadDraftOptions = {}): Promise<DraftFileContents> {
  const source: DraftSource = { kind: 'file', name };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DRAFT_FILE_BYTES;
  const now = options.now ?? new Date().toISOString();
  const newId = options.newId ?? randomId;
  if (file.size > maxBytes) throw tooLarge(source, file.size, maxBytes);
  return (await isZip(file)) ? readArchive(file, source, now, newId, options.signal) : readJsonFile(file, source, now, newId);
}
