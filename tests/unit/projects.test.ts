import { describe, expect, it } from 'vitest';
import { projectRunsIn, projectsPerRecentYear } from '../../src/core/application/projects';
import { CTX, typicalApplication } from './fixture';

describe('projectRunsIn', () => {
  it('counts a project in every year from its start to its end', () => {
    const project = { start: '2019-04', end: '2020-10' };
    expect([2018, 2019, 2020, 2021].map((year) => projectRunsIn(project, year))).toEqual([false, true, true, false]);
  });

  it('counts a project without an end in every year from its start on', () => {
    expect(projectRunsIn({ start: '2018-12', end: '' }, 2020)).toBe(true);
  });

  it('ignores a project without a valid start', () => {
    expect(projectRunsIn({ end: '2020-10' }, 2020)).toBe(false);
  });
});

describe('projectsPerRecentYear', () => {
  it('counts the typical application’s projects per recent year', () => {
    expect(projectsPerRecentYear(typicalApplication().projects, CTX)).toEqual([
      { year: 2018, count: 1 },
      { year: 2019, count: 1 },
      { year: 2020, count: 2 },
    ]);
  });
});
