import type { RJSFSchema, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { TranslatableString } from '@rjsf/utils';
import { ArrayFieldItemTemplate, ArrayFieldTemplate } from './ArrayTable';
import type { FormContext } from './context';
import { FieldErrorTemplate, FieldHelpTemplate } from './FieldMessages';
import { FieldTemplate } from './FieldTemplate';
import { ObjectFieldTemplate } from './ObjectFieldTemplate';
import { PhoneWidget, RadioWidget, TextareaWidget, WrapTextWidget } from './widgets';

export const templates: Partial<TemplatesType<unknown, RJSFSchema, FormContext>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
};

export const widgets: RegistryWidgetsType<unknown, RJSFSchema, FormContext> = { RadioWidget, TextareaWidget, phone: PhoneWidget, wrapText: WrapTextWidget };

const chinese: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一行',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.ClearButton]: '清除',
  [TranslatableString.EmptyArray]: '尚未填写。',
  [TranslatableString.ErrorsLabel]: '问题',
};

/** rjsf's own strings in Chinese; anything not listed keeps rjsf's text with its %1 parameters filled. */
export function translateString(key: TranslatableString, params?: string[]): string {
  const text = chinese[key] ?? key;
  return (params ?? []).reduce((acc, p, i) => acc.replace(`%${i + 1}`, p), text);
}
