import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';
import { labelOf } from '../../core/application/schema';
import { dottedPath, type FormContext } from './context';

/** Rows shown at once: a list of 200 team members renders in pages, so typing in it stays fast. */
export const ROWS_PER_PAGE = 50;

interface Column {
  key: string;
  title: string;
  required: boolean;
  /** Wide enough for the longest choice of a list, so 大学本科 is never cut off. */
  minWidthEm: number;
}

function longestChoice(node: RJSFSchema): number {
  const labels = [...(node.enum ?? []).map(String), ...(node.oneOf ?? []).map((o) => (typeof o === 'object' && typeof o.title === 'string' ? o.title : ''))];
  return Math.max(0, ...labels.map((l) => [...l].length));
}

function columnsOf(schema: RJSFSchema, order: unknown): Column[] {
  const items = schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return [];
  const item = items as RJSFSchema;
  const props = item.properties ?? {};
  const required = new Set(item.required ?? []);
  const keys = Array.isArray(order) ? order.filter((k): k is string => typeof k === 'string' && k in props) : Object.keys(props);
  return keys.map((key) => {
    const prop = props[key];
    const node: RJSFSchema = prop && typeof prop === 'object' ? prop : {};
    const title = typeof node.title === 'string' ? node.title : key;
    const choice = longestChoice(node);
    // A choice needs its text plus the select's arrow; free text wraps, so a few characters suffice.
    const minWidthEm = choice > 0 ? choice + 3 : node.type === 'number' || node.pattern !== undefined ? 6.5 : 7;
    return { key, title, required: required.has(key), minWidthEm };
  });
}

/** Arrays of the form are edited as tables: one row per item, with add, remove and reorder. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps<unknown, RJSFSchema, FormContext>) {
  const { items, canAdd, onAddClick, title, schema, uiSchema, fieldPathId, disabled, readonly, required, registry } = props;
  const itemUi = uiSchema?.items;
  const order = itemUi && typeof itemUi === 'object' && !Array.isArray(itemUi) ? (itemUi as Record<string, unknown>)['ui:order'] : undefined;
  const columns = columnsOf(schema, order);
  const help = uiSchema?.['ui:help'];
  const legendId = `${fieldPathId.$id}__legend`;
  const rows = registry.formContext.rows;
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
      <legend id={legendId}>
        {title}
        {required && <span className="field-required" aria-hidden="true">必填</span>}
      </legend>
      {typeof help === 'string' && <p className="field-help">{help}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" className="col-no">序号</th>
              {columns.map((c) => (
                <th scope="col" key={c.key} style={{ minWidth: `${c.minWidthEm}em` }}>
                  {c.title}
                  {c.required && <span className="field-required" aria-hidden="true">必填</span>}
                </th>
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
            rows?.added(`${dottedPath(fieldPathId.path)}.${items.length}`);
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
  const { children, index, totalItems, buttonsProps, hasToolbar, registry } = props;
  const row = index + 1;
  const rowPath = dottedPath(buttonsProps.fieldPathId.path);
  const rows = registry.formContext.rows;
  return (
    <tr
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) rows?.left(rowPath);
      }}
    >
      <th scope="row" className="col-no">{row}</th>
      {children}
      <td className="col-actions">
        {hasToolbar && (
          <div className="row-actions">
            <span className="row-move">
              <button type="button" className="btn btn-icon" aria-label={`上移第${row}行`} title="上移" disabled={index === 0 || buttonsProps.disabled} onClick={buttonsProps.onMoveUpItem}>↑</button>
              <button type="button" className="btn btn-icon" aria-label={`下移第${row}行`} title="下移" disabled={index === totalItems - 1 || buttonsProps.disabled} onClick={buttonsProps.onMoveDownItem}>↓</button>
            </span>
            <button
              type="button"
              className="btn btn-icon btn-danger row-delete"
              aria-label={`删除第${row}行`}
              title="删除（可撤销）"
              disabled={buttonsProps.disabled}
              onClick={(e) => {
                rows?.removing(rowPath, labelOf(rowPath));
                buttonsProps.onRemoveItem(e);
              }}
            >
              ×<span className="row-delete__text">删除本行</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
