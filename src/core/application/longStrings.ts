// The string values of a JSON text longer than a bound, with their paths, found in one pass over the text
// without parsing it. A crafted draft file may carry a field of hundreds of megabytes: parsing it would copy it
// again (and again in the checks after), while this finds and names it with no copy at all.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const U = 0x75;

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };

function pathOf(stack: readonly Frame[]): string {
  return stack.map((f) => (f.kind === 'object' ? (f.key ?? '') : String(f.index))).join('.');
}

/**
 * Each string value longer than `minLength` (in UTF-16 units once unescaped, as `String.length` counts), with
 * its dotted path (`summary`, `team.members.3.name`). Assumes well-formed JSON: a malformed text yields some
 * paths or none, and the parser that runs after names the fault.
 */
export function longStrings(text: string, minLength: number): { path: string; length: number }[] {
  const found: { path: string; length: number }[] = [];
  const stack: Frame[] = [];
  // In an object, whether the next string is a key.
  let expectKey = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      let length = 0;
      let escapes = false;
      i = start;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escapes = true;
          i += text.charCodeAt(i + 1) === U ? 6 : 2;
        } else {
          i += 1;
        }
        length += 1;
      }
      const top = stack.at(-1);
      if (top?.kind === 'object' && expectKey) {
        // Keys are short; unescape them as JSON does.
        const raw = text.slice(start, i);
        top.key = escapes ? (JSON.parse(`"${raw}"`) as string) : raw;
        expectKey = false;
      } else if (length > minLength) {
        found.push({ path: pathOf(stack), length });
      }
      i += 1;
      continue;
    }
    if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', key: null });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index += 1;
      else expectKey = true;
    }
    i += 1;
  }
  return found;
}
