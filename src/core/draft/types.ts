// A draft: one application being filled in, with its attachments kept beside it (never inside the data).
import type { Application } from '../application/types';
import { UserError } from '../errors';
import type { DraftSummary } from './summary';

/**
 * The version of a stored or exported draft. Bump only together with a migration in restore.ts: every
 * draft already in a browser or in an exported file must still open.
 */
export const DRAFT_FORMAT_VERSION = 1;

/** The `format` of the package's application.json ({ format, formatVersion, generatedAt, data }); it imports as a draft. */
export const APPLICATION_JSON_FORMAT = 'nanchang-lmcx-application';

export interface DraftMeta {
  id: string;
  title: string;
  formatVersion: number;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  updatedAt: string;
  /** In the recycle bin since (ISO 8601). */
  deletedAt?: string;
  /** What the drafts list shows, as of updatedAt; stored drafts only (missing before it existed). */
  summary?: DraftSummary;
}

export type Draft = DraftMeta & { data: Application };

/** The contract's attachments table (application-fields.md), in its order, which is the form's order. */
export const ATTACHMENT_CATEGORIES = {
  video: '工作室介绍视频',
  photos: '工作室内外观布局照片',
  'proof.investment': '经费投入证明',
  'proof.innovations': '技术创新证明',
  'proof.economicBenefit': '经济效益证明',
  'proof.talents': '培养人才证明',
  'proof.honors': '荣誉证书',
  other: '其他补充材料',
} as const;

export type AttachmentCategory = keyof typeof ATTACHMENT_CATEGORIES;

export function isAttachmentCategory(value: unknown): value is AttachmentCategory {
  return typeof value === 'string' && Object.hasOwn(ATTACHMENT_CATEGORIES, value);
}

export interface AttachmentMeta {
  id: string;
  draftId: string;
  category: AttachmentCategory;
  /** The original file name, without any path. */
  name: string;
  /** MIME type; empty when the browser did not know it. */
  type: string;
  /** Bytes. */
  size: number;
  caption?: string;
  /** Position within its category. */
  order: number;
  /** ISO 8601 */
  addedAt: string;
}

export interface DraftAttachment {
  meta: AttachmentMeta;
  data: Blob;
}

export type DraftErrorCode = 'not-a-draft' | 'damaged' | 'too-large' | 'newer-version' | 'forbidden-key' | 'invalid-data';

/** A draft or draft file that cannot be read; `message` is Chinese, for the user, and says what to do. */
export class DraftError extends UserError<DraftErrorCode> {
  override readonly name = 'DraftError';
}
