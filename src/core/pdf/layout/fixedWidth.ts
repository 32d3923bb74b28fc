// A fixed-width text measurer for tests and for layout without fonts: every character from U+2000 up (CJK,
// full-width forms, Chinese punctuation — “ … included) is one em wide, every character below it half an em.

import type { TextMeasurer } from './types';

export function fixedWidthMeasurer(): TextMeasurer {
  return {
    width(text, size) {
      let ems = 0;
      for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.5;
      return ems * size;
    },
  };
}
