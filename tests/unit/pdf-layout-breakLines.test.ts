import { describe, expect, it } from 'vitest';
import {
  breakLines,
  countChars,
  drawnWidth,
  fixedWidthMeasurer,
  isForbiddenEnd,
  isForbiddenStart,
  LINE_END_FORBIDDEN,
  LINE_START_FORBIDDEN,
  segment,
  type Line,
} from '../../src/core/pdf/layout';

// Fixed-width fake: 汉字 and full-width marks are 1 em, half-width characters 0.5 em. At size 10 a line of
// maxWidth 100 holds exactly ten 汉字.
const measurer = fixedWidthMeasurer();
const size = 10;
const lines = (text: string, maxWidth = 100, extra: { indent?: number; squeeze?: number; maxStretch?: number } = {}): Line[] =>
  breakLines(text, { maxWidth, size, style: 'fangsong', measurer, ...extra });
const texts = (ls: readonly Line[]): string[] => ls.map((l) => l.text);
const TEN = '一二三四五六七八九十';

/** Every line fits; full lines end exactly at maxWidth; the text is all there, in order. */
function expectWellSet(source: string, ls: readonly Line[], maxWidth = 100): void {
  for (const l of ls) {
    const end = l.indent + drawnWidth(l);
    expect(end).toBeLessThanOrEqual(maxWidth + 1e-6);
    if (l.justify) expect(Math.abs(end - maxWidth)).toBeLessThan(1e-6);
    else expect(l.charSpace).toBe(0);
  }
  expect(texts(ls).join('').replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));
}

describe('禁则数据', () => {
  it('列出行首禁用的标点（含半角）', () => {
    for (const ch of '、，。：；！？”’」』）〕】〗］｝》〉–—～·／,.:;!?)]}') expect(LINE_START_FORBIDDEN.has(ch), ch).toBe(true);
    expect(isForbiddenStart('，')).toBe(true);
    expect(isForbiddenStart('——')).toBe(true);
    expect(isForbiddenStart('中')).toBe(false);
  });

  it('列出行尾禁用的标点（含半角）', () => {
    for (const ch of '“‘「『（〔【〖［｛《〈([{') expect(LINE_END_FORBIDDEN.has(ch), ch).toBe(true);
    expect(isForbiddenEnd('《')).toBe(true);
    expect(isForbiddenEnd('》')).toBe(false);
  });
});

describe('切分不可断开的单位', () => {
  const units = (t: string): string[] => segment(t).map((u) => u.text);

  it('汉字和全角标点各自成为一个单位', () => {
    expect(units('劳模，创新。')).toEqual(['劳', '模', '，', '创', '新', '。']);
  });

  it('电话、邮箱、日期、小数、百分数、专利号、网址各自完整', () => {
    expect(units('电话0791-83868361')).toEqual(['电', '话', '0791-83868361']);
    expect(units('电话0791—83868361。')).toEqual(['电', '话', '0791—83868361', '。']);
    expect(units('邮箱ncszghjjb@163.com，')).toEqual(['邮', '箱', 'ncszghjjb@163.com', '，']);
    expect(units('于2021-07-12成立')).toEqual(['于', '2021-07-12', '成', '立']);
    expect(units('产值123.45万元，增长1.8%')).toEqual(['产', '值', '123.45', '万', '元', '，', '增', '长', '1.8%']);
    expect(units('专利ZL202010123456.7号')).toEqual(['专', '利', 'ZL202010123456.7', '号']);
    expect(units('见https://www.example.com/a?b=1')).toEqual(['见', 'https://www.example.com/a?b=1']);
    expect(units('共1,234项')).toEqual(['共', '1,234', '项']);
  });

  it('句末的半角标点不并入单词', () => {
    expect(units('It works. 好')).toEqual(['It', ' ', 'works', '.', ' ', '好']);
  });

  it('破折号和省略号成对成为一个单位', () => {
    expect(units('甲——乙……丙')).toEqual(['甲', '——', '乙', '……', '丙']);
  });

  it('记录每个单位在原文中的位置', () => {
    const t = '𠮷ab 中';
    expect(segment(t).map((u) => t.slice(u.start, u.start + u.text.length))).toEqual(['𠮷', 'ab', ' ', '中']);
  });
});

describe('行首禁则：标点不出现在行首', () => {
  // TEN fills the line exactly, so the naive break would put the mark at the start of the second line.
  for (const mark of '、，。：；！？”’」』）〕】〗］｝》〉–—～／') {
    it(`全角「${mark}」不在行首：把上一行末字推到下一行`, () => {
      const source = `${TEN}${mark}甲乙丙`;
      const ls = lines(source);
      expect(texts(ls)).toEqual(['一二三四五六七八九', `十${mark}甲乙丙`]);
      expectWellSet(source, ls);
    });
  }

  for (const mark of '、，。：；！？”）》') {
    it(`全角「${mark}」不在行首：余地够半个字时挤进上一行`, () => {
      const source = `${TEN}${mark}甲乙丙`;
      const ls = lines(source, 105);
      expect(texts(ls)).toEqual([`${TEN}${mark}`, '甲乙丙']);
      expect(ls[0]?.charSpace).toBeCloseTo(-0.5, 9);
      expectWellSet(source, ls, 105);
    });
  }

  for (const mark of ',.:;!?)]}·') {
    it(`半角「${mark}」不在行首：挤进上一行`, () => {
      const source = `${TEN}${mark}甲乙丙`;
      const ls = lines(source);
      expect(texts(ls)).toEqual([`${TEN}${mark}`, '甲乙丙']);
      expectWellSet(source, ls);
    });
  }

  it('连续的行首禁用标点（。”）一起处理', () => {
    const source = `${TEN}。”甲乙丙`;
    const ls = lines(source);
    expect(texts(ls)).toEqual(['一二三四五六七八九', '十。”甲乙丙']);
    expectWellSet(source, ls);
  });

  it('挤压不超过半个字宽', () => {
    const ls = lines(`${TEN}，甲`, 104);
    expect(texts(ls)).toEqual(['一二三四五六七八九', '十，甲']);
  });

  it('窄格子里推无可推时，宁可挤压也不让标点落在行首', () => {
    const ls = lines('甲，乙。', 15);
    expect(texts(ls)).toEqual(['甲，', '乙。']);
    expectWellSet('甲，乙。', ls, 15);
  });

  it('一句很长的话里没有任何一行以标点开头', () => {
    const source =
      '劳模创新工作室是以劳动模范、工匠人才的名字命名，以其为领衔人，以技术创新、攻关为主要内容，发挥“传、帮、带”作用，' +
      '集“技术创新、人才培养、成果转化”等功能于一体的创新平台。（一）坚持自愿申报；（二）坚持公开、公平、公正！是否？';
    for (const width of [60, 70, 80, 90, 100, 110, 120, 130, 140, 150]) {
      const ls = lines(source, width);
      for (const l of ls.slice(1)) expect(isForbiddenStart(l.text), `${width}: ${l.text}`).toBe(false);
      for (const l of ls.slice(0, -1)) expect(isForbiddenEnd(l.text), `${width}: ${l.text}`).toBe(false);
      expectWellSet(source, ls, width);
    }
  });
});

describe('行尾禁则：开引号、开括号、开书名号不在行尾', () => {
  for (const mark of '“‘「『（〔【〖［｛《〈') {
    it(`「${mark}」推到下一行`, () => {
      const source = `一二三四五六七八九${mark}甲乙丙`;
      const ls = lines(source);
      expect(texts(ls)).toEqual(['一二三四五六七八九', `${mark}甲乙丙`]);
      expectWellSet(source, ls);
    });
  }

  for (const mark of '([{') {
    it(`半角「${mark}」推到下一行`, () => {
      const source = `一二三四五六七八九${mark}甲乙`;
      const ls = lines(source, 95);
      expect(texts(ls)).toEqual(['一二三四五六七八九', `${mark}甲乙`]);
    });
  }

  it('连续的开标点（“《）一起推下', () => {
    const source = '一二三四五六七八“《甲乙》”';
    const ls = lines(source);
    expect(texts(ls)).toEqual(['一二三四五六七八', '“《甲乙》”']);
    expectWellSet(source, ls);
  });
});

describe('破折号和省略号不拆开', () => {
  it('——不拆开，也不在行首', () => {
    const source = '一二三四五六七八九——甲乙';
    const ls = lines(source);
    expect(texts(ls)).toEqual(['一二三四五六七八', '九——甲乙']);
    expectWellSet(source, ls);
  });

  it('……不拆开', () => {
    const source = '一二三四五六七八九……甲乙';
    const ls = lines(source);
    expect(texts(ls)).toEqual(['一二三四五六七八九', '……甲乙']);
    expectWellSet(source, ls);
  });

  it('各种宽度下——和……都完整', () => {
    const source = '他说——这是真的……我们一起——走吧……好——好……';
    for (let width = 30; width <= 160; width += 10) {
      for (const l of lines(source, width)) {
        expect(l.text.replace(/——|……/g, '')).not.toMatch(/[—…]/);
      }
    }
  });
});

describe('西文单词、数字、电话、邮箱、日期不拆开', () => {
  const cases: Array<[string, string]> = [
    ['电话', '0791-83868361'],
    ['电话', '0791—83868361'],
    ['邮箱', 'ncszghjjb@163.com'],
    ['日期', '2021-07-12'],
    ['金额', '123.45'],
    ['专利', 'ZL202010123456.7'],
  ];

  for (const [word, value] of cases) {
    it(`${value} 放得下时整体换到下一行`, () => {
      // a prefix that leaves less room than the value needs on the first line
      const source = `联系人的${word}是${value}，请核对。`;
      for (let width = 90; width <= 150; width += 5) {
        const ls = lines(source, width);
        expect(ls.some((l) => l.text.includes(value)), `${width}: ${texts(ls).join('|')}`).toBe(true);
        expectWellSet(source, ls, width);
      }
    });

    it(`${value} 比一行还长时按字符断开，且不溢出`, () => {
      const width = Math.floor(countChars(value) / 2) * size * 0.5; // half the value's width
      const ls = lines(value, width);
      expect(ls.length).toBeGreaterThan(1);
      expect(texts(ls).join('')).toBe(value);
      expectWellSet(value, ls, width);
    });
  }

  it('一行被长单位提前断开时不硬撑两端对齐', () => {
    const ls = lines('联系电话：0791-83868361，谢谢');
    expect(texts(ls)).toEqual(['联系电话：', '0791-83868361，谢谢']);
    expect(ls[0]).toMatchObject({ justify: false, charSpace: 0 });
  });

  it('英文单词之间的空格可以断行，行首行尾不留空格', () => {
    const ls = lines('Noto Serif SC is an open font family', 60);
    for (const l of ls) expect(l.text).toBe(l.text.trim());
    expect(texts(ls).join(' ')).toBe('Noto Serif SC is an open font family');
  });
});

describe('两端对齐', () => {
  const source =
    '工作室领衔人须为市级以上劳动模范，工作室须有固定场所、必要设备和创新团队，近三年取得显著的技术创新成果，' +
    '在本行业、本系统具有示范引领作用。联系电话0791-83868361，邮箱ncszghjjb@163.com。';

  it('满行的字距让末字正好落在右边界，最后一行不撑开', () => {
    for (const width of [100, 117, 130, 161.5]) {
      const ls = lines(source, width, { indent: 20 });
      const last = ls[ls.length - 1];
      expect(last).toMatchObject({ justify: false, charSpace: 0 });
      for (const l of ls.slice(0, -1)) {
        if (!l.justify) continue;
        const n = countChars(l.text);
        expect(Math.abs(l.indent + l.width + l.charSpace * (n - 1) - width)).toBeLessThan(1e-6);
      }
      expect(ls.slice(0, -1).filter((l) => l.justify).length).toBeGreaterThanOrEqual(ls.length - 2);
      expectWellSet(source, ls, width);
    }
  });

  it('字距按码位计算（jsPDF 每个字后加一次 charSpace）', () => {
    const ls = lines('𠮷一二三四五六七八九十百', 100);
    expect(ls[0]?.text).toBe('𠮷一二三四五六七八九');
    expect(countChars('𠮷一')).toBe(2);
  });

  it('段落末行不只留一个字：上一行提前断开', () => {
    expect(texts(lines('工艺设计与数控编程', 40))).toEqual(['工艺设计', '与数控', '编程']);
    expect(texts(lines(`${TEN}况。`, 100))).toEqual(['一二三四五六七八九', '十况。']);
    // a two-character line is never broken to one: then the lone character stays
    expect(texts(lines('一二三', 20))).toEqual(['一二', '三']);
  });

  it('首行缩进两个字', () => {
    const ls = lines(`${TEN}${TEN}`, 100, { indent: 20 });
    expect(texts(ls)).toEqual(['一二三四五六七八', '九十一二三四五六七八', '九十']);
    expect(ls.map((l) => l.indent)).toEqual([20, 0, 0]);
  });
});

describe('硬换行', () => {
  it('保留空行，每段首行缩进，硬换行前的行不撑开', () => {
    const ls = lines('第一段。\n\n第三段很长很长很长很长很长很长。\n', 100, { indent: 20 });
    expect(texts(ls)).toEqual(['第一段。', '', '第三段很长很长很', '长很长很长很长。', '']);
    expect(ls.map((l) => l.indent)).toEqual([20, 0, 20, 0, 0]);
    expect(ls.map((l) => l.justify)).toEqual([false, false, true, false, false]);
  });

  it('空文本是一行空行；\\r\\n 与 \\n 一样', () => {
    expect(texts(lines(''))).toEqual(['']);
    expect(texts(lines('甲\r\n乙'))).toEqual(['甲', '乙']);
  });
});
