// From an application to PDF bytes: choose the document, lay it out with the real fonts' metrics, draw it.
// No IO: fonts are passed in (fetched by the worker in the browser, read from disk at build time).
import type { Application, NoticeContext } from '../application/types';
import { applicationFormDocument, type BuiltDocument } from './documents/applicationForm';
import { imposeBooklet } from './documents/booklet';
import { materialsDocument } from './documents/materials';
import { noticeDocument, type NoticeInput } from './documents/notice';
import { noticeTexts } from './noticeTexts';
import { A3_LANDSCAPE, A4, type FormTemplate, type OutlineTemplate } from './documents/template';
import { fieldTexts } from './documents/texts';
import { WATERMARK_TEXT, withWatermark } from './documents/watermark';
import { runsByFont, type DocumentText, type FontResolver, type FontRole } from './fonts';
import { PLANNING_MEASURER, roleTexts } from './documents/roleTexts';
import type { TextMeasurer } from './layout/types';
import { PdfWriter, type PdfFont } from './render/renderPdf';


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

export interface PdfFonts {
  fonts: PdfFont[];
  resolver: FontResolver;
  /** The user's 仿宋, when chosen: used for the 仿宋 text it covers. */
  fangsong?: string;
}

/**
 * Every text the document may print, for planning which fonts to load: each field and the fixed wording in the
 * body role, plus what the document prints in the other roles (headings, titles), found by laying it out once
 * with a stand-in measurer (line breaks move, the characters of each role do not).
 */
export function documentTexts(job: PdfJob): DocumentText[] {
  if (job.kind === 'notice') return noticeTexts(noticeOf(job));
  const fixed = [...job.form.titleLines, ...job.form.coverFields, job.form.coverFooter, ...job.form.notes, ...job.outline.titleLines, WATERMARK_TEXT].join('\n');
  const doc = build(job, PLANNING_MEASURER);
  const pages = job.incomplete === true && job.kind !== 'blankForm' ? withWatermark(doc.pages, PLANNING_MEASURER) : doc.pages;
  return [...(job.kind === 'blankForm' ? [] : fieldTexts(job.app)), { path: '', label: '表格文字', text: fixed }, ...roleTexts(pages)];
}

function build(job: PdfJob, measurer: TextMeasurer): BuiltDocument {
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

export interface MadePdf {
  bytes: ArrayBuffer;
  pages: number;
}

export function makePdf(job: PdfJob, fonts: PdfFonts): MadePdf {
  const first = job.kind === 'formA3' ? A3_LANDSCAPE : A4;
  const options = job.omitUnprintable === true ? { replacement: '' } : {};
  const split = (text: string, role: FontRole) => runsByFont(text, fonts.resolver, { ...options, role });
  const writer = new PdfWriter(fonts.fonts, split, first, fonts.resolver.decode);
  const doc = build(job, writer.measurer);
  const marked = job.incomplete === true && job.kind !== 'blankForm' && job.kind !== 'notice' ? withWatermark(doc.pages, writer.measurer) : doc.pages;
  const pages = job.kind === 'formA3' ? imposeBooklet(marked) : marked;
  const title = job.kind === 'formA3' ? `${doc.title}（A3双面打印）` : doc.title;
  return { bytes: writer.render({ pages, title, subject: doc.subject, author: doc.author }), pages: pages.length };
}
