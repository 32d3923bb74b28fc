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

/** Characters as a reader counts them: code points, white space left out (𠮷 is one character). */
function countCharacters(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

/** A textarea that shows how much has been written, for the long texts of the 申报材料. */
export function TextareaWidget(props: WidgetProps<unknown, RJSFSchema, FormContext>) {
  const { id, value, options, placeholder, disabled, readonly, required, autofocus, onChange, onBlur, onFocus, htmlName } = props;
  const text = typeof value === 'string' ? value : '';
  return (
    <>
      <textarea
        id={id}
        name={htmlName || id}
        value={text}
        rows={typeof options.rows === 'number' ? options.rows : 5}
        placeholder={placeholder}
        disabled={disabled}
        readOnly={readonly}
        required={required}
        autoFocus={autofocus}
        onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
        aria-describedby={ariaDescribedByIds(id)}
      />
      <p className="char-count">已输入{countCharacters(text)}字</p>
    </>
  );
}
