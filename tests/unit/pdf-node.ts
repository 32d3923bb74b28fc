// Shared by the PDF tests: the bundled fonts from public/fonts (made by `npm run build:fonts`), read from disk.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunkFace, createFontResolver, planFonts, validateFontManifest, type DocumentText } from '../../src/core/pdf/fonts';
import type { PdfFonts } from '../../src/core/pdf/makePdf';
import type { FormTemplate, OutlineTemplate } from '../../src/core/pdf/documents/template';

const fontDir = fileURLToPath(new URL('../../public/fonts/noto-serif-sc/', import.meta.url));

export function fontsBuilt(): boolean {
  return existsSync(`${fontDir}manifest.json`);
}

export function nodeFonts(texts: DocumentText[]): PdfFonts & { unprintable: string[] } {
  const manifest = validateFontManifest(JSON.parse(readFileSync(`${fontDir}manifest.json`, 'utf8')));
  const plan = planFonts(texts, manifest);
  const fonts = plan.chunks.map((file) => {
    const b = readFileSync(`${fontDir}${file}`);
    return { name: file, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), face: chunkFace(manifest, file) };
  });
  return { fonts, resolver: createFontResolver(manifest), unprintable: plan.unprintable.map((u) => u.char) };
}

/** The 填表说明 items of the notice as issued: the numbered lines after "填 表 说 明". */
function notesOfSource(): string[] {
  const lines = readFileSync(fileURLToPath(new URL('../fixtures/notice-hong-gong-ban-2021-31.txt', import.meta.url)), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '填 表 说 明');
  const end = lines.findIndex((l) => l.trim() === '附件2');
  return lines.slice(start + 1, end).map((l) => l.trim()).filter((l) => /^\d{1,2}\./.test(l));
}

/** The wording of 附件1 and 附件2 as the site passes it (src/site/templates.ts reads the same content). */
export const FORM: FormTemplate = {
  titleLines: ['2021年南昌市劳模创新工作室', '申 报 表'],
  coverFields: ['工作室名称', '所在单位', '单位类型', '所属行业', '推荐单位', '填报日期'],
  coverFooter: '南昌市总工会制',
  notes: notesOfSource(),
};

export const OUTLINE: OutlineTemplate = { titleLines: ['南昌市2021年劳模创新工作室申报材料', '参 考 提 纲'] };
