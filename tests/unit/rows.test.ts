import { describe, expect, it } from 'vitest';
import { valueAtPath, withRowInserted } from '../../src/core/application/rows';
import { typicalApplication } from './fixture';

describe('rows of the form lists', () => {
  it('reads a row and puts it back where it was, without touching the original', () => {
    const app = typicalApplication();
    const row = valueAtPath(app, 'team.members.1');
    expect(row).toEqual(app.team.members[1]);
    const without = { ...app, team: { members: app.team.members.filter((_, i) => i !== 1) } };
    const restored = withRowInserted(without, 'team.members', 1, row);
    expect(restored).toEqual(app);
    expect(without.team.members).toHaveLength(app.team.members.length - 1);
  });

  it('puts a row past the end at the end', () => {
    expect(withRowInserted({ projects: [1] }, 'projects', 5, 2)).toEqual({ projects: [1, 2] });
  });
});
