// What a file really is, from its first bytes (a name or a MIME type can lie: a .pdf that is a renamed Word file).
export type SourceKind = 'pdf' | 'jpeg' | 'png' | 'other';

export function sniffKind(head: Uint8Array): SourceKind {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  return 'other';
}

/** Why a file could not be bound into the volume, as the notice page and the output view say it. */
export type MergeFailure = 'encrypted' | 'damaged' | 'not-pdf' | 'unsupported' | 'image-damaged';

export const MERGE_FAILURE_TEXT: Readonly<Record<MergeFailure, string>> = {
  encrypted: '文件设有密码或加密保护，无法读取其页面',
  damaged: '文件已损坏或不完整，无法作为PDF打开',
  'not-pdf': '文件名为PDF，但内容并不是PDF文件（可能是改了扩展名的其他文件）',
  unsupported: '文件不是PDF或JPG、PNG图片，无法排入PDF汇编',
  'image-damaged': '图片文件已损坏或格式无法识别',
};
