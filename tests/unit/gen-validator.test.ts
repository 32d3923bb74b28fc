// The generated module, as scripts/gen-validator.mjs leaves it (it runs before the unit tests).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import validateFns from '../../src/generated/validate-application.js';
import { typicalApplication } from './fixture';

const code = readFileSync(new URL('../../src/generated/validate-application.js', import.meta.url), 'utf8');

describe('the generated validator', () => {
  it('is an ES module without CommonJS or dynamic code', () => {
    expect(code).not.toMatch(/\brequire\(|\bexports\.|new Function|\beval\(/);
    expect(code).toMatch(/^export default validateFns;$/m);
  });

  it('imports nothing but AJV’s small runtime helpers', () => {
    const specifiers = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(specifiers.every((specifier) => specifier?.startsWith('ajv/dist/runtime/'))).toBe(true);
  });

  it('validates the typical application under the schema’s $id', () => {
    const validate = validateFns['application'];
    expect(validate?.(typicalApplication())).toBe(true);
  });

  it('counts characters with AJV’s runtime helper, so an empty name fails minLength', () => {
    const app = typicalApplication();
    app.leader.name = '';
    const validate = validateFns['application'];
    expect(validate?.(app)).toBe(false);
    expect(validate?.errors?.map((error) => [error.instancePath, error.keyword])).toEqual([['/leader/name', 'minLength']]);
  });
});
