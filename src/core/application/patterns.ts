// The `pattern`s used in schemas/application.schema.json, named so that messages can explain them and
// rules can skip values the schema already rejects. A unit test keeps this list and the schema in step.
export const PATTERNS = {
  date: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  month: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  optionalMonth: '^([0-9]{4}-(0[1-9]|1[0-2]))?$',
  year: '^(19|20)[0-9]{2}$',
  phone: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})?$',
} as const;

export type PatternKind = keyof typeof PATTERNS;

const DATE = new RegExp(PATTERNS.date);
const MONTH = new RegExp(PATTERNS.month);
const YEAR = new RegExp(PATTERNS.year);

export function patternKind(pattern: string): PatternKind | undefined {
  return (Object.keys(PATTERNS) as PatternKind[]).find((kind) => PATTERNS[kind] === pattern);
}

export function isDate(value: string | undefined): value is string {
  return value !== undefined && DATE.test(value);
}

export function isMonth(value: string | undefined): value is string {
  return value !== undefined && MONTH.test(value);
}

export function isYear(value: string | undefined): value is string {
  return value !== undefined && YEAR.test(value);
}
