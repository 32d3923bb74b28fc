// rjsf registers fields this form never uses: the layout grid (uiSchema ui:layoutGrid) and the anyOf/oneOf
// chooser (our only oneOf is a list of constants, which rjsf shows as a select). astro.config.mjs aliases them
// to this stand-in, which keeps ~9 KiB gzip out of the form's first load. A schema change that needs one of
// them fails loudly here (the view's boundary shows it) instead of rendering nothing.
export default function UnusedField(): never {
  throw new Error('An rjsf field that astro.config.mjs aliases away is needed by the schema: remove its alias');
}
