import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { fieldApplies } from '../../core/application/visibility';
import type { FormContext } from './context';
import { dottedPath, pathIsArrayItem } from './context';

/** Shows only the properties of the current section; an array item becomes the cells of a table row. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { properties, fieldPathId, title, registry, uiSchema, formData } = props;
  const { isVisible, isSectionFrame } = registry.formContext;
  const path = fieldPathId.path;
  const here = dottedPath(path);
  // A field that only applies after a choice (其他推荐单位名称 after 推荐单位 其他) appears with that choice.
  const applies = (name: string) => fieldApplies(here, name, formData);
  const shown = properties.filter((p) => !p.hidden && isVisible([...path, p.name]));
  if (pathIsArrayItem(path)) {
    // A table row keeps every column; a cell that does not apply stays empty.
    return (
      <>
        {shown.map((p) => (
          <td key={p.name}>{applies(p.name) ? p.content : null}</td>
        ))}
      </>
    );
  }
  const applying = shown.filter((p) => applies(p.name));
  // 填表说明 items that concern a whole group (说明4 and 5 over 近三年情况) sit in its ui:description/ui:help.
  const notes = [uiSchema?.['ui:description'], uiSchema?.['ui:help']].filter((n): n is string => typeof n === 'string');
  if (isSectionFrame(path)) {
    return (
      <>
        {notes.map((note) => <p key={note} className="field-help section-help">{note}</p>)}
        {applying.map((p) => <div key={p.name}>{p.content}</div>)}
      </>
    );
  }
  return (
    <fieldset className="group" id={fieldPathId.$id}>
      <legend>{title}</legend>
      {notes.map((note) => <p key={note} className="field-help">{note}</p>)}
      <div className="group-fields">
        {applying.map((p) => <div key={p.name} className={isLongText(uiSchema?.[p.name]) ? 'group-field--wide' : undefined}>{p.content}</div>)}
      </div>
    </fieldset>
  );
}

/** Long texts take the whole row of a group: a class, not :has(textarea), which Chromium < 105 and Firefox < 121 lack. */
function isLongText(ui: unknown): boolean {
  return typeof ui === 'object' && ui !== null && (ui as Record<string, unknown>)['ui:widget'] === 'textarea';
}
