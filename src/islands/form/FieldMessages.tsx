import type { FieldErrorProps, FieldHelpProps, RJSFSchema } from '@rjsf/utils';
import { errorId, helpId } from '@rjsf/utils';
import type { FormContext } from './context';

export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps<unknown, RJSFSchema, FormContext>) {
  const messages = errors.filter((e) => !!e);
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={errorId(fieldPathId)}>
      {messages.map((m, i) => <li key={i}>{m}</li>)}
    </ul>
  );
}

export function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps<unknown, RJSFSchema, FormContext>) {
  if (!help) return null;
  return <p className="field-help" id={helpId(fieldPathId)}>{help}</p>;
}
