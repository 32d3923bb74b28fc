// The 汇总表 as CSV for old Excel: UTF-8 with a byte order mark (without it Excel on Chinese Windows reads the
// file as GBK and shows mojibake), CRLF line ends, fields quoted when they hold a comma, quote or line break.
// A field starting with = + - @ would run as a formula in Excel (CSV injection): it gets a leading apostrophe.

function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${table.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
