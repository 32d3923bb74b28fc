// Fields that only apply after a choice: 其他推荐单位名称 after 推荐单位 其他, the 命名 rows after 是否曾被命名 是,
// 其他荣誉称号 after 荣誉称号 其他. The form hides them otherwise, and their checks are not shown.

interface Conditional {
  /** Dotted path of the object holding both fields; `*` stands for any row of a list. */
  parent: string;
  key: string;
  /** Whether the field applies, given the object holding it. */
  applies: (parent: Readonly<Record<string, unknown>>) => boolean;
}

const CONDITIONALS: readonly Conditional[] = [
  { parent: 'cover', key: 'recommenderOther', applies: (cover) => cover['recommender'] === '其他' },
  { parent: 'naming', key: 'items', applies: (naming) => naming['hasNaming'] === true },
  { parent: 'leader.honors.*', key: 'titleOther', applies: (honor) => honor['title'] === '其他' },
];

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Whether `key` of the object at `parentPath` (holding `parent`) applies; fields without a condition always do. */
export function fieldApplies(parentPath: string, key: string, parent: unknown): boolean {
  const conditional = CONDITIONALS.find((c) => c.key === key && matches(c.parent, parentPath));
  return conditional === undefined || conditional.applies(asRecord(parent));
}

/** Whether a dotted path lies in a field that does not apply to `app` (so its problems are not shown). */
export function isInHiddenField(app: unknown, path: string): boolean {
  const segments = path.split('.');
  let value: unknown = app;
  for (let i = 0; i < segments.length; i += 1) {
    const key = segments[i] ?? '';
    if (!fieldApplies(segments.slice(0, i).join('.'), key, value)) return true;
    value = Array.isArray(value) ? value[Number(key)] : asRecord(value)[key];
  }
  return false;
}

/** A detail field printed in place of the choice it details: 荣誉称号 其他 prints as the typed 其他荣誉称号. */
const IN_PLACE: readonly { parent: string; key: string; replaces: string }[] = [{ parent: 'leader.honors.*', key: 'titleOther', replaces: 'title' }];

/** The key printed in place of `key` when it applies, if any. */
export function printedInPlaceOf(parentPath: string, key: string): string | undefined {
  return IN_PLACE.find((d) => d.replaces === key && matches(d.parent, parentPath))?.key;
}

/** Whether `key` is printed in another field's place (so it has no column of its own when presented). */
export function isPrintedInPlace(parentPath: string, key: string): boolean {
  return IN_PLACE.some((d) => d.key === key && matches(d.parent, parentPath));
}
