import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds, enumOptionsIsSelected, optionId } from '@rjsf/utils';
import type { FormContext } from './context';

/** rjsf's radio group has no accessible name; this one is labelled by the field's label. */
export function RadioWidget(props: WidgetProps<unknown, RJSFSchema, FormContext>) {
  const { id, options, value, disabled, readonly, onChange, onBlur, onFocus, htmlName } = props;
  const enumOptions = options.enumOptions ?? [];
  return (
    <div className="radio-group" id={id} role="radiogroup" aria-labelledby={`${id}__label`}>
      {enumOptions.map((option, i) => (
        <label key={String(option.value)} className="radio">
          <input
            type="radio"
            id={optionId(id, i)}
            name={htmlName || id}
            value={String(option.value)}
            checked={enumOptionsIsSelected(option.value, value)}
            disabled={disabled || readonly}
            onChange={() => onChange(option.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            aria-describedby={ariaDescribedByIds(id)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
