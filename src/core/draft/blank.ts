// A draft nobody has written in yet: what /apply/ creates on a first visit. It is not worth keeping beside an
// imported draft, and /apply/ opens the one real draft rather than asking to choose between it and blanks.
import { emptyApplication } from '../application/schema';

/** The value without what carries nothing: empty texts, empty lists, empty groups; keys in a fixed order. */
function content(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(content);
  if (typeof value === 'object') {
    const kept = Object.keys(value)
      .sort()
      .map((k) => [k, content((value as Record<string, unknown>)[k])] as const)
      .filter(([, v]) => v !== undefined);
    return kept.length === 0 ? undefined : Object.fromEntries(kept);
  }
  return value;
}

const BLANK = JSON.stringify(content(emptyApplication()));

/** True when the data is the new application's: nothing typed, only the schema's defaults (民族 汉族 …). */
export function isBlankApplication(data: unknown): boolean {
  return JSON.stringify(content(data)) === BLANK;
}
