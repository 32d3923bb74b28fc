// The Word editions read back as XML: the body style's East Asian font, A4 and the PDF's margins, page numbers,
// and tables that match the shared description (one w:tbl per table block, as many rows, header rows repeated,
// fixed widths).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import type { Application } from '../../src/core/application/types';
import { applicationFormDescription, FORM_MARGINS } from '../../src/core/pdf/documents/applicationForm';
import { materialsDescription } from '../../src/core/pdf/documents/materials';
import type { TableBlock } from '../../src/core/pdf/layout/types';
import { makeWord, type WordKind } from '../../src/core/word/documents';
import { CTX, typicalApplication } from './fixture';
import { FORM, OUTLINE } from './pdf-node';

async function parts(kind: WordKind, app: Application = typicalApplication()) {
  const bytes = await makeWord({ kind, app, ctx: CTX, form: FORM, outline: OUTLINE, outlineSections: [{ heading: '一、创新工作室基本情况', items: ['1.工作室概况：建立的背景及意义。'] }] });
  const files = unzipSync(bytes);
  const read = async (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const zip = { names: Object.keys(files), read };
  return { bytes, zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), settings: await read('word/settings.xml') };
}

const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const tablesOf = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const rowsOf = (tbl: string): string[] => tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
const twips = (pt: number) => Math.round(pt * 20);

describe('the filled 申报表 as .docx', { timeout: 30_000 }, () => {
  it('sets the body in 仿宋 小四, named in the East Asian slot of the default run and of the Normal style', async () => {
    const { styles } = await parts('form');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"/);
    expect(defaults).not.toMatch(/w:eastAsiaTheme=/); // a theme font would win over the named one
    expect(defaults).toContain('<w:sz w:val="24"/>');
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(normal).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"/);
  });

  it('is A4 with the PDF’s margins, three sections, pages numbered "— n —" from 1 on odd and even pages', async () => {
    const { document, settings, zip } = await parts('form');
    const sections = document.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(3);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(s).toContain(`w:top="${twips(FORM_MARGINS.top)}"`);
      expect(s).toContain(`w:left="${twips(FORM_MARGINS.left)}"`);
      expect(s).toContain(`w:right="${twips(FORM_MARGINS.right)}"`);
    }
    expect(sections[2]).toContain('<w:pgNumType w:start="1"/>');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(zip.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.read(n)));
    const numbered = footers.filter((f) => f.includes('PAGE'));
    expect(numbered).toHaveLength(2);
    for (const f of numbered) expect(textOf(f)).toBe('—  —'); // the PAGE field sits between the two text runs
    expect(numbered.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(numbered.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('has one fixed-width table per table block of the description, with its rows and repeated header rows', async () => {
    const app = typicalApplication();
    const { document } = await parts('form', app);
    const described = applicationFormDescription(app, CTX, FORM).body.filter((b): b is TableBlock => b.kind === 'table');
    const tables = tablesOf(document).slice(1); // the first is the cover's field lines
    expect(tables).toHaveLength(described.length);
    described.forEach((block, i) => {
      const tbl = tables[i] ?? '';
      const rows = rowsOf(tbl);
      expect(rows).toHaveLength(block.rows.length);
      expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toEqual(block.columns.map(twips));
      rows.forEach((row, r) => expect(row.includes('<w:tblHeader/>')).toBe(r < (block.headerRows ?? 0)));
      expect(textOf(tbl)).toBe(block.rows.map((row) => row.cells.map((c) => c.text.replace(/\n/g, '') + (c.footer ?? []).map((f) => f.trimEnd()).join('')).join('')).join(''));
    });
  });

  it('gives each list table its title row, its column headers and one row per entry', async () => {
    const app = typicalApplication();
    const { document } = await parts('form', app);
    const tables = tablesOf(document);
    const rowsOfTitled = (title: string) => rowsOf(tables.find((t) => textOf(rowsOf(t)[0] ?? '').startsWith(title)) ?? '').length;
    expect(rowsOfTitled('所获荣誉')).toBe(2 + app.leader.honors.length);
    expect(rowsOfTitled('团队成员')).toBe(2 + app.team.members.length);
    expect(rowsOfTitled('经费主要来源')).toBe(2 + app.funding.sources.length);
    expect(rowsOfTitled('命名单位及命名日期')).toBe(2 + app.naming.items.length);
    expect(rowsOfTitled('技术创新')).toBe(2 + app.performance.innovations.length);
    expect(rowsOfTitled('培养人才')).toBe(2 + app.performance.talents.length);
    expect(rowsOfTitled('攻关项目')).toBe(2 + app.projects.length);
  });

  it('prints 无 where the form says 无 (说明7), and every run names its East Asian font', async () => {
    const app = typicalApplication();
    app.naming = { hasNaming: false, items: [] };
    app.remarks = '';
    const { document } = await parts('form', app);
    const rows = tablesOf(document).flatMap(rowsOf).map(textOf);
    expect(rows).toContain('命名单位及命名日期无');
    expect(rows).toContain('其他需要说明的情况无');
    const runs = document.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.filter((r) => !/<w:rFonts [^>]*w:eastAsia="[^"]+"/.test(r))).toEqual([]);
  });

  it('is small: well under 100 KB for the typical application', async () => {
    const { bytes } = await parts('form');
    expect(bytes.byteLength).toBeLessThan(100 * 1024);
  });
});

describe('the other Word editions', { timeout: 30_000 }, () => {
  it('申报材料: the description’s paragraphs in order, headings in 黑体 and 楷体, the body in 仿宋 三号', async () => {
    const app = typicalApplication();
    const { document } = await parts('materials', app);
    const d = materialsDescription(app, CTX, OUTLINE);
    const paragraphs = (document.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map(textOf).filter((t) => t !== '');
    const expected = [...d.titlePage, ...d.body].flatMap((b) => (b.kind === 'paragraph' && b.text !== '' ? [b.text] : []));
    expect(paragraphs).toEqual(expected);
    expect(document).toMatch(/w:eastAsia="黑体"[^]*一、创新工作室基本情况/);
    expect(document).toMatch(/w:eastAsia="楷体"[^]*1\.工作室概况/);
    expect(document).toContain('<w:sz w:val="32"/>');
  });

  it('the blank 申报表 has every label and no value, and room for the date on the cover', async () => {
    const { document } = await parts('blankForm', emptyApplication());
    const text = textOf(document);
    for (const label of ['工作室名称', '领衔人', '团队成员', '经济效益说明', '所在单位工会意见', '签名：', '（盖章）']) expect(text).toContain(label);
    expect(text).toContain('年　　　月　　　日');
    // The title in 小标宋, the cover's labels in 黑体.
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^<]*\/>(?:<[^>]+>)*申 报 表</);
    expect(document).toMatch(/w:eastAsia="黑体"[^<]*\/>(?:<[^>]+>)*工作室名称</);
    expect(text).not.toContain('熊建华');
  });

  it('the blank outline: its title, headings and items, each followed by an empty paragraph to write in', async () => {
    const { document } = await parts('outline', emptyApplication());
    const paragraphs = (document.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map(textOf);
    const item = paragraphs.indexOf('1.工作室概况：建立的背景及意义。');
    expect(paragraphs.slice(0, 2)).toEqual(OUTLINE.titleLines);
    expect(paragraphs).toContain('一、创新工作室基本情况');
    expect(item).toBeGreaterThan(0);
    expect(paragraphs[item + 1]).toBe('');
  });
});
