import { describe, expect, it } from 'vitest';
import { displayPhone, normalizePhone } from '../../src/core/application/phone';
import { PATTERNS } from '../../src/core/application/patterns';

describe('normalizePhone', () => {
  it.each([
    ['138 0791 2345', '13807912345'],
    ['138-0791-2345', '13807912345'],
    ['１３８０７９１２３４５', '13807912345'],
    ['0791—83868361', '0791-83868361'],
    ['0791-83868361', '0791-83868361'],
    ['０７９１－８３８６８３６１', '0791-83868361'],
    ['(0791) 8386 8361', '0791-83868361'],
    ['079183868361', '0791-83868361'],
    ['010 6512 3456', '010-65123456'],
    ['0797-8123456', '0797-8123456'],
    ['  ', ''],
  ])('reads %j as %j, which the schema accepts', (typed, expected) => {
    expect(normalizePhone(typed)).toBe(expected);
    expect(new RegExp(PATTERNS.phone).test(expected)).toBe(true);
  });

  it.each(['12345', '23807912345', '1380791234', '0791-123', '电话0791-83868361', '138079123456'])('does not guess at %j', (typed) => {
    expect(normalizePhone(typed)).toBeUndefined();
    expect(displayPhone(typed)).toBe(typed);
  });
});
