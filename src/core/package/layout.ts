// The package's folder layout (issue 6), decided before any byte is read:
//
//   申报材料包-{推荐单位}-{工作室名称}.zip          (a draft backup is 草稿备份-…zip: never mistaken for it)
//   └─ {推荐单位}-{工作室名称}-申报材料/
//      ├─ 00-申报材料汇编.pdf                         (optional: the bound volume, issue 19)
//      ├─ 01-申报表.pdf
//      ├─ 01-申报表-A3双面打印.pdf
//      ├─ 01-申报表.docx                               (optional: the Word editions, issue 14)
//      ├─ 02-申报材料.pdf
//      ├─ 02-申报材料.docx                             (optional)
//      ├─ 03-视频/01-….mp4
//      ├─ 04-照片/01-外景.jpg, 02-内景.jpg …        numbered in the user's order, named by caption
//      ├─ 05-证明材料/经费投入/ 技术创新/ 经济效益/ 培养人才/ 荣誉证书/
//      ├─ 06-其他材料/
//      ├─ 材料清单.txt                                 (withRootFiles)
//      └─ application.json                             (withRootFiles)
//
// Every attachment is numbered within its folder in the user's order (01-, 02- …) and named by its caption,
// or by its own file name when it has none, with the extension of the original file. Only folders that hold
// a file are made: an empty "荣誉证书" folder would look like something lost in packing.
import { cleanFileName } from '../draft/names';
import type { AttachmentCategory, AttachmentMeta } from '../draft/types';
import { MAX_NAME_CHARACTERS, MAX_PATH_BYTES, safeEntryName, splitExtension, uniqueNames } from './names';
import { zipSize } from './zipWriter';

export interface PackageAttachment {
  meta: AttachmentMeta;
  data: Blob;
}

export interface PackageInput {
  /** 工作室名称 */
  studioName: string;
  /** 推荐单位 as printed: the name typed in 其他推荐单位名称 when the choice is 其他. */
  recommender: string;
  /** The volume only when the applicant ticks it (PackagePanel); the others as generated. */
  pdfs: { volume?: Blob; form?: Blob; formA3?: Blob; materials?: Blob };
  /** The Word editions (issue 14), only when the applicant ticks them: the PDF remains the record. */
  words?: { form?: Blob; materials?: Blob };
  attachments: readonly PackageAttachment[];
}

export interface PackageEntry {
  /** Path in the zip, "/"-separated, starting with the root folder. */
  path: string;
  data: Blob;
  source?: AttachmentMeta;
}

/** A file sent beside the package (the video, when the package would be too big for mail with it). */
export interface SeparateFile {
  name: string;
  data: Blob;
  source: AttachmentMeta;
}

export interface PackageLayout {
  rootFolder: string;
  zipName: string;
  /** Every folder that holds a file, parents first, each without a trailing "/". */
  folders: string[];
  entries: PackageEntry[];
  separate: SeparateFile[];
}

export interface LayoutOptions {
  /** 'separate': the video goes beside the package (超大附件) instead of in 03-视频/. */
  video?: 'include' | 'separate';
}

export const PDF_NAMES = {
  /** The bound volume (issue 19), in the package only when the applicant asks for it. */
  volume: '00-申报材料汇编.pdf',
  form: '01-申报表.pdf',
  formA3: '01-申报表-A3双面打印.pdf',
  materials: '02-申报材料.pdf',
} as const;

/** The Word editions: the PDFs' names with .docx, so that the two editions sort side by side. */
export const WORD_NAMES = {
  form: PDF_NAMES.form.replace(/\.pdf$/, '.docx'),
  materials: PDF_NAMES.materials.replace(/\.pdf$/, '.docx'),
} as const;

/** The generated documents at the package's root, in the order they are listed. */
const DOCUMENT_ORDER = [
  ['pdfs', 'volume'],
  ['pdfs', 'form'],
  ['pdfs', 'formA3'],
  ['words', 'form'],
  ['pdfs', 'materials'],
  ['words', 'materials'],
] as const;

/** The folder of each category under the root, in the order of the contract's attachments table. */
export const CATEGORY_FOLDERS: Readonly<Record<AttachmentCategory, string>> = {
  video: '03-视频',
  photos: '04-照片',
  'proof.investment': '05-证明材料/经费投入',
  'proof.innovations': '05-证明材料/技术创新',
  'proof.economicBenefit': '05-证明材料/经济效益',
  'proof.talents': '05-证明材料/培养人才',
  'proof.honors': '05-证明材料/荣誉证书',
  other: '06-其他材料',
};

/**
 * 163 and QQ mail take ordinary attachments up to about 50 MB; a bigger package goes as 超大附件, or without
 * the video, which is sent on its own (../shared/design/official-format.md, "Mail and archives").
 */
export const MAIL_ATTACHMENT_LIMIT_BYTES = 50 * 1024 * 1024;

export const MATERIALS_LIST_NAME = '材料清单.txt';
export const APPLICATION_JSON_NAME = 'application.json';

/** The root folder's name may take at most this much of a path's 200 bytes, leaving room for the rest. */
const MAX_ROOT_BYTES = 100;

const TYPE_EXTENSIONS: Readonly<Record<string, string>> = {
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'video/webm': '.webm',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
};

/** The original file's extension in lower case (.JPG → .jpg), else one from its MIME type. */
function extensionOf(meta: AttachmentMeta): string {
  const { extension } = splitExtension(cleanFileName(meta.name, ''));
  return extension !== '' ? extension.toLowerCase() : (TYPE_EXTENSIONS[meta.type] ?? '');
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "{推荐单位}-{工作室名称}", the start of every name the package gives itself. */
function baseName(recommender: string, studioName: string): string {
  const part = (value: string, fallback: string) => (value.trim() === '' ? fallback : value.trim());
  return `${part(recommender, '推荐单位未填')}-${part(studioName, '工作室名称未填')}`;
}

/** "{推荐单位}-{工作室名称}-申报材料", safe and short enough to leave room for what goes inside it. */
export function rootFolderName(recommender: string, studioName: string): string {
  return safeEntryName(`${baseName(recommender, studioName)}-申报材料`, '申报材料', { maxBytes: MAX_ROOT_BYTES });
}

/** 申报材料包-{推荐单位}-{工作室名称}.zip, as short as the root folder is. */
export function packageZipName(recommender: string, studioName: string): string {
  return `${safeEntryName(`申报材料包-${baseName(recommender, studioName)}`, '申报材料包', { maxBytes: MAX_ROOT_BYTES })}.zip`;
}

function byUserOrder(a: PackageAttachment, b: PackageAttachment): number {
  return a.meta.order - b.meta.order;
}

/** "01-外景.jpg": numbered from 01, named by caption (else by the file's own name), unique in its folder. */
function attachmentNames(folderPath: string, attachments: readonly PackageAttachment[]): string[] {
  const limits = { maxCharacters: MAX_NAME_CHARACTERS, maxBytes: MAX_PATH_BYTES - utf8Length(`${folderPath}/`) };
  const width = Math.max(2, String(attachments.length).length);
  const names = attachments.map(({ meta }, i) => {
    const number = String(i + 1).padStart(width, '0');
    const caption = meta.caption?.trim() ?? '';
    // A caption is one name even with a "/" in it; a file name is only its last segment.
    const label = (caption !== '' ? caption : splitExtension(cleanFileName(meta.name, '')).stem).replace(/[/\\]/g, '');
    return safeEntryName(`${number}-${label}${extensionOf(meta)}`, `${number}-附件`, limits);
  });
  return uniqueNames(names, limits);
}

function withParents(paths: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders];
}

export function packageLayout(input: PackageInput, options: LayoutOptions = {}): PackageLayout {
  const rootFolder = rootFolderName(input.recommender, input.studioName);
  const entries: PackageEntry[] = [];
  const separate: SeparateFile[] = [];
  for (const document of DOCUMENT_ORDER) {
    const [data, name] = document[0] === 'pdfs' ? [input.pdfs[document[1]], PDF_NAMES[document[1]]] : [input.words?.[document[1]], WORD_NAMES[document[1]]];
    if (data !== undefined) entries.push({ path: `${rootFolder}/${name}`, data });
  }
  for (const category of Object.keys(CATEGORY_FOLDERS) as AttachmentCategory[]) {
    const attachments = input.attachments.filter(({ meta }) => meta.category === category).sort(byUserOrder);
    if (attachments.length === 0) continue;
    if (category === 'video' && options.video === 'separate') {
      const base = baseName(input.recommender, input.studioName);
      const names = uniqueNames(attachments.map(({ meta }) => safeEntryName(`${base}-工作室介绍视频${extensionOf(meta)}`, '工作室介绍视频')));
      attachments.forEach(({ meta, data }, i) => separate.push({ name: names[i] ?? meta.name, data, source: meta }));
      continue;
    }
    const folderPath = `${rootFolder}/${CATEGORY_FOLDERS[category]}`;
    const names = attachmentNames(folderPath, attachments);
    attachments.forEach(({ meta, data }, i) => {
      entries.push({ path: `${folderPath}/${names[i] ?? meta.name}`, data, source: meta });
    });
  }
  return { rootFolder, zipName: packageZipName(input.recommender, input.studioName), folders: withParents(entries.map(({ path }) => path)), entries, separate };
}

/** The layout with 材料清单.txt and application.json added at the root, after everything else. */
export function withRootFiles(layout: PackageLayout, files: { materialsList: string; applicationJson: string }): PackageLayout {
  const text = (content: string, type: string) => new Blob([content], { type });
  const entries: PackageEntry[] = [
    ...layout.entries,
    { path: `${layout.rootFolder}/${MATERIALS_LIST_NAME}`, data: text(files.materialsList, 'text/plain;charset=utf-8') },
    { path: `${layout.rootFolder}/${APPLICATION_JSON_NAME}`, data: text(files.applicationJson, 'application/json') },
  ];
  return { ...layout, folders: withParents(entries.map(({ path }) => path)), entries };
}

/**
 * The package's size in bytes, for the running total shown while files are added: every file stored, plus the
 * headers and end records (zipWriter.ts). GBK names are shorter than the UTF-8 counted here: an upper bound.
 */
export function estimatePackageSize(layout: Pick<PackageLayout, 'folders' | 'entries'>): number {
  return zipSize([...layout.folders.map((folder) => ({ path: `${folder}/`, size: 0 })), ...layout.entries.map(({ path, data }) => ({ path, size: data.size }))]);
}
