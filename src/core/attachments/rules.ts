// What each attachment category accepts (application-fields.md, attachments table), checked when a file
// arrives, with a message that names the file and says what to do.
import { formatBytes } from '../bytes';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory } from '../draft/types';

const MB = 1024 * 1024;

interface CategoryRule {
  /** Lower-case extensions without the dot. */
  extensions: readonly string[];
  /** What the message calls the accepted types. */
  kinds: string;
  maxBytes: number;
  /** At most this many files (the notice asks for one video). */
  maxFiles: number;
  /** Photos are named by caption in the package. */
  needsCaption: boolean;
}

const PROOF: CategoryRule = { extensions: ['pdf', 'jpg', 'jpeg', 'png'], kinds: 'PDF、JPG 或 PNG', maxBytes: 50 * MB, maxFiles: 50, needsCaption: false };

export const ATTACHMENT_RULES: Readonly<Record<AttachmentCategory, CategoryRule>> = {
  // The video goes by mail as 超大附件, whose common free limit is 2 GB a file: 163 mail's 云附件 takes one file of
  // up to 2 GB (3 GB for some accounts), QQ mail's 文件中转站 takes files of up to 2 GB by default (more for
  // members); Tencent's enterprise mail, 2 GB (service.rtxmail.net/help/243.html; how234.com/eamydrbjrjr.html;
  // chaxiaohao.com/read-1751065318l3272860.html, 2025). So 2 GiB: a five-minute 4K phone video of ~2.5 GB must
  // be compressed first, as it could not be sent anyway. With photos and proofs a package may pass 4 GiB (Zip64).
  video: { extensions: ['mp4', 'mov', 'webm'], kinds: 'MP4、MOV 或 WebM 视频', maxBytes: 2048 * MB, maxFiles: 1, needsCaption: false },
  photos: { extensions: ['jpg', 'jpeg', 'png'], kinds: 'JPG 或 PNG 照片', maxBytes: 30 * MB, maxFiles: 30, needsCaption: true },
  'proof.investment': PROOF,
  'proof.innovations': PROOF,
  'proof.economicBenefit': PROOF,
  'proof.talents': PROOF,
  'proof.honors': PROOF,
  other: { extensions: ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'], kinds: 'PDF、图片、Word 或 Excel 文件', maxBytes: 100 * MB, maxFiles: 50, needsCaption: false },
};

/** The captions offered for photos (the contract's examples); any other text is allowed too. */
export const PHOTO_CAPTIONS = ['外景', '内景', '布局', '牌匾', '设备', '成果展示', '活动现场'] as const;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export type IncomingCheck = { ok: true } | { ok: false; message: string };

/** What a file's first bytes say it is. */
export type ContentKind = 'jpeg' | 'png' | 'pdf' | 'iso-media' | 'webm' | 'ole' | 'zip' | 'exe';

/** Bytes of a file's start that are enough to tell its kind. */
export const HEAD_BYTES = 1024;

/** The content each extension promises. */
const KIND_OF_EXTENSION: Readonly<Record<string, ContentKind>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  pdf: 'pdf',
  mp4: 'iso-media',
  mov: 'iso-media',
  webm: 'webm',
  doc: 'ole',
  xls: 'ole',
  docx: 'zip',
  xlsx: 'zip',
};

const KIND_NAMES: Readonly<Record<ContentKind, string>> = {
  jpeg: 'JPG 图片',
  png: 'PNG 图片',
  pdf: 'PDF 文档',
  'iso-media': 'MP4/MOV 视频',
  webm: 'WebM 视频',
  ole: '旧版 Word/Excel 文件',
  zip: 'ZIP 压缩格式（含 docx、xlsx）',
  exe: 'Windows 程序（exe）',
};

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  return bytes.every((b, i) => head[at + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The kind of content by its signature (magic number), or null when none is recognised. */
export function contentKind(head: Uint8Array): ContentKind | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, ascii('MZ'))) return 'exe';
  // ISO base media (MP4, QuickTime): a box size, then the box type at offset 4.
  if (['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].some((box) => startsWith(head, ascii(box), 4))) return 'iso-media';
  // PDF readers accept "%PDF-" anywhere in the first 1024 bytes.
  const pdf = ascii('%PDF-');
  for (let i = 0; i + pdf.length <= Math.min(head.length, HEAD_BYTES); i += 1) if (startsWith(head, pdf, i)) return 'pdf';
  return null;
}

/**
 * The one check of a file arriving in a category, whatever brings it in (add, drop, 替换, a draft file's import):
 * its extension, its content (the signature must be what the extension promises: a PNG named .mp4 is not a
 * video), that it is not empty, not too large, and room in the category. `head` is the file's first HEAD_BYTES.
 */
export function checkIncoming(category: AttachmentCategory, file: { name: string; size: number; head: Uint8Array }, alreadyThere: number): IncomingCheck {
  const rule = ATTACHMENT_RULES[category];
  const where = ATTACHMENT_CATEGORIES[category];
  const name = `“${file.name}”`;
  const extension = extensionOf(file.name);
  if (!rule.extensions.includes(extension)) {
    return { ok: false, message: `${name}不能作为${where}：只接受${rule.kinds}（扩展名 ${rule.extensions.join('、')}）。请转换格式后再添加。` };
  }
  if (file.size === 0) return { ok: false, message: `${name}是空文件（0 字节），可能没有保存完整。请重新导出或拍摄后再添加。` };
  const expected = KIND_OF_EXTENSION[extension];
  const actual = contentKind(file.head);
  if (expected !== undefined && actual !== expected) {
    const is = actual === null ? '无法识别的内容' : KIND_NAMES[actual];
    return { ok: false, message: `${name}的扩展名是 .${extension}，但文件内容是${is}，不能作为${where}。请选择真正的${rule.kinds}。` };
  }
  if (file.size > rule.maxBytes) {
    return { ok: false, message: `${name}太大（${formatBytes(file.size)}），${where}每个文件不能超过 ${formatBytes(rule.maxBytes)}。请压缩后再添加。` };
  }
  if (alreadyThere >= rule.maxFiles) {
    return {
      ok: false,
      message: rule.maxFiles === 1 ? `${where}只需要一个文件。如要换成${name}，请先删除或替换已有的文件。` : `${where}最多 ${rule.maxFiles} 个文件。`,
    };
  }
  return { ok: true };
}

/** The notice asks for a video of about five minutes: advice, never a refusal. */
export function videoDurationAdvice(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const minutes = seconds / 60;
  const shown = `${Math.floor(minutes)}分${Math.round(seconds % 60)}秒`;
  if (minutes < 3) return `视频时长 ${shown}，通知要求 5 分钟左右，建议补充到 3 分钟以上。`;
  if (minutes > 8) return `视频时长 ${shown}，通知要求 5 分钟左右，建议剪辑到 8 分钟以内。`;
  return null;
}

/** A file's first HEAD_BYTES, for checkIncoming. */
export async function headOf(data: Blob): Promise<Uint8Array> {
  return new Uint8Array(await data.slice(0, HEAD_BYTES).arrayBuffer());
}

/**
 * checkIncoming over a whole set arriving together (a draft file's attachments): each file against its category
 * with the ones before it counted. The message lists each refused file; null when every file passes.
 */
export async function checkIncomingSet(
  files: readonly { category: AttachmentCategory; name: string; size: number; data: Blob }[],
): Promise<string | null> {
  const counts = new Map<AttachmentCategory, number>();
  const refused: string[] = [];
  const totals = new Map<AttachmentCategory, number>();
  for (const file of files) totals.set(file.category, (totals.get(file.category) ?? 0) + 1);
  for (const file of files) {
    // Each file is checked for itself; the count is named once per category below.
    const there = Math.min(counts.get(file.category) ?? 0, ATTACHMENT_RULES[file.category].maxFiles - 1);
    const check = checkIncoming(file.category, { name: file.name, size: file.size, head: await headOf(file.data) }, there);
    if (check.ok) counts.set(file.category, there + 1);
    else refused.push(check.message);
  }
  for (const [category, total] of totals) {
    const { maxFiles } = ATTACHMENT_RULES[category];
    if (total > maxFiles) refused.push(`${ATTACHMENT_CATEGORIES[category]}最多 ${maxFiles} 个文件，文件中有 ${total} 个。`);
  }
  if (refused.length === 0) return null;
  const LISTED = 10;
  const more = refused.length > LISTED ? `……共${refused.length}个问题。` : '';
  return refused.slice(0, LISTED).join('') + more;
}
