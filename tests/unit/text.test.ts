import { describe, expect, it } from 'vitest';
import { isFilled } from '../../src/core/application/text';

describe('isFilled', () => {
  it('treats missing, empty and blank text as not filled', () => {
    expect([undefined, '', ' \n　'].map(isFilled)).toEqual([false, false, false]);
  });

  it('treats any visible character as filled', () => {
    expect(isFilled('无')).toBe(true);
  });
});
