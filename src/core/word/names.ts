// File names and type of the Word editions: the PDFs' names with .docx, so the two editions sort side by side.
import { PDF_NAMES } from '../package/layout';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const docx = (pdfName: string) => pdfName.replace(/\.pdf$/, '.docx');

export const WORD_NAMES = { form: docx(PDF_NAMES.form), materials: docx(PDF_NAMES.materials) } as const;

/** Download name of a blank edition: the attachment's own title (附件1, 附件2). */
export const blankWordName = (title: string): string => `${title}.docx`;
