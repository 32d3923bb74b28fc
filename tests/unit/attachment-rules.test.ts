import { describe, expect, it } from 'vitest';
import { checkIncoming, checkIncomingSet, contentKind } from '../../src/core/attachments/rules';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]);
const MP4 = new Uint8Array([0, 0, 0, 0x20, ...[...'ftypisom'].map((c) => c.charCodeAt(0))]);
const PDF = new TextEncoder().encode('\n%PDF-1.7\n');

describe('contentKind', () => {
  it('tells files by their signature, not their name', () => {
    expect(contentKind(JPEG)).toBe('jpeg');
    expect(contentKind(PNG)).toBe('png');
    expect(contentKind(EXE)).toBe('exe');
    expect(contentKind(MP4)).toBe('iso-media');
    expect(contentKind(PDF)).toBe('pdf');
    expect(contentKind(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('checkIncoming', () => {
  it('accepts a real photo and refuses an .exe named as a photo, naming it', () => {
    expect(checkIncoming('photos', { name: '外景.jpg', size: 6, head: JPEG }, 0)).toEqual({ ok: true });
    const refused = checkIncoming('photos', { name: '02-内景.jpg', size: 5, head: EXE }, 0);
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('“02-内景.jpg”的扩展名是 .jpg，但文件内容是Windows 程序（exe）') });
  });

  it('refuses a PNG named .mp4 as a video, an .exe by its extension and an empty video', () => {
    expect(checkIncoming('video', { name: '介绍.mp4', size: 9, head: PNG }, 0)).toMatchObject({ ok: false, message: expect.stringContaining('PNG 图片') });
    expect(checkIncoming('photos', { name: 'setup.exe', size: 60 * 1024 ** 2, head: EXE }, 0)).toMatchObject({ ok: false, message: expect.stringContaining('只接受JPG 或 PNG 照片') });
    expect(checkIncoming('video', { name: '介绍.mp4', size: 0, head: new Uint8Array() }, 0)).toMatchObject({ ok: false, message: expect.stringContaining('空文件') });
  });
});

describe('checkIncomingSet', () => {
  const photo = (i: number) => ({ category: 'photos' as const, name: `照片${i}.jpg`, size: 6, data: new Blob([JPEG]) });

  it('passes a set within the rules', async () => {
    expect(await checkIncomingSet([photo(1), photo(2)])).toBeNull();
  });

  it('refuses an over-count and a disguised file, naming each', async () => {
    const files = [...Array.from({ length: 31 }, (_, i) => photo(i)), { category: 'photos' as const, name: '02-内景.exe', size: 5, data: new Blob([EXE]) }];
    const message = await checkIncomingSet(files);
    expect(message).toContain('工作室内外观布局照片最多 30 个文件，文件中有 32 个。');
    expect(message).toContain('“02-内景.exe”不能作为工作室内外观布局照片');
  });

  it('refuses a 2 GB "photo" by its size', async () => {
    const message = await checkIncomingSet([{ category: 'photos', name: '大.jpg', size: 2 * 1024 ** 3, data: new Blob([JPEG]) }]);
    expect(message).toContain('“大.jpg”太大');
  });
});
