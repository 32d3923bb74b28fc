import { describe, expect, it } from 'vitest';
import { createGbkTable, encodeGbk } from '../../src/core/package/gbk';

const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' '));

describe('GBK encoding', () => {
  it('builds its table by inverting the GBK decoder, in a few milliseconds', () => {
    const start = performance.now();
    const table = createGbkTable();
    const elapsed = performance.now() - start;
    const entries = table.reduce((n, code) => (code === 0 ? n : n + 1), 0);
    // Reported, not asserted: the time depends on the machine.
    console.info(`GBK table: ${entries} characters in ${elapsed.toFixed(1)} ms`);
    expect(entries).toBeGreaterThan(21_000);
  });

  it('encodes 熊建华劳模创新工作室 as the GBK bytes that Python’s codec and the decoder agree on', () => {
    // Python 3: '熊建华劳模创新工作室'.encode('gbk').hex(' ')
    const expected = 'd0 dc bd a8 bb aa c0 cd c4 a3 b4 b4 d0 c2 b9 a4 d7 f7 ca d2';
    const bytes = encodeGbk('熊建华劳模创新工作室');
    expect(hex(bytes)).toBe(expected);
    expect(new TextDecoder('gbk').decode(bytes ?? new Uint8Array())).toBe('熊建华劳模创新工作室');
  });

  it('keeps ASCII as single bytes and full-width punctuation as two', () => {
    expect(hex(encodeGbk('01-申报表.pdf'))).toBe('30 31 2d c9 ea b1 a8 b1 ed 2e 70 64 66');
    expect(hex(encodeGbk('（2）'))).toBe('a3 a8 32 a3 a9');
  });

  it('round-trips every character of the table through the decoder', () => {
    const table = createGbkTable();
    const decoder = new TextDecoder('gbk');
    let checked = 0;
    table.forEach((code, codePoint) => {
      if (code === 0) return;
      const char = String.fromCharCode(codePoint);
      const bytes = encodeGbk(char);
      expect(bytes === null ? '' : decoder.decode(bytes)).toBe(char);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(21_000);
  });

  it('returns null for 𠮷, an emoji and a character only GB18030’s four-byte codes have', () => {
    expect(encodeGbk('𠮷')).toBeNull();
    expect(encodeGbk('外景📷')).toBeNull();
    expect(encodeGbk('\u0100')).toBeNull(); // Ā: GB18030 four-byte 0x81308A35... only
    expect(encodeGbk('吉祥')).not.toBeNull();
  });

  it('leaves out characters where GB18030 and Windows code page 936 disagree, and private-use ones', () => {
    // Browsers decode these codes as real characters, Windows 7 Explorer (code page 936) as private use.
    for (const char of ['€', '\uFE10', 'ḿ', '\u2FF0', '\u2E81', '\u9FB4', '\uE000', '\uE76C']) {
      expect(encodeGbk(char), char).toBeNull();
    }
    expect(hex(encodeGbk('\u3000'))).toBe('a1 a1');
  });
});
