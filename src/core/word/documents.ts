// The Word editions of 附件1 申报表 (filled or blank), the 申报材料 and the blank 附件2 outline, written from the
// same descriptions as the PDFs (src/core/pdf/documents), so the two editions never differ in content or order.
import { BorderStyle, HeightRule, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type FileChild } from 'docx';
import type { Application, NoticeContext } from '../application/types';
import { applicationFormDescription, FORM_MARGINS, type FormDescription } from '../pdf/documents/applicationForm';
import { MATERIALS_MARGINS, materialsDescription, outlineDescription, type OutlineSection } from '../pdf/documents/materials';
import { A4, MM, PT, type FormTemplate, type OutlineTemplate } from '../pdf/documents/template';
import { ASCENT } from '../pdf/layout';
import { blocksToWord, textParagraph } from './blocks';
import { BODY_SIZE, BODY_STYLE } from './fonts';
import { packWord, type WordDocumentSpec } from './document';
import { twips } from './units';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * The cover as the PDF draws it: the title lines (in 小标宋, Word's title font), the six fields (label in 黑体, the text on a ruled line
 * in 仿宋, both 三号) and 南昌市总工会制 in 楷体 near the foot. The fields are a borderless table whose value cells
 * have a bottom rule, so typed text stays on its line.
 */
function cover(d: FormDescription): FileChild[] {
  const top = FORM_MARGINS.top;
  const out: FileChild[] = [];
  // Title lines: baselines at 70 mm and 100 mm, as in the PDF.
  const sizes = d.titleLines.map((_, i) => (i === 0 ? PT.小一 : PT.小初));
  let y = top;
  d.titleLines.forEach((text, i) => {
    const size = sizes[i] ?? PT.小初;
    const baseline = 70 * MM + (i === 0 ? 0 : 30 * MM + (i - 1) * 20 * MM);
    const lineHeight = size * 1.3;
    const before = Math.max(0, baseline - y - (lineHeight - size) / 2 - ASCENT * size);
    // 'song' at these sizes is the title font (小标宋), as official titles are set in Word.
    out.push(textParagraph(text, { style: 'song', size, lineHeight, align: 'center', before }));
    y += before + lineHeight;
  });
  const size = PT.三号;
  const rowHeight = size * 1.6 + 12 * MM;
  const labelWidth = 35 * MM;
  const lineWidth = A4.width - 40 * MM - 80 * MM;
  // The first field's line sits 4 pt below its baseline at 130 mm.
  const tableTop = 130 * MM + 4 - rowHeight;
  out.push(textParagraph('', { style: 'fangsong', size: 1, lineHeight: Math.max(1, tableTop - y), align: 'left' }));
  const rule = { style: BorderStyle.SINGLE, size: 5, color: '000000' } as const;
  const rows = d.coverFields.map((f) => {
    const text = d.blank && f.date ? '　　　　年　　　月　　　日' : f.text;
    const label = new TableCell({
      width: { size: twips(labelWidth), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      borders: { top: NONE, left: NONE, right: NONE, bottom: NONE },
      children: [textParagraph(f.label, { style: 'hei', size, lineHeight: size * 1.6, align: 'left' })],
    });
    const value = new TableCell({
      width: { size: twips(lineWidth), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      borders: { top: NONE, left: NONE, right: NONE, bottom: rule },
      children: text.split('\n').map((p) => textParagraph(p, { style: 'fangsong', size, lineHeight: size * 1.6, align: 'left' })),
    });
    return new TableRow({ children: [label, value], height: { value: twips(rowHeight), rule: HeightRule.ATLEAST }, cantSplit: true });
  });
  out.push(
    new Table({
      rows,
      columnWidths: [twips(labelWidth), twips(lineWidth)],
      width: { size: twips(labelWidth + lineWidth), type: WidthType.DXA },
      indent: { size: twips(45 * MM - FORM_MARGINS.left), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      margins: { top: 0, bottom: twips(2), left: twips(2), right: twips(2) },
    }),
  );
  const footerBaseline = A4.height - 45 * MM;
  const after = tableTop + rows.length * rowHeight;
  const lineHeight = size * 1.3;
  const before = Math.max(0, footerBaseline - after - (lineHeight - size) / 2 - ASCENT * size);
  out.push(textParagraph(d.coverFooter, { style: 'kai', size, lineHeight, align: 'center', before }));
  return out;
}

const body = { style: BODY_STYLE, size: BODY_SIZE };

export function formWordSpec(d: FormDescription): WordDocumentSpec {
  return {
    title: d.title,
    subject: d.subject,
    sections: [
      { children: cover(d), margins: FORM_MARGINS, pageNumbers: false },
      { children: blocksToWord(d.notes, body), margins: FORM_MARGINS, pageNumbers: false },
      { children: [...blocksToWord(d.body, body), textParagraph('', { ...body, size: 1, lineHeight: 1, align: 'left' })], margins: FORM_MARGINS, pageNumbers: true },
    ],
  };
}

/**
 * GB/T 9704's text block holds 28 characters of 三号 (16 pt) in 156 mm, 15.8 pt each: the body text is condensed
 * by the difference, as Word's 文档网格 would do (a character grid LibreOffice reads as two cells per character).
 */
const OFFICIAL = { style: BODY_STYLE, size: PT.三号, pitch: (A4.width - MATERIALS_MARGINS.left - MATERIALS_MARGINS.right) / 28 };

export function materialsWordSpec(app: Application, ctx: NoticeContext, outline: OutlineTemplate): WordDocumentSpec {
  const d = materialsDescription(app, ctx, outline);
  return {
    title: d.title,
    subject: d.subject,
    sections: [
      { children: blocksToWord(d.titlePage, OFFICIAL), margins: MATERIALS_MARGINS, pageNumbers: false },
      { children: blocksToWord(d.body, OFFICIAL), margins: MATERIALS_MARGINS, pageNumbers: true },
    ],
  };
}

export function outlineWordSpec(outline: OutlineTemplate, sections: readonly OutlineSection[]): WordDocumentSpec {
  return {
    title: outline.titleLines.join('').replace(/\s+/g, ''),
    subject: '南昌市总工会 洪工办〔2021〕31号 附件2',
    sections: [{ children: blocksToWord(outlineDescription(outline, sections), OFFICIAL), margins: MATERIALS_MARGINS, pageNumbers: true }],
  };
}

export type WordKind = 'form' | 'materials' | 'blankForm' | 'outline';

export interface WordJob {
  kind: WordKind;
  app: Application;
  ctx: NoticeContext;
  form: FormTemplate;
  outline: OutlineTemplate;
  /** The 附件2 outline's headings and items (for the blank outline). */
  outlineSections?: OutlineSection[];
}

export function wordSpec(job: WordJob): WordDocumentSpec {
  switch (job.kind) {
    case 'form':
      return formWordSpec(applicationFormDescription(job.app, job.ctx, job.form));
    case 'blankForm':
      return formWordSpec(applicationFormDescription(job.app, job.ctx, job.form, { blank: true }));
    case 'materials':
      return materialsWordSpec(job.app, job.ctx, job.outline);
    case 'outline':
      return outlineWordSpec(job.outline, job.outlineSections ?? []);
  }
}

/** From a job to .docx bytes. */
export function makeWord(job: WordJob): Promise<Uint8Array<ArrayBuffer>> {
  return packWord(wordSpec(job));
}
