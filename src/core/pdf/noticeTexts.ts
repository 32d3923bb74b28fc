// What the notice PDF (makePdf kind 'notice') prints, for planning its fonts: at build time for
// /downloads/notice.pdf, and in the browser with the applicant's own 仿宋.
import { noticeDocument, type NoticeInput } from './documents/notice';
import { PLANNING_MEASURER, roleTexts } from './documents/roleTexts';
import type { DocumentText } from './fonts';

/** Every text the notice prints: its wording in the body role, and what it prints in the heading roles. */
export function noticeTexts(input: NoticeInput): DocumentText[] {
  const wording = JSON.stringify(input).replace(/[\\{}"[\]:,]/g, ' ');
  return [{ path: '', label: '通知', text: wording }, ...roleTexts(noticeDocument(input, PLANNING_MEASURER).pages)];
}
