// One file the reviewer opened, checked end to end: a submission package against its own 材料清单.txt (every file
// present with its size and SHA-256, nothing extra), its application.json through the same restore and
// validation as a draft import, and the attachments the notice asks for; or a draft file through the draft
// importer. Pure: the zip is read through ../package/zipReader, the hashes stream, nothing is held whole but the small
// text files.
import type { CompiledValidateFunction } from '@rjsf/validator-ajv8';
import { DEFAULT_MAX_BYTES, isObject } from '../application/importJson';
import type { Application, Issue, NoticeContext } from '../application/types';
import { validateApplication } from '../application/validate';
import { preSendCheck } from '../attachments/preSend';
import { readDraftFile } from '../draft/archive';
import { restoreDraft } from '../draft/restore';
import { APPLICATION_JSON_FORMAT, ATTACHMENT_CATEGORIES, DraftError, isAttachmentCategory, type AttachmentCategory, type AttachmentMeta } from '../draft/types';
import { APPLICATION_JSON_NAME, CATEGORY_FOLDERS, MATERIALS_LIST_NAME, PDF_NAMES } from '../package/layout';
import { PACKAGE_FORMAT_VERSION } from '../package/manifest';
import { createSHA256 } from 'hash-wasm';
import { sha256Blob } from '../package/digest';
import { openZip, ZipReadError, type ZipArchive, type ZipEntryInfo } from '../package/zipReader';
import { checkArchive } from './archiveChecks';
import { readMaterialsList } from './materialsList';
import { pdfInfo } from './pdfInfo';
import type { CheckedFile, DeskReport, Finding, Verdict, VerifyProgress } from './types';

export interface VerifyOptions {
  ctx: NoticeContext;
  /** `validateFns.application` from src/generated/validate-application.js. */
  schemaValidate: CompiledValidateFunction;
  id: string;
  /** ISO 8601, for a bare application's restore. */
  now: string;
  onProgress?: (progress: VerifyProgress) => void;
  signal?: AbortSignal;
}

const MAX_LIST_BYTES = 4 * 1024 * 1024;
const ZIP_SIGNATURE = [0x50, 0x4b];

const FOLDER_CATEGORIES = Object.entries(CATEGORY_FOLDERS).map(([category, folder]) => ({ category: category as AttachmentCategory, folder: `${folder}/` }));
const PDF_FILE_NAMES: ReadonlySet<string> = new Set(Object.values(PDF_NAMES));

/** "04-照片/01-外景.jpg" → photos, caption 外景 (the layout names each attachment "NN-caption.ext"). */
export function classifyPath(path: string): Pick<CheckedFile, 'category' | 'caption'> {
  if (path === MATERIALS_LIST_NAME) return { category: 'list' };
  if (path === APPLICATION_JSON_NAME) return { category: 'data' };
  if (PDF_FILE_NAMES.has(path)) return { category: 'pdf' };
  const match = FOLDER_CATEGORIES.find(({ folder }) => path.startsWith(folder) && !path.slice(folder.length).includes('/'));
  if (match === undefined) return { category: 'unknown' };
  const caption = /^\d+-(.+?)(?:\.[^.]+)?$/.exec(path.slice(match.folder.length))?.[1];
  return caption === undefined ? { category: match.category } : { category: match.category, caption };
}

function mediaType(path: string): string {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const types: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm' };
  return types[extension] ?? '';
}

function verdictOf(findings: readonly Finding[]): Verdict {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.topic === 'archive')) return 'refused';
  if (errors.some((f) => f.topic === 'integrity')) return 'failed';
  return errors.length > 0 ? 'incomplete' : 'passed';
}

function report(base: Pick<DeskReport, 'id' | 'fileName' | 'size' | 'kind'>, findings: Finding[], rest: Partial<DeskReport> = {}): DeskReport {
  return { files: [], missing: [], separate: [], ...base, ...rest, findings, verdict: verdictOf(findings) };
}

/** The application's own check and the notice's required attachments, for a package and a draft alike. */
function contentFindings(app: Application, issues: readonly Issue[], attachments: readonly AttachmentMeta[], videoSentApart: boolean): Finding[] {
  const findings: Finding[] = [];
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) findings.push({ severity: 'error', topic: 'data', text: `申报表有${errors.length}项需要填写或修改（见下方按栏目列出的问题）。` });
  const withVideo = videoSentApart
    ? [...attachments, { id: 'separate-video', draftId: '', category: 'video', name: '', type: '', size: 0, order: 0, addedAt: '' } satisfies AttachmentMeta]
    : attachments;
  for (const item of preSendCheck(app, issues, withVideo, [])) {
    // The application's own advice is listed by field with the issues; what is about attachments counts here.
    if (item.view !== 'attachments') continue;
    findings.push({ severity: 'error', topic: 'attachments', text: item.text.replace(/^还没有添加/, '缺少') });
  }
  return findings;
}

function asMeta(file: CheckedFile, order: number): AttachmentMeta | undefined {
  if (file.category === 'pdf' || file.category === 'list' || file.category === 'data' || file.category === 'unknown') return undefined;
  const meta: AttachmentMeta = { id: file.path, draftId: '', category: file.category, name: file.path.split('/').pop() ?? file.path, type: mediaType(file.path), size: file.size, order, addedAt: '' };
  if (file.caption !== undefined) meta.caption = file.caption;
  return meta;
}

async function isZip(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
}

/** The package's application.json, restored as a draft import restores it. */
function restorePackageData(text: string, now: string): { ok: true; data: Application } | { ok: false; text: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, text: 'application.json 不是完整的 JSON 数据，可能已损坏。' };
  }
  if (!isObject(parsed) || parsed['format'] !== APPLICATION_JSON_FORMAT || !Object.hasOwn(parsed, 'data')) {
    return { ok: false, text: 'application.json 不是本网站生成的申报数据（缺少格式标记），无法核对。' };
  }
  const version = parsed['formatVersion'];
  if (typeof version === 'number' && version > PACKAGE_FORMAT_VERSION) {
    return { ok: false, text: `application.json 由更新版本的申报网站生成（格式版本 ${version}），请刷新本页面使用最新版本后再核对。` };
  }
  try {
    return { ok: true, data: restoreDraft(parsed['data'], now, { source: { kind: 'file', name: APPLICATION_JSON_NAME }, newId: () => 'desk' }).data };
  } catch (error) {
    return { ok: false, text: `application.json 无法读取：${error instanceof DraftError ? error.message : '内容无效'}` };
  }
}

/**
 * SHA-256 of one entry, the only hash taken (the list's SHA-256 says more than the zip's CRC-32, and every byte is
 * read once): a stored entry (videos, photos, PDFs) is a slice of the package, hashed natively where WebCrypto
 * exists (digest.ts); a deflated one is inflated chunk by chunk into hash-wasm up to its declared size, never held.
 */
async function hashEntry(zip: ZipArchive, item: ZipEntryInfo, onBytes: (done: number) => void, signal?: AbortSignal): Promise<string> {
  const abort = signal === undefined ? {} : { signal };
  if (item.method === 0 && !item.encrypted) {
    const data = await zip.blob(item, { maxBytes: item.size, ...abort });
    return sha256Blob(data, { onProgress: onBytes, ...abort });
  }
  const hash = await createSHA256();
  let done = 0;
  await zip.inflate(item, (chunk) => {
    hash.update(chunk);
    done += chunk.length;
    onBytes(done);
  }, { maxBytes: item.size, ...abort });
  return hash.digest('hex');
}

async function verifyPackage(zip: ZipArchive, base: Pick<DeskReport, 'id' | 'fileName' | 'size' | 'kind'>, options: VerifyOptions): Promise<DeskReport> {
  const findings: Finding[] = [];
  const files = zip.entries.filter((item) => !item.directory);
  const lists = files.filter((item) => item.name.endsWith(`/${MATERIALS_LIST_NAME}`) && item.name.split('/').length === 2);
  const listItem = lists[0];
  if (listItem === undefined || lists.length > 1) {
    findings.push({ severity: 'error', topic: 'integrity', text: lists.length > 1 ? '压缩包中有不止一份材料清单.txt，无法确定以哪一份为准。' : '压缩包中没有材料清单.txt，无法核对文件。这不是本网站生成的申报材料包，或清单已被删去。' });
    return report({ ...base, kind: lists.length > 1 ? 'package' : 'unknown' }, findings);
  }
  const root = listItem.name.slice(0, listItem.name.indexOf('/') + 1);
  const byPath = new Map(files.filter((item) => item.name.startsWith(root)).map((item) => [item.name.slice(root.length), item]));
  const outside = files.filter((item) => !item.name.startsWith(root)).map((item) => item.name);

  let listText: string;
  try {
    listText = (await zip.text(listItem, MAX_LIST_BYTES)).replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error;
    const why = error.code === 'too-large' ? '超过 4 MB，不是本网站生成的清单' : '已损坏，无法解压';
    return report({ ...base, kind: 'package' }, [{ severity: 'error', topic: 'integrity', text: `材料清单.txt ${why}，无法核对文件。请申报单位重新发送。` }]);
  }
  const list = readMaterialsList(listText);
  for (const line of list.unreadable) findings.push({ severity: 'error', topic: 'integrity', text: `材料清单中“${line}”一项缺少大小或 SHA-256，清单可能被改动过。` });

  let application: Application | undefined;
  let issues: Issue[] | undefined;
  const jsonItem = byPath.get(APPLICATION_JSON_NAME);
  if (jsonItem === undefined) {
    findings.push({ severity: 'error', topic: 'integrity', text: 'application.json 缺失：材料包中没有申报数据，无法汇总。' });
  } else {
    try {
      const restored = restorePackageData(await zip.text(jsonItem, DEFAULT_MAX_BYTES), options.now);
      if (restored.ok) {
        application = restored.data;
        issues = validateApplication(restored.data, options.ctx, options.schemaValidate);
      } else findings.push({ severity: 'error', topic: 'integrity', text: restored.text });
    } catch (error) {
      findings.push({ severity: 'error', topic: 'integrity', text: error instanceof ZipReadError && error.code === 'too-large' ? 'application.json 超过 1 MB，不是申报数据，未读取。' : 'application.json 已损坏，无法解压。' });
    }
  }

  const checked: CheckedFile[] = [];
  const missing: string[] = [];
  const listedBytes = list.files.reduce((sum, file) => sum + file.size, 0);
  let doneBytes = 0;
  for (const listed of list.files) {
    options.signal?.throwIfAborted();
    const item = byPath.get(listed.path);
    if (item === undefined) {
      missing.push(listed.path);
      findings.push({ severity: 'error', topic: 'integrity', text: `材料清单列出的“${listed.path}”不在压缩包中。` });
      doneBytes += listed.size;
      continue;
    }
    byPath.delete(listed.path);
    const file: CheckedFile = { path: listed.path, ...classifyPath(listed.path), size: item.size, state: 'ok' };
    if (item.size !== listed.size) {
      file.state = 'mismatch';
      findings.push({ severity: 'error', topic: 'integrity', text: `“${listed.path}”的大小（${item.size} 字节）与材料清单（${listed.size} 字节）不符，文件在打包后被改动或损坏。` });
    } else {
      try {
        const start = doneBytes;
        const sha = await hashEntry(zip, item, (done) => options.onProgress?.({ fraction: listedBytes === 0 ? 1 : (start + done) / listedBytes, path: listed.path }), options.signal);
        if (sha !== listed.sha256) {
          file.state = 'mismatch';
          findings.push({ severity: 'error', topic: 'integrity', text: `“${listed.path}”的 SHA-256 与材料清单不符：文件在打包后被改动或在传送中损坏。请申报单位重新发送。` });
        }
      } catch (error) {
        if (options.signal?.aborted === true) throw error;
        file.state = 'mismatch';
        findings.push({ severity: 'error', topic: 'integrity', text: `“${listed.path}”无法解压（${error instanceof ZipReadError && error.code === 'too-large' ? '解压后比记录的大' : '数据已损坏'}），文件在传送中损坏。` });
      }
    }
    doneBytes += listed.size;
    // Stored entries are slices (free); deflated attachments (Word, Excel) are inflated so that a draft can keep them.
    if (file.state === 'ok' && (item.method === 0 || isAttachmentCategory(file.category))) {
      file.data = await zip.blob(item, { maxBytes: item.size, type: mediaType(listed.path) });
    }
    if (file.category === 'pdf' || (file.data !== undefined && file.data.type === 'application/pdf')) {
      const info = file.data === undefined ? null : await pdfInfo(file.data);
      file.pages = info?.pages ?? null;
      if (info !== null && !info.whole) findings.push({ severity: 'error', topic: 'integrity', text: `“${listed.path}”不是完整的 PDF 文件，无法打开。` });
    }
    checked.push(file);
  }
  byPath.delete(MATERIALS_LIST_NAME);
  const jsonListed = list.files.some((file) => file.path === APPLICATION_JSON_NAME);
  if (!jsonListed) byPath.delete(APPLICATION_JSON_NAME);
  const extra = [...byPath.keys(), ...outside];
  for (const path of extra) {
    findings.push({ severity: 'error', topic: 'integrity', text: `“${path}”不在材料清单中：是打包后加进去的文件。` });
    checked.push({ path, ...classifyPath(path), size: zip.entries.find((item) => item.name === root + path)?.size ?? 0, state: 'extra' });
  }

  const separate = list.separate.map((file) => file.path);
  const videoApart = list.separate.some((file) => /\.(mp4|mov|webm)$/i.test(file.path));
  if (videoApart) findings.push({ severity: 'warning', topic: 'attachments', text: `视频作为超大附件另行发送（${separate.join('、')}），不在压缩包中，请对照材料清单中的 SHA-256 核对。` });
  if (application !== undefined && issues !== undefined) {
    const metas = checked.filter((file) => file.state !== 'extra').map((file, i) => asMeta(file, i)).filter((meta) => meta !== undefined);
    findings.push(...contentFindings(application, issues, metas, videoApart));
  }
  options.onProgress?.({ fraction: 1, path: null });
  return report({ ...base, kind: 'package' }, findings, { files: checked, missing, separate, ...(application === undefined ? {} : { application }), ...(issues === undefined ? {} : { issues }) });
}

async function verifyDraft(blob: Blob, base: Pick<DeskReport, 'id' | 'fileName' | 'size' | 'kind'>, options: VerifyOptions): Promise<DeskReport> {
  try {
    const { draft, attachments } = await readDraftFile(blob, base.fileName, { now: options.now });
    const issues = validateApplication(draft.data, options.ctx, options.schemaValidate);
    const files: CheckedFile[] = [...attachments].sort((a, b) => a.meta.order - b.meta.order).map(({ meta, data }) => ({
      path: `${ATTACHMENT_CATEGORIES[meta.category]}/${meta.name}`,
      category: meta.category,
      ...(meta.caption === undefined ? {} : { caption: meta.caption }),
      size: meta.size,
      state: 'ok',
      data,
    }));
    for (const file of files) if (file.data?.type === 'application/pdf') file.pages = (await pdfInfo(file.data)).pages;
    const findings: Finding[] = [{ severity: 'warning', topic: 'integrity', text: '这是申报草稿文件，不是正式的申报材料包：没有材料清单和正式PDF；附件已按草稿清单的 SHA-256 核对。' }];
    findings.push(...contentFindings(draft.data, issues, attachments.map(({ meta }) => meta), false));
    options.onProgress?.({ fraction: 1, path: null });
    return report({ ...base, kind: 'draft' }, findings, { application: draft.data, issues, files });
  } catch (error) {
    if (!(error instanceof DraftError)) throw error;
    const topic = error.code === 'not-a-draft' ? 'archive' : 'integrity';
    return report({ ...base, kind: error.code === 'not-a-draft' ? 'unknown' : 'draft' }, [{ severity: 'error', topic, text: error.message }]);
  }
}

/** Verifies one file; never throws for bad input (a DeskReport says what is wrong), only when aborted. */
export async function verifyFile(blob: Blob, fileName: string, options: VerifyOptions): Promise<DeskReport> {
  const base = { id: options.id, fileName, size: blob.size, kind: 'unknown' as const };
  if (blob.size === 0) return report(base, [{ severity: 'error', topic: 'archive', text: `“${fileName}”是空文件（0 字节），请申报单位重新发送。` }]);
  if (!(await isZip(blob))) {
    if (/\.json$/i.test(fileName)) return verifyDraft(blob, base, options);
    return report(base, [{ severity: 'error', topic: 'archive', text: `“${fileName}”不是压缩包（.zip），也不是申报数据文件（.json），未打开。请选择申报材料包“申报材料包-….zip”或草稿备份“草稿备份-….zip”。` }]);
  }
  let zip: ZipArchive;
  try {
    // Every entry listed, however many and whatever their names: checkArchive judges them before any is read.
    zip = await openZip(blob, { maxEntries: Number.POSITIVE_INFINITY, duplicateNames: 'list' });
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error;
    return report(base, [{ severity: 'error', topic: 'archive', text: `“${fileName}”无法作为压缩包打开：文件不完整（下载或复制时被截断）或已损坏。请申报单位重新发送。` }]);
  }
  const hostile = checkArchive(zip.entries);
  if (hostile.length > 0) return report(base, hostile.map((text) => ({ severity: 'error', topic: 'archive', text })));
  const names = zip.entries.map((item) => item.name);
  if (names.includes('manifest.json') && !names.some((name) => name.endsWith(`/${MATERIALS_LIST_NAME}`))) return verifyDraft(blob, base, options);
  return verifyPackage(zip, base, options);
}
