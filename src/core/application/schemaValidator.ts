// The one place that reads the precompiled validator (src/generated/validate-application.js, made by
// scripts/gen-validator.mjs): no `new Function` at run time, so a strict CSP holds.
import type { CompiledValidateFunction, ValidatorFunctions } from '@rjsf/validator-ajv8';
import validateFns from '../../generated/validate-application.js';
import { applicationSchema } from './schema';

/** Every precompiled validator, keyed by schema $id or rjsf's hash; rjsf's form validator takes them all. */
export const precompiledValidators: ValidatorFunctions = validateFns;

function lookUp(id: string | undefined): CompiledValidateFunction {
  const validate = id === undefined ? undefined : validateFns[id];
  if (validate === undefined) throw new Error(`src/generated/validate-application.js lacks the "${String(id)}" validator: run npm run generate`);
  return validate;
}

/** The schema's own validator (AJV: `errors` holds the last call's errors). */
export const schemaValidate: CompiledValidateFunction = lookUp(applicationSchema.$id);
