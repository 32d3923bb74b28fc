import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/gen-types.mjs';
import { SCHEMA_ENUMS } from '../../src/generated/application-types';
import { schemaNodeAt } from '../../src/core/application/schema';
import { EDUCATION_LEVELS, STUDIO_TYPES } from '../../src/core/application/types';

const schema: unknown = JSON.parse(readFileSync(new URL('../../schemas/application.schema.json', import.meta.url), 'utf8'));
const run = generate as (schema: unknown) => string;

describe('the types generated from the schema', () => {
  it('are current: src/generated/application-types.ts is what the schema gives', () => {
    const written = readFileSync(new URL('../../src/generated/application-types.ts', import.meta.url), 'utf8');
    expect(written).toBe(run(schema));
  });

  it('type a field added to the schema, optional, with its enum', () => {
    const added = {
      type: 'object',
      title: '申报表',
      properties: {
        contact: { type: 'object', title: '联系人', properties: { phone: { type: 'string', title: '电话' } } },
        honors: { type: 'array', default: [], items: { type: 'object', properties: { level: { type: 'string', enum: ['市级', '其他'] } } } },
      },
    };
    const code = run(added);
    expect(code).toContain('contact: {\n    /** 电话 */\n    phone?: string;\n  };');
    expect(code).toContain('honors: Array<{\n    level?: "市级" | "其他";\n  }>;');
    expect(code).toContain('"honors[].level": ["市级", "其他"],');
  });

  it('list every enum of the schema with its values, in the schema’s order', () => {
    const enumNodes = (JSON.stringify(schema).match(/"(enum|oneOf)":/g) ?? []).length;
    expect(Object.keys(SCHEMA_ENUMS)).toHaveLength(enumNodes);
    expect(enumNodes).toBeGreaterThanOrEqual(15);
    expect(SCHEMA_ENUMS['cover.industry'].join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect([...STUDIO_TYPES]).toEqual(schemaNodeAt('studio.type')?.enum);
    expect([...EDUCATION_LEVELS]).toEqual(schemaNodeAt('team.members.0.education')?.enum);
    expect([...SCHEMA_ENUMS['projects[].level']]).toEqual(schemaNodeAt('projects.0.level')?.enum);
  });
});
