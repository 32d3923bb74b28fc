import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkArchive, isUnsafeName } from '../../src/core/desk/archiveChecks';
import { draftFromReport } from '../../src/core/desk/toDraft';
import { verifyFile } from '../../src/core/desk/verify';
import { openZip, ZipReadError } from '../../src/core/package/zipReader';
import { encodeGbk } from '../../src/core/package/gbk';
import { CTX, schemaValidator } from './fixture';
import { NOW, samplePackage } from './desk-fixture';

describe('openZip', { timeout: 60_000 }, () => {
  it('reads GBK names without the UTF-8 flag or a Unicode path field, as Chinese Windows writes them', async () => {
    // An ASCII placeholder of the same length, then the GBK bytes put in its place: flag clear, no extra field.
    const bytes = execFileSync('python3', ['-c', `
import io, sys, zipfile
name = '申报材料/材料清单.txt'.encode('gbk')
out = io.BytesIO()
with zipfile.ZipFile(out, 'w') as z:
    z.writestr('x' * len(name), '内容'.encode('utf-8'))
sys.stdout.buffer.write(out.getvalue().replace(b'x' * len(name), name))
`]);
    const opened = await openZip(new Blob([bytes]));
    const { entries } = opened;
    expect(entries.map((h) => h.flags & 0x800)).toEqual([0]);
    expect([...(entries[0]?.rawName ?? [])]).toEqual([...(encodeGbk('申报材料/材料清单.txt') ?? [])]);
    expect(entries.map((i) => i.name)).toEqual(['申报材料/材料清单.txt']);
    const item = entries[0];
    if (item === undefined) throw new Error('no entry');
    expect(await opened.text(item, 100)).toBe('内容');
  });

  it('reads the names of a package the site built (GBK with the 0x7075 field)', async () => {
    const built = await samplePackage();
    const opened = await openZip(built.zip);
    expect(opened.entries.map((i) => i.name)).toContain(`${built.layout.rootFolder}/04-照片/01-外景.jpg`);
  });

  it('stops an entry that inflates beyond the limit', async () => {
    const zip = new JSZip();
    zip.file('zeros.bin', new Uint8Array(2 * 1024 * 1024), { compression: 'DEFLATE' });
    const opened = await openZip(await zip.generateAsync({ type: 'blob' }));
    const item = opened.entries[0];
    if (item === undefined) throw new Error('no entry');
    await expect(opened.inflate(item, () => undefined, { maxBytes: 1024 })).rejects.toBeInstanceOf(ZipReadError);
    await expect(opened.blob(item, { maxBytes: 1024 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('lists names twice over when asked, for the desk to judge, and refuses them otherwise', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    zip.file('b.txt', 'y');
    // The second entry renamed in its local and central records: a zip with two entries named a.txt.
    const raw = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
    const twice = new Blob([Buffer.from(raw.toString('latin1').replaceAll('b.txt', 'a.txt'), 'latin1')]);
    expect((await openZip(twice, { duplicateNames: 'list' })).entries.map((e) => e.name)).toEqual(['a.txt', 'a.txt']);
    await expect(openZip(twice)).rejects.toMatchObject({ code: 'damaged' });
  });
});

describe('checkArchive', { timeout: 60_000 }, () => {
  it('knows names that escape the folder', () => {
    for (const name of ['../a.txt', 'a/../../b', '/etc/passwd', 'C:/x.txt', '..\\x.txt', '\\\\server\\x', 'a\u0000.txt']) expect(isUnsafeName(name), name).toBe(true);
    for (const name of ['a/b.txt', '申报材料/04-照片/01-外景.jpg', 'a..b.txt']) expect(isUnsafeName(name), name).toBe(false);
  });

  it('passes the package the site builds', async () => {
    const built = await samplePackage();
    expect(checkArchive((await openZip(built.zip)).entries)).toEqual([]);
  });
});

describe('draftFromReport', { timeout: 60_000 }, () => {
  it('turns a verified package into a draft with its attachments in order and photos captioned', async () => {
    const built = await samplePackage();
    const report = await verifyFile(built.zip, built.zipName, { ctx: CTX, schemaValidate: schemaValidator(), id: 'r', now: NOW });
    let n = 0;
    const made = draftFromReport(report, NOW, () => `id${(n += 1)}`);
    expect(made?.draft.data.cover.studioName).toBe('熊建华劳模创新工作室');
    expect(made?.attachments.map((a) => a.meta.category)).toEqual(['video', 'photos', 'photos', 'proof.investment', 'proof.innovations', 'proof.economicBenefit', 'proof.talents', 'proof.honors']);
    expect(made?.attachments.filter((a) => a.meta.category === 'photos').map((a) => [a.meta.caption, a.meta.order])).toEqual([['外景', 0], ['内景', 1]]);
    const video = made?.attachments[0];
    expect(video?.data.size).toBe(video?.meta.size);
  });

  it('refuses a package that failed verification', () => {
    expect(draftFromReport({ id: 'x', fileName: 'x.zip', size: 1, kind: 'package', verdict: 'failed', findings: [], files: [], missing: [], separate: [] }, NOW, () => 'id')).toBeNull();
  });
});
