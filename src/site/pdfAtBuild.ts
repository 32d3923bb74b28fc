// Build-time PDFs (the notice, the blank 申报表) made with the same engine and fonts as the browser's,
// the fonts read from public/fonts (npm run build:fonts runs before astro build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyApplication } from '../core/application/schema';
import { formatChineseDate } from '../core/chinese-date';
import type { NoticeInput, NoticeParagraph } from '../core/pdf/documents/notice';
import { chunkFace, createFontResolver, planFonts, validateFontManifest, type DocumentText } from '../core/pdf/fonts';
import { documentTexts, makePdf, type PdfJob } from '../core/pdf/makePdf';
import { loadAttachments, loadNotice } from './notice';
import { formTemplate, outlineTemplate, plainText } from './templates';

const FONT_DIR = join(process.cwd(), 'public/fonts/noto-serif-sc');

function fontsFor(texts: DocumentText[]) {
  const manifest = validateFontManifest(JSON.parse(readFileSync(join(FONT_DIR, 'manifest.json'), 'utf8')));
  const plan = planFonts(texts, manifest);
  if (plan.unprintable.length > 0) throw new Error(`build-time PDF: unprintable ${plan.unprintable.map((u) => u.char).join(' ')}`);
  const fonts = plan.chunks.map((file) => {
    const b = readFileSync(join(FONT_DIR, file));
    return { name: file, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), face: chunkFace(manifest, file) };
  });
  return { fonts, resolver: createFontResolver(manifest) };
}

/** Markdown paragraphs of our own content: "## x" is a heading, everything else a paragraph. */
function paragraphs(markdown: string): NoticeParagraph[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('## ') ? { kind: 'heading', text: plainText(p.slice(3)) } : { kind: 'paragraph', text: plainText(p) }));
}

/** A job without application data: the blank form, or the notice. */
async function blankJob(kind: 'blankForm' | 'notice'): Promise<PdfJob> {
  const form = await formTemplate();
  const outline = await outlineTemplate();
  const notice = await loadNotice();
  const ctx = { noticeYear: Number(notice.data.date.slice(0, 4)), noticeDate: notice.data.date };
  return { kind, app: emptyApplication(), ctx, form, outline, ...(kind === 'notice' ? { notice: await noticeInput() } : {}) };
}

async function builtPdf(kind: 'blankForm' | 'notice'): Promise<ArrayBuffer> {
  const job = await blankJob(kind);
  return makePdf(job, fontsFor(documentTexts(job))).bytes;
}

export const blankFormPdf = (): Promise<ArrayBuffer> => builtPdf('blankForm');
export const noticePdf = (): Promise<ArrayBuffer> => builtPdf('notice');

/** The notice and its attachments as the notice PDF prints them (also served as JSON for the browser's copy). */
export async function noticeInput(): Promise<NoticeInput> {
  const notice = await loadNotice();
  const attachments = await loadAttachments();
  const n = notice.data;
  return {
    issuer: n.issuer,
    docNumber: n.docNumber,
    titleLines: n.titleLines,
    recipients: n.recipients,
    body: paragraphs(notice.body ?? ''),
    attachments: n.attachments,
    signature: n.signature,
    date: formatChineseDate(n.date),
    annexes: attachments.map((a) => ({
      no: a.data.no,
      titleLines: a.data.titleLines,
      paragraphs: paragraphs(a.body ?? ''),
      ...(a.data.coverFields ? { coverFields: a.data.coverFields } : {}),
      ...(a.data.coverFooter ? { coverFooter: a.data.coverFooter } : {}),
      ...(a.data.opinionBlocks ? { opinionBlocks: a.data.opinionBlocks } : {}),
    })),
  };
}

