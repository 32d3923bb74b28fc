import type { FieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import type { FormContext } from './context';
import { parentIsArrayItem } from './context';

/** Label, control, errors and help of one field; containers (objects, arrays) draw their own frame. */
export function FieldTemplate(props: FieldTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { id, label, children, errors, help, hidden, required, displayLabel, schema, uiSchema, rawErrors, fieldPathId } = props;
  if (hidden) return <div hidden>{children}</div>;
  if (schema.type === 'object' || schema.type === 'array') {
    return (
      <>
        {children}
        {errors}
      </>
    );
  }
  const hasError = (rawErrors?.length ?? 0) > 0;
  const isRadio = uiSchema?.['ui:widget'] === 'radio';
  // Long texts take the whole row; a class rather than :has(textarea), which Chromium < 105 and Firefox < 121 lack.
  const isWide = uiSchema?.['ui:widget'] === 'textarea';
  const labelId = `${id}__label`;
  // The mark stays outside the <label> so the control's name is exactly the contract's label.
  const requiredMark = required ? <span className="field-required" aria-hidden="true">必填</span> : null;
  // Inside a table row the column header shows the label; the control still carries it as its name.
  if (parentIsArrayItem(fieldPathId.path)) {
    return (
      <div className={`cell${hasError ? ' cell--error' : ''}`}>
        <label className="cell-label" htmlFor={id} id={labelId}>{label}</label>
        {children}
        {errors}
      </div>
    );
  }
  return (
    <div className={`field${isWide ? ' field--wide' : ''}${hasError ? ' field--error' : ''}`}>
      {displayLabel && (
        <div className="field-label">
          {isRadio ? <span id={labelId}>{label}</span> : <label htmlFor={id} id={labelId}>{label}</label>}
          {requiredMark}
        </div>
      )}
      {help}
      {children}
      {errors}
    </div>
  );
}
