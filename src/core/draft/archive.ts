// The export file of one draft and its reader. A zip holding
//   manifest.json             what the file is: format, version, the draft's meta, each attachment's checksum
//   application.json          the data in the contract's shape, so it also imports as a plain application
//   attachments/<id>/<name>   the files' bytes
// Reading accepts such a zip, a submission package (its application.json becomes the draft's data), or a plain
// JSON (an application.json or a stored draft record) and always makes a new draft of it, so importing never
// overwrites an existing one.
import JSZip from 'jszip';
import { DEFAULT_MAX_BYTES, findForbiddenKey, isObject, type JsonObject } from '../application/importJson';
import { chinaDay, chinaWallClock } from './chinaTime';
import { PACKAGE_FORMAT_VERSION } from '../package/manifest';
import { damaged, forbiddenKey, newerVersion, notADraft, tooLarge, type DraftSource } from './messages';
import { portableFileName } from './names';
import { restoreAttachmentMeta, restoreDraft, restoreFormatVersion } from './restore';
import { APPLICATION_JSON_FORMAT, DRAFT_FORMAT_VERSION, type AttachmentMeta, type Draft, type DraftAttachment, type DraftMeta } from './types';

export const DRAFT_ARCHIVE_FORMAT = 'nanchang-lmcx-draft';
export const DEFAULT_MAX_DRAFT_FILE_BYTES = 2 * 1024 ** 3;

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
  /** Ids for the new draft and its attachments; crypto.randomUUID by default. */
  newId?: () => string;
}

/** Formats compressed already: deflating them again costs time and gains nothing. */
const ALREADY_COMPRESSED = /^(?:video|image)\/|^application\/(?:pdf|zip|x-zip-compressed)$/;

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function manifestAttachment(meta: AttachmentMeta, path: string, sha256: string): ManifestAttachment {
  const { id, category, name, type, size, caption, order, addedAt } = meta;
  return { id, category, name, type, size, ...(caption === undefined ? {} : { caption }), order, addedAt, path, sha256 };
}

export async function buildDraftArchive(draft: Draft, attachments: readonly DraftAttachment[], now: string): Promise<Blob> {
  const files: { path: string; bytes: ArrayBuffer; type: string }[] = [];
  const entries: ManifestAttachment[] = [];
  for (const { meta, data } of attachments) {
    // The whole file in memory and hashed in one piece: fine for now; the package issue streams very large files.
    const bytes = await data.arrayBuffer();
    const path = `attachments/${portableFileName(meta.id, 'attachment')}/${portableFileName(meta.name, 'attachment')}`;
    files.push({ path, bytes, type: meta.type });
    entries.push(manifestAttachment(meta, path, await sha256Hex(bytes)));
  }
  const { id, title, createdAt, updatedAt } = draft;
  const manifest: Manifest = {
    format: DRAFT_ARCHIVE_FORMAT,
    formatVersion: DRAFT_FORMAT_VERSION,
    exportedAt: now,
    draft: { id, title, formatVersion: DRAFT_FORMAT_VERSION, createdAt, updatedAt },
    attachments: entries,
  };

  const zip = new JSZip();
  // A zip's DOS date has no time zone and unzip tools show it as local time; jszip fills it from the UTC
  // getters, so a Date shifted to China's wall clock makes Chinese Windows show the real export time.
  // No folder entries: they would carry jszip's own unshifted date, and unzip tools create folders anyway.
  const options = { date: chinaWallClock(now), createFolders: false } as const;
  zip.file(MANIFEST_PATH, JSON.stringify(manifest, null, 2), { ...options, compression: 'DEFLATE' });
  zip.file(APPLICATION_PATH, JSON.stringify(draft.data, null, 2), { ...options, compression: 'DEFLATE' });
  for (const { path, bytes, type } of files) {
    zip.file(path, bytes, { ...options, compression: ALREADY_COMPRESSED.test(type) ? 'STORE' : 'DEFLATE' });
  }
  return zip.generateAsync({ type: 'blob', mimeType: 'application/zip' });
}

/**
 * 草稿备份, 工作室名称 (else the draft's title) and the date in China, e.g. 草稿备份-某某工作室-20210712.zip: it
 * starts differently from the package (申报材料包-…zip) so that the two are never mistaken for each other.
 */
export function draftArchiveName(draft: Draft, now: string): string {
  const base = portableFileName(draft.data.cover.studioName ?? '', '') || portableFileName(draft.title, '未命名草稿');
  return `草稿备份-${base}-${chinaDay(now).replaceAll('-', '')}.zip`;
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
async function readPackage(zip: JSZip, source: DraftSource, now: string, newId: () => string): Promise<DraftFileContents | undefined> {
  const [entry, ...more] = zip.file(/^[^/]+\/application\.json$/);
  if (entry === undefined || more.length > 0) return undefined;
  const value = parseJson(await readEntry(zip, entry.name, 'string', source) ?? '', '申报表数据 application.json ', source);
  if (!isPackageJson(value)) return undefined;
  const id = newId();
  const dropped: string[] = [];
  const draft = restoreDraft(unwrapPackageJson(value, source), now, { newId: () => id, source, onDropped: (f) => dropped.push(...f) });
  return { draft: asImported(draft, id), attachments: [], dropped, fromPackage: true };
}

/** The entry's content, or undefined when the zip has no such entry. */
async function readEntry<T extends 'string' | 'arraybuffer'>(zip: JSZip, path: string, type: T, source: DraftSource) {
  const entry = zip.file(path);
  if (entry === null) return undefined;
  try {
    return await entry.async(type);
  } catch (error) {
    throw damaged(source, `“${path}”无法解压`, error);
  }
}

async function readManifest(zip: JSZip, source: DraftSource): Promise<{ draft: JsonObject; attachments: unknown[] }> {
  const text = await readEntry(zip, MANIFEST_PATH, 'string', source);
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

async function readAttachment(zip: JSZip, entry: unknown, draftId: string, source: DraftSource): Promise<DraftAttachment> {
  if (!isObject(entry)) throw damaged(source, '草稿清单中有无效的附件记录');
  const meta = restoreAttachmentMeta(entry, draftId, source);
  const { path, sha256 } = entry;
  if (typeof path !== 'string' || typeof sha256 !== 'string') throw damaged(source, `附件“${meta.name}”的记录不完整`);
  const bytes = await readEntry(zip, path, 'arraybuffer', source);
  if (bytes === undefined) throw damaged(source, `缺少附件“${meta.name}”`);
  if (bytes.byteLength !== meta.size || (await sha256Hex(bytes)) !== sha256.toLowerCase()) {
    throw damaged(source, `附件“${meta.name}”的内容与记录不符`);
  }
  return { meta, data: new Blob([bytes], { type: meta.type }) };
}

async function readArchive(file: Blob, source: DraftSource, now: string, newId: () => string): Promise<DraftFileContents> {
  let zip: JSZip;
  try {
    // jszip reads a Blob through FileReader, which workers and Node lack; an ArrayBuffer works everywhere.
    zip = await JSZip.loadAsync(await file.arrayBuffer());
  } catch (error) {
    throw damaged(source, '压缩包无法打开', error);
  }
  if (zip.file(MANIFEST_PATH) === null) {
    const fromPackage = await readPackage(zip, source, now, newId);
    if (fromPackage) return fromPackage;
  }
  const manifest = await readManifest(zip, source);
  const applicationText = await readEntry(zip, APPLICATION_PATH, 'string', source);
  if (applicationText === undefined) throw damaged(source, '缺少申报表数据 application.json');
  const data = parseJson(applicationText, '申报表数据 application.json ', source);
  const id = newId();
  const dropped: string[] = [];
  const draft = asImported(restoreDraft({ ...manifest.draft, data }, now, { source, onDropped: (f) => dropped.push(...f) }), id);
  const attachments: DraftAttachment[] = [];
  for (const entry of manifest.attachments) {
    const { meta, data: bytes } = await readAttachment(zip, entry, id, source);
    attachments.push({ meta: { ...meta, id: newId() }, data: bytes });
  }
  return { draft, attachments, dropped, fromPackage: false };
}

/** Reads a file chosen for import; throws DraftError, whose message names the file and says what to do. */
export async function readDraftFile(file: Blob, name: string, options: ReadDraftOptions = {}): Promise<DraftFileContents> {
  const source: DraftSource = { kind: 'file', name };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DRAFT_FILE_BYTES;
  const now = options.now ?? new Date().toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  if (file.size > maxBytes) throw tooLarge(source, file.size, maxBytes);
  return (await isZip(file)) ? readArchive(file, source, now, newId) : readJsonFile(file, source, now, newId);
}
