// The PDF jobs, their documents laid out, and what each prints (for planning the fonts): everything of a PDF but
// drawing it, so that the page can plan (and prefetch) fonts without loading jsPDF.
import type { Application, NoticeContext } from '../application/types';
import { applicationFormDocument, type BuiltDocument } from './documents/applicationForm';
import { materialsDocument } from './documents/materials';
import { noticeDocument, type NoticeInput } from './documents/notice';
import { PLANNING_MEASURER, roleTexts } from './documents/roleTexts';
import type { FormTemplate, OutlineTemplate } from './documents/template';
import { fieldTexts } from './documents/texts';
import { WATERMARK_TEXT, withWatermark } from './documents/watermark';
import type { DocumentText } from './fonts';
import type { TextMeasurer } from './layout/types';
import { noticeTexts } from './noticeTexts';

/** 'blankForm' and 'notice' are also made at build time; in the browser they are made with the user's 仿宋. */
export type PdfKind = 'form' | 'formA3' | 'materials' | 'blankForm' | 'notice';

export interface PdfJob {
  kind: PdfKind;
  app: Application;
  ctx: NoticeContext;
  form: FormTemplate;
  outline: OutlineTemplate;
  /** The applicant chose to print without the characters no font has (emoji, invisible characters). */
  omitUnprintable?: boolean;
  /** Errors are left on 检查申报内容: every page carries the watermark 未完成 · 仅供核对. */
  incomplete?: boolean;
  /** The notice's wording, for kind 'notice'. */
  notice?: NoticeInput;
}

function noticeOf(job: PdfJob): NoticeInput {
  if (job.notice === undefined) throw new Error('makePdf: a notice job needs the notice');
  return job.notice;
}

/**
 * Every text the document may print, for planning which fonts to load: each field and the fixed wording in the
 * body role, plus what the document prints in the other roles (headings, titles), found by laying it out once
 * with a stand-in measurer (line breaks move, the characters of each role do not).
 */
export function documentTexts(job: PdfJob): DocumentText[] {
  if (job.kind === 'notice') return noticeTexts(noticeOf(job));
  const fixed = [...job.form.titleLines, ...job.form.coverFields, job.form.coverFooter, ...job.form.notes, ...job.outline.titleLines, WATERMARK_TEXT].join('\n');
  const doc = buildDocument(job, PLANNING_MEASURER);
  const pages = job.incomplete === true && job.kind !== 'blankForm' ? withWatermark(doc.pages, PLANNING_MEASURER) : doc.pages;
  return [...(job.kind === 'blankForm' ? [] : fieldTexts(job.app)), { path: '', label: '表格文字', text: fixed }, ...roleTexts(pages)];
}

export function buildDocument(job: PdfJob, measurer: TextMeasurer): BuiltDocument {
  switch (job.kind) {
    case 'notice':
      return noticeDocument(noticeOf(job), measurer);
    case 'materials':
      return materialsDocument(job.app, job.ctx, job.outline, measurer);
    case 'blankForm':
      return applicationFormDocument(job.app, job.ctx, job.form, measurer, { blank: true });
    case 'form':
    case 'formA3':
      return applicationFormDocument(job.app, job.ctx, job.form, measurer);
  }
}


/**
 * The fonts to load for a PDF of the application: the 申报表's and the 申报材料's texts together (the A3 booklet
 * prints the 申报表's), so that the first PDF fetches what the others need (a few small heading chunks) and the
 * next PDF fetches nothing, online or not. Other jobs (blank form, notice) plan their own texts.
 */
export function fontTexts(job: PdfJob): DocumentText[] {
  if (job.kind === 'blankForm' || job.kind === 'notice') return documentTexts(job);
  return (['form', 'materials'] as const).flatMap((kind) => documentTexts({ ...job, kind }));
}
