import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import type { FormContext } from './context';
import { pathIsArrayItem } from './context';

/** Shows only the properties of the current section; an array item becomes the cells of a table row. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { properties, fieldPathId, title, registry, uiSchema } = props;
  const { isVisible, isSectionFrame } = registry.formContext;
  const path = fieldPathId.path;
  const shown = properties.filter((p) => !p.hidden && isVisible([...path, p.name]));
  if (pathIsArrayItem(path)) {
    return (
      <>
        {shown.map((p) => (
          <td key={p.name}>{p.content}</td>
        ))}
      </>
    );
  }
  if (isSectionFrame(path)) {
    return <>{shown.map((p) => <div key={p.name}>{p.content}</div>)}</>;
  }
  const help = uiSchema?.['ui:help'];
  return (
    <fieldset className="group" id={fieldPathId.$id}>
      <legend>{title}</legend>
      {typeof help === 'string' && <p className="field-help">{help}</p>}
      <div className="group-fields">
        {shown.map((p) => <div key={p.name}>{p.content}</div>)}
      </div>
    </fieldset>
  );
}
