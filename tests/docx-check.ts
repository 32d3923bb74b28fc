// Shared by the unit and browser tests of the Word editions: LibreOffice converts a .docx to PDF (as a reviewer's
// WPS or Word would open it), pdftotext reads it back, and the draft's values are listed as they print.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Application } from '../src/core/application/types';

const NOTO = fileURLToPath(new URL('../node_modules/@expo-google-fonts/noto-serif-sc/400Regular/', import.meta.url));
/** The fonts the documents name; Windows has them, this machine does not. */
const NAMED_FONTS = ['仿宋', '黑体', '楷体', '宋体', '方正小标宋简体'];

/**
 * A fontconfig setup that stands Noto Serif SC (the PDFs' own font, from npm) in for the Windows fonts the .docx
 * names, so the conversion measures the same glyphs on every machine, whatever CJK fonts it has.
 */
function fontConfig(dir: string): string {
  const file = join(dir, 'fonts.conf');
  const alias = (name: string) =>
    `<match target="pattern"><test name="family"><string>${name}</string></test><edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit></match>`;
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${NOTO}</dir><cachedir>${join(dir, 'cache')}</cachedir>${NAMED_FONTS.map(alias).join('')}</fontconfig>`,
  );
  return file;
}

/** Converts .docx files to PDF in one LibreOffice run (a throwaway profile keeps parallel runs apart). */
export function convertWithLibreOffice(files: string[]): { pdfs: Map<string, string>; log: string } {
  const out = mkdtempSync(join(tmpdir(), 'lmcx-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'lmcx-lo-profile-'));
  let log: string;
  try {
    log = execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(profile) },
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const made = new Set(readdirSync(out));
  const pdfs = new Map<string, string>();
  for (const f of files) {
    const pdf = `${basename(f).replace(/\.docx$/, '')}.pdf`;
    if (made.has(pdf)) pdfs.set(f, join(out, pdf));
  }
  return { pdfs, log };
}


export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** The text of a PDF with all white space and the page numbers ("— 3 —") taken out. */
export function flatPdfText(file: string): string {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return text
    .split('\n')
    .filter((l) => !/^\s*— \d+ —\s*$/.test(l))
    .join('')
    .replace(/\s+/g, '');
}

const officialDate = (v: string): string => {
  const [y, m, d] = v.split('-').map(Number);
  return `${y}年${m}月${d === undefined ? '' : `${d}日`}`;
};

/**
 * Every value of the draft as the 申报表 ('form') or the 申报材料 ('materials') prints it: texts as typed (white space
 * aside), dates the official way, numbers as numbers, the 门类 by its name. The 填表联系人 is never printed.
 */
/** 门类 names by letter, from the schema (read as a file: the browser tests cannot import JSON modules). */
function industryNames(): Map<string, string> {
  const schema = JSON.parse(readFileSync(new URL('../schemas/application.schema.json', import.meta.url), 'utf8')) as {
    properties: { cover: { properties: { industry: { oneOf: { const: string; title: string }[] } } } };
  };
  return new Map(schema.properties.cover.properties.industry.oneOf.map((o) => [o.const, o.title]));
}

export function printedValues(app: Application, kind: 'form' | 'materials'): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (path === 'contact' || path === 'naming.hasNaming') return;
    if (kind === 'form' && path === 'materials') return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    else if (kind === 'materials' && !path.startsWith('materials.')) return;
    else if (path === 'cover.industry' && typeof v === 'string') out.push(industryNames().get(v) ?? v);
    else if (typeof v === 'string' && v !== '') out.push(/^\d{4}-\d{2}(-\d{2})?$/.test(v) ? officialDate(v) : v.replace(/\s+/g, ''));
    else if (typeof v === 'number') out.push(String(v));
  };
  walk(app, '');
  return out;
}

/** The typical application made long: every long text eight times over, and twice the list rows. */
export function longApplication(typical: Application): Application {
  const app = structuredClone(typical);
  const long = (t = '') => Array.from({ length: 8 }, (_, i) => `（第${i + 1}段）${t}`).join('\n');
  app.summary = long(app.summary);
  app.achievements = long(app.achievements);
  app.performance.socialBenefit = long(app.performance.socialBenefit);
  for (const group of Object.values(app.materials)) {
    const texts = group as Record<string, string>;
    for (const key of Object.keys(texts)) texts[key] = long(texts[key]);
  }
  app.team.members = [...app.team.members, ...app.team.members.map((m) => ({ ...m, name: `${m.name}乙` }))];
  app.performance.innovations = [...app.performance.innovations, ...app.performance.innovations.map((x) => ({ ...x, number: `${x.number}-B` }))];
  return app;
}
