import type { FormTemplate, OutlineTemplate } from '../core/pdf/documents/template';
import type { OutlineSection } from '../core/pdf/documents/materials';
import { loadAttachments } from './notice';

/** Markdown of our own content as the plain text a PDF prints: links keep their text, escapes go. */
export function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([*_\\[\]()#])/g, '$1').trim();
}

async function attachment(no: number) {
  const entry = (await loadAttachments()).find((a) => a.data.no === no);
  if (!entry) throw new Error(`attachment ${no} is missing from src/content/attachments`);
  return entry;
}

/** 附件1's wording for the 申报表 PDF: cover, 填表说明 (numbered paragraphs of the Markdown body). */
export async function formTemplate(): Promise<FormTemplate> {
  const entry = await attachment(1);
  const notes = (entry.body ?? '')
    .split(/\n\s*\n/)
    .map(plainText)
    .filter((p) => /^\d+\./.test(p));
  return {
    titleLines: entry.data.titleLines,
    coverFields: entry.data.coverFields ?? [],
    coverFooter: entry.data.coverFooter ?? '',
    notes,
  };
}

export async function outlineTemplate(): Promise<OutlineTemplate> {
  const entry = await attachment(2);
  return { titleLines: entry.data.titleLines };
}

/** 附件2's headings ("## 一、…") and their numbered items with the outline's guidance, for the blank outline. */
export async function outlineSections(): Promise<OutlineSection[]> {
  const entry = await attachment(2);
  const sections: OutlineSection[] = [];
  for (const p of (entry.body ?? '').split(/\n\s*\n/).map((s) => s.trim())) {
    if (p.startsWith('## ')) sections.push({ heading: plainText(p.slice(3)), items: [] });
    else if (/^\d+\./.test(p)) sections[sections.length - 1]?.items.push(plainText(p));
  }
  return sections;
}
