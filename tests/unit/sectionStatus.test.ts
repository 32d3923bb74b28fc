import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../src/core/application/schema';
import { sectionStatuses } from '../../src/core/application/sectionStatus';
import { validateApplication } from '../../src/core/application/validate';
import type { Application } from '../../src/core/application/types';
import { CTX, schemaValidator, typicalApplication } from './fixture';

function statesOf(app: Application): Record<string, string> {
  const statuses = sectionStatuses(app, validateApplication(app, CTX, schemaValidator()));
  return Object.fromEntries(statuses.map((s) => [s.section.id, s.state]));
}

describe('section status', () => {
  it('an empty application has every section untouched, defaults included', () => {
    expect(new Set(Object.values(statesOf(emptyApplication())))).toEqual(new Set(['empty']));
  });

  it('the typical application is complete except the optional opinions it leaves blank', () => {
    const states = statesOf(typicalApplication());
    expect(states['opinions']).toBe('empty');
    expect(Object.entries(states).filter(([id]) => id !== 'opinions').every(([, s]) => s === 'complete')).toBe(true);
  });

  it('a started section with a missing required field is incomplete and counts its errors', () => {
    const app = emptyApplication();
    app.cover.studioName = '张三劳模创新工作室';
    const statuses = sectionStatuses(app, validateApplication(app, CTX, schemaValidator()));
    const cover = statuses.find((s) => s.section.id === 'cover');
    expect(cover?.state).toBe('incomplete');
    expect(cover?.errors.map((e) => e.path)).toContain('cover.unitName');
    expect(cover?.errors.every((e) => e.path.startsWith('cover.'))).toBe(true);
  });

  it('a blank string typed and erased does not count as input', () => {
    const app = emptyApplication();
    app.summary = '';
    expect(statesOf(app)['summary-achievements']).toBe('empty');
  });
});
