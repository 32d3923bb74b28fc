// The notice (with its attachments) as a GB/T 9704 PDF: at build time for /downloads/notice.pdf, and in the
// browser with the applicant's own 仿宋. No IO: the fonts are passed in.
import { noticeDocument, type NoticeInput } from './documents/notice';
import { PLANNING_MEASURER, roleTexts } from './documents/roleTexts';
import { A4 } from './documents/template';
import { runsByFont, type DocumentText } from './fonts';
import type { PdfFonts } from './makePdf';
import { PdfWriter } from './render/renderPdf';

/** Every text the notice prints: its wording in the body role, and what it prints in the heading roles. */
export function noticeTexts(input: NoticeInput): DocumentText[] {
  const wording = JSON.stringify(input).replace(/[\\{}"[\]:,]/g, ' ');
  return [{ path: '', label: '通知', text: wording }, ...roleTexts(noticeDocument(input, PLANNING_MEASURER).pages)];
}

export function makeNoticePdf(input: NoticeInput, fonts: PdfFonts): ArrayBuffer {
  const writer = new PdfWriter(fonts.fonts, (text, role) => runsByFont(text, fonts.resolver, { role }), A4, fonts.resolver.decode);
  return writer.render(noticeDocument(input, writer.measurer));
}
