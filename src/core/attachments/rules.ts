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

/** A file arriving in a category: its type, that it is not empty, not too large, and room in the category. */
export function checkIncoming(category: AttachmentCategory, file: { name: string; size: number }, alreadyThere: number): IncomingCheck {
  const rule = ATTACHMENT_RULES[category];
  const where = ATTACHMENT_CATEGORIES[category];
  const name = `“${file.name}”`;
  if (!rule.extensions.includes(extensionOf(file.name))) {
    return { ok: false, message: `${name}不能作为${where}：只接受${rule.kinds}（扩展名 ${rule.extensions.join('、')}）。请转换格式后再添加。` };
  }
  if (file.size === 0) return { ok: false, message: `${name}是空文件（0 字节），可能没有保存完整。请重新导出或拍摄后再添加。` };
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
