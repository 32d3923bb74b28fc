import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds, enumOptionsIsSelected, optionId } from '@rjsf/utils';
import { useLayoutEffect, useRef } from 'react';
import { displayPhone } from '../../core/application/phone';
import type { FormContext } from './context';
import { useLocalText } from './localText';

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
  // Typed text stays here until a pause or blur (see localText.ts): a keystroke re-renders this widget alone.
  const { text, change, commit } = useLocalText(typeof value === 'string' ? value : '', (t) => onChange(t === '' ? options.emptyValue : t));
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
        onChange={(e) => change(e.target.value)}
        onBlur={(e) => {
          commit();
          onBlur(id, e.target.value);
        }}
        onFocus={(e) => onFocus(id, e.target.value)}
        aria-describedby={ariaDescribedByIds(id)}
      />
      <p className="char-count">已输入{countCharacters(text)}字</p>
    </>
  );
}

/** A phone number as people type it (全角数字, spaces, 0791—83868361), tidied when the field is left. */
export function PhoneWidget(props: WidgetProps<unknown, RJSFSchema, FormContext>) {
  const { id, value, placeholder, disabled, readonly, required, onChange, onBlur, onFocus, htmlName, options } = props;
  const text = typeof value === 'string' ? value : '';
  return (
    <input
      id={id}
      name={htmlName || id}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      value={text}
      placeholder={placeholder}
      disabled={disabled}
      readOnly={readonly}
      required={required}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => {
        const tidy = displayPhone(e.target.value);
        if (tidy !== e.target.value) onChange(tidy === '' ? options.emptyValue : tidy);
        onBlur(id, tidy);
      }}
      onFocus={(e) => onFocus(id, e.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/** CSS `field-sizing: content` (Chromium 123+) fits the height by itself, also when the column widens later. */
const SIZES_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Fits the textarea's height to its text, where the browser cannot: a table cell shows everything typed. */
function fitHeight(el: HTMLTextAreaElement | null): void {
  if (!el || SIZES_ITSELF) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/**
 * One line of text for a table cell that wraps instead of cutting off what was typed (a long 分工).
 * Enter does not add a line: the value stays one line, as an input's would.
 */
export function WrapTextWidget(props: WidgetProps<unknown, RJSFSchema, FormContext>) {
  const { id, value, placeholder, disabled, readonly, required, onChange, onBlur, onFocus, htmlName, options } = props;
  // As in TextareaWidget: a keystroke in a cell of a long table re-renders the cell alone.
  const { text, change, commit } = useLocalText(typeof value === 'string' ? value : '', (t) => onChange(t === '' ? options.emptyValue : t));
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => fitHeight(ref.current), [text]);
  return (
    <textarea
      ref={ref}
      className="wrap-text"
      id={id}
      name={htmlName || id}
      rows={1}
      value={text}
      placeholder={placeholder}
      disabled={disabled}
      readOnly={readonly}
      required={required}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      onChange={(e) => change(e.target.value.replace(/[\r\n]+/g, ' '))}
      onBlur={(e) => {
        commit();
        onBlur(id, e.target.value);
      }}
      onFocus={(e) => onFocus(id, e.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
