// Shared by the unit tests: the typical application (a fresh copy each time), the 2021 notice and the
// real precompiled validator (`npm run generate` makes it; `npm run test:unit` runs that first).
import type { CompiledValidateFunction } from '@rjsf/validator-ajv8';
import fixtureJson from '../fixtures/typical-application.json';
import { schemaValidate } from '../../src/core/application/schemaValidator';
import type { Application, NoticeContext } from '../../src/core/application/types';

export const CTX: NoticeContext = { noticeYear: 2021, noticeDate: '2021-05-17' };

export function typicalApplication(): Application {
  return structuredClone(fixtureJson) as Application;
}

export function schemaValidator(): CompiledValidateFunction {
  return schemaValidate;
}
