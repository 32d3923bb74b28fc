import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import { isBlankApplication } from '../../src/core/draft/blank';
import { typicalApplication } from './fixture';

describe('isBlankApplication', () => {
  it('sees a new application, and one where rjsf left empty texts, as blank', () => {
    expect(isBlankApplication(emptyApplication())).toBe(true);
    expect(isBlankApplication({ ...emptyApplication(), cover: { studioName: '' }, remarks: undefined })).toBe(true);
  });

  it('sees anything typed or chosen as content', () => {
    expect(isBlankApplication(typicalApplication())).toBe(false);
    expect(isBlankApplication({ ...emptyApplication(), cover: { unitType: '国有企业' } })).toBe(false);
    expect(isBlankApplication({ ...emptyApplication(), projects: [{}] })).toBe(false);
    expect(isBlankApplication({ ...emptyApplication(), naming: { hasNaming: true, items: [] } })).toBe(false);
  });
});
