import { describe, expect, it } from 'vitest';
import { fieldIdOf, issuesToErrorSchema } from '../../src/core/application/errorSchema';
import type { Issue } from '../../src/core/application/types';

function issue(path: string, message: string): Issue {
  return { path, message, label: path, severity: 'error', rule: 'test' };
}

describe('issues to rjsf error schema', () => {
  it('puts each message under its field, rows by index', () => {
    const schema = issuesToErrorSchema([
      issue('cover.studioName', 'A'),
      issue('cover.studioName', 'B'),
      issue('team.members.2.name', 'C'),
      issue('team.members', 'D'),
    ]);
    expect(schema).toEqual({
      cover: { studioName: { __errors: ['A', 'B'] } },
      team: { members: { __errors: ['D'], 2: { name: { __errors: ['C'] } } } },
    });
  });

  it('never walks into prototype keys', () => {
    const schema = issuesToErrorSchema([issue('__proto__.polluted', 'X')]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(schema)).toBe(Object.prototype);
  });

  it('names the DOM id rjsf gives a field', () => {
    expect(fieldIdOf('team.members.0.name')).toBe('root_team_members_0_name');
    expect(fieldIdOf('summary')).toBe('root_summary');
  });
});
