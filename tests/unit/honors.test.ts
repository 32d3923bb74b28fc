import { describe, expect, it } from 'vitest';
import { isModelWorkerHonor } from '../../src/core/application/honors';

describe('isModelWorkerHonor', () => {
  it.each(['全国劳动模范', '江西省先进工作者', '南昌市五一劳动奖章', '省部级劳动模范'] as const)('counts %s', (title) => {
    expect(isModelWorkerHonor({ title })).toBe(true);
  });

  it.each(['洪城工匠', '赣鄱工匠', '其他'] as const)('does not count %s', (title) => {
    expect(isModelWorkerHonor({ title })).toBe(false);
  });

  it('does not count an honor without a title', () => {
    expect(isModelWorkerHonor({ year: '2015' })).toBe(false);
  });
});
