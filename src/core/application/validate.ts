// One list of everything wrong with an application: the schema's errors and the custom rules, each field
// with one message per problem, in the order of the form.
import type { CompiledValidateFunction } from '@rjsf/validator-ajv8';
import { toIssues } from './messages';
import { checkRules } from './rules';
import { schemaValidate as precompiled } from './schemaValidator';
import { formOrderKey, schemaNodeAt } from './schema';
import type { Application, Issue, NoticeContext } from './types';
import { isInHiddenField } from './visibility';
import { YEAR_KEYS, yearFieldTitles } from './years';

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** The form shows y1..y3 as the real years ("2019年"), so messages name them that way too, not "第二年". */
function withRealYears(issue: Issue, ctx: NoticeContext): Issue {
  const key = YEAR_KEYS.find((k) => issue.path.endsWith(`.${k}`));
  const generic = key === undefined ? undefined : schemaNodeAt(issue.path)?.title;
  if (key === undefined || generic === undefined) return issue;
  const real = yearFieldTitles(ctx)[key];
  return { ...issue, label: issue.label.replace(generic, real), message: issue.message.replace(generic, real) };
}

/** @param schemaValidate the schema's validator; the precompiled one unless a test passes another. */
export function validateApplication(data: Application, ctx: NoticeContext, schemaValidate: CompiledValidateFunction = precompiled): Issue[] {
  schemaValidate(data);
  const schemaIssues = toIssues(schemaValidate.errors ?? []);
  // A rule error on a field the schema already rejected would be a second message for the same value.
  const rejected = new Set(schemaIssues.map((issue) => issue.path));
  const ruleIssues = checkRules(data, ctx).filter((issue) => issue.severity === 'warning' || !rejected.has(issue.path));
  // Array.prototype.sort is stable: issues of one field keep schema-then-rule order.
  // A field hidden by an earlier choice (其他推荐单位名称 after 推荐单位 东湖区总工会) is not asked for.
  return [...schemaIssues, ...ruleIssues].filter((issue) => !isInHiddenField(data, issue.path)).map((issue) => withRealYears(issue, ctx)).sort((a, b) => compareKeys(formOrderKey(a.path), formOrderKey(b.path)));
}
