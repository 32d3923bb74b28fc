import Form, { type IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, FieldPathList, RJSFSchema, UiSchema } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { memo, useCallback, useMemo } from 'react';
import { applicationSchema } from '../../core/application/schema';
import { precompiledValidators } from '../../core/application/schemaValidator';
import type { Application } from '../../core/application/types';
import type { FormContext, RowEvents } from './context';
import { templates, translateString, widgets } from './theme';

// Precompiled AJV: no `new Function` at run time, so a strict CSP holds.
// The theme is generic over the data type (fields see sub-trees), so the form is typed over `unknown`
// and its data is read back as the Application it was given.
const validator = createPrecompiledValidator<unknown, RJSFSchema, FormContext>(precompiledValidators, applicationSchema);

// Nothing is filled in for the applicant: no first option of a list, no empty rows to reach minItems.
const defaultsBehavior = { constAsDefaults: 'never', arrayMinItems: { populate: 'never' } } as const;

function startsWith(path: FieldPathList, prefix: readonly string[]): boolean {
  return prefix.every((segment, i) => String(path[i]) === segment);
}

function contextFor(sectionPaths: readonly string[], rows: RowEvents | undefined): FormContext {
  const prefixes = sectionPaths.map((p) => p.split('.'));
  return {
    rows,
    isVisible: (path) => prefixes.some((prefix) => startsWith(path, prefix) || startsWith(prefix, path.map(String))),
    isSectionFrame: (path) => prefixes.some((prefix) => prefix.length >= path.length && startsWith(prefix, path.map(String))),
  };
}

interface Props {
  app: Application;
  onChange: (app: Application) => void;
  /** Dotted schema paths of the section on screen. */
  sectionPaths: readonly string[];
  uiSchema: UiSchema<unknown, RJSFSchema, FormContext>;
  errorSchema: ErrorSchema;
  rows?: RowEvents;
}

/** One rjsf form over the whole application; only the current section's fields are rendered. */
export const ApplicationForm = memo(function ApplicationForm({ app, onChange, sectionPaths, uiSchema, errorSchema, rows }: Props) {
  const formContext = useMemo(() => contextFor(sectionPaths, rows), [sectionPaths, rows]);
  const handleChange = useCallback((e: IChangeEvent<unknown, RJSFSchema, FormContext>) => {
    if (e.formData) onChange(e.formData as Application);
  }, [onChange]);
  return (
    <Form<unknown, RJSFSchema, FormContext>
      schema={applicationSchema}
      uiSchema={uiSchema}
      formData={app}
      validator={validator}
      templates={templates}
      widgets={widgets}
      formContext={formContext}
      onChange={handleChange}
      noValidate
      noHtml5Validate
      showErrorList={false}
      extraErrors={errorSchema}
      translateString={translateString}
      idPrefix="root"
      experimental_defaultFormStateBehavior={defaultsBehavior}
      className="application-form"
    >
      {/* No submit button: the form saves as one types; checking happens per section and on the review page. */}
      <></>
    </Form>
  );
});
