import { describe, expect, it } from 'vitest';
import { fieldTexts } from '../../src/core/pdf/documents/texts';
import { typicalApplication } from './fixture';

describe('the texts a PDF will print', () => {
  it('lists every typed string with its path and label, rows included', () => {
    const texts = fieldTexts(typicalApplication());
    expect(texts).toContainEqual({ path: 'leader.name', label: '领衔人的姓名', text: '熊建华' });
    expect(texts.find((t) => t.path === 'team.members.6.name')).toMatchObject({ text: '黄燊' });
    expect(texts.some((t) => t.path === 'studio.area')).toBe(false); // numbers print as digits, always covered
  });
});
