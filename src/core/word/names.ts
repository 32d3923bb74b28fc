// Type and blank-edition names of the Word editions (the filled files' names are WORD_NAMES in package/layout.ts,
// beside the PDFs' names).
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Download name of a blank edition: the attachment's own title (附件1, 附件2). */
export const blankWordName = (title: string): string => `${title}.docx`;
