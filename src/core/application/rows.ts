// Rows of the form's lists addressed by dotted path ("team.members.2"), for undoing a deleted row.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at a dotted path, or undefined. */
export function valueAtPath(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** A copy of `data` with `row` put back at `index` of the list at `listPath` (clamped to the list's end). */
export function withRowInserted<T>(data: T, listPath: string, index: number, row: unknown): T {
  const [key, ...rest] = listPath.split('.');
  if (key === undefined || !isRecord(data)) return data;
  const source = data as Record<string, unknown>;
  if (rest.length > 0) return { ...source, [key]: withRowInserted(source[key], rest.join('.'), index, row) } as T;
  const list = Array.isArray(source[key]) ? [...(source[key] as unknown[])] : [];
  list.splice(Math.min(Math.max(index, 0), list.length), 0, row);
  return { ...source, [key]: list } as T;
}
