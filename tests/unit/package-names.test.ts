import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARACTERS, safeEntryName, splitExtension, uniqueNames } from '../../src/core/package/names';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

describe('safe entry names', () => {
  it('keeps only the last segment of a path, so ../../a.pdf cannot climb out of the folder', () => {
    expect(safeEntryName('../../a.pdf', '附件')).toBe('a.pdf');
    expect(safeEntryName('..\\..\\windows\\system.ini', '附件')).toBe('system.ini');
    expect(safeEntryName('..', '附件')).toBe('附件');
    expect(safeEntryName('C:\\fakepath\\外景.jpg', '附件')).toBe('外景.jpg');
  });

  it('prefixes device names Windows reserves, with or without an extension', () => {
    expect(safeEntryName('CON.jpg', '附件')).toBe('_CON.jpg');
    expect(safeEntryName('con', '附件')).toBe('_con');
    expect(safeEntryName('lpt9.pdf', '附件')).toBe('_lpt9.pdf');
    expect(safeEntryName('aux.tar.gz', '附件')).toBe('_aux.tar.gz');
    expect(safeEntryName('console.jpg', '附件')).toBe('console.jpg');
  });

  it('removes the characters Windows refuses and control characters', () => {
    expect(safeEntryName('a<b>.png', '附件')).toBe('ab.png');
    expect(safeEntryName('a:b|c?.pdf', '附件')).toBe('abc.pdf');
    expect(safeEntryName('"星号*".txt', '附件')).toBe('星号.txt');
    expect(safeEntryName('外景\u0000\u001f\u202Egpj.exe', '附件')).toBe('外景gpj.exe');
    expect(safeEntryName('<>:"|?*', '附件')).toBe('附件');
  });

  it('drops trailing dots and spaces, which Windows would silently strip', () => {
    expect(safeEntryName('报告...', '附件')).toBe('报告');
    expect(safeEntryName('报告.pdf. . ', '附件')).toBe('报告.pdf');
    expect(safeEntryName(' . . ', '附件')).toBe('附件');
  });

  it('cuts a 300-character name to 80 characters, keeping the extension', () => {
    const name = safeEntryName(`${'a'.repeat(300)}.pdf`, '附件');
    expect(name).toHaveLength(MAX_NAME_CHARACTERS);
    expect(name).toBe(`${'a'.repeat(76)}.pdf`);
  });

  it('cuts a 300-character Chinese name to 200 bytes of UTF-8, keeping the extension', () => {
    const name = safeEntryName(`${'很'.repeat(300)}.pdf`, '附件');
    expect(name).toBe(`${'很'.repeat(65)}.pdf`);
    expect(utf8Length(name)).toBe(199);
  });

  it('cuts a name to the bytes its folder leaves, never inside a character', () => {
    const name = safeEntryName(`${'𠮷'.repeat(50)}.jpg`, '附件', { maxBytes: 50 });
    expect(utf8Length(name)).toBeLessThanOrEqual(50);
    expect(name).toBe(`${'𠮷'.repeat(11)}.jpg`);
    expect(safeEntryName('外景.jpg', '附件', { maxBytes: 3 })).toBe('_.jpg');
  });

  it('normalises to NFC, so a name from macOS (NFD) encodes like the same name typed on Windows', () => {
    expect(safeEntryName('Cafe\u0301.jpg', '附件')).toBe('Caf\u00e9.jpg');
  });

  it('splits off only a short extension of letters or digits', () => {
    expect(splitExtension('外景.JPG')).toEqual({ stem: '外景', extension: '.JPG' });
    expect(splitExtension('.hidden')).toEqual({ stem: '.hidden', extension: '' });
    expect(splitExtension('v1.2 final')).toEqual({ stem: 'v1.2 final', extension: '' });
  });
});

describe('unique names', () => {
  it('numbers duplicates before the extension with full-width parentheses', () => {
    expect(uniqueNames(['外景.jpg', '外景.jpg', '外景.jpg'])).toEqual(['外景.jpg', '外景（2）.jpg', '外景（3）.jpg']);
  });

  it('compares ignoring case, as Windows does', () => {
    expect(uniqueNames(['Photo.JPG', 'photo.jpg', 'PHOTO.jpg'])).toEqual(['Photo.JPG', 'photo（2）.jpg', 'PHOTO（3）.jpg']);
  });

  it('never makes a name that is already in the list', () => {
    expect(uniqueNames(['a.pdf', 'a.pdf', 'a（2）.pdf'])).toEqual(['a.pdf', 'a（3）.pdf', 'a（2）.pdf']);
  });

  it('keeps a numbered name within the limits', () => {
    const long = `${'a'.repeat(76)}.pdf`;
    const [, second] = uniqueNames([long, long]);
    expect(second).toBe(`${'a'.repeat(73)}（2）.pdf`);
    expect(second).toHaveLength(80);
    const chinese = `${'长'.repeat(20)}.pdf`;
    const [, numbered] = uniqueNames([chinese, chinese], { maxBytes: 60 });
    expect(numbered).toBe(`${'长'.repeat(16)}（2）.pdf`); // 48 + 7 + 4 bytes
    expect(utf8Length(numbered ?? '')).toBeLessThanOrEqual(60);
  });
});
