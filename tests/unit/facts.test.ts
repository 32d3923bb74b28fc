// One draft with 推荐单位 = 其他: the 申报表 and 申报材料 PDFs, the package's zip name and 材料清单, the
// hand-off mail and the drafts list must all name the same candidate the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { candidateTitle, mailBody, mailSubject, mailtoHref, printedRecommender, teamSizeText } from '../../src/core/application/facts';
import { newDraft } from '../../src/core/draft/restore';
import { documentTexts, makePdf, type PdfJob, type PdfKind } from '../../src/core/pdf/makePdf';
import { createPackage } from '../../src/core/package/createPackage';
import { summarizeDraft } from '../../src/core/draft/summary';
import { CTX, typicalApplication } from './fixture';
import { FORM, nodeFonts, OUTLINE } from './pdf-node';

const CONTACTS = { deadline: '2021-07-30', email: 'ncszghjjb@163.com', submitTo: '市总工会经济技术部' };
const TYPED = '南昌市某某局工会';

function otherRecommender() {
  const app = typicalApplication();
  app.cover.recommender = '其他';
  app.cover.recommenderOther = `  ${TYPED} `;
  app.cover.studioName = ' 熊建华劳模创新工作室';
  return app;
}

const out = mkdtempSync(join(tmpdir(), 'lmcx-facts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function pdfText(kind: PdfKind, app = otherRecommender()): string {
  const job: PdfJob = { kind, app, ctx: CTX, form: FORM, outline: OUTLINE };
  const file = join(out, `${kind}.pdf`);
  writeFileSync(file, new Uint8Array(makePdf(job, nodeFonts(documentTexts(job))).bytes));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

describe('推荐单位 as printed', () => {
  it('is the typed name for 其他, trimmed, and 其他 itself until a name is typed', () => {
    expect(printedRecommender({ recommender: '其他', recommenderOther: ` ${TYPED} ` })).toBe(TYPED);
    expect(printedRecommender({ recommender: '其他', recommenderOther: '  ' })).toBe('其他');
    expect(printedRecommender({ recommender: '其他' })).toBe('其他');
    expect(printedRecommender({ recommender: '东湖区总工会', recommenderOther: TYPED })).toBe('东湖区总工会');
    expect(printedRecommender({})).toBe('');
  });
});

describe('one draft with 推荐单位 = 其他', () => {
  const expected = `${TYPED}-熊建华劳模创新工作室`;

  it('is named the same by the PDFs, the zip, the mail and the drafts list', async () => {
    const app = otherRecommender();
    const form = pdfText('form', app);
    expect(form).toContain(`推荐单位 ${TYPED}`);
    expect(form).not.toMatch(/推荐单位 其他/);
    expect(pdfText('materials', app)).toContain(`推荐单位：${TYPED}`);

    const built = await createPackage(app, { pdfs: { form: new Blob(['%PDF']) }, attachments: [] }, { now: '2021-07-12T01:30:00Z' });
    expect(built.zipName).toBe(`申报材料包-${expected}.zip`);
    expect(await built.layout.entries.find((e) => e.path.endsWith('材料清单.txt'))?.data.text()).toContain(`推荐单位：${TYPED}\r\n`);

    expect(mailSubject(app, CTX)).toBe(`2021年南昌市劳模创新工作室申报-${expected}`);
    expect(mailBody(app, CTX, CONTACTS)).toContain(`推荐单位：${TYPED}\r\n`);

    expect(summarizeDraft(app, CTX).recommender).toBe(TYPED);
    expect(newDraft(app, '2021-07-01T00:00:00Z', 'd1').title).toBe(candidateTitle(app));
  });

  it('addresses the mail to the notice’s mailbox and department, with placeholders for what is not filled in', () => {
    const app = otherRecommender();
    const href = mailtoHref(app, CTX, CONTACTS);
    expect(href.startsWith('mailto:ncszghjjb@163.com?subject=')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf('&body=') + 6))).toMatch(/^南昌市总工会经济技术部：\r\n/);
    const empty = typicalApplication();
    delete empty.cover.recommender;
    delete empty.cover.studioName;
    expect(mailSubject(empty, CTX)).toBe('2021年南昌市劳模创新工作室申报-推荐单位-工作室名称');
  });

  it('names the leader and, when given, the person who filled the form, with phones as normalised', () => {
    const app = typicalApplication();
    app.leader.phone = '138 0791 2345';
    app.contact = { name: '李明', phone: '０７９１—８６２３１２３４' };
    const lines = mailBody(app, CTX, CONTACTS).split('\r\n');
    expect(lines).toContain('领衔人：熊建华　联系电话：13807912345');
    expect(lines.at(-1)).toBe('填表人：李明　联系电话：0791-86231234');
    app.contact = {};
    expect(mailBody(app, CTX, CONTACTS)).not.toContain('填表人');
  });

  it('counts the leader in the team size the same way everywhere', () => {
    expect(teamSizeText(8)).toBe('8人（含领衔人）');
  });
});
