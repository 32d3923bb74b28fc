// What the review desk knows about one file a reviewer opened: its verdict, the findings behind it, the
// application it carries and the attachments found in it.
import type { Application, Issue } from '../application/types';
import type { AttachmentCategory } from '../draft/types';

/**
 * refused: not opened further (not a zip, damaged structure, hostile);
 * failed: opened, but the contents do not match 材料清单.txt or application.json cannot be read;
 * incomplete: intact, but the application has errors or required attachments are missing;
 * passed: intact and complete (advice may remain).
 */
export type Verdict = 'refused' | 'failed' | 'incomplete' | 'passed';

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  refused: '拒收（未打开）',
  failed: '校验不通过',
  incomplete: '材料不全',
  passed: '通过',
};

export interface Finding {
  severity: 'error' | 'warning';
  /**
   * 'archive': the zip itself (refused); 'integrity': files against 材料清单.txt, or application.json unreadable
   * (failed); 'data': the application's own errors, 'attachments': what the notice asks for (incomplete).
   */
  topic: 'archive' | 'integrity' | 'data' | 'attachments';
  text: string;
}

export interface CheckedFile {
  /** Relative to the package's root folder. */
  path: string;
  category: AttachmentCategory | 'pdf' | 'list' | 'data' | 'unknown';
  caption?: string;
  size: number;
  /** 'ok' listed and matching (a draft's attachments: matching the draft's own checksums); 'mismatch'; 'extra' not listed. */
  state: 'ok' | 'mismatch' | 'extra';
  /** Pages of a PDF, when readable. */
  pages?: number | null;
  /** Duration of the video in seconds, when the browser could read it (filled in by the page). */
  seconds?: number | null;
  /** The bytes, to show: a slice of the package for stored entries, or a draft's own Blob. */
  data?: Blob;
}

export interface DeskReport {
  /** Unique within one desk session. */
  id: string;
  fileName: string;
  size: number;
  kind: 'package' | 'draft' | 'unknown';
  verdict: Verdict;
  findings: Finding[];
  application?: Application;
  issues?: Issue[];
  files: CheckedFile[];
  /** Names listed in 材料清单.txt that are missing from the zip. */
  missing: string[];
  /** Files the list says were sent beside the package (超大附件). */
  separate: string[];
}

/** How far verification has got: the fraction of bytes read, and the file being read. */
export interface VerifyProgress {
  fraction: number;
  path: string | null;
}
