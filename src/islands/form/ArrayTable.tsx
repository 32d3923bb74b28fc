import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';
import type { FormContext } from './context';

/** Rows shown at once: a list of 200 team members renders in pages, so typing in it stays fast. */
export const ROWS_PER_PAGE = 50;

function columnsOf(schema: RJSFSchema, order: unknown): { key: string; title: string }[] {
  const items = schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return [];
  const props = (items as RJSFSchema).properties ?? {};
  const keys = Array.isArray(order) ? order.filter((k): k is string => typeof k === 'string' && k in props) : Object.keys(props);
  return keys.map((key) => {
    const prop = props[key];
    const title = prop && typeof prop === 'object' && typeof prop.title === 'string' ? prop.title : key;
    return { key, title };
  });
}

/** Arrays of the form are edited as tables: one row per item, with add, remove and reorder. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { items, canAdd, onAddClick, title, schema, uiSchema, fieldPathId, disabled, readonly } = props;
  const itemUi = uiSchema?.items;
  const order = itemUi && typeof itemUi === 'object' && !Array.isArray(itemUi) ? (itemUi as Record<string, unknown>)['ui:order'] : undefined;
  const columns = columnsOf(schema, order);
  const help = uiSchema?.['ui:help'];
  const legendId = `${fieldPathId.$id}__legend`;
  const pages = Math.max(1, Math.ceil(items.length / ROWS_PER_PAGE));
  const [wanted, setPage] = useState(0);
  const page = Math.min(wanted, pages - 1);
  const shown = pages > 1 ? items.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE) : items;
  const pager = pages > 1 && (
    <nav className="array-pager" aria-label={`${title}分页`}>
      <button type="button" className="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>上一页</button>
      <span>第 {page * ROWS_PER_PAGE + 1}–{Math.min(items.length, (page + 1) * ROWS_PER_PAGE)} 行，共 {items.length} 行</span>
      <button type="button" className="btn" disabled={page === pages - 1} onClick={() => setPage(page + 1)}>下一页</button>
    </nav>
  );
  return (
    <fieldset className="group array-table" id={fieldPathId.$id} aria-labelledby={legendId}>
      <legend id={legendId}>{title}</legend>
      {typeof help === 'string' && <p className="field-help">{help}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" className="col-no">序号</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>{c.title}</th>
              ))}
              <th scope="col" className="col-actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {items.length > 0 ? (
              shown
            ) : (
              <tr>
                <td colSpan={columns.length + 2} className="array-empty">尚未填写，请点击下方“添加一行”。</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {pager}
      {!canAdd && typeof schema.maxItems === 'number' && items.length >= schema.maxItems && (
        <p className="field-help">已填写 {items.length} 行，这一栏最多 {schema.maxItems} 行。</p>
      )}
      {canAdd && (
        <button
          type="button"
          className="btn btn-add"
          onClick={(e) => {
            onAddClick(e);
            setPage(Math.floor(items.length / ROWS_PER_PAGE)); // the new row's page
          }}
          disabled={disabled || readonly}
          aria-label={`添加一行（${title}）`}
        >
          ＋ 添加一行
        </button>
      )}
    </fieldset>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { children, index, totalItems, buttonsProps, hasToolbar } = props;
  const row = index + 1;
  return (
    <tr>
      <th scope="row" className="col-no">{row}</th>
      {children}
      <td className="col-actions">
        {hasToolbar && (
          <div className="row-actions">
            <button type="button" className="btn btn-icon" aria-label={`上移第${row}行`} title="上移" disabled={index === 0 || buttonsProps.disabled} onClick={buttonsProps.onMoveUpItem}>↑</button>
            <button type="button" className="btn btn-icon" aria-label={`下移第${row}行`} title="下移" disabled={index === totalItems - 1 || buttonsProps.disabled} onClick={buttonsProps.onMoveDownItem}>↓</button>
            <button type="button" className="btn btn-icon btn-danger" aria-label={`删除第${row}行`} title="删除" disabled={buttonsProps.disabled} onClick={buttonsProps.onRemoveItem}>×</button>
          </div>
        )}
      </td>
    </tr>
  );
}
